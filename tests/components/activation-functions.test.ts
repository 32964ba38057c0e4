import { fireEvent, render } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import ActivationFunctions from '../../src/components/widgets/activation-functions/ActivationFunctions.svelte';
import { ActivationExplorerModel, SAMPLE_POINTS, roundToStep } from '../../src/components/widgets/activation-functions/model.svelte';
import { curvePath, kinkEnds, tickText, valueAxis } from '../../src/components/widgets/activation-functions/plot';
import { applyQuery, urlFields } from '../../src/components/widgets/activation-functions/binding';
import { readActivationUrl } from '../../src/components/widgets/activation-functions/url';
import {
  identityChecks,
  leakyReluAsMaxout,
  sampleActivation,
  valueAt,
  type ExplorerActivationName,
  type MaxoutParams,
} from '../../src/engine/models/activation-explorer';
import { addressWritten } from './widget-harness';

function setup(props: Record<string, unknown> = {}) {
  const result = render(ActivationFunctions, { props: { syncUrl: false, ...props } });
  const root = result.container.querySelector<HTMLElement>('[data-widget="activation-functions"]')!;
  const q = <T extends Element = HTMLElement>(selector: string) => root.querySelector<T>(selector);
  const readout = () => {
    const element = q('[data-role="readout"]')!;
    return { z: Number(element.dataset.z), f: Number(element.dataset.f), df: Number(element.dataset.df) };
  };
  const field = (name: string) => q<HTMLInputElement>(`input[name="${name}"]`)!;
  const type = (name: string, value: string) => fireEvent.input(field(name), { target: { value } });
  const choose = (name: ExplorerActivationName) => fireEvent.click(q(`input[data-activation="${name}"]`)!);
  const fieldError = (name: string) => q(`[data-role="field-error"][data-field="${name}"]`)?.textContent ?? null;
  return { root, q, readout, field, type, choose, fieldError };
}

/** No computed value shows as NaN/Infinity; the messages may quote what the reader typed, so they are left out. */
function expectNoBrokenNumbers(root: HTMLElement) {
  const copy = root.cloneNode(true) as HTMLElement;
  copy.querySelectorAll('[data-role="field-error"], input').forEach((element) => element.remove());
  expect(copy.textContent).not.toMatch(/NaN|Infinity|undefined/);
}

afterEach(() => window.history.replaceState(null, '', '/'));

describe('activation explorer: rendering and hydration hooks', () => {
  it('starts with sigmoid and reads σ(0) = 0.5, σ′(0) = 0.25 at the point', () => {
    const { root, readout, q } = setup();
    expect(root.dataset.ready).toBe('true');
    expect(root.classList.contains('not-content')).toBe(true);
    expect(root.dataset.activation).toBe('sigmoid');
    expect(readout()).toEqual({ z: 0, f: 0.5, df: 0.25 });
    expect(q('[data-role="df-value"]')!.textContent).toBe('0.25');
    expect(q('input[data-activation="sigmoid"]')!.matches(':checked')).toBe(true);
  });

  it('marks σ′’s maximum 0.25 at z = 0, found by the engine', () => {
    const { q } = setup();
    const peak = q('[data-role="sigmoid-peak"]')!;
    expect(Number(peak.dataset.value)).toBeCloseTo(0.25, 15);
    expect(Math.abs(Number(peak.dataset.z))).toBeLessThan(1e-12);
    expect(peak.textContent).toContain('σ′ 最大 = 0.25');
    expect(q('[data-role="sigmoid-peak-note"]')!.textContent).toBe('σ′ 的最大值 = 0.25，位于 z = 0');
  });

  it('draws both curves with labelled axes and shades the two saturated tails of the sigmoid', () => {
    const { q, root } = setup();
    for (const series of ['f', 'df']) {
      const svg = q(`svg[data-series="${series}"]`)!;
      expect(svg.getAttribute('aria-label')).toContain('Sigmoid');
      expect(svg.querySelector('[data-role="curve"]')!.getAttribute('d')!.match(/M/g)).toHaveLength(1);
      expect(svg.querySelectorAll('.axis-label')).toHaveLength(2);
      expect(svg.querySelectorAll('[data-role="saturation"]')).toHaveLength(2);
    }
    expect(q('[data-role="saturation-list"]')!.textContent).toMatch(/\[-6, -2\.88\d\], \[2\.88\d, 6\]/);
    expectNoBrokenNumbers(root);
  });
});

