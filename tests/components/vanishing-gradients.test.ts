import { fireEvent, render } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { vanishingGradients, type GradientProfile, type VanishingOptions } from '../../src/engine/models/vanishing-gradients';
import VanishingGradients from '../../src/components/widgets/vanishing-gradients/VanishingGradients.svelte';
import Verdict from '../../src/components/widgets/vanishing-gradients/Verdict.svelte';
import { DEFAULT_OPTIONS, parseField, presetScale } from '../../src/components/widgets/vanishing-gradients/fields';
import { formatMagnitude, logAxis, powerOfTen } from '../../src/components/widgets/vanishing-gradients/log-axis';
import { vanishingStrings } from '../../src/components/widgets/vanishing-gradients/strings';
import { readVanishingUrl, vanishingUrlFields } from '../../src/components/widgets/vanishing-gradients/url';
import { addressWritten } from './widget-harness';

function engine(options: VanishingOptions) {
  const result = vanishingGradients(options);
  if ('errors' in result) throw new Error('refused');
  return result;
}

function setup(props: Record<string, unknown> = {}) {
  const result = render(VanishingGradients, { props: { syncUrl: false, ...props } });
  const root = result.container.querySelector<HTMLElement>('[data-widget="vanishing-gradients"]')!;
  const bars = () => [...root.querySelectorAll<SVGGElement>('g[data-layer]')];
  const barData = () => bars().map((bar) => ({ layer: Number(bar.dataset.layer), norm: Number(bar.dataset.deltaNorm), bound: Number(bar.dataset.bound) }));
  const field = (name: string) => root.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;
  const button = (selector: string) => root.querySelector<HTMLButtonElement>(selector)!;
  const verdict = () => root.querySelector<HTMLElement>('[data-role="verdict"]')!;
  return { root, bars, barData, field, button, verdict };
}

afterEach(() => window.history.replaceState(null, '', '/'));

