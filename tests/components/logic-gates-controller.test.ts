import { tick } from 'svelte';
import { describe, expect, it } from 'vitest';
import LogicGates from '../../src/components/widgets/logic-gates/LogicGates.svelte';
import { LogicGatesModel } from '../../src/components/widgets/logic-gates/model.svelte';
import { logicGatesBinding, queryOf } from '../../src/components/widgets/logic-gates/binding';
import { renderWidget, stopListening } from './widget-harness';

/** Renders the widget with its event recorder and the helpers these tests read it with. */
function setup(props: Record<string, unknown> = {}) {
  const { root, controller, seen } = renderWidget(LogicGates, 'logic-gates', props);
  const produced = () => [...root.querySelectorAll<HTMLElement>('[data-role="truth-table"] tbody tr')].map((row) => row.dataset.produced);
  return { root, controller, seen, produced };
}

/** Each render typesets dozens of KaTeX formulas in happy-dom; on a loaded 2-core machine that can pass 5 s. */
const SLOW = { timeout: 15_000 };

describe('LogicGates controller and events', SLOW, () => {
  it('registers a controller that reports the default state as an empty query', () => {
    const { controller } = setup();
    expect(controller.widget).toBe('logic-gates');
    expect(controller.status()).toEqual({ widget: 'logic-gates', query: '' });
  });

  it('setState switches the preset and sets θ as a link does', async () => {
    const { root, controller, produced } = setup();
    expect(controller.run({ command: 'setState', state: { preset: 'or' } })).toBe(true);
    await tick();
    expect(root.dataset.preset).toBe('or');
    expect(produced()).toEqual(['0', '1', '1', '1']);
    expect(controller.status().query).toBe('preset=or');
    expect(controller.run({ command: 'setState', state: { preset: 'nor', t0: '1' } })).toBe(true);
    await tick();
    expect(controller.status().query).toBe('preset=nor&t0=1&t1=-2&t2=-2');
    expect(produced()).toEqual(['1', '0', '0', '0']);
  });

  it('θ fields alone adjust the gate shown, and a preset alone loads the document’s θ', async () => {
    const { controller } = setup();
    controller.run({ command: 'setState', state: { t0: '-5' } });
    controller.run({ command: 'setState', state: { t1: '4' } });
    expect(controller.status().query).toBe('t0=-5&t1=4&t2=2');
    controller.run({ command: 'setState', state: { mode: 'continuous' } });
    expect(controller.status().query).toBe('t0=-5&t1=4&t2=2');
    controller.run({ command: 'setState', state: { preset: 'and' } });
    expect(controller.status().query).toBe('');
  });

  it('setState shows an XNOR network in the thresholded mode', async () => {
    const { root, controller } = setup();
    expect(controller.run({ command: 'setState', state: { preset: 'xnor-corrected', mode: 'thresholded' } })).toBe(true);
    await tick();
    expect(root.dataset.view).toBe('xnor');
    expect(root.querySelector('[data-role="xnor-table"]')!.getAttribute('data-mode')).toBe('thresholded');
    expect(controller.status().query).toBe('preset=xnor-corrected&mode=thresholded');
  });

  it.each<[Record<string, string>, string]>([
    [{ t0: 'abc' }, 'a malformed θ'],
    [{ t1: '1e9' }, 'a θ beyond the limit'],
    [{ preset: 'nand' }, 'an unknown preset'],
    [{ preset: 'not', t2: '3' }, 'a θ2 for the one-input NOT gate'],
    [{ mode: 'fuzzy' }, 'an unknown mode'],
    [{ zoom: '2' }, 'an unknown field'],
  ])('setState %j is refused (%s)', (state) => {
    const { controller } = setup();
    expect(controller.run({ command: 'setState', state })).toBe(false);
  });

  it('a refused field leaves the rest of the state alone', () => {
    const { controller } = setup();
    controller.run({ command: 'setState', state: { preset: 'or', t0: '-2' } });
    expect(controller.run({ command: 'setState', state: { t1: 'x' } })).toBe(false);
    expect(controller.status().query).toBe('preset=or&t0=-2&t1=2&t2=2');
  });

  it('status().query round-trips through the URL reader, whatever preset the widget started on', () => {
    const { controller } = setup({ preset: 'xnor' });
    expect(controller.status().query).toBe('preset=xnor');
    const states: Record<string, string>[] = [{ preset: 'not', t0: '2', t1: '-4' }, { preset: 'xnor-sharp', mode: 'thresholded' }, { preset: 'perceptron-xor' }];
    for (const state of states) {
      controller.run({ command: 'setState', state });
      const { query } = controller.status();
      const fresh = new LogicGatesModel();
      expect(logicGatesBinding(fresh).apply(new URLSearchParams(query))).toEqual([]);
      expect(queryOf(fresh)).toBe(query);
    }
  });

  it('reset returns to the preset the widget started on', async () => {
    const { root, controller } = setup({ preset: 'nor' });
    controller.run({ command: 'setState', state: { preset: 'xnor', mode: 'thresholded' } });
    expect(controller.run({ command: 'reset' })).toBe(true);
    await tick();
    expect(root.dataset.preset).toBe('nor');
    expect(controller.status().query).toBe('preset=nor');
    controller.run({ command: 'setState', state: { preset: 'xnor' } });
    expect(controller.status().query).toBe('preset=xnor');
  });

  it('announces nn-ready on mount and nn-statechange for each real change only', async () => {
    const { controller, seen } = setup();
    await tick();
    controller.run({ command: 'setState', state: { preset: 'or' } });
    await tick();
    controller.run({ command: 'setState', state: { preset: 'or' } });
    await tick();
    controller.run({ command: 'reset' });
    await tick();
    expect(seen.map(({ name, detail }) => `${name}:${detail.query}`)).toEqual(['nn-ready:', 'nn-statechange:preset=or', 'nn-statechange:']);
    expect(seen[0].detail.widget).toBe('logic-gates');
  });

});