describe('switching functions', () => {
  it.each<[ExplorerActivationName, number, number]>([
    ['tanh', 0, 1],
    ['relu', 0, 0],
    ['leakyRelu', 0, 1],
    ['maxout', 0, 1],
    ['linear', 0, 1],
  ])('%s: readout at z = 0 is the engine’s (f = %s, f′ = %s)', async (name, f, df) => {
    const { root, readout, choose } = setup();
    await choose(name);
    expect(root.dataset.activation).toBe(name);
    expect(readout()).toEqual({ z: 0, f, df });
    expect(readout().df).toBe(valueAt(name, 0).df);
  });

  it('breaks the f′ line (not the continuous f) at ReLU’s kink and marks the value used there; smooth functions have none', async () => {
    const { q, choose } = setup();
    expect(q('[data-role="kink"]')).toBeNull();
    await choose('relu');
    const kink = q('svg[data-series="df"] [data-role="kink"]')!;
    expect(Number(kink.dataset.z)).toBe(0);
    expect(q('svg[data-series="df"] [data-role="curve"]')!.getAttribute('d')!.match(/M/g)).toHaveLength(2);
    expect(q('svg[data-series="f"] [data-role="curve"]')!.getAttribute('d')!.match(/M/g)).toHaveLength(1);
    expect(q('svg[data-series="df"] .open')).not.toBeNull();
    expect(q('[data-role="sigmoid-peak"]')).toBeNull();
    expect(q('[data-role="sigmoid-peak-note"]')).toBeNull();
  });

  it('shows the formula of the chosen function', async () => {
    const { q, choose } = setup();
    await choose('tanh');
    expect(q('[data-role="formulas"]')!.textContent).toContain('tanh');
    await choose('maxout');
    expect(q('[data-role="formulas"]')!.textContent).toContain('maxout');
    expect(q('[data-role="formulas"]')!.textContent).toContain('较大的那一段直线的斜率');
  });

  it('ReLU saturates on the whole negative side, linear nowhere', async () => {
    const { q, choose } = setup();
    await choose('relu');
    expect(q('[data-role="saturation-list"]')!.textContent).toMatch(/\[-6, 0\]/);
    await choose('linear');
    expect(q('[data-role="saturation-list"]')!.textContent).toBe('当前范围内没有饱和区。');
  });
});

describe('point readout against the engine', () => {
  const CASES: [ExplorerActivationName, string, number, MaxoutParams?][] = [
    ['sigmoid', '2', 0.01],
    ['sigmoid', '-3.5', 0.01],
    ['tanh', '1', 0.01],
    ['tanh', '-0.25', 0.01],
    ['relu', '-2', 0.01],
    ['relu', '1.5', 0.01],
    ['leakyRelu', '-2', 0.1],
    ['leakyRelu', '3', 0.1],
    ['linear', '-4.2', 0.01],
    ['maxout', '0', 0.01, { w1: -1, b1: 1, w2: 2, b2: -2 }],
    ['maxout', '3', 0.01, { w1: -1, b1: 1, w2: 2, b2: -2 }],
  ];

  it.each(CASES)('%s at z = %s (α = %s)', async (name, z, alpha, maxout) => {
    const { readout, type, choose } = setup();
    await choose(name);
    if (name === 'leakyRelu' || name === 'maxout') await type('alpha', String(alpha));
    if (maxout) for (const [key, value] of Object.entries(maxout)) await type(key, String(value));
    await type('z', z);
    const expected = valueAt(name, Number(z), alpha, maxout);
    expect(readout()).toEqual({ z: Number(z), f: expected.f, df: expected.df });
  });

  it('the slider moves the point and the z field follows', async () => {
    const { q, readout, field } = setup();
    await fireEvent.input(q('[data-role="point-slider"]')!, { target: { value: '2' } });
    expect(readout().z).toBe(2);
    expect(readout().df).toBe(valueAt('sigmoid', 2).df);
    expect(field('z').value).toBe('2');
  });

  it('a tap on the plot moves the point to the z under it', async () => {
    const { q, readout } = setup();
    const svg = q<SVGSVGElement>('svg[data-series="f"]')!;
    svg.getBoundingClientRect = () => ({ left: 0, top: 0, width: 480, height: 210, right: 480, bottom: 210, x: 0, y: 0, toJSON: () => ({}) });
    // viewBox x = 60 + (464 − 60)·(z + 6)/12, so x = 330 is z = 2.0198…, rounded to the slider's step / 10.
    await fireEvent.pointerDown(svg.querySelector('[data-role="pick-area"]')!, { clientX: 330, pointerId: 1 });
    expect(readout().z).toBeCloseTo(2.02, 12);
    expect(readout().f).toBe(valueAt('sigmoid', readout().z).f);
  });

  it('says which Maxout piece is active', async () => {
    const { q, type, choose } = setup();
    await choose('maxout');
    await type('z', '-1');
    expect(q('[data-role="active-piece"]')!.textContent).toBe('起作用的是第 1 段直线');
    await type('z', '1');
    expect(q('[data-role="active-piece"]')!.textContent).toBe('起作用的是第 2 段直线');
  });
});

