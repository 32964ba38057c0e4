import { fireEvent, render } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import SoftmaxCrossEntropy from '../../src/components/widgets/softmax-cross-entropy/SoftmaxCrossEntropy.svelte';
import { DEFAULT_LOGITS, MAX_CLASSES, SoftmaxModel } from '../../src/components/widgets/softmax-cross-entropy/model.svelte';
import { applyQuery, urlFields } from '../../src/components/widgets/softmax-cross-entropy/binding';
import { readSoftmaxUrl } from '../../src/components/widgets/softmax-cross-entropy/url';
import {
  DOCUMENT_002_PRESET,
  DOCUMENT_002_PROBABILITIES,
  softmaxCrossEntropy,
  softmaxTwoClassAsSigmoid,
  type SoftmaxCrossEntropyResult,
} from '../../src/engine/models/softmax-cross-entropy';
import { addressWritten } from './widget-harness';

function engine(logits: readonly number[], target: number): SoftmaxCrossEntropyResult {
  const result = softmaxCrossEntropy(logits, target);
  if ('error' in result) throw new Error('refused');
  return result;
}

function setup(props: Record<string, unknown> = {}) {
  const result = render(SoftmaxCrossEntropy, { props: { syncUrl: false, ...props } });
  const root = result.container.querySelector<HTMLElement>('[data-widget="softmax-cross-entropy"]')!;
  const q = <T extends Element = HTMLElement>(selector: string) => root.querySelector<T>(selector);
  const all = <T extends Element = HTMLElement>(selector: string) => [...root.querySelectorAll<T>(selector)];
  const loss = () => Number(q('[data-role="loss"]')!.dataset.loss);
  const target = () => Number(q('[data-role="loss"]')!.dataset.target);
  const probabilities = () => all('[data-bar]').map((bar) => Number(bar.dataset.probability));
  const type = (index: number, value: string) => fireEvent.input(q(`input[name="z${index}"]`)!, { target: { value } });
  const fieldError = (index: number) => q(`[data-role="field-error"][data-field="z${index}"]`)?.textContent ?? null;
  const click = (selector: string) => fireEvent.click(q(selector)!);
  return { root, q, all, loss, target, probabilities, type, fieldError, click };
}

/** No computed value shows as NaN/Infinity; the messages may quote what the reader typed, so they are left out. */
function expectNoBrokenNumbers(root: HTMLElement) {
  const copy = root.cloneNode(true) as HTMLElement;
  copy.querySelectorAll('[data-role="field-error"], input').forEach((element) => element.remove());
  expect(copy.textContent).not.toMatch(/NaN|Infinity|undefined/);
}

afterEach(() => window.history.replaceState(null, '', '/'));

describe('softmax / cross-entropy widget: default state', () => {
  it('renders the engine’s probabilities, loss and hydration hooks', () => {
    const { root, probabilities, loss, target } = setup();
    expect(root.dataset.ready).toBe('true');
    expect(root.classList.contains('not-content')).toBe(true);
    const expected = engine(DEFAULT_LOGITS, 0);
    expect(probabilities()).toEqual(expected.probabilities);
    expect(loss()).toBe(expected.loss);
    expect(target()).toBe(0);
    expectNoBrokenNumbers(root);
  });

  it('shows the gradient p − y as a row per class', () => {
    const { all } = setup();
    const expected = engine(DEFAULT_LOGITS, 0);
    const rows = all('tr[data-gradient]');
    expect(rows.map((row) => Number(row.dataset.gradient))).toEqual(expected.gradient);
    expect(rows[0].classList.contains('target')).toBe(true);
    expect(Number(rows[0].dataset.gradient)).toBeLessThan(0);
  });

  it('the two-class readout shows softmax([z0, z1])₀ = σ(z0 − z1)', () => {
    const { q } = setup();
    const readout = q('[data-role="two-class"]')!;
    const expected = softmaxTwoClassAsSigmoid(DEFAULT_LOGITS[0], DEFAULT_LOGITS[1]);
    expect(Number(readout.dataset.softmax)).toBe(expected.softmaxFirst);
    expect(Number(readout.dataset.sigmoid)).toBe(expected.sigmoidOfDifference);
    expect(Math.abs(Number(readout.dataset.softmax) - Number(readout.dataset.sigmoid))).toBeLessThan(1e-15);
  });
});

