import { describe, expect, it } from 'vitest';
import { DOCUMENT_002_PROBABILITIES, softmaxCrossEntropy } from '../../src/engine/models/softmax-cross-entropy';
import { PHONE, widgetHarness, type WidgetPage } from './harness';

const PRESET_LOSS = '2.302585093';
const { openLesson, withoutJavaScript } = widgetHarness('softmax-cross-entropy');

const lossText = (widget: WidgetPage) => widget.find('[data-role="loss"]').textContent();
const loss = (widget: WidgetPage) => widget.number('[data-role="loss"]', 'data-loss');
const target = (widget: WidgetPage) => widget.number('[data-role="loss"]', 'data-target');
const bars = (widget: WidgetPage) => widget.find('[data-bar]').count();
const probabilities = (widget: WidgetPage) =>
  widget.find('[data-bar]').evaluateAll((elements) => elements.map((bar) => Number((bar as SVGElement).dataset.probability)));

describe('softmax / cross-entropy on the lesson page', () => {
  it('loads document 002’s example by mouse: loss −ln 0.10 = 2.302585093, prediction 5, target 6', async () => {
    const widget = await openLesson();
    await widget.click('preset');
    expect(await lossText(widget)).toContain(PRESET_LOSS);
    expect(await loss(widget)).toBeCloseTo(2.302585093, 9);
    expect(await target(widget)).toBe(6);
    (await probabilities(widget)).forEach((p, k) => expect(Math.abs(p - DOCUMENT_002_PROBABILITIES[k])).toBeLessThan(1e-15));
    expect(await widget.find('[data-role="predicted"]').getAttribute('data-predicted')).toBe('5');
    expect(await widget.find('[data-role="prediction-verdict"]').textContent()).toContain('不是正确类别 6');
    expect(await widget.find('[data-role="jacobian"] td[data-i]').count()).toBe(100);
    await widget.expectParam('preset', '002');

    const linked = await openLesson('?preset=002');
    expect(await lossText(linked)).toContain(PRESET_LOSS);
  });

  it('chooses the target by clicking a bar and recomputes from the engine', async () => {
    const widget = await openLesson('?preset=002');
    await widget.find('[data-bar="5"]').click();
    expect(await target(widget)).toBe(5);
    expect(await loss(widget)).toBeCloseTo(-Math.log(0.2), 12);
    expect(await widget.find('[data-role="prediction-verdict"]').textContent()).toContain('一致');
    await widget.expectParam('t', '5');
  });

  it('is operable by keyboard: Tab to a bar and press Enter, type a logit', async () => {
    const widget = await openLesson();
    await widget.find('[data-bar="0"]').focus();
    await widget.press('Tab', 'Enter');
    expect(await target(widget)).toBe(1);
    await widget.press('Tab', ' ');
    expect(await target(widget)).toBe(2);
    await widget.type('z0', '1000');
    const expected = softmaxCrossEntropy([1000, 1, 0.1], 2);
    if ('error' in expected) throw new Error('refused');
    expect(await probabilities(widget)).toEqual(expected.probabilities);
    expect(await loss(widget)).toBe(expected.loss);
    await widget.expectNoNaN();
  });

  it('responds to touch taps on the bars and buttons', async () => {
    const widget = await openLesson('', { touch: true });
    await widget.action('preset').tap();
    expect(await lossText(widget)).toContain(PRESET_LOSS);
    await widget.find('[data-bar="2"]').tap();
    expect(await target(widget)).toBe(2);
    expect(await loss(widget)).toBeCloseTo(-Math.log(0.15), 12);
    await widget.action('add-class').tap();
    expect(await bars(widget)).toBe(11);
  });

  it('refuses letters, an empty field and 1e400 with a message and keeps the last valid state', async () => {
    const widget = await openLesson();
    const before = { loss: await loss(widget), probabilities: await probabilities(widget) };
    for (const [text, message] of [
      ['abc', '“abc” 不是一个数'],
      ['', '请填写一个数'],
      ['1e400', '1e400 太大了'],
    ]) {
      await widget.field('z1').fill(text);
      const alert = widget.find('[data-role="field-error"][data-field="z1"]');
      expect(await alert.getAttribute('role')).toBe('alert');
      expect(await alert.textContent()).toContain(message);
      expect({ loss: await loss(widget), probabilities: await probabilities(widget) }).toEqual(before);
    }
    await widget.field('z1').fill('3');
    expect(await widget.find('[data-role="field-error"]').count()).toBe(0);
    expect(await loss(widget)).not.toBe(before.loss);
  });

  it('shows a notice for a malformed link and still works', async () => {
    const widget = await openLesson('?z=1,abc&t=x&preset=999');
    await widget.expectUrlNotice(['z=1,abc', 't=x', 'preset=999']);
    expect(await bars(widget)).toBe(3);
    await widget.click('preset');
    expect(await lossText(widget)).toContain(PRESET_LOSS);
  });

  it('fits a 360 px wide phone without sideways scrolling, even with 12 classes', async () => {
    const widget = await openLesson(`?z=${Array.from({ length: 12 }, (_, k) => k / 4).join(',')}&t=11`, { viewport: PHONE });
    expect(await bars(widget)).toBe(12);
    await widget.expectFitsWidth();
  });

  it('shows the erratum for document 002’s missing minus sign', async () => {
    const { page } = await openLesson();
    expect(await page.locator('[data-erratum="002-cross-entropy-sign"]').count()).toBe(1);
    expect(await page.locator('.sl-markdown-content').textContent()).toContain(PRESET_LOSS);
  });
});

withoutJavaScript('the page still shows the default probabilities, loss and Jacobian', async (widget) => {
  expect(await bars(widget)).toBe(3);
  expect(await loss(widget)).toBeGreaterThan(0);
  expect(await widget.find('[data-role="jacobian"] td[data-i]').count()).toBe(9);
});