describe('validation: refused text gives a message and keeps the last valid value', () => {
  it.each([
    ['z', '2e6', '读数点 z：绝对值不能超过 1,000,000。'],
    ['from', '0x10', 'z 起点：“0x10” 不是一个数。'],
    ['threshold', '0', '饱和阈值（|f′| 低于它算饱和）：必须大于 0。'],
    ['threshold', '-1', '必须大于 0'],
  ])('%s = %j', async (name, text, message) => {
    const { root, readout, type, fieldError, field } = setup();
    await type('z', '1');
    const before = readout();
    await type(name, text);
    expect(fieldError(name)).toContain(message);
    expect(fieldError(name)).toContain('仍使用上一次有效的值');
    expect(field(name).getAttribute('aria-invalid')).toBe('true');
    expect(root.querySelector(`[data-field="${name}"]`)!.getAttribute('role')).toBe('alert');
    expect(readout()).toEqual(before);
    expectNoBrokenNumbers(root);
  });

  it('refuses α and Maxout settings beyond ±1000', async () => {
    const { type, fieldError, choose, readout } = setup();
    await choose('leakyRelu');
    await type('z', '-2');
    await type('alpha', '5000');
    expect(fieldError('alpha')).toContain('绝对值不能超过 1,000');
    expect(readout().df).toBe(0.01);
    await type('alpha', '0.2');
    expect(fieldError('alpha')).toBeNull();
    expect(readout().df).toBe(0.2);
  });

  it('refuses an inverted range and accepts it once the other end moves', async () => {
    const { q, type, fieldError, field } = setup();
    await type('from', '7');
    expect(fieldError('from')).toContain('z 起点必须小于 z 终点');
    expect(q('svg[data-series="f"]')!.getAttribute('aria-label')).toContain('z 从 −6 到 6');
    await type('to', '10');
    expect(fieldError('from')).toBeNull();
    expect(field('from').value).toBe('7');
    expect(q('svg[data-series="f"]')!.getAttribute('aria-label')).toContain('z 从 7 到 10');
    await type('to', '7');
    expect(fieldError('to')).toContain('不能相同');
  });

  it('reset restores the defaults and clears messages', async () => {
    const { q, type, readout, fieldError, choose } = setup();
    await choose('tanh');
    await type('z', 'x');
    await fireEvent.click(q('[data-action="reset"]')!);
    expect(fieldError('z')).toBeNull();
    expect(readout()).toEqual({ z: 0, f: 0.5, df: 0.25 });
  });
});