describe('the Jacobian ∂p_i/∂z_j', () => {
  it('renders n × n colour-coded cells with the engine’s values, rows summing to 0', () => {
    const { all, q } = setup();
    const expected = engine(DEFAULT_LOGITS, 0).jacobian;
    const cells = all('[data-role="jacobian"] td[data-i]');
    expect(cells).toHaveLength(9);
    for (const cell of cells) {
      const i = Number(cell.dataset.i);
      const j = Number(cell.dataset.j);
      expect(Number(cell.dataset.value)).toBe(expected[i][j]);
      expect(cell.classList.contains(i === j ? 'positive' : 'negative')).toBe(true);
      expect(cell.getAttribute('style')).toMatch(/--strength: \d+%/);
      expect(cell.textContent!.trim()).toMatch(/^-?0\.\d{1,4}$/);
    }
    all('[data-row-sum]').forEach((sum) => expect(Math.abs(Number(sum.dataset.rowSum))).toBeLessThan(1e-15));
    expect(q('[data-role="jacobian"]')!.getAttribute('aria-label')).toContain('3 行 3 列');
  });

  it('grows and shrinks with the classes', async () => {
    const { all, click } = setup();
    await click('[data-action="add-class"]');
    expect(all('[data-role="jacobian"] td[data-i]')).toHaveLength(16);
    await click('[data-action="remove-class"]');
    await click('[data-action="remove-class"]');
    expect(all('[data-role="jacobian"] td[data-i]')).toHaveLength(4);
  });
});

describe('document 002’s ten-class preset', () => {
  it('loads the printed probabilities, target 6 and loss −ln 0.10 = 2.302585093', async () => {
    const { root, q, all, loss, target, probabilities, click } = setup();
    await click('[data-action="preset"]');
    probabilities().forEach((p, k) => expect(Math.abs(p - DOCUMENT_002_PROBABILITIES[k])).toBeLessThan(1e-15));
    expect(target()).toBe(6);
    expect(loss()).toBeCloseTo(2.302585093, 9);
    expect(loss()).toBe(engine(DOCUMENT_002_PRESET.logits, 6).loss);
    expect(q('[data-role="loss"]')!.textContent).toContain('2.302585093');
    expect(q('[data-action="preset"]')!.getAttribute('aria-pressed')).toBe('true');
    expect(q('[data-role="preset-note"]')).not.toBeNull();
    expect(all('[data-role="jacobian"] td[data-i]')).toHaveLength(100);
    expectNoBrokenNumbers(root);
  });

  it('points out that the predicted class (5, p = 0.20) is not the target', async () => {
    const { q, click } = setup();
    await click('[data-action="preset"]');
    expect(Number(q('[data-role="predicted"]')!.dataset.predicted)).toBe(5);
    expect(q('[data-role="predicted"]')!.textContent).toContain('类别 5（p = 0.2）');
    const verdict = q('[data-role="prediction-verdict"]')!;
    expect(verdict.classList.contains('warning')).toBe(true);
    expect(verdict.textContent).toContain('不是正确类别 6');
  });

  it('gradient −0.9 at the target, p_k elsewhere', async () => {
    const { all, click } = setup();
    await click('[data-action="preset"]');
    const gradient = all('tr[data-gradient]').map((row) => Number(row.dataset.gradient));
    expect(gradient[6]).toBeCloseTo(-0.9, 15);
    gradient.forEach((g, k) => k !== 6 && expect(g).toBeCloseTo(DOCUMENT_002_PROBABILITIES[k], 15));
  });
});

