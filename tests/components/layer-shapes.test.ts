import { fireEvent, render } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import LayerShapes from '../../src/components/widgets/layer-shapes/LayerShapes.svelte';
import { MAX_SIDE, MIN_SIDE, layoutStep, unitFor } from '../../src/components/widgets/layer-shapes/box-layout';
import { parseSizes, readLayerShapesUrl } from '../../src/components/widgets/layer-shapes/url';
import { MAX_LAYERS, layerShapes, type ShapeRecord } from '../../src/engine/models/layer-shapes';
import { addressWritten } from './widget-harness';

function setup(props: Record<string, unknown> = {}) {
  const result = render(LayerShapes, { props: { syncUrl: false, ...props } });
  const root = result.container.querySelector<HTMLElement>('[data-widget="layer-shapes"]')!;
  const row = (convention: string, name: string) =>
    root.querySelector<HTMLElement>(`[data-role="shape-table"][data-convention="${convention}"] tr[data-name="${name}"]`);
  const shape = (convention: string, name: string) => row(convention, name)?.dataset.shape;
  const field = (name: string) => root.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;
  const alerts = () => [...root.querySelectorAll<HTMLElement>('[role="alert"][data-role="field-error"]')].map((a) => a.textContent!);
  return { root, row, shape, field, alerts };
}

afterEach(() => window.history.replaceState(null, '', '/'));

/** Each render typesets dozens of KaTeX formulas in happy-dom; on a loaded 2-core machine that can pass 5 s. */
const SLOW = { timeout: 20_000 };

describe('LayerShapes tables', SLOW, () => {
  it('starts on document 000’s 3-4-1 with m = 5 and the two main layouts', () => {
    const { root, shape, row } = setup();
    expect(root.dataset.sizes).toBe('3-4-1');
    expect(shape('columns', 'W^{[1]}')).toBe('4,3');
    expect(shape('rows', 'W^{[1]}')).toBe('3,4');
    expect(shape('columns', 'Z^{[1]}')).toBe('4,5');
    expect(shape('rows', 'Z^{[1]}')).toBe('5,4');
    expect(shape('rows', 'a^{[0]}')).toBe('1,3');
    expect(row('rows', 'b^{[1]}')!.textContent).toContain('(1, 4)');
    expect(row('rows', 'b^{[1]}')!.textContent).toContain('(5, 4)');
    expect(root.querySelectorAll('[data-role="shape-table"]')).toHaveLength(2);
    expect(root.querySelector('[data-role="parameter-count"]')!.getAttribute('data-total')).toBe('21');
  });

  it('shows all four layouts on request, including document 000’s W^{[1]} (3,4) used as W^{[1]T}', async () => {
    const { root, shape, row } = setup();
    await fireEvent.click(root.querySelector<HTMLInputElement>('[data-option="all-layouts"]')!);
    expect(root.querySelectorAll('[data-role="shape-table"]')).toHaveLength(4);
    expect(shape('columns-transposed', 'W^{[1]}')).toBe('3,4');
    expect(row('columns-transposed', 'W^{[1]}')!.textContent).toContain('(4, 3)');
    expect(shape('rows-transposed', 'W^{[2]}')).toBe('1,4');
  });

  it('the 003 preset gives 3-3-1: W^{[2]} is (1,3) with column vectors, 16 parameters', async () => {
    const { root, shape } = setup();
    await fireEvent.click(root.querySelector<HTMLButtonElement>('[data-preset="003"]')!);
    expect(root.dataset.sizes).toBe('3-3-1');
    expect(shape('columns', 'W^{[2]}')).toBe('1,3');
    expect(root.querySelector('[data-preset="003"]')!.getAttribute('aria-pressed')).toBe('true');
    expect(root.querySelector('[data-role="parameter-count"]')!.getAttribute('data-total')).toBe('16');
  });

  it('draws one to-scale step per layer whose boxes carry the formula shapes', () => {
    const { root } = setup();
    const steps = root.querySelectorAll('[data-convention="columns"] [data-role="matrix-step"]');
    expect(steps).toHaveLength(2);
    const names = [...steps[0].querySelectorAll<SVGRectElement>('rect.matrix')].map((r) => `${r.dataset.name} ${r.dataset.shape}`);
    expect(names).toEqual(['W^{[1]} 4,3', 'A^{[0]} 3,5', 'b^{[1]} 4,1', 'Z^{[1]} 4,5']);
    const rowSteps = root.querySelectorAll('[data-convention="rows"] [data-role="matrix-step"]');
    const rowNames = [...rowSteps[0].querySelectorAll<SVGRectElement>('rect.matrix')].map((r) => r.dataset.name);
    expect(rowNames).toEqual(['A^{[0]}', 'W^{[1]}', 'b^{[1]T}', 'Z^{[1]}']);
  });
});

