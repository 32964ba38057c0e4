import { fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import GradientDescent from '../../src/components/widgets/gradient-descent/GradientDescent.svelte';
import { contourSegments } from '../../src/components/widgets/gradient-descent/contour-lines';
import { thinIndices, VIEW_BOUND } from '../../src/components/widgets/gradient-descent/settings';
import { readGradientDescentUrl } from '../../src/components/widgets/gradient-descent/url';
import { descend1d, descend2d, makeLogisticDataset, type CurveId } from '../../src/engine/models/gradient-descent';
import { addressWritten } from './widget-harness';

function curveRun(curve: CurveId, w0: number, alpha: number, steps: number) {
  const run = descend1d(curve, w0, alpha, steps, { bound: VIEW_BOUND });
  if (!run.ok) throw new Error('invalid run');
  return run;
}

function setup(props: Record<string, unknown> = {}) {
  const result = render(GradientDescent, { props: { syncUrl: false, ...props } });
  const root = result.container.querySelector<HTMLElement>('[data-widget="gradient-descent"]')!;
  const readout = () => root.querySelector<HTMLElement>('[data-role="readout"]')!;
  const outcome = () => root.querySelector<HTMLElement>('[data-role="outcome"]')!;
  const action = (name: string) => root.querySelector<HTMLButtonElement>(`[data-action="${name}"]`)!;
  const field = (name: string) => root.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;
  const errors = () => root.querySelector<HTMLElement>('[data-role="field-errors"]');
  const steps = () => Number(readout().dataset.steps);
  return { root, readout, outcome, action, field, errors, steps };
}

afterEach(() => {
  window.history.replaceState(null, '', '/');
});

describe('GradientDescent widget', () => {
  it('starts on the parabola at w = 0 with α = 0.1, nothing taken yet', () => {
    const { root, readout, outcome, action, field } = setup();
    expect(root.dataset.view).toBe('curve');
    expect(readout().dataset.stepKey).toBe('step:0');
    expect(Number(readout().dataset.w)).toBe(0);
    expect(Number(readout().dataset.j)).toBe(10);
    expect(Number(readout().dataset.gradient)).toBe(-6);
    expect(outcome().dataset.outcome).toBe('not-started');
    expect(field('alpha').value).toBe('0.1');
    expect(action('back').disabled).toBe(true);
    expect(root.querySelector('[data-role="curve-plot"]')).not.toBeNull();
    expect(root.querySelector('math')).not.toBeNull();
  });

  it('steps once, runs N steps, steps back and resets, matching the engine', async () => {
    const { readout, outcome, action, steps } = setup();
    await fireEvent.click(action('step'));
    expect(steps()).toBe(1);
    expect(Number(readout().dataset.w)).toBeCloseTo(0.6, 12);
    expect(outcome().dataset.outcome).toBe('descending');
    await fireEvent.click(action('run'));
    const expected = curveRun('parabola', 0, 0.1, 11).records.at(-1)!;
    expect(steps()).toBe(11);
    expect(Number(readout().dataset.w)).toBe(expected.w);
    expect(Number(readout().dataset.j)).toBe(expected.J);
    await fireEvent.click(action('back'));
    expect(steps()).toBe(10);
    await fireEvent.click(action('reset'));
    expect(steps()).toBe(0);
  });

  it('is operable from the keyboard on the widget', async () => {
    const { root, steps } = setup();
    await fireEvent.keyDown(root, { key: 'ArrowRight' });
    await fireEvent.keyDown(root, { key: ' ' });
    expect(steps()).toBe(2);
    await fireEvent.keyDown(root, { key: 'ArrowLeft' });
    expect(steps()).toBe(1);
    await fireEvent.keyDown(root, { key: 'End' });
    expect(steps()).toBe(11);
    await fireEvent.keyDown(root, { key: 'Home' });
    expect(steps()).toBe(0);
  });

  it('reports divergence as a message for a large α and never shows NaN', async () => {
    const { root, readout, outcome, action, field } = setup();
    await fireEvent.input(field('alpha'), { target: { value: '1.5' } });
    await fireEvent.click(action('run'));
    expect(outcome().dataset.outcome).toBe('diverged');
    expect(outcome().getAttribute('role')).toBe('alert');
    expect(outcome().textContent).toContain('发散');
    expect(outcome().textContent).toContain('α = 1.5');
    const run = curveRun('parabola', 0, 1.5, 10);
    expect(Number(readout().dataset.steps)).toBe(run.records.length - 1);
    expect(action('step').disabled).toBe(true);
    expect(root.querySelector('[data-role="off-plot"]')).not.toBeNull();
    expect(root.textContent).not.toMatch(/NaN|Infinity/);
  });

  it('shows the oscillating and converged outcomes', async () => {
    const { outcome, action, field } = setup();
    await fireEvent.input(field('alpha'), { target: { value: '0.99' } });
    await fireEvent.click(action('run'));
    expect(outcome().dataset.outcome).toBe('oscillating');
    await fireEvent.input(field('alpha'), { target: { value: '0.5' } });
    expect(outcome().dataset.outcome).toBe('converged');
  });

  it('notes when an oscillation raises the cost instead of lowering it', async () => {
    const { root, outcome, action, field } = setup();
    await fireEvent.input(field('alpha'), { target: { value: '1.2' } });
    await fireEvent.click(action('step'));
    await fireEvent.click(action('step'));
    expect(outcome().dataset.outcome).toBe('oscillating');
    const run = curveRun('parabola', 0, 1.2, 2);
    expect(run.records[2].J).toBeGreaterThan(run.records[1].J);
    expect(root.querySelector('[data-role="rising"]')).not.toBeNull();
    await fireEvent.input(field('alpha'), { target: { value: '0.9' } });
    expect(root.querySelector('[data-role="rising"]')).toBeNull();
  });

  it('moves α with the log-scale slider', async () => {
    const { field, action, readout } = setup();
    const slider = document.querySelector<HTMLInputElement>('[data-action="alpha-slider"]')!;
    await fireEvent.input(slider, { target: { value: '-0.30103' } });
    expect(field('alpha').value).toBe('0.5');
    await fireEvent.click(action('step'));
    expect(Number(readout().dataset.w)).toBe(3);
  });

  it.each([
    ['alpha', '0', 'α 必须大于 0'],
    ['alpha', '-1', 'α 必须大于 0'],
    ['w0', '1e9', '−100 到 100'],
    ['batch', '2.5', '不是整数'],
    ['batch', '0', '1 到 1000'],
  ])('refuses %s = %j with a message and keeps the last valid value', async (name, text, message) => {
    const { root, readout, field, errors, action } = setup();
    await fireEvent.input(field(name), { target: { value: text } });
    expect(errors()!.getAttribute('role')).toBe('alert');
    expect(errors()!.textContent).toContain(message);
    expect(field(name).getAttribute('aria-invalid')).toBe('true');
    await fireEvent.click(action('step'));
    expect(Number(readout().dataset.w)).toBeCloseTo(0.6, 12);
    expect(root.textContent).not.toMatch(/NaN|Infinity/);
  });

  it('changes the curve and the start point', async () => {
    const { root, readout, field, action } = setup();
    await fireEvent.change(root.querySelector<HTMLSelectElement>('[data-action="curve"]')!, { target: { value: 'quartic' } });
    expect(Number(readout().dataset.w)).toBe(3);
    await fireEvent.input(field('w0'), { target: { value: '2' } });
    await fireEvent.click(action('step'));
    expect(Number(readout().dataset.w)).toBe(curveRun('quartic', 2, 0.1, 1).records[1].w);
  });

  it('descends the logistic-regression cost surface', async () => {
    const { root, readout, outcome, action, field } = setup();
    await fireEvent.click(root.querySelector<HTMLInputElement>('[data-view-option="surface"]')!);
    expect(root.dataset.view).toBe('surface');
    expect(root.querySelector('[data-role="contour-plot"] path.contour')).not.toBeNull();
    expect(field('b0').value).toBe('2.5');
    await fireEvent.click(action('run'));
    const run = descend2d(makeLogisticDataset().points, { w0: -1.5, b0: 2.5 }, 1, 10, { bound: VIEW_BOUND });
    if (!run.ok) throw new Error('invalid run');
    expect(Number(readout().dataset.w)).toBe(run.records.at(-1)!.w);
    expect(Number(readout().dataset.b)).toBe(run.records.at(-1)!.b);
    expect(outcome().dataset.outcome).toBe(run.outcome);
    await fireEvent.input(field('alpha'), { target: { value: '1000' } });
    expect(outcome().dataset.outcome).toBe('diverged');
  });

  it('hides the settings without controls but keeps the step buttons', async () => {
    const { field, action, steps } = setup({ controls: false });
    expect(field('alpha')).toBeNull();
    await fireEvent.click(action('step'));
    expect(steps()).toBe(1);
  });

  it('speaks English when asked', () => {
    setup({ lang: 'en' });
    expect(screen.getByText('Step once ▶')).toBeTruthy();
  });
});

describe('GradientDescent URL state', () => {
  it('reads the settings from the address bar and writes changes back', async () => {
    window.history.replaceState(null, '', '/?curve=quartic&alpha=0.5&w0=1.5&steps=4');
    const { readout, action } = setup({ syncUrl: true });
    await Promise.resolve();
    expect(Number(readout().dataset.w)).toBe(curveRun('quartic', 1.5, 0.5, 4).records[4].w);
    await fireEvent.click(action('step'));
    await addressWritten();
    const query = new URLSearchParams(window.location.search);
    expect(query.get('steps')).toBe('5');
    expect(query.get('curve')).toBe('quartic');
    expect(query.get('alpha')).toBe('0.5');
  });

  it('ignores malformed values with a polite notice and still works', async () => {
    window.history.replaceState(null, '', '/?view=sideways&curve=cubic&alpha=abc&w0=1e400&steps=-3&n=0&b0=1');
    const { root, readout, action } = setup({ syncUrl: true });
    await Promise.resolve();
    const notice = root.querySelector<HTMLElement>('[data-role="url-notice"]')!;
    expect(notice.getAttribute('role')).toBe('status');
    for (const entry of ['view=sideways', 'curve=cubic', 'alpha=abc', 'w0=1e400', 'steps=-3', 'n=0', 'b0=1']) {
      expect(notice.textContent).toContain(entry);
    }
    expect(root.textContent).not.toMatch(/NaN|Infinity/);
    await fireEvent.click(action('step'));
    expect(Number(readout().dataset.w)).toBeCloseTo(0.6, 12);
  });

  it('refuses a value the engine rejects (α above the maximum) and opens the surface view', async () => {
    window.history.replaceState(null, '', '/?view=surface&alpha=5000&b0=-1');
    const { root, readout } = setup({ syncUrl: true });
    await Promise.resolve();
    expect(root.dataset.view).toBe('surface');
    expect(root.querySelector('[data-role="url-notice"]')!.textContent).toContain('alpha=5000');
    expect(Number(readout().dataset.b)).toBe(-1);
  });

  it('opens on the view given as a prop and links to the other view by name', async () => {
    const { root } = setup({ syncUrl: true, view: 'surface' });
    await Promise.resolve();
    expect(root.dataset.view).toBe('surface');
    await addressWritten();
    expect(new URLSearchParams(window.location.search).get('view')).toBeNull();
    await fireEvent.click(root.querySelector<HTMLInputElement>('[data-view-option="curve"]')!);
    await addressWritten();
    expect(new URLSearchParams(window.location.search).get('view')).toBe('curve');
  });

  it.each([
    ['view=surface&alpha=2&w0=-1&b0=0.5&steps=20&n=5', { view: 'surface', alpha: 2, w0: -1, b0: 0.5, steps: 20, n: 5 }, []],
    ['curve=log-cosh', { curve: 'log-cosh' }, []],
    ['alpha=NaN&w0=Infinity&steps=1.5&n=1e3', {}, ['alpha=NaN', 'w0=Infinity', 'steps=1.5', 'n=1e3']],
  ])('parses %s', (search, values, ignored) => {
    expect(readGradientDescentUrl(new URLSearchParams(search))).toEqual({ values, ignored });
  });
});

describe('helpers', () => {
  it('marching squares finds the ring J = 1 of a cone sampled on a grid', () => {
    const values = [0, 1, 2, 3, 4].map((row) => [0, 1, 2, 3, 4].map((col) => Math.hypot(col - 2, row - 2)));
    const segments = contourSegments(values, 1.5);
    expect(segments.length).toBeGreaterThanOrEqual(8);
    for (const [x1, y1, x2, y2] of segments) {
      for (const [x, y] of [[x1, y1], [x2, y2]]) expect(Math.hypot(x - 2, y - 2)).toBeGreaterThan(1);
      for (const [x, y] of [[x1, y1], [x2, y2]]) expect(Math.hypot(x - 2, y - 2)).toBeLessThan(2);
    }
    expect(contourSegments(values, 10)).toEqual([]);
  });

  it('splits a saddle cell by its mean', () => {
    expect(contourSegments([[1, 0], [0, 1]], 0.5)).toHaveLength(2);
  });

  it('thins a long path but keeps its ends', () => {
    expect(thinIndices(5, 10)).toEqual([0, 1, 2, 3, 4]);
    const thinned = thinIndices(1001, 11);
    expect(thinned[0]).toBe(0);
    expect(thinned.at(-1)).toBe(1000);
    expect(thinned).toHaveLength(11);
  });
});