describe('choosing the target', () => {
  it('by clicking a bar', async () => {
    const { q, loss, target } = setup();
    await fireEvent.click(q('[data-bar="2"]')!);
    expect(target()).toBe(2);
    expect(loss()).toBe(engine(DEFAULT_LOGITS, 2).loss);
    expect(q('[data-bar="2"]')!.getAttribute('aria-pressed')).toBe('true');
  });

  it('with Enter or Space on a focused bar', async () => {
    const { q, target } = setup();
    await fireEvent.keyDown(q('[data-bar="1"]')!, { key: 'Enter' });
    expect(target()).toBe(1);
    await fireEvent.keyDown(q('[data-bar="2"]')!, { key: ' ' });
    expect(target()).toBe(2);
    await fireEvent.keyDown(q('[data-bar="0"]')!, { key: 'a' });
    expect(target()).toBe(2);
  });

  it('from the select', async () => {
    const { q, target } = setup();
    await fireEvent.change(q('select[data-role="target-select"]')!, { target: { value: '1' } });
    expect(target()).toBe(1);
  });
});

describe('editing logits', () => {
  it('recomputes everything from the engine', async () => {
    const { type, probabilities, loss } = setup();
    await type(1, '4');
    const expected = engine([2, 4, 0.1], 0);
    expect(probabilities()).toEqual(expected.probabilities);
    expect(loss()).toBe(expected.loss);
  });

  it('logits of 1000 do not overflow', async () => {
    const { root, type, probabilities, loss } = setup();
    await type(0, '1000');
    await type(1, '999');
    const expected = engine([1000, 999, 0.1], 0);
    expect(probabilities()).toEqual(expected.probabilities);
    probabilities().forEach((p) => expect(Number.isFinite(p)).toBe(true));
    expect(loss()).toBeCloseTo(Math.log(1 + Math.exp(-1)), 12);
    expectNoBrokenNumbers(root);
  });

  it.each([
    ['abc', 'z₁：“abc” 不是一个数。'],
    ['', 'z₁：请填写一个数。'],
    ['1e400', 'z₁：1e400 太大了，超出了可以计算的范围。'],
    ['2e6', 'z₁：绝对值不能超过 1,000,000。'],
    ['Infinity', 'z₁：“Infinity” 不是一个数。'],
  ])('refuses %j with a message and keeps the last valid state', async (text, message) => {
    const { root, q, type, fieldError, loss, probabilities } = setup();
    const before = { loss: loss(), probabilities: probabilities() };
    await type(1, text);
    expect(fieldError(1)).toContain(message);
    expect(fieldError(1)).toContain('计算仍使用上一次有效的值 1');
    expect(q('[data-field="z1"]')!.getAttribute('role')).toBe('alert');
    expect({ loss: loss(), probabilities: probabilities() }).toEqual(before);
    expectNoBrokenNumbers(root);
    await type(1, '1.5');
    expect(fieldError(1)).toBeNull();
  });

  it('adds and removes classes within 2..12; removing the target class moves the target', async () => {
    const { q, all, click, target } = setup();
    await fireEvent.click(q('[data-bar="2"]')!);
    await click('[data-action="remove-class"]');
    expect(all('[data-bar]')).toHaveLength(2);
    expect(target()).toBe(1);
    expect(q<HTMLButtonElement>('[data-action="remove-class"]')!.disabled).toBe(true);
    for (let i = 0; i < 20; i++) await click('[data-action="add-class"]');
    expect(all('[data-bar]')).toHaveLength(MAX_CLASSES);
    expect(q<HTMLButtonElement>('[data-action="add-class"]')!.disabled).toBe(true);
    expect(all('select[data-role="target-select"] option')).toHaveLength(MAX_CLASSES);
  });

  it('reset goes back to the defaults and clears messages', async () => {
    const { type, click, fieldError, probabilities } = setup();
    await click('[data-action="preset"]');
    await type(3, 'x');
    await click('[data-action="reset"]');
    expect(fieldError(3)).toBeNull();
    expect(probabilities()).toEqual(engine(DEFAULT_LOGITS, 0).probabilities);
  });
});

