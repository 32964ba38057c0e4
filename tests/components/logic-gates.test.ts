import { fireEvent, render } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import LogicGates from '../../src/components/widgets/logic-gates/LogicGates.svelte';
import { normalArrow, positiveRegion } from '../../src/components/widgets/logic-gates/plot-geometry';
import { readLogicGatesUrl } from '../../src/components/widgets/logic-gates/url';
import { decisionLine, type DecisionSegment } from '../../src/engine/models/logic-gates';
import { sigmoid } from '../../src/engine/core/activations';
import { addressWritten } from './widget-harness';

function setup(props: Record<string, unknown> = {}) {
  const result = render(LogicGates, { props: { syncUrl: false, ...props } });
  const root = result.container.querySelector<HTMLElement>('[data-widget="logic-gates"]')!;
  const press = (preset: string) => fireEvent.click(root.querySelector<HTMLButtonElement>(`[data-preset="${preset}"]`)!);
  const rows = (role = 'truth-table') => [...root.querySelectorAll<HTMLTableRowElement>(`[data-role="${role}"] tbody tr`)];
  const markers = () => root.querySelectorAll('[data-role="mismatch-marker"]');
  const summary = (role: string) => root.querySelector<HTMLElement>(`[data-role="${role}"]`)!;
  const field = (name: string) => root.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;
  return { root, press, rows, markers, summary, field, unmount: result.unmount };
}

afterEach(() => window.history.replaceState(null, '', '/'));

/** Each render typesets dozens of KaTeX formulas in happy-dom; on a loaded 2-core machine that can pass 5 s. */
const SLOW = { timeout: 15_000 };

describe('LogicGates: one neuron', SLOW, () => {
  it('starts on AND, θ = (−3, 2, 2): table agrees with the document, hooks in place', () => {
    const { root, rows, markers, summary } = setup();
    expect(root.dataset.preset).toBe('and');
    expect(rows().map((row) => row.dataset.produced)).toEqual(['0', '0', '0', '1']);
    expect(rows().map((row) => Number(row.dataset.z))).toEqual([-3, -1, -1, 1]);
    expect(Number(rows()[3].dataset.output)).toBeCloseTo(sigmoid(1), 12);
    expect(markers()).toHaveLength(0);
    expect(summary('gate-summary').dataset.status).toBe('match');
    expect(summary('gate-summary').textContent).toContain('0.2689');
    expect(summary('gate-summary').textContent).toContain('与 0.5 比较');
  });

  it('flags the document (NOT x1)AND(NOT x2) preset on (0,1) and (1,0) and names what it computes', async () => {
    const { press, rows, markers, summary, root } = setup();
    await press('nor');
    expect(root.querySelector('[data-preset="nor"]')!.getAttribute('aria-pressed')).toBe('true');
    expect(rows().filter((row) => row.dataset.match === 'false').map((row) => row.dataset.inputs)).toEqual(['0,1', '1,0']);
    expect(markers()).toHaveLength(2);
    const text = summary('gate-summary').textContent!;
    expect(summary('gate-summary').dataset.status).toBe('mismatch');
    expect(text).toContain('(0, 1)、(1, 0)');
    expect(text).toContain('NAND');
    expect(root.querySelectorAll('[data-role="decision-plot"] .mismatch-ring')).toHaveLength(2);
  });

  it('the corrected preset, or the summary button, clears every marker', async () => {
    const { press, markers, summary, root } = setup();
    await press('nor');
    await fireEvent.click(root.querySelector<HTMLButtonElement>('[data-action="try-corrected"]')!);
    expect(markers()).toHaveLength(0);
    expect(summary('gate-summary').dataset.status).toBe('match');
    expect(root.querySelector('[data-preset="nor-corrected"]')!.getAttribute('aria-pressed')).toBe('true');
    await press('nor');
    await press('nor-corrected');
    expect(markers()).toHaveLength(0);
  });

  it('NOT has one input, two rows and a switching point at x1 = 0.5', async () => {
    const { press, rows, root, field } = setup();
    await press('not');
    expect(rows().map((row) => row.dataset.inputs)).toEqual(['0', '1']);
    expect(rows().map((row) => row.dataset.produced)).toEqual(['1', '0']);
    expect(field('t2')).toBeNull();
    expect(root.querySelector('[data-role="decision-plot"]')!.textContent).toContain('0.5');
  });

  it('a θ edit recomputes the table; fixing θ0 of the document NOR by hand removes the markers', async () => {
    const { press, field, markers, rows } = setup();
    await press('nor');
    await fireEvent.input(field('t0'), { target: { value: '1' } });
    expect(rows().map((row) => Number(row.dataset.z))).toEqual([1, -1, -1, -3]);
    expect(markers()).toHaveLength(0);
    await fireEvent.input(field('t0'), { target: { value: '2.5' } });
    expect(markers()).toHaveLength(2);
  });

  it('accepts the typographic minus and full-width digits that Chinese input produces', async () => {
    const { field, rows } = setup();
    await fireEvent.input(field('t0'), { target: { value: '−１' } });
    expect(rows().map((row) => Number(row.dataset.z))).toEqual([-1, 1, 1, 3]);
  });

  it('the slider edits θ too', async () => {
    const { root, rows } = setup();
    await fireEvent.input(root.querySelector<HTMLInputElement>('[data-slider="t0"]')!, { target: { value: '-1' } });
    expect(rows().map((row) => row.dataset.produced)).toEqual(['0', '1', '1', '1']);
    expect(root.querySelector<HTMLInputElement>('input[name="t0"]')!.value).toBe('-1');
  });

  it.each([
    ['abc', '“abc” 不是一个数'],
    ['', '请填写一个数'],
    ['1e400', '1e400 太大了'],
    ['0x10', '“0x10” 不是一个数'],
    ['5000', '绝对值不能超过 1000'],
  ])('refuses θ1 = %j with a message and keeps the last valid θ', async (raw, message) => {
    const { root, field, rows } = setup();
    await fireEvent.input(field('t1'), { target: { value: raw } });
    const alert = root.querySelector('[role="alert"][data-role="theta-error"]')!;
    expect(alert.textContent).toContain(message);
    expect(alert.textContent).toContain('θ1 = 2');
    expect(rows().map((row) => row.dataset.produced)).toEqual(['0', '0', '0', '1']);
    expect(root.textContent).not.toMatch(/NaN|Infinity/);
    await fireEvent.click(root.querySelector<HTMLButtonElement>('[data-action="reset"]')!);
    expect(root.querySelector('[data-role="theta-error"]')).toBeNull();
  });

  it('θ × 10 keeps the table and pushes σ towards 0/1', async () => {
    const { root, rows, field } = setup();
    await fireEvent.click(root.querySelector<HTMLButtonElement>('[data-action="sharpen"]')!);
    expect(field('t0').value).toBe('-30');
    expect(rows().map((row) => row.dataset.produced)).toEqual(['0', '0', '0', '1']);
    expect(Number(rows()[3].dataset.output)).toBeGreaterThan(0.9999);
  });
});

