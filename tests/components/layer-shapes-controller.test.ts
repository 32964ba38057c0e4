import { tick } from 'svelte';
import { describe, expect, it } from 'vitest';
import LayerShapes from '../../src/components/widgets/layer-shapes/LayerShapes.svelte';
import { LayerShapesModel } from '../../src/components/widgets/layer-shapes/model.svelte';
import { layerShapesBinding } from '../../src/components/widgets/layer-shapes/binding';
import { queryOf } from '../../src/components/shared/widget-binding';
import { renderWidget, stopListening } from './widget-harness';

/** Renders the widget with its event recorder and the helpers these tests read it with. */
function setup(props: Record<string, unknown> = {}) {
  const { root, controller, seen } = renderWidget(LayerShapes, 'layer-shapes', props);
  const tables = () => root.querySelectorAll('[data-role="shape-table"]').length;
  return { root, controller, seen, tables };
}

/** Each render typesets dozens of KaTeX formulas in happy-dom; on a loaded 2-core machine that can pass 5 s. */
const SLOW = { timeout: 20_000 };

describe('LayerShapes controller and events', SLOW, () => {
  it('registers a controller that reports the default state as an empty query', () => {
    const { controller } = setup();
    expect(controller.widget).toBe('layer-shapes');
    expect(controller.status()).toEqual({ widget: 'layer-shapes', query: '' });
  });

  it('setState applies m, the sizes and the layout switch and the widget shows them', async () => {
    const { root, controller, tables } = setup();
    expect(controller.run({ command: 'setState', state: { m: '7', sizes: '2-3-4', all: '1' } })).toBe(true);
    await tick();
    expect(root.dataset.sizes).toBe('2-3-4');
    expect(root.dataset.m).toBe('7');
    expect(tables()).toBe(4);
    expect(controller.status().query).toBe('m=7&sizes=2-3-4&all=1');
    expect(controller.run({ command: 'setState', state: { all: '0' } })).toBe(true);
    await tick();
    expect(tables()).toBe(2);
    expect(controller.status().query).toBe('m=7&sizes=2-3-4');
  });

  it.each<[Record<string, string>, string]>([
    [{ m: '0' }, 'm below 1'],
    [{ m: 'abc' }, 'a malformed m'],
    [{ sizes: '3--1' }, 'a malformed size list'],
    [{ sizes: '7' }, 'a single layer'],
    [{ all: 'maybe' }, 'a malformed switch'],
    [{ zoom: '2' }, 'an unknown field'],
  ])('setState %j is refused (%s) and the state is kept', (state) => {
    const { controller } = setup();
    controller.run({ command: 'setState', state: { m: '3', sizes: '3-3-1' } });
    expect(controller.run({ command: 'setState', state })).toBe(false);
    expect(controller.status().query).toBe('m=3&sizes=3-3-1');
  });

  it('status().query round-trips through the URL reader', () => {
    const { controller } = setup();
    controller.run({ command: 'setState', state: { m: '10000', sizes: '784-30-30-10', all: 'true' } });
    const { query } = controller.status();
    const fresh = layerShapesBinding(new LayerShapesModel());
    expect(fresh.apply(new URLSearchParams(`?${query}`))).toEqual([]);
    expect(queryOf(fresh)).toBe(query);
  });

  it('reset restores the defaults', async () => {
    const { root, controller, tables } = setup();
    controller.run({ command: 'setState', state: { m: '2', sizes: '1-1', all: '1' } });
    expect(controller.run({ command: 'reset' })).toBe(true);
    await tick();
    expect(controller.status().query).toBe('');
    expect(root.dataset.sizes).toBe('3-4-1');
    expect(root.dataset.m).toBe('5');
    expect(tables()).toBe(2);
  });

  it('announces nn-ready on mount and nn-statechange for each real change only', async () => {
    const { controller, seen } = setup();
    await tick();
    controller.run({ command: 'setState', state: { m: '9' } });
    await tick();
    controller.run({ command: 'setState', state: { m: '9' } });
    await tick();
    controller.run({ command: 'reset' });
    await tick();
    expect(seen.map(({ name, detail }) => `${name}:${detail.query}`)).toEqual(['nn-ready:', 'nn-statechange:m=9', 'nn-statechange:']);
    expect(seen[0].detail.widget).toBe('layer-shapes');
  });

});
