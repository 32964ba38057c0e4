import { fireEvent } from '@testing-library/svelte';
import { tick } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import ComputationGraph from '../../src/components/widgets/computation-graph/ComputationGraph.svelte';
import { buildPreset, forwardModeSteps, forwardSteps, reverseModeSteps, type PresetId } from '../../src/engine/models/computation-graph';
import { renderWidget } from './widget-harness';

function allSteps(presetId: PresetId, values: Record<string, number> = {}) {
  const result = buildPreset(presetId, values);
  if (!result.ok) throw new Error('preset does not build');
  return [...forwardSteps(result.graph), ...reverseModeSteps(result.graph), ...forwardModeSteps(result.graph)];
}

const COUNT_E = allSteps('e=(a+b)(b+1)').length;
const stops: (() => void)[] = [];

function listen(names: string[]) {
  const seen: string[] = [];
  for (const name of names) {
    const record = (event: Event) => {
      const detail = (event as CustomEvent).detail;
      seen.push(`${name.slice(3)}:${detail.step}`);
    };
    document.addEventListener(name, record);
    stops.push(() => document.removeEventListener(name, record));
  }
  return seen;
}

function setup(props: Record<string, unknown> = {}) {
  const { root, controller, action, unmount } = renderWidget(ComputationGraph, 'computation-graph', props);
  const key = () => root.querySelector<HTMLElement>('[data-step-key]')!.dataset.stepKey;
  const value = () => Number(root.querySelector<HTMLElement>('[data-step-key]')!.dataset.stepValue);
  return { root, controller, key, value, action, unmount };
}

afterEach(() => {
  stops.splice(0).forEach((stop) => stop());
  window.history.replaceState(null, '', '/');
});