describe('LogicGates: XNOR network', SLOW, () => {
  it('document weights: OR receives z = 1 on every row, output σ(1), two rows flagged', async () => {
    const { press, rows, markers, summary } = setup();
    await press('xnor');
    const table = rows('xnor-table');
    for (const row of table) expect(Number(row.dataset.output)).toBeCloseTo(sigmoid(1), 12);
    expect(table.filter((row) => row.dataset.match === 'false').map((row) => row.dataset.inputs)).toEqual(['0,1', '1,0']);
    expect(markers()).toHaveLength(2);
    expect(summary('xnor-summary').textContent).toContain('恒为 1');
    expect(summary('xnor-summary').textContent).toContain('z = 1');
  });

  it('document weights fail in the thresholded mode too', async () => {
    const { press, root, summary } = setup();
    await press('xnor');
    await fireEvent.click(root.querySelector<HTMLInputElement>('input[data-mode="thresholded"]')!);
    expect(root.querySelector<HTMLElement>('[data-role="xnor-table"]')!.dataset.mode).toBe('thresholded');
    expect(summary('xnor-summary').dataset.status).toBe('mismatch');
  });

  it('corrected weights: thresholded works, continuous still fails; scaled by 10 works both ways', async () => {
    const { press, root, summary, markers } = setup();
    await press('xnor-corrected');
    expect(summary('xnor-summary').dataset.status).toBe('mismatch');
    await fireEvent.click(root.querySelector<HTMLInputElement>('input[data-mode="thresholded"]')!);
    expect(summary('xnor-summary').dataset.status).toBe('match');
    await press('xnor-sharp');
    expect(markers()).toHaveLength(0);
    await fireEvent.click(root.querySelector<HTMLInputElement>('input[data-mode="continuous"]')!);
    expect(markers()).toHaveLength(0);
  });
});

describe('LogicGates: document 001 perceptron', SLOW, () => {
  it('lists every G and y and says it computes XNOR, not XOR', async () => {
    const { press, rows, markers, summary, root } = setup();
    await press('perceptron');
    const table = rows('perceptron-table');
    expect(table.map((row) => row.dataset.inputs)).toEqual(['1,1', '1,-1', '-1,1', '-1,-1']);
    expect(table.map((row) => row.dataset.yo)).toEqual(['1', '0', '0', '1']);
    expect(table[1].querySelector<HTMLElement>('[data-go-args]')!.dataset.goArgs).toBe('0,1');
    expect(table[1].querySelector('[data-go-args]')!.textContent).toBe('−1');
    expect(markers()).toHaveLength(4);
    expect(summary('perceptron-summary').textContent).toContain('XNOR');
    expect(root.querySelector('[data-role="label-note"]')).not.toBeNull();
  });

  it('negating the output unit gives XOR', async () => {
    const { press, markers, summary } = setup();
    await press('perceptron-xor');
    expect(markers()).toHaveLength(0);
    expect(summary('perceptron-summary').dataset.status).toBe('match');
  });
});