describe('URL state', () => {
  it('reads the syntax and reports malformed fields', () => {
    const { values, ignored } = readSoftmaxUrl(new URLSearchParams('z=1,abc,2&t=x&preset=003&other=1'));
    expect(values).toEqual({});
    expect(ignored).toEqual(['z=1,abc,2', 't=x', 'preset=003']);
    expect(readSoftmaxUrl(new URLSearchParams('z=1')).ignored).toEqual(['z=1']);
    expect(readSoftmaxUrl(new URLSearchParams(`z=${Array(13).fill(0).join(',')}`)).ignored).toHaveLength(1);
    expect(readSoftmaxUrl(new URLSearchParams('z=1,,2')).ignored).toEqual(['z=1,,2']);
    expect(readSoftmaxUrl(new URLSearchParams('z=1,1e400')).ignored).toEqual(['z=1,1e400']);
    expect(readSoftmaxUrl(new URLSearchParams('z=1,-2.5&t=1')).values).toEqual({ z: [1, -2.5], t: 1 });
  });

  it('applies what the engine accepts and reports the rest', () => {
    const model = new SoftmaxModel();
    expect(applyQuery(model, new URLSearchParams('?z=1,2e7&t=1'))).toEqual(['z=1,2e7']);
    expect(model.logits).toEqual([...DEFAULT_LOGITS]);
    expect(model.targetIndex).toBe(1);
    expect(applyQuery(model, new URLSearchParams('?z=0,1&t=5'))).toEqual(['t=5']);
    expect(model.logits).toEqual([0, 1]);
    expect(model.targetIndex).toBe(1);
  });

  it('preset=002 loads the document example; z and t may then override it', () => {
    const model = new SoftmaxModel();
    expect(applyQuery(model, new URLSearchParams('?preset=002'))).toEqual([]);
    expect(model.isPreset).toBe(true);
    expect(urlFields(model)).toEqual({ preset: '002', z: undefined, t: undefined });
    applyQuery(model, new URLSearchParams('?preset=002&t=5'));
    expect(model.targetIndex).toBe(5);
    expect(urlFields(model)).toMatchObject({ preset: undefined, t: '5' });
  });

  it('writes nothing for the defaults and the logits otherwise; honours the prefix', () => {
    const model = new SoftmaxModel();
    expect(urlFields(model)).toEqual({ preset: undefined, z: undefined, t: undefined });
    model.setText(2, '-3');
    expect(urlFields(model)).toEqual({ preset: undefined, z: '2,1,-3', t: '0' });
    const prefixed = new SoftmaxModel();
    expect(applyQuery(prefixed, new URLSearchParams('?z=5,5&s.z=1,2,3,4&s.t=3'), { prefix: 's.' })).toEqual([]);
    expect(prefixed.logits).toEqual([1, 2, 3, 4]);
    expect(prefixed.targetIndex).toBe(3);
  });

  it('a malformed link shows a polite notice and the widget still works', async () => {
    window.history.replaceState(null, '', '/loss/?z=1,zz&t=9');
    const { q, click, loss } = setup({ syncUrl: true });
    const notice = q('[data-role="url-notice"]')!;
    expect(notice.getAttribute('role')).toBe('status');
    expect(notice.textContent).toContain('z=1,zz');
    expect(notice.textContent).toContain('t=9');
    await click('[data-action="preset"]');
    expect(loss()).toBeCloseTo(2.302585093, 9);
    await addressWritten();
    expect(new URL(window.location.href).searchParams.get('preset')).toBe('002');
  });
});

describe('options', () => {
  it('hides the editor and buttons without controls but keeps the results', () => {
    const { q } = setup({ controls: false });
    expect(q('input[name="z0"]')).toBeNull();
    expect(q('[data-action="preset"]')).toBeNull();
    expect(q('[data-role="loss"]')).not.toBeNull();
  });

  it('speaks English', async () => {
    const { q, click } = setup({ lang: 'en' });
    await click('[data-action="preset"]');
    expect(q('[data-role="prediction-verdict"]')!.textContent).toContain('not the correct class 6');
  });
});