describe('Maxout special cases (document 003 §4)', () => {
  it('the buttons set the ReLU and leaky-ReLU pieces and the readout follows', async () => {
    const { q, field, type, readout, choose } = setup();
    await choose('maxout');
    await type('alpha', '0.2');
    await fireEvent.click(q('[data-action="maxout-leaky"]')!);
    expect(['w1', 'b1', 'w2', 'b2'].map((name) => field(name).value)).toEqual(['0.2', '0', '1', '0']);
    await type('z', '-2');
    expect(readout()).toEqual({ z: -2, ...valueAt('leakyRelu', -2, 0.2) });
    await fireEvent.click(q('[data-action="maxout-relu"]')!);
    expect(field('w1').value).toBe('0');
    expect(readout()).toEqual({ z: -2, ...valueAt('relu', -2) });
  });

  it('reports that max(αz, z) stops being leaky ReLU once α > 1', async () => {
    const { q, type, choose } = setup();
    await choose('maxout');
    expect(q('[data-special-case="leakyRelu"]')!.dataset.holds).toBe('true');
    await type('alpha', '2');
    expect(q('[data-special-case="leakyRelu"]')!.dataset.holds).toBe('false');
    expect(q('[data-special-case="relu"]')!.dataset.holds).toBe('true');
    expect(q('.settings')!.textContent).toContain('α > 1');
  });
});

describe('identities checked over the plotted range', () => {
  it('lists the engine’s six checks; the two misprints fail, the rest hold', () => {
    const { root } = setup();
    const rows = [...root.querySelectorAll<HTMLElement>('[data-identity]')];
    const samples = sampleActivation('sigmoid', { from: -6, to: 6, points: SAMPLE_POINTS });
    if ('error' in samples) throw new Error('refused');
    const expected = identityChecks(samples.z);
    if ('error' in expected) throw new Error('refused');
    expect(rows.map((row) => row.dataset.identity)).toEqual(expected.map((check) => check.id));
    rows.forEach((row, i) => {
      expect(row.dataset.holds).toBe(String(expected[i].expectedToHold));
      expect(Number(row.dataset.deviation)).toBe(expected[i].maxDeviation);
    });
    const misprint = root.querySelector('[data-identity="tanh-exponential-form-as-printed-000"]')!;
    expect(misprint.textContent).toContain('tanh(z/2)');
    expect(misprint.textContent).toContain('不成立');
    expect(root.querySelector('[data-identity="tanh-derivative-as-printed-002"]')!.textContent).toContain('1 − A²');
  });

  it('re-checks them when the range changes', async () => {
    const { root, type } = setup();
    const deviation = () => Number(root.querySelector<HTMLElement>('[data-identity="tanh-exponential-form-as-printed-000"]')!.dataset.deviation);
    const wide = deviation();
    await type('from', '-0.5');
    await type('to', '0.5');
    expect(deviation()).toBeLessThan(wide);
    expect(deviation()).toBeGreaterThan(0.1);
  });
});

describe('URL state', () => {
  it('reads valid fields and reports malformed ones', () => {
    const { values, ignored } = readActivationUrl(new URLSearchParams('fn=tanh&alpha=0.2&z=abc&from=&to=1e400&fn2=x&threshold=0.1'));
    expect(values).toEqual({ fn: 'tanh', alpha: '0.2', threshold: '0.1' });
    expect(ignored).toEqual(['z=abc', 'from=', 'to=1e400']);
    expect(readActivationUrl(new URLSearchParams('fn=softmax')).ignored).toEqual(['fn=softmax']);
  });

  it('applies values the engine accepts and reports the ones it refuses, keeping defaults there', () => {
    const model = new ActivationExplorerModel();
    const ignored = applyQuery(model, new URLSearchParams('?fn=leakyRelu&alpha=5000&from=8&to=10&z=9&threshold=-1&w1=x'), { prefix: '' });
    expect(model.name).toBe('leakyRelu');
    expect(model.settings).toMatchObject({ alpha: 0.01, from: 8, to: 10, z: 9, threshold: 0.05, w1: 0 });
    expect(ignored).toEqual(['w1=x', 'alpha=5000', 'threshold=-1']);
    expect(model.errors).toEqual({});
    expect(model.texts.alpha).toBe('0.01');
  });

  it('an inverted range from a link keeps the valid end', () => {
    const model = new ActivationExplorerModel();
    expect(applyQuery(model, new URLSearchParams('?from=3&to=-3'))).toEqual(['to=-3']);
    expect(model.range).toEqual({ from: 3, to: 6 });
  });

  it('honours the prefix and leaves other widgets’ fields alone', () => {
    const model = new ActivationExplorerModel();
    expect(applyQuery(model, new URLSearchParams('?fn=relu&a.fn=tanh&a.z=oops'), { prefix: 'a.' })).toEqual(['a.z=oops']);
    expect(model.name).toBe('tanh');
  });

  it('writes only what differs from the defaults', () => {
    const model = new ActivationExplorerModel();
    expect(Object.values(urlFields(model)).every((value) => value === undefined)).toBe(true);
    model.setName('relu');
    model.setText('z', '-1.5');
    expect(urlFields(model)).toMatchObject({ fn: 'relu', z: '-1.5', alpha: undefined });
  });

  it('a malformed link shows a polite notice and the widget still works', async () => {
    window.history.replaceState(null, '', '/activations/?fn=nope&z=zzz&alpha=0.3');
    const { q, readout, choose } = setup({ syncUrl: true });
    const notice = q('[data-role="url-notice"]')!;
    expect(notice.getAttribute('role')).toBe('status');
    expect(notice.textContent).toContain('fn=nope');
    expect(notice.textContent).toContain('z=zzz');
    await choose('tanh');
    expect(readout().df).toBe(1);
    await addressWritten();
    expect(new URL(window.location.href).searchParams.get('fn')).toBe('tanh');
    expect(new URL(window.location.href).searchParams.get('alpha')).toBe('0.3');
  });
});

