import { fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import ComputationGraph from '../../src/components/widgets/computation-graph/ComputationGraph.svelte';
import { diagramState } from '../../src/components/widgets/computation-graph/diagram-state';
import { plainSymbol } from '../../src/components/widgets/computation-graph/symbols';
import { presetFromSlug, readComputationGraphUrl, resolveStep } from '../../src/components/widgets/computation-graph/url';
import {
  buildPreset, edgeVisitCounts, forwardModeSteps, forwardSteps, reverseModeSteps, type PresetId,
} from '../../src/engine/models/computation-graph';
import { addressWritten } from './widget-harness';

function allSteps(presetId: PresetId, values: Record<string, number> = {}) {
  const result = buildPreset(presetId, values);
  if (!result.ok) throw new Error('preset does not build');
  return [...forwardSteps(result.graph), ...reverseModeSteps(result.graph), ...forwardModeSteps(result.graph)];
}

function setup(props: Record<string, unknown> = {}) {
  const result = render(ComputationGraph, { props: { syncUrl: false, ...props } });
  const root = result.container.querySelector<HTMLElement>('[data-widget="computation-graph"]')!;
  const current = () => root.querySelector<HTMLElement>('[data-step-key]')!;
  const key = () => current().dataset.stepKey;
  const value = () => Number(current().dataset.stepValue);
  const action = (name: string) => root.querySelector<HTMLButtonElement>(`[data-action="${name}"]`)!;
  const phaseSelect = () => root.querySelector<HTMLSelectElement>('select[data-action="phase"]')!;
  const presetSelect = () => root.querySelector<HTMLSelectElement>('select[data-action="preset"]')!;
  const field = (name: string) => root.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;
  const errors = () => root.querySelector<HTMLElement>('[data-role="input-errors"]');
  return { root, current, key, value, action, phaseSelect, presetSelect, field, errors };
}

afterEach(() => {
  window.history.replaceState(null, '', '/');
});

describe('ComputationGraph stepper', () => {
  it('starts at the first forward step of e = (a + b)(b + 1) with the test hooks in place', () => {
    const { root, key, value, action } = setup();
    expect(root.dataset.preset).toBe('e=(a+b)(b+1)');
    expect(key()).toBe('a');
    expect(value()).toBe(2);
    expect(action('prev').disabled).toBe(true);
    const total = allSteps('e=(a+b)(b+1)').length;
    expect(root.textContent).toContain(`第 1 步 / 共 ${total} 步`);
    expect(root.querySelector('math')).not.toBeNull();
  });

  it('steps forward node by node, showing values in the diagram once computed', async () => {
    const { root, key, value, action } = setup();
    expect(root.querySelector('[data-node="c"] [data-node-value]')).toBeNull();
    for (let i = 0; i < 2; i++) await fireEvent.click(action('next'));
    expect(key()).toBe('c');
    expect(value()).toBe(3);
    expect(root.querySelector('[data-node="c"] [data-node-value]')!.textContent).toBe('3');
    await fireEvent.click(action('next'));
    expect(key()).toBe('dc/da');
    expect(root.querySelector('[data-edge="a->c"] [data-local-derivative]')!.textContent).toBe('1');
    await fireEvent.click(action('prev'));
    expect(key()).toBe('c');
    expect(root.querySelector('[data-edge="a->c"] [data-local-derivative]')).toBeNull();
  });

  it('follows the engine through every step of all three phases', async () => {
    const { key, value, action } = setup();
    const steps = allSteps('e=(a+b)(b+1)');
    for (const step of steps) {
      expect(key()).toBe(step.key);
      expect(value()).toBe(step.value);
      await fireEvent.click(action('next'));
    }
    expect(action('next').disabled).toBe(true);
  });

  it('jumps to the reverse pass and stacks 2×1 + 3×1 = 5 on b', async () => {
    const { root, key, value, phaseSelect } = setup();
    await fireEvent.change(phaseSelect(), { target: { value: 'reverse' } });
    expect(key()).toBe('reverse:de/de');
    expect(value()).toBe(1);
    for (let guard = 0; guard < 30 && key() !== 'reverse:b->d'; guard++) {
      await fireEvent.keyDown(root, { key: 'ArrowRight' });
    }
    expect(root.querySelector('[data-role="stacked"]')!.textContent).toContain('5');
    expect(root.querySelector('[data-node="b"] [data-node-tag]')!.textContent).toBe('5');
    await fireEvent.keyDown(root, { key: 'ArrowRight' });
    await fireEvent.keyDown(root, { key: 'ArrowRight' });
    expect(key()).toBe('reverse:de/db');
    expect(value()).toBe(5);
    expect(root.querySelector('[data-role="visits-so-far"]')!.getAttribute('data-reverse')).toBe('5');
  });

  it('offers one forward-mode pass per input and counts edge visits of both modes', async () => {
    const { root, key, phaseSelect } = setup();
    const options = [...phaseSelect().options].map((option) => option.value);
    expect(options).toEqual(['forward', 'reverse', 'forward-mode:a', 'forward-mode:b']);
    await fireEvent.change(phaseSelect(), { target: { value: 'forward-mode:b' } });
    expect(key()).toBe('forward-mode:db/db');
    const counts = root.querySelector<HTMLElement>('[data-role="visit-counts"]')!;
    expect(counts.dataset.forwardMode).toBe('6');
    expect(counts.dataset.reverseMode).toBe('5');
    expect(root.querySelector('[data-visit-edge="c->e"]')!.textContent).toMatch(/1\s*2/);
    await fireEvent.keyDown(root, { key: 'End' });
    expect(key()).toBe('forward-mode:de/db');
    expect(root.querySelector('[data-role="visits-so-far"]')!.getAttribute('data-forward')).toBe('6');
    await fireEvent.keyDown(root, { key: 'Home' });
    expect(key()).toBe('a');
  });

  it('jumps by the phase ledger', async () => {
    const { root, key } = setup();
    const rows = root.querySelectorAll<HTMLButtonElement>('[data-ledger-key] button');
    await fireEvent.click(rows[rows.length - 1]);
    expect(key()).toBe('de/dd');
  });

  it('switches preset: J = 3(a + bc) with the document values gives dJ/dc = 12', async () => {
    const { root, key, value, presetSelect, phaseSelect, field } = setup();
    await fireEvent.change(presetSelect(), { target: { value: 'J=3(a+bc)' } });
    expect(root.dataset.preset).toBe('J=3(a+bc)');
    expect(key()).toBe('a');
    expect(value()).toBe(7);
    expect(field('c').value).toBe('2');
    await fireEvent.change(phaseSelect(), { target: { value: 'forward-mode:a' } });
    await fireEvent.click(root.querySelector<HTMLButtonElement>('[data-ledger-key="forward-mode:dJ/da"] button')!);
    expect(value()).toBe(3);
    await fireEvent.change(phaseSelect(), { target: { value: 'reverse' } });
    await fireEvent.click(root.querySelector<HTMLButtonElement>('[data-ledger-key="reverse:dJ/dc"] button')!);
    expect(key()).toBe('reverse:dJ/dc');
    expect(value()).toBe(12);
  });

  it('switches to the logistic-regression graph: dL/dz = a − y', async () => {
    const { root, key, value, presetSelect, phaseSelect } = setup();
    await fireEvent.change(presetSelect(), { target: { value: 'logistic-regression' } });
    expect(root.querySelectorAll('[data-node]')).toHaveLength(11);
    await fireEvent.change(phaseSelect(), { target: { value: 'reverse' } });
    await fireEvent.click(root.querySelector<HTMLButtonElement>('[data-ledger-key="reverse:dL/dz"] button')!);
    expect(key()).toBe('reverse:dL/dz');
    expect(value()).toBeCloseTo(1 / (1 + Math.exp(-0.1)) - 1, 12);
  });

  it('recomputes every step when an input changes, keeping the step on screen', async () => {
    const { key, value, phaseSelect, field, action } = setup();
    await fireEvent.change(phaseSelect(), { target: { value: 'reverse' } });
    await fireEvent.input(field('b'), { target: { value: '3' } });
    expect(key()).toBe('reverse:de/de');
    expect(value()).toBe(1);
    await fireEvent.change(phaseSelect(), { target: { value: 'forward-mode:a' } });
    for (let guard = 0; guard < 10 && key() !== 'forward-mode:de/da'; guard++) await fireEvent.click(action('next'));
    // e = (a + b)(b + 1): ∂e/∂a = b + 1 = 4, and ∂e/∂b = (b + 1) + (a + b) = 9 at a = 2, b = 3.
    expect(value()).toBe(4);
    const steps = allSteps('e=(a+b)(b+1)', { b: 3 });
    expect(steps.find((s) => s.key === 'reverse:de/db')!.value).toBe(9);
  });

  it.each([
    ['', '请填写一个数'],
    ['abc', '“abc” 不是一个数'],
    ['1e400', '太大'],
    ['2e6', '超出了允许范围'],
    ['0x10', '不是一个数'],
  ])('refuses %j with a message, keeps the last valid value and never shows NaN', async (text, message) => {
    const { root, value, field, errors, action } = setup();
    await fireEvent.input(field('a'), { target: { value: text } });
    expect(errors()!.getAttribute('role')).toBe('alert');
    expect(errors()!.textContent).toContain(message);
    expect(field('a').getAttribute('aria-invalid')).toBe('true');
    expect(value()).toBe(2);
    expect(root.textContent).not.toMatch(/NaN|Infinity/);
    await fireEvent.click(action('reset'));
    expect(errors()).toBeNull();
    expect(field('a').value).toBe('2');
  });

  it('accepts a typographic minus and clears the message once the field is valid again', async () => {
    const { value, field, errors } = setup();
    await fireEvent.input(field('a'), { target: { value: 'x' } });
    expect(errors()).not.toBeNull();
    await fireEvent.input(field('a'), { target: { value: '−4' } });
    expect(errors()).toBeNull();
    expect(value()).toBe(-4);
  });

  it('ignores stepping keys typed into a field', async () => {
    const { key, field } = setup();
    await fireEvent.keyDown(field('a'), { key: 'ArrowRight' });
    expect(key()).toBe('a');
  });

  it('opens on the preset given as a prop and hides the editor without controls', () => {
    const { root, key, field } = setup({ preset: 'J=3(a+bc)', controls: false });
    expect(root.dataset.preset).toBe('J=3(a+bc)');
    expect(key()).toBe('a');
    expect(field('a')).toBeNull();
  });

  it('speaks English when asked', () => {
    setup({ lang: 'en' });
    expect(screen.getByText(`Step 1 of ${allSteps('e=(a+b)(b+1)').length}`)).toBeTruthy();
  });
});

describe('ComputationGraph URL state', () => {
  it('reads preset, inputs and step from the address bar and writes changes back', async () => {
    window.history.replaceState(null, '', '/?preset=J&c=3&step=reverse:dJ/dc');
    const { root, key, value, action } = setup({ syncUrl: true });
    await Promise.resolve();
    expect(root.dataset.preset).toBe('J=3(a+bc)');
    expect(key()).toBe('reverse:dJ/dc');
    expect(value()).toBe(12);
    await fireEvent.click(action('next'));
    await addressWritten();
    const query = new URLSearchParams(window.location.search);
    expect(query.get('preset')).toBe('J');
    expect(query.get('c')).toBe('3');
    expect(Number(query.get('step'))).toBe(allSteps('J=3(a+bc)', { c: 3 }).findIndex((s) => s.key === 'reverse:dJ/dc') + 2);
  });

  it('ignores malformed values with a polite notice and still works', async () => {
    window.history.replaceState(null, '', '/?preset=nope&a=abc&b=1e400&c=4&step=9999');
    const { root, key, action } = setup({ syncUrl: true });
    await Promise.resolve();
    const notice = root.querySelector<HTMLElement>('[data-role="url-notice"]')!;
    expect(notice.getAttribute('role')).toBe('status');
    for (const entry of ['preset=nope', 'a=abc', 'b=1e400', 'c=4', 'step=9999']) expect(notice.textContent).toContain(entry);
    expect(root.dataset.preset).toBe('e=(a+b)(b+1)');
    expect(key()).toBe('a');
    await fireEvent.click(action('next'));
    expect(key()).toBe('b');
  });

  it('refuses an input the engine rejects as out of range', async () => {
    window.history.replaceState(null, '', '/?a=5000000');
    const { root, value } = setup({ syncUrl: true });
    await Promise.resolve();
    expect(root.querySelector('[data-role="url-notice"]')!.textContent).toContain('a=5000000');
    expect(value()).toBe(2);
  });

  it('links to the first preset when the widget opened on another one', async () => {
    const { presetSelect } = setup({ syncUrl: true, preset: 'J=3(a+bc)' });
    await Promise.resolve();
    await addressWritten();
    expect(new URLSearchParams(window.location.search).get('preset')).toBeNull();
    await fireEvent.change(presetSelect(), { target: { value: 'e=(a+b)(b+1)' } });
    await addressWritten();
    expect(new URLSearchParams(window.location.search).get('preset')).toBe('e');
  });

  it('keeps fields of a prefixed widget apart', async () => {
    window.history.replaceState(null, '', '/?preset=logistic&cg.preset=J&cg.step=3');
    const { root, key } = setup({ syncUrl: true, urlPrefix: 'cg.' });
    await Promise.resolve();
    expect(root.dataset.preset).toBe('J=3(a+bc)');
    expect(key()).toBe('c');
  });

  it.each([
    ['preset=e', { preset: 'e=(a+b)(b+1)' }, []],
    ['preset=logistic&w1=-0.5&step=3', { preset: 'logistic-regression', w1: -0.5, step: '3' }, []],
    ['preset=J%3D3(a%2Bbc)', { preset: 'J=3(a+bc)' }, []],
    ['a=&b=one&step=<script>', {}, ['a=', 'b=one', 'step=<script>']],
    ['a=1e999&c=NaN&x1=Infinity', {}, ['a=1e999', 'c=NaN', 'x1=Infinity']],
  ])('parses %s', (search, values, ignored) => {
    expect(readComputationGraphUrl(new URLSearchParams(search))).toEqual({ values, ignored });
  });

  it('resolves steps by 1-based number or key', () => {
    const steps = allSteps('e=(a+b)(b+1)');
    expect(resolveStep(steps, '1')).toBe(0);
    expect(resolveStep(steps, String(steps.length))).toBe(steps.length - 1);
    expect(resolveStep(steps, String(steps.length + 1))).toBeUndefined();
    expect(resolveStep(steps, '0')).toBeUndefined();
    expect(resolveStep(steps, 'reverse:de/db')).toBe(steps.findIndex((s) => s.key === 'reverse:de/db'));
    expect(resolveStep(steps, 'nothing')).toBeUndefined();
    expect(presetFromSlug('logistic')).toBe('logistic-regression');
    expect(presetFromSlug('x')).toBeUndefined();
  });
});

describe('helpers', () => {
  it('writes LaTeX labels as plain symbols for SVG text', () => {
    expect(plainSymbol('w_1x_1')).toBe('w₁x₁');
    expect(plainSymbol('x_{12}')).toBe('x₁₂');
    expect(plainSymbol('J')).toBe('J');
  });

  it('diagram state tracks the running totals of the reverse pass', () => {
    const steps = allSteps('e=(a+b)(b+1)');
    const at = (key: string) => diagramState(steps, steps.findIndex((s) => s.key === key));
    const afterFirstSendToB = at('reverse:b->c');
    expect(afterFirstSendToB.tags.get('b')).toEqual({ value: 2, final: false });
    expect(afterFirstSendToB.currentEdge).toBe('b->c');
    const done = at('reverse:de/db');
    expect(done.tags.get('b')).toEqual({ value: 5, final: true });
    expect(done.visitedEdges.size).toBe(5);
    const result = buildPreset('e=(a+b)(b+1)');
    if (result.ok) expect(done.visitsSoFar.reverse).toBe(edgeVisitCounts(result.graph).reverseMode);
  });
});