describe('ComputationGraph controller', () => {
  it('registers on the widget root and reports its status', () => {
    const { controller } = setup();
    expect(controller.widget).toBe('computation-graph');
    expect(controller.status()).toEqual({ widget: 'computation-graph', step: 1, count: COUNT_E, key: 'a', query: '' });
  });

  it('moves the step with next, prev, first, last and goto (1-based number or step key)', async () => {
    const { controller, key } = setup();
    expect(controller.run({ command: 'next' })).toBe(true);
    expect(controller.run({ command: 'next' })).toBe(true);
    await tick();
    expect(key()).toBe('c');
    expect(controller.status()).toMatchObject({ step: 3, key: 'c', query: 'step=3' });
    expect(controller.run({ command: 'prev' })).toBe(true);
    expect(controller.status().key).toBe('b');
    expect(controller.run({ command: 'last' })).toBe(true);
    expect(controller.status()).toMatchObject({ step: COUNT_E, key: 'forward-mode:de/db' });
    expect(controller.run({ command: 'first' })).toBe(true);
    expect(controller.status().step).toBe(1);
    expect(controller.run({ command: 'goto', step: 'reverse:de/db' })).toBe(true);
    await tick();
    expect(key()).toBe('reverse:de/db');
    expect(controller.run({ command: 'goto', step: 4 })).toBe(true);
    expect(controller.status().key).toBe('dc/da');
    expect(controller.run({ command: 'goto', step: '7' })).toBe(true);
    expect(controller.status().key).toBe('dd/db');
    for (const step of [0, COUNT_E + 1, 2.5, 'nowhere', '']) {
      expect(controller.run({ command: 'goto', step })).toBe(false);
    }
    expect(controller.status().key).toBe('dd/db');
  });

  it('takes the URL fields with setState and refuses bad ones', async () => {
    const { root, controller, key, value } = setup();
    expect(controller.run({ command: 'setState', state: { preset: 'J', c: '3', step: 'reverse:dJ/dc' } })).toBe(true);
    await tick();
    expect(root.dataset.preset).toBe('J=3(a+bc)');
    expect(key()).toBe('reverse:dJ/dc');
    expect(value()).toBe(allSteps('J=3(a+bc)', { c: 3 }).find((step) => step.key === 'reverse:dJ/dc')!.value);
    expect(controller.status().query).toMatch(/^preset=J&step=\d+&c=3$/);
    expect(controller.run({ command: 'setState', state: { a: 'abc' } })).toBe(false);
    expect(controller.run({ command: 'setState', state: { x1: '1' } })).toBe(false);
    expect(controller.run({ command: 'setState', state: { zoom: '2' } })).toBe(false);
    expect(controller.run({ command: 'setState', state: { step: '9999' } })).toBe(false);
    expect(controller.run({ command: 'setState', state: { a: '5000000' } })).toBe(false);
    expect(controller.status().query).toMatch(/^preset=J&step=\d+&c=3$/);
    // A partly bad state applies what it can and says it could not do it all.
    expect(controller.run({ command: 'setState', state: { b: '5', a: 'x' } })).toBe(false);
    expect(controller.status().query).toContain('b=5');
  });

  it('resets to the opening example at its first step', async () => {
    const { root, controller } = setup();
    controller.run({ command: 'setState', state: { preset: 'logistic', w1: '-0.5', step: '5' } });
    expect(controller.run({ command: 'reset' })).toBe(true);
    await tick();
    expect(root.dataset.preset).toBe('e=(a+b)(b+1)');
    expect(controller.status()).toMatchObject({ step: 1, key: 'a', query: '' });

    const other = setup({ preset: 'J=3(a+bc)' });
    other.controller.run({ command: 'setState', state: { preset: 'e', a: '4' } });
    other.controller.run({ command: 'reset' });
    expect(other.controller.status()).toMatchObject({ step: 1, key: 'a', query: 'preset=J' });
  });

  it('refuses unknown commands without throwing', () => {
    const { controller } = setup();
    expect(controller.run({ command: 'jump' } as never)).toBe(false);
    expect(controller.run({ command: 'setState', state: null } as never)).toBe(false);
    expect(controller.run(undefined as never)).toBe(false);
  });

  it.each([
    [{ preset: 'J', b: '-2', step: 'reverse:dJ/db' }],
    [{ preset: 'logistic', w1: '-0.5', y: '0', step: '40' }],
    [{ a: '1.5', step: '12' }],
    [{}],
  ])('status().query round-trips through the URL reader: %j', async (state) => {
    const first = setup();
    expect(first.controller.run({ command: 'setState', state })).toBe(true);
    const query = first.controller.status().query;
    first.unmount();
    window.history.replaceState(null, '', `/?${query}`);
    const second = setup({ syncUrl: true });
    await tick();
    expect(second.root.querySelector('[data-role="url-notice"]')).toBeNull();
    expect(second.controller.status()).toEqual(first.controller.status());
  });

  it('names a preset that is not the first in its query even when the widget opened on it', async () => {
    const { controller } = setup({ preset: 'J=3(a+bc)' });
    expect(controller.status().query).toBe('preset=J');
  });

  it('announces ready, step changes, the start, the end and state changes as bubbling DOM events', async () => {
    const seen = listen(['nn-ready', 'nn-stepchange', 'nn-start', 'nn-end', 'nn-statechange']);
    const { controller, action } = setup();
    await tick();
    expect(seen).toEqual(['ready:1', 'stepchange:1', 'start:1']);
    seen.length = 0;
    await fireEvent.click(action('next'));
    expect(seen).toEqual(['stepchange:2', 'statechange:2']);
    seen.length = 0;
    controller.run({ command: 'last' });
    await tick();
    expect(seen).toEqual([`stepchange:${COUNT_E}`, `end:${COUNT_E}`, `statechange:${COUNT_E}`]);
    seen.length = 0;
    controller.run({ command: 'setState', state: { a: '3' } });
    await tick();
    expect(seen).toEqual([`statechange:${COUNT_E}`]);
    seen.length = 0;
    controller.run({ command: 'first' });
    await tick();
    expect(seen).toEqual(['stepchange:1', 'start:1', 'statechange:1']);
  });

});