describe('LogicGates: URL, props and language', SLOW, () => {
  it('reads preset and θ from the URL and writes changes back', async () => {
    window.history.replaceState(null, '', '/?preset=nor&t0=1');
    const { root, markers, press } = setup({ syncUrl: true });
    await Promise.resolve();
    expect(root.dataset.preset).toBe('nor');
    expect(markers()).toHaveLength(0);
    await press('xnor');
    await Promise.resolve();
    await addressWritten();
    expect(new URL(window.location.href).searchParams.get('preset')).toBe('xnor');
    expect(new URL(window.location.href).searchParams.has('t0')).toBe(false);
  });

  it('ignores malformed fields with a notice and keeps working', async () => {
    window.history.replaceState(null, '', '/?preset=nand&t1=abc&t2=1e999&mode=fuzzy');
    const { root, rows } = setup({ syncUrl: true });
    await Promise.resolve();
    const notice = root.querySelector('[role="status"][data-role="url-notice"]')!;
    for (const entry of ['preset=nand', 't1=abc', 't2=1e999', 'mode=fuzzy']) expect(notice.textContent).toContain(entry);
    expect(root.dataset.preset).toBe('and');
    expect(rows().map((row) => row.dataset.produced)).toEqual(['0', '0', '0', '1']);
  });

  it('reports a θ2 given for the one-input NOT gate and a θ given for a network', async () => {
    window.history.replaceState(null, '', '/?preset=not&t2=3');
    const first = setup({ syncUrl: true });
    await Promise.resolve();
    expect(first.root.querySelector('[data-role="url-notice"]')!.textContent).toContain('t2=3');
    expect(first.root.dataset.preset).toBe('not');
    first.unmount();
    window.history.replaceState(null, '', '/?preset=xnor&t0=1');
    const second = setup({ syncUrl: true });
    await Promise.resolve();
    expect(second.root.querySelector('[data-role="url-notice"]')!.textContent).toContain('t0=1');
    expect(second.root.dataset.view).toBe('xnor');
  });

  it('parses URL fields strictly', () => {
    const { values, ignored } = readLogicGatesUrl(new URLSearchParams('preset=or&t0=-0.5&t1=2e1&t2=&mode=thresholded&x=1'));
    expect(values).toEqual({ preset: 'or', t0: -0.5, t1: 20, mode: 'thresholded' });
    expect(ignored).toEqual(['t2=']);
    expect(readLogicGatesUrl(new URLSearchParams('lg-t0=0x10&lg-t1=1001'), 'lg-').ignored).toEqual(['lg-t0=0x10', 'lg-t1=1001']);
  });

  it('uses its prefix for the URL', async () => {
    window.history.replaceState(null, '', '/?preset=xnor&lg-preset=or');
    const { root } = setup({ syncUrl: true, urlPrefix: 'lg-' });
    await Promise.resolve();
    expect(root.dataset.preset).toBe('or');
  });

  it('hides the editing controls when asked, and starts on a given preset', () => {
    const { root } = setup({ controls: false, preset: 'nor' });
    expect(root.querySelector('[data-preset="and"]')).toBeNull();
    expect(root.querySelector('input[name="t0"]')).toBeNull();
    expect(root.querySelectorAll('[data-role="mismatch-marker"]')).toHaveLength(2);
  });

  it('speaks English when asked', async () => {
    const { root, press } = setup({ lang: 'en' });
    await press('nor');
    expect(root.textContent).toContain('Logic gates from sigmoid neurons');
    expect(root.querySelector('[data-role="gate-summary"]')!.textContent).toContain('(0, 1), (1, 0)');
  });
});

describe('decision plot geometry', SLOW, () => {
  it('shades the AND corner triangle and points the arrow towards (1,1)', () => {
    const line = decisionLine([-3, 2, 2]) as DecisionSegment;
    expect(positiveRegion([-3, 2, 2], line)).toHaveLength(3);
    expect(positiveRegion([-3, 2, 2], line)).toContainEqual([1, 1]);
    const arrow = normalArrow(line);
    expect(arrow.to[0] - arrow.from[0]).toBeGreaterThan(0);
    expect(arrow.to[1] - arrow.from[1]).toBeCloseTo(arrow.to[0] - arrow.from[0], 12);
  });

  it('shades everything or nothing when the line misses the square', () => {
    expect(positiveRegion([5, 1, 1], null)).toHaveLength(4);
    expect(positiveRegion([-5, 1, 1], null)).toEqual([]);
  });
});
