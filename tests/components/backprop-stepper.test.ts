/**
 * The general stepper: presets, the editor's refusals and reshaping, seeded random weights, the
 * matrix view, links in and out, and agreement with the engine's replay (what the CLI prints).
 */
import { fireEvent } from '@testing-library/svelte';
import { tick, type Component } from 'svelte';
import { describe, expect, it } from 'vitest';
import BackpropStepper from '../../src/components/widgets/backprop-stepper/BackpropStepper.svelte';
import { PRESETS, replayNetwork, type PresetName } from '../../src/engine/models/network-stepper';
import { fill } from '../../src/i18n';
import fields from '../../src/i18n/zh-CN/fields.json';
import strings from '../../src/i18n/zh-CN/backpropStepper.json';
import { renderWidget, stopListening } from './widget-harness';

const SLOW = { timeout: 60_000 };

function open(props: Record<string, unknown> = {}) {
  const widget = renderWidget(BackpropStepper as Component<never>, 'backprop-stepper', props);
  const current = () => widget.root.querySelector<HTMLElement>('[data-step-key]')!;
  const type = async (input: HTMLInputElement, text: string) => {
    input.value = text;
    await fireEvent.input(input);
  };
  return { ...widget, current, type };
}

describe('the general stepper', SLOW, () => {
  it('opens on document 003’s 2-2-2 network at net_h1 = 0.15·0.05 + 0.20·0.10 + 0.35', () => {
    const { root, current } = open();
    expect(root.dataset.preset).toBe('doc003-222');
    expect(root.dataset.layers).toBe('2-2-2');
    expect(current().dataset.stepKey).toBe('net_h1');
    expect(Number(current().dataset.stepValue)).toBeCloseTo(0.15 * 0.05 + 0.2 * 0.1 + 0.35, 12);
    expect(root.querySelectorAll('[data-subject^="unit:"]')).toHaveLength(6);
    expect(root.querySelectorAll('line[data-subject^="weight:"]')).toHaveLength(8);
    expect(root.querySelector('[data-subject="unit:1:0"]')!.getAttribute('class')).toContain('current');
  });

  it('switches to the 3-4-1 preset: twelve plus four weights, and the first net input summed by hand', async () => {
    const { root, current } = open();
    const select = root.querySelector<HTMLSelectElement>('select[data-action="preset"]')!;
    await fireEvent.change(select, { target: { value: 'doc004-341' } });
    const { weights, biases, inputs } = PRESETS['doc004-341'];
    expect(root.dataset.layers).toBe('3-4-1');
    expect(root.querySelectorAll('line[data-subject^="weight:"]')).toHaveLength(16);
    expect(current().dataset.stepKey).toBe('net[1][0]');
    const byHand = weights[0][0][0] * inputs[0] + weights[0][0][1] * inputs[1] + weights[0][0][2] * inputs[2] + biases[0][0];
    expect(Number(current().dataset.stepValue)).toBeCloseTo(byHand, 12);
  });

  it.each(['doc003-222', 'doc004-341', 'doc002-shallow'] as PresetName[])(
    'shows every value of %s exactly as replayNetwork (the CLI’s trace) computes it',
    async (preset) => {
      const { controller, current } = open({ preset });
      const expected = replayNetwork(PRESETS[preset]).steps;
      expect(controller.status().count).toBe(expected.length);
      for (const step of expected) {
        expect(controller.run({ command: 'goto', step: step.index + 1 })).toBe(true);
        await tick();
        expect(current().dataset.stepKey).toBe(step.key);
        expect(Number(current().dataset.stepValue)).toBe(step.value);
      }
    },
  );

  it('refuses a layer list it cannot draw, says why, and keeps the network', async () => {
    const { root, controller, type } = open();
    const before = controller.status().query;
    const layers = root.querySelector<HTMLInputElement>('input[name="layers"]')!;
    await type(layers, '9-9');
    expect(layers.getAttribute('aria-invalid')).toBe('true');
    expect(root.textContent).toContain(fill(strings.errors.layers, { raw: '9-9' }));
    expect(controller.status().query).toBe(before);
    expect(root.dataset.layers).toBe('2-2-2');
  });

  it('reshapes to 2-3-1 keeping the weights that still fit and drawing the new ones from the seed', async () => {
    const { root, field, type } = open();
    await type(root.querySelector<HTMLInputElement>('input[name="layers"]')!, '2-3-1');
    expect(root.dataset.layers).toBe('2-3-1');
    expect(root.querySelectorAll('line[data-subject^="weight:"]')).toHaveLength(9);
    expect(field('w[1][0][0]').value).toBe('0.15');
    expect(field('w[1][1][1]').value).toBe('0.3');
    expect(field('w[2][0][0]').value).toBe('0.4');
    expect(field('w[1][2][0]')).not.toBeNull();
    expect(field('t[1]')).toBeNull();
  });

  it('words its own limits and the shared number messages', async () => {
    const { root, field, type } = open();
    await type(field('lr'), '0');
    expect(root.textContent).toContain(fill(strings.errors['not-positive'], { name: 'η' }));
    await type(field('w[1][0][0]'), '5000');
    expect(root.textContent).toContain(fill(strings.errors['out-of-range'], { name: 'w⁽¹⁾₁₁', raw: '5000' }));
    await type(field('x[0]'), 'abc');
    expect(root.textContent).toContain(fill(fields.notANumber, { text: 'abc' }));
    expect(root.textContent).not.toMatch(/NaN|Infinity/);
  });

  it('draws random weights from a seed it shows and keeps in the link; the link brings the same weights back', async () => {
    const { root, controller, action, field } = open();
    await fireEvent.click(action('random'));
    expect(root.querySelector('[data-role="seed"]')!.textContent).toBe(fill(strings.seed, { seed: 2 }));
    const query = controller.status().query;
    expect(query).toContain('seed=2');
    const w1 = field('w[1][0][0]').value;
    expect(w1).not.toBe('0.15');
    stopListening();
    const again = open();
    expect(again.controller.run({ command: 'setState', state: Object.fromEntries(new URLSearchParams(query)) })).toBe(true);
    await tick();
    expect(again.controller.status().query).toBe(query);
    expect(again.field('w[1][0][0]').value).toBe(w1);
  });

  it('round-trips an edited network with per-unit biases, tanh and the published order through its query', async () => {
    const { root, controller, field, type, current } = open({ preset: 'doc002-shallow' });
    await fireEvent.change(root.querySelector('select[data-action="bias"]')!, { target: { value: 'unit' } });
    await fireEvent.change(root.querySelector('select[data-action="order"]')!, { target: { value: 'published' } });
    await type(field('x[0]'), '0.25');
    controller.run({ command: 'goto', step: 7 });
    await tick();
    const query = controller.status().query;
    expect(query).toContain('preset=doc002-shallow');
    expect(query).toContain('order=published');
    expect(query).toContain('step=7');
    stopListening();
    const copy = open();
    expect(copy.controller.run({ command: 'setState', state: Object.fromEntries(new URLSearchParams(query)) })).toBe(true);
    await tick();
    expect(copy.controller.status().query).toBe(query);
    expect(copy.current().dataset.stepValue).toBe(current().dataset.stepValue);
  });

  it('updates the 2-2-2 biases only when asked, as the document does not, and says so in the link', async () => {
    const { root, controller } = open();
    const count = () => controller.status().count;
    const fixed = count()!;
    await fireEvent.click(root.querySelector<HTMLInputElement>('input[data-option="update-biases"]')!);
    expect(controller.status().query).toContain('biases=1');
    expect(count()).toBeGreaterThan(fixed);
    expect(replayNetwork({ ...PRESETS['doc003-222'], updateBiases: true }).steps).toHaveLength(count()!);
  });

  it('reports malformed link fields, names each, and uses the rest', async () => {
    const { root, controller, current } = open();
    const refused = controller.execute({ command: 'setState', state: { layers: '9-9', act: 'cosine', mode: 'guess', step: '2' } });
    expect(refused.ok).toBe(false);
    if (!refused.ok) for (const name of ['layers', 'act', 'mode']) expect(refused.reason).toContain(name);
    await tick();
    expect(root.dataset.layers).toBe('2-2-2');
    expect(current().dataset.stepKey).toBe('out_h1');
    // Fields that parse but do not fit together (two weights for a 2-2-2 network) are refused as a whole.
    expect(controller.execute({ command: 'setState', state: { w: '1_2' } }).ok).toBe(false);
    expect(controller.execute({ command: 'setState', state: { layers: '3-3', step: '2' } })).toEqual({ ok: true });
    await tick();
    expect(root.dataset.layers).toBe('3-3');
  });

  it('shows the step’s layer in matrix form beside the scalar step, with the numbers', async () => {
    const { root, controller } = open({ preset: 'doc004-341' });
    expect(root.querySelector('[data-role="matrix"]')).toBeNull();
    await fireEvent.click(root.querySelector<HTMLInputElement>('input[data-option="matrix"]')!);
    const matrix = root.querySelector<HTMLElement>('[data-role="matrix"]')!;
    expect(matrix.dataset.layer).toBe('1');
    expect(matrix.textContent).toContain('4×3');
    expect(root.querySelector('[data-step-key]')).not.toBeNull();
    expect(controller.status().query).toContain('view=matrix');
  });
});