describe('options', () => {
  it('hides the settings panel without controls', () => {
    const { q } = setup({ controls: false });
    expect(q('input[name="from"]')).toBeNull();
    expect(q('[data-role="readout"]')).not.toBeNull();
  });

  it('speaks English', () => {
    const { q } = setup({ lang: 'en' });
    expect(q('.widget-title')!.textContent).toBe('Activation explorer: f(z) and f′(z)');
    expect(q('[data-role="sigmoid-peak-note"]')!.textContent).toBe('Largest σ′ = 0.25, at z = 0');
  });
});

describe('plot geometry', () => {
  const identity = (v: number) => v;

  it('lifts the pen across a break and drops a sample lying on it', () => {
    expect(curvePath([-2, -1, 0, 1, 2], [0, 0, 0, 1, 1], [0], identity, identity)).toBe('M-2.00,0.00 L-1.00,0.00 M1.00,1.00 L2.00,1.00');
    expect(curvePath([-1.5, -0.5, 0.5, 1.5], [0, 0, 1, 1], [0], identity, identity)).toBe('M-1.50,0.00 L-0.50,0.00 M0.50,1.00 L1.50,1.00');
    expect(curvePath([0, 1], [0, 1], [], identity, identity)).toBe('M0.00,0.00 L1.00,1.00');
  });

  it('finds the one-sided values either side of a kink', () => {
    expect(kinkEnds([-1, 0, 1], [0.1, 1, 1], 0)).toEqual({ z: 0, left: 0.1, right: 1 });
    expect(kinkEnds([1, 2], [1, 1], 0)).toEqual({ z: 0, left: undefined, right: 1 });
  });

  it('value axes always show 0 and widen flat curves', () => {
    expect(valueAxis([0.25, 0.1]).low).toBe(0);
    expect(valueAxis([0, 0])).toMatchObject({ low: -1, high: 1 });
    expect(valueAxis([1, 1]).ticks).toContain(0);
  });

  it('tick text stays short', () => {
    expect(tickText(-1000000)).toBe('-1e6');
    expect(tickText(-2.5)).toBe('−2.5');
    expect(tickText(0)).toBe('0');
  });

  it('rounds picked points to the step', () => {
    expect(roundToStep(2.0198, 0.01)).toBe(2.02);
    expect(roundToStep(-0.0001, 0.1)).toBe(0);
  });
});

describe('leaky ReLU as Maxout, through the model', () => {
  it('matches the engine for α in [0, 1]', () => {
    const model = new ActivationExplorerModel();
    model.setName('maxout');
    model.useMaxoutPieces(leakyReluAsMaxout(0.3));
    model.setText('z', '-4');
    expect(model.value).toEqual(valueAt('leakyRelu', -4, 0.3));
  });
});
