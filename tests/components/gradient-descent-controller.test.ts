import { fireEvent } from '@testing-library/svelte';
import { tick } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import GradientDescent from '../../src/components/widgets/gradient-descent/GradientDescent.svelte';
import { VIEW_BOUND } from '../../src/components/widgets/gradient-descent/settings';
import type { WidgetStatus } from '../../src/components/shared/widget-api';
import { descend1d } from '../../src/engine/models/gradient-descent';
import { renderWidget } from './widget-harness';

type GdStatus = WidgetStatus & { step: number; outcome: string };
const stops: (() => void)[] = [];

function listen(names: string[]) {
  const seen: string[] = [];
  for (const name of names) {
    const record = (event: Event) => {
      const detail = (event as CustomEvent<GdStatus>).detail;
      seen.push(`${name.slice(3)}:${detail.step}:${detail.outcome}`);
    };
    document.addEventListener(name, record);
    stops.push(() => document.removeEventListener(name, record));
  }
  return seen;
}

function setup(props: Record<string, unknown> = {}) {
  const { root, controller, action, unmount } = renderWidget(GradientDescent, 'gradient-descent', props);
  const status = () => controller.status() as GdStatus;
  const readout = () => root.querySelector<HTMLElement>('[data-role="readout"]')!;
  return { root, controller, status, readout, action, unmount };
}

function curveRun(w0: number, alpha: number, steps: number) {
  const run = descend1d('parabola', w0, alpha, steps, { bound: VIEW_BOUND });
  if (!run.ok) throw new Error('invalid run');
  return run;
}

afterEach(() => {
  stops.splice(0).forEach((stop) => stop());
  window.history.replaceState(null, '', '/');
});

describe('GradientDescent controller', () => {
  it('registers on the widget root and reports steps taken, the outcome and the query', () => {
    const { controller, status } = setup();
    expect(controller.widget).toBe('gradient-descent');
    expect(status()).toEqual({ widget: 'gradient-descent', step: 0, outcome: 'not-started', query: '' });
    expect(status().count).toBeUndefined();
  });

  it('takes one descent step with next, steps back with prev and returns to the start with first', async () => {
    const { controller, status, readout } = setup();
    expect(controller.run({ command: 'prev' })).toBe(false);
    expect(controller.run({ command: 'next' })).toBe(true);
    await tick();
    expect(Number(readout().dataset.steps)).toBe(1);
    expect(Number(readout().dataset.w)).toBe(curveRun(0, 0.1, 1).records[1].w);
    expect(status()).toMatchObject({ step: 1, outcome: 'descending', query: 'steps=1' });
    controller.run({ command: 'next' });
    controller.run({ command: 'next' });
    expect(status().step).toBe(3);
    expect(controller.run({ command: 'prev' })).toBe(true);
    expect(status().step).toBe(2);
    expect(controller.run({ command: 'first' })).toBe(true);
    expect(status()).toMatchObject({ step: 0, outcome: 'not-started', query: '' });
  });

  it('refuses what a descent has no meaning for: last, goto, and a step after the run diverged', () => {
    const { controller, status } = setup();
    expect(controller.run({ command: 'last' })).toBe(false);
    expect(controller.run({ command: 'goto', step: 3 })).toBe(false);
    expect(controller.run({ command: 'goto', step: 'w' })).toBe(false);
    expect(controller.run({ command: 'jump' } as never)).toBe(false);
    expect(controller.run(undefined as never)).toBe(false);
    expect(controller.run({ command: 'setState', state: { alpha: '1.5', steps: '20' } })).toBe(true);
    const run = curveRun(0, 1.5, 20);
    expect(status()).toMatchObject({ step: run.records.length - 1, outcome: 'diverged' });
    expect(controller.run({ command: 'next' })).toBe(false);
    expect(status().step).toBe(run.records.length - 1);
  });

  it('takes the URL fields with setState and refuses bad ones', async () => {
    const { root, controller, status, readout } = setup();
    expect(controller.run({ command: 'setState', state: { view: 'surface', alpha: '2', b0: '-1', steps: '5' } })).toBe(true);
    await tick();
    expect(root.dataset.view).toBe('surface');
    expect(Number(readout().dataset.b)).not.toBeNaN();
    expect(status()).toMatchObject({ step: 5, query: 'view=surface&alpha=2&b0=-1&steps=5' });
    const bad: Record<string, string>[] = [{ alpha: 'abc' }, { alpha: '5000' }, { steps: '-1' }, { n: '0' }, { curve: 'quartic' }, { zoom: '2' }];
    for (const state of bad) {
      expect(controller.run({ command: 'setState', state })).toBe(false);
    }
    expect(status().query).toBe('view=surface&alpha=2&b0=-1&steps=5');
    expect(controller.run({ command: 'setState', state: { view: 'curve', curve: 'quartic', w0: '2', steps: '3' } })).toBe(true);
    expect(status().query).toBe('curve=quartic&w0=2&steps=3');
    expect(controller.run({ command: 'setState', state: { b0: '1' } })).toBe(false);
  });

  it('resets to the defaults the widget opened with', async () => {
    const { root, controller, status } = setup();
    controller.run({ command: 'setState', state: { view: 'surface', alpha: '2', steps: '5', n: '3' } });
    expect(controller.run({ command: 'reset' })).toBe(true);
    await tick();
    expect(root.dataset.view).toBe('curve');
    expect(status()).toEqual({ widget: 'gradient-descent', step: 0, outcome: 'not-started', query: '' });
    controller.run({ command: 'setState', state: { view: 'surface' } });
    expect(status().query).toBe('view=surface');

    const surface = setup({ view: 'surface' });
    surface.controller.run({ command: 'setState', state: { view: 'curve', steps: '4' } });
    surface.controller.run({ command: 'reset' });
    expect(surface.status()).toMatchObject({ step: 0, query: 'view=surface' });
  });

  it.each([
    [{ curve: 'quartic', alpha: '0.5', w0: '1.5', steps: '7', n: '4' }],
    [{ view: 'surface', alpha: '3', w0: '1', b0: '0.5', steps: '12' }],
    [{ alpha: '1.5', steps: '30' }],
    [{}],
  ])('status().query round-trips through the URL reader: %j', async (state) => {
    const first = setup();
    expect(first.controller.run({ command: 'setState', state })).toBe(true);
    const before = first.status();
    first.unmount();
    window.history.replaceState(null, '', `/?${before.query}`);
    const second = setup({ syncUrl: true });
    await tick();
    expect(second.root.querySelector('[data-role="url-notice"]')).toBeNull();
    expect(second.status()).toEqual(before);
  });

  it('announces ready and every state change, each descent step included, as bubbling DOM events', async () => {
    const seen = listen(['nn-ready', 'nn-stepchange', 'nn-start', 'nn-end', 'nn-statechange']);
    const { controller, action } = setup();
    await tick();
    expect(seen).toEqual(['ready:0:not-started']);
    controller.run({ command: 'next' });
    await tick();
    await fireEvent.click(action('step'));
    controller.run({ command: 'setState', state: { alpha: '1.5' } });
    await tick();
    controller.run({ command: 'next' });
    await tick();
    expect(seen.slice(1)).toEqual(['statechange:1:descending', 'statechange:2:descending', 'statechange:2:oscillating', 'statechange:3:oscillating']);
  });

});