describe('LayerShapes editing and validation', SLOW, () => {
  it('m and a layer width recompute every shape', async () => {
    const { field, shape } = setup();
    await fireEvent.input(field('m'), { target: { value: '64' } });
    expect(shape('rows', 'A^{[2]}')).toBe('64,1');
    await fireEvent.input(field('n1'), { target: { value: '100' } });
    expect(shape('columns', 'W^{[1]}')).toBe('100,3');
  });

  it.each([
    ['m', '2.5', '必须是整数'],
    ['m', '0', '至少为 1'],
    ['n1', '99999', '不能超过 10000'],
    ['n1', '-3', '至少为 1'],
  ])('refuses %s = %j with a message and keeps the last valid shapes', async (name, raw, message) => {
    const { root, field, alerts, shape } = setup();
    await fireEvent.input(field(name), { target: { value: raw } });
    expect(alerts().join(' ')).toContain(message);
    expect(shape('columns', 'Z^{[1]}')).toBe('4,5');
    expect(root.textContent).not.toMatch(/NaN|Infinity/);
    await fireEvent.input(field(name), { target: { value: '2' } });
    expect(alerts()).toEqual([]);
  });

  it('adds a hidden layer before the output and removes layers down to input + output', async () => {
    const { root, shape } = setup();
    await fireEvent.click(root.querySelector<HTMLButtonElement>('[data-action="add-layer"]')!);
    expect(root.dataset.sizes).toBe('3-4-4-1');
    expect(shape('columns', 'W^{[3]}')).toBe('1,4');
    const remove = () => root.querySelectorAll<HTMLButtonElement>('[data-action="remove-layer"]');
    await fireEvent.click(remove()[1]);
    await fireEvent.click(remove()[1]);
    expect(root.dataset.sizes).toBe('3-1');
    expect([...remove()].every((button) => button.disabled)).toBe(true);
  });

  it('stops adding at the engine’s MAX_LAYERS', async () => {
    window.history.replaceState(null, '', `/?sizes=${new Array(MAX_LAYERS + 1).fill(2).join('-')}`);
    const { root } = setup({ syncUrl: true });
    await Promise.resolve();
    expect(root.dataset.sizes!.split('-')).toHaveLength(MAX_LAYERS + 1);
    expect(root.querySelector<HTMLButtonElement>('[data-action="add-layer"]')!.disabled).toBe(true);
  });
});

describe('LayerShapes URL', SLOW, () => {
  it('reads m, sizes and the layout switch, and writes changes back', async () => {
    window.history.replaceState(null, '', '/?m=7&sizes=2-2-2&all=1');
    const { root, shape, field } = setup({ syncUrl: true });
    await Promise.resolve();
    expect(root.dataset.sizes).toBe('2-2-2');
    expect(shape('rows-transposed', 'A^{[2]}')).toBe('7,2');
    await fireEvent.input(field('n0'), { target: { value: '3' } });
    await Promise.resolve();
    await addressWritten();
    expect(new URL(window.location.href).searchParams.get('sizes')).toBe('3-2-2');
  });

  it('ignores malformed fields with a notice and still works', async () => {
    window.history.replaceState(null, '', '/?m=0&sizes=3-x-1&all=maybe');
    const { root, shape, field } = setup({ syncUrl: true });
    await Promise.resolve();
    const notice = root.querySelector('[role="status"][data-role="url-notice"]')!.textContent!;
    for (const entry of ['m=0', 'sizes=3-x-1', 'all=maybe']) expect(notice).toContain(entry);
    expect(shape('columns', 'W^{[1]}')).toBe('4,3');
    await fireEvent.input(field('m'), { target: { value: '2' } });
    expect(shape('columns', 'Z^{[1]}')).toBe('4,2');
  });

  it.each([
    ['3-4-1', [3, 4, 1]],
    ['7', undefined],
    ['3--1', undefined],
    ['3-1.5', undefined],
    ['3-10001', undefined],
    [new Array(MAX_LAYERS + 2).fill(2).join('-'), undefined],
  ])('sizes=%s parses to %j', (raw, expected) => {
    const result = parseSizes(raw);
    expect('value' in result ? result.value : undefined).toEqual(expected);
  });

  it('reads only its own prefix', () => {
    const { values, ignored } = readLayerShapesUrl(new URLSearchParams('m=3&ls-m=4&ls-sizes=1-1&ls-all=0'), 'ls-');
    expect(values).toEqual({ m: 4, sizes: [1, 1], all: false });
    expect(ignored).toEqual([]);
  });
});

describe('box layout', SLOW, () => {
  const records = layerShapes(10000, [784, 1, 10], ['columns']) as ShapeRecord[];
  const find = (name: string, scope: string) => records.find((r) => r.name === name && r.scope === scope)!;

  it('keeps every side between the clamp limits and proportional above the minimum', () => {
    const unit = unitFor([10000, 784, 1, 10]);
    const step = layoutStep(
      { weight: find('W^{[1]}', 'parameter'), bias: find('b^{[1]}', 'parameter'), previous: find('A^{[0]}', 'batch'), result: find('Z^{[1]}', 'batch') },
      unit,
    );
    for (const slot of step.slots) {
      if (slot.kind !== 'matrix') continue;
      expect(slot.boxWidth).toBeGreaterThanOrEqual(MIN_SIDE);
      expect(slot.boxWidth).toBeLessThanOrEqual(MAX_SIDE + 1e-9);
      expect(slot.boxHeight).toBeGreaterThanOrEqual(MIN_SIDE);
    }
    expect(step.clamped).toBe(true);
    const previous = step.slots.find((slot) => slot.kind === 'matrix' && slot.text === 'A^{[0]}');
    expect(previous && previous.kind === 'matrix' && previous.boxWidth / previous.boxHeight).toBeCloseTo(10000 / 784, 6);
  });
});
