import { describe, expect, it } from 'vitest';
import { valueAt, type ExplorerActivationName } from '../../src/engine/models/activation-explorer';
import { PHONE, widgetHarness, type WidgetPage } from './harness';

const { openLesson, withoutJavaScript } = widgetHarness('activation-functions');

async function readout(widget: WidgetPage) {
  const [z, f, df] = await Promise.all(['data-z', 'data-f', 'data-df'].map((name) => widget.number('[data-role="readout"]', name)));
  return { z, f, df };
}
const activation = (widget: WidgetPage) => widget.attr('data-activation') as Promise<ExplorerActivationName>;
const option = (widget: WidgetPage, name: ExplorerActivationName) => widget.find(`label:has(input[data-activation="${name}"])`);

/** Clicks (or taps) the f-panel at a fraction of its plotting width. */
async function pickAt(widget: WidgetPage, fraction: number, how: 'click' | 'tap' = 'click') {
  const area = widget.find('svg[data-series="f"] [data-role="pick-area"]');
  const box = (await area.boundingBox())!;
  const position = { x: box.width * fraction, y: box.height / 2 };
  if (how === 'tap') await area.tap({ position });
  else await area.click({ position });
}

async function expectReadoutMatchesEngine(widget: WidgetPage, alpha?: number) {
  const shown = await readout(widget);
  const expected = valueAt(await activation(widget), shown.z, alpha);
  expect(shown.f).toBe(expected.f);
  expect(shown.df).toBe(expected.df);
}

describe('activation explorer on the lesson page', () => {
  it('reads σ′(0) = 0.25 and marks it as σ′’s maximum', async () => {
    const widget = await openLesson();
    expect(await readout(widget)).toEqual({ z: 0, f: 0.5, df: 0.25 });
    expect(await widget.find('[data-role="df-value"]').textContent()).toBe('0.25');
    expect(await widget.number('[data-role="sigmoid-peak"]', 'data-value')).toBe(0.25);
    expect(await widget.find('[data-role="sigmoid-peak-note"]').textContent()).toBe('σ′ 的最大值 = 0.25，位于 z = 0');
  });

  it('switches function and moves the point with the mouse, and keeps both in the URL', async () => {
    const widget = await openLesson();
    await option(widget, 'relu').click();
    expect(await activation(widget)).toBe('relu');
    expect(await widget.find('svg[data-series="df"] [data-role="kink"]').count()).toBe(1);
    await pickAt(widget, 0.75);
    const { z } = await readout(widget);
    expect(z).toBeGreaterThan(2.5);
    expect(z).toBeLessThan(3.5);
    await expectReadoutMatchesEngine(widget);
    await widget.expectParam('fn', 'relu');
    await widget.expectParam('z', String(z));

    const linked = await openLesson(`?fn=relu&z=${z}`);
    expect(await activation(linked)).toBe('relu');
    expect((await readout(linked)).z).toBe(z);
  });

  it('is operable by keyboard: radio arrows pick the function, slider arrows move the point', async () => {
    const widget = await openLesson();
    await widget.find('input[data-activation="sigmoid"]').focus();
    await widget.press('ArrowRight');
    expect(await activation(widget)).toBe('tanh');
    await widget.find('[data-role="point-slider"]').focus();
    await widget.press('ArrowRight', 'ArrowRight', 'ArrowRight');
    expect((await readout(widget)).z).toBeCloseTo(0.3, 12);
    await expectReadoutMatchesEngine(widget);
    await widget.press('End');
    expect((await readout(widget)).z).toBe(6);
    await expectReadoutMatchesEngine(widget);
    await widget.press('Home');
    expect((await readout(widget)).z).toBe(-6);
  });

  it('responds to touch taps on the function choice and the plot', async () => {
    const widget = await openLesson('', { touch: true });
    await option(widget, 'leakyRelu').tap();
    expect(await activation(widget)).toBe('leakyRelu');
    await pickAt(widget, 0.25, 'tap');
    const { z } = await readout(widget);
    expect(z).toBeLessThan(-2.5);
    expect(z).toBeGreaterThan(-3.5);
    await expectReadoutMatchesEngine(widget, 0.01);
  });

  it('opens a linked setting: leaky ReLU with α = 0.1 at z = −2', async () => {
    const widget = await openLesson('?fn=leakyRelu&alpha=0.1&z=-2');
    expect(await readout(widget)).toEqual({ z: -2, f: -0.2, df: 0.1 });
    expect(await widget.field('alpha').inputValue()).toBe('0.1');
  });

  it('refuses bad input with a message and keeps the last valid value', async () => {
    const widget = await openLesson('?z=1');
    for (const text of ['abc', '', '1e400']) {
      await widget.field('z').fill(text);
      expect(await widget.find('[data-role="field-error"][data-field="z"]').isVisible()).toBe(true);
      expect((await readout(widget)).z).toBe(1);
    }
    expect(await widget.find('[data-role="field-error"]').textContent()).toContain('1e400 太大了');
    await widget.field('from').fill('9');
    expect(await widget.find('[data-field="from"]').textContent()).toContain('z 起点必须小于 z 终点');
    const visibleText = await widget.root.evaluate((root) => {
      const copy = root.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('[data-role="field-error"]').forEach((element) => element.remove());
      return copy.textContent ?? '';
    });
    expect(visibleText).not.toMatch(/NaN|Infinity/);
    await widget.field('z').fill('-1');
    expect((await readout(widget)).z).toBe(-1);
    expect(await widget.find('[data-field="z"]').count()).toBe(0);
  });

  it('shows a notice for a malformed link and still works', async () => {
    const widget = await openLesson('?fn=bogus&z=abc&alpha=0.2&to=1e400');
    await widget.expectUrlNotice(['fn=bogus', 'z=abc', 'to=1e400']);
    expect(await activation(widget)).toBe('sigmoid');
    await option(widget, 'tanh').click();
    expect(await readout(widget)).toEqual({ z: 0, f: 0, df: 1 });
  });

  it('lists the document identities with the two misprints failing', async () => {
    const widget = await openLesson();
    const failing = widget.find('[data-identity][data-holds="false"]');
    expect(await failing.evaluateAll((rows) => rows.map((row) => (row as HTMLElement).dataset.identity))).toEqual([
      'tanh-exponential-form-as-printed-000',
      'tanh-derivative-as-printed-002',
    ]);
    expect(await widget.find('[data-identity][data-holds="true"]').count()).toBe(4);
    expect(await widget.page.locator('[data-erratum="000-tanh-exponential-form"]').count()).toBe(1);
    expect(await widget.page.locator('[data-erratum="002-tanh-derivative-shallow"]').count()).toBe(1);
  });

  it('fits a 360 px wide phone without sideways scrolling', async () => {
    const widget = await openLesson('?fn=maxout', { viewport: PHONE });
    await widget.expectFitsWidth();
    await widget.click('maxout-leaky');
    expect(await widget.field('w1').inputValue()).toBe('0.01');
  });
});

withoutJavaScript('the page still shows the default plot, readout and identity checks', async (widget) => {
  expect(await widget.attr('data-ready')).toBe('false');
  expect(await widget.find('[data-role="readout"]').getAttribute('data-df')).toBe('0.25');
  expect((await widget.find('svg[data-series="df"] [data-role="curve"]').getAttribute('d'))!.length).toBeGreaterThan(1000);
  expect(await widget.find('[data-identity]').count()).toBe(6);
});