describe('VanishingGradients: defaults and bars', () => {
  it('renders the sigmoid depth-10 profile, classified as vanishing, with one bar per layer', () => {
    const { root, barData, verdict } = setup();
    expect(root.dataset.classification).toBe('vanishing');
    expect(verdict().dataset.classification).toBe('vanishing');
    expect(verdict().textContent).toContain('梯度消失');
    const expected = engine({ ...DEFAULT_OPTIONS });
    const data = barData();
    expect(data.map((d) => d.layer)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    data.forEach((bar) => {
      const layer = expected.layers.find((l) => l.layer === bar.layer)!;
      expect(bar.norm).toBe(layer.deltaNorm);
      expect(bar.bound).toBe(layer.bound);
      expect(bar.norm).toBeLessThanOrEqual(bar.bound * (1 + 1e-12));
    });
    expect(data[0].norm).toBeLessThan(data[10].norm);
  });

  it('shows the documents’ 0.25^k line and the bound line for sigmoid, axes labelled, ratio in words', () => {
    const { root, verdict } = setup();
    expect(root.querySelector('path[data-line="bound"]')!.getAttribute('d')).toMatch(/^M/);
    expect(root.querySelector('path[data-line="document"]')).not.toBeNull();
    const chart = root.querySelector('[data-role="gradient-chart"]')!;
    expect(chart.textContent).toContain('层号 l');
    expect(chart.textContent).toContain('对数刻度');
    expect(chart.textContent).toMatch(/10[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+/);
    expect(verdict().textContent).toContain('第 1 隐层');
    expect(root.querySelector('[data-role="document-compare"]')!.textContent).toContain('0.25 的 10 次方');
  });

  it('switches activation in one click; the 0.25^k line is only drawn for sigmoid', async () => {
    const { root, button } = setup();
    await fireEvent.click(button('[data-activation="tanh"]'));
    expect(button('[data-activation="tanh"]').getAttribute('aria-pressed')).toBe('true');
    expect(button('[data-activation="sigmoid"]').getAttribute('aria-pressed')).toBe('false');
    expect(root.dataset.classification).not.toBe('vanishing');
    expect(root.querySelector('path[data-line="document"]')).toBeNull();
    expect(root.querySelector('[data-role="document-compare"]')).toBeNull();
  });

  it('ReLU with the He scale at width 64 is not vanishing; the preset fills the field', async () => {
    const { root, field, button } = setup();
    await fireEvent.input(field('width'), { target: { value: '64' } });
    await fireEvent.click(button('[data-activation="relu"]'));
    await fireEvent.click(button('[data-preset="he"]'));
    expect(field('weightScale').value).toBe(String(presetScale('he', 64)));
    expect(presetScale('he', 64)).toBeCloseTo(Math.sqrt(2 / 64), 4);
    expect(root.dataset.classification).toBe('stable');
    expect(presetScale('xavier', 8)).toBeCloseTo(Math.sqrt(1 / 8), 4);
  });

  it('"new seed" increments the seed deterministically and redraws', async () => {
    const { field, button, barData } = setup();
    const before = barData();
    await fireEvent.click(button('[data-action="new-seed"]'));
    expect(field('seed').value).toBe('2');
    const after = barData();
    expect(after).not.toEqual(before);
    const seed2 = engine({ ...DEFAULT_OPTIONS, seed: 2 });
    expect(after.find((b) => b.layer === 1)!.norm).toBe(seed2.layers.at(-1)!.deltaNorm);
  });

  it('depth changes the number of bars; layer labels stay readable at depth 30', async () => {
    const { root, field, bars } = setup();
    await fireEvent.input(field('depth'), { target: { value: '30' } });
    expect(bars()).toHaveLength(31);
    const labels = [...root.querySelectorAll('[data-role="gradient-chart"] text.tick')].map((t) => t.textContent);
    expect(labels).toContain('31');
  });

  it('renders in English and hides the settings when controls is false', () => {
    const { root } = setup({ lang: 'en', controls: false });
    expect(root.textContent).toContain('Gradients in a deep network');
    expect(root.textContent).toContain('Verdict: vanishing');
    expect(root.querySelector('input')).toBeNull();
    expect(root.querySelectorAll('g[data-layer]')).toHaveLength(11);
  });
});

describe('VanishingGradients: refused input', () => {
  it.each([
    ['depth', '31', '1 到 30 的整数'],
    ['depth', '2.5', '不是整数'],
    ['weightScale', '0', '大于 0、不超过 10'],
    ['weightScale', '-1', '超出允许范围'],
    ['seed', '-1', '0 到 4294967295 的整数'],
  ])('%s = %j → message, last valid state kept, no NaN', async (name, text, message) => {
    const { root, field, barData } = setup();
    const before = barData();
    await fireEvent.input(field(name), { target: { value: text } });
    const alert = root.querySelector<HTMLElement>(`[data-role="field-error"][data-field="${name}"]`)!;
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.textContent).toContain(message);
    expect(field(name).getAttribute('aria-invalid')).toBe('true');
    expect(barData()).toEqual(before);
    expect(root.textContent).not.toMatch(/NaN|Infinity/);
  });

  it('clears the message once the field is valid again, and reset restores the defaults', async () => {
    const { root, field, button } = setup();
    await fireEvent.input(field('depth'), { target: { value: 'x' } });
    await fireEvent.input(field('depth'), { target: { value: '12' } });
    expect(root.querySelector('[data-role="field-error"]')).toBeNull();
    expect(root.querySelectorAll('g[data-layer]')).toHaveLength(13);
    await fireEvent.input(field('width'), { target: { value: '0' } });
    await fireEvent.click(button('[data-action="reset"]'));
    expect(root.querySelector('[data-role="field-error"]')).toBeNull();
    expect(field('depth').value).toBe('10');
    expect(field('width').value).toBe('8');
  });

  it('parseField checks each field against the other current settings', () => {
    expect(parseField('depth', ' 7 ', { ...DEFAULT_OPTIONS })).toEqual({ value: 7 });
    expect(parseField('depth', '−3', { ...DEFAULT_OPTIONS })).toEqual({ error: { name: 'depth', raw: '−3', code: 'out-of-range' } });
    expect(parseField('weightScale', 'Infinity', { ...DEFAULT_OPTIONS })).toEqual({ error: { name: 'weightScale', raw: 'Infinity', code: 'not-a-number' } });
  });
});

describe('VanishingGradients: overflow flag', () => {
  it('states an overflow clearly', () => {
    const profile: GradientProfile = { ...engine({ ...DEFAULT_OPTIONS }), overflowed: true };
    const { container } = render(Verdict, { props: { profile, perLayer: 0.5, options: { ...DEFAULT_OPTIONS }, strings: vanishingStrings('zh-CN') } });
    const flag = container.querySelector<HTMLElement>('[data-role="overflow"]')!;
    expect(flag.getAttribute('role')).toBe('alert');
    expect(flag.textContent).toContain('数值溢出');
    expect(flag.textContent).toContain('10³⁰⁰');
  });

  it('the widget reports no overflow for ordinary settings', () => {
    expect(setup().root.dataset.overflowed).toBe('false');
  });
});

describe('VanishingGradients: URL', () => {
  it('reads valid fields and reports every malformed one', () => {
    const query = new URLSearchParams('depth=abc&width=12&act=softmax&scale=0&seed=1.5&other=1');
    const { options, ignored } = readVanishingUrl(query);
    expect(options).toEqual({ width: 12 });
    expect(ignored).toEqual(['depth=abc', 'act=softmax', 'scale=0', 'seed=1.5']);
  });

  it.each(['', '1e400', 'NaN', 'Infinity', '0x10', '31', '-2', '3.5'])('depth=%j is refused', (raw) => {
    expect(readVanishingUrl(new URLSearchParams({ depth: raw })).ignored).toEqual([`depth=${raw}`]);
  });

  it('honours a prefix and leaves other widgets’ fields alone', () => {
    const { options, ignored } = readVanishingUrl(new URLSearchParams('depth=abc&vg-depth=20&vg-act=relu'), 'vg-');
    expect(options).toEqual({ depth: 20, activation: 'relu' });
    expect(ignored).toEqual([]);
  });

  it('writes only what differs from the defaults', () => {
    expect(vanishingUrlFields({ ...DEFAULT_OPTIONS })).toEqual({ depth: undefined, width: undefined, act: undefined, scale: undefined, seed: undefined });
    expect(vanishingUrlFields({ ...DEFAULT_OPTIONS, activation: 'leakyRelu', weightScale: 0.25 })).toMatchObject({ act: 'leakyRelu', scale: '0.25' });
  });

  it('applies the URL on mount, shows a notice for malformed values and writes changes back', async () => {
    window.history.replaceState(null, '', '/deep/?depth=oops&act=tanh&width=99&keep=1');
    const { root, field, button } = setup({ syncUrl: true });
    await Promise.resolve();
    const notice = root.querySelector<HTMLElement>('[data-role="url-notice"]')!;
    expect(notice.getAttribute('role')).toBe('status');
    expect(notice.textContent).toContain('depth=oops');
    expect(notice.textContent).toContain('width=99');
    expect(button('[data-activation="tanh"]').getAttribute('aria-pressed')).toBe('true');
    expect(root.dataset.ready).toBe('true');
    await fireEvent.input(field('depth'), { target: { value: '14' } });
    await addressWritten();
    const query = new URLSearchParams(window.location.search);
    expect(query.get('depth')).toBe('14');
    expect(query.get('act')).toBe('tanh');
    expect(query.get('keep')).toBe('1');
    expect(query.has('width')).toBe(false);
  });
});

describe('log axis and number display', () => {
  it('covers the bars in whole decades and thins the ticks', () => {
    const axis = logAxis([1e-3, 0.5, 2]);
    expect(axis.low).toBe(-3);
    expect(axis.high).toBe(1);
    expect(axis.ticks).toEqual([-3, -2, -1, 0, 1]);
    const wide = logAxis([1e-250, 1]);
    expect(wide.ticks.length).toBeLessThanOrEqual(9);
    expect(wide.ticks.at(-1)).toBe(0);
  });

  it('lets reference lines extend the axis only so far, and says so', () => {
    const axis = logAxis([0.1, 1], [1e60]);
    // The bars alone span 10⁻² … 10¹ (widened to at least two decades); lines may add eight more.
    expect(axis.high).toBe(1 + 8);
    expect(axis.clipped).toBe(true);
    expect(logAxis([0.1, 1], [10]).clipped).toBe(false);
  });

  it('survives zeros and an empty list', () => {
    expect(logAxis([0, 0])).toMatchObject({ low: -1, high: 1, clipped: false });
    expect(logAxis([0, 1e-5, 1e-3]).low).toBe(-5);
  });

  it('formats magnitudes without NaN or Infinity', () => {
    expect(formatMagnitude(0.25)).toBe('0.25');
    expect(formatMagnitude(1.408e-3)).toBe('0.00141');
    expect(formatMagnitude(3.21e-7)).toBe('3.21 × 10⁻⁷');
    expect(formatMagnitude(1e300)).toBe('10³⁰⁰');
    expect(formatMagnitude(9.996e-5)).toBe('10⁻⁴');
    expect(formatMagnitude(0)).toBe('0');
    expect(formatMagnitude(NaN)).toBe('—');
    expect(formatMagnitude(Infinity)).toBe('∞');
    expect(powerOfTen(-12)).toBe('10⁻¹²');
  });
});
