import { describe, expect, it } from 'vitest';
import { PHONE, widgetHarness, type WidgetPage } from './harness';

const { openLesson, withoutJavaScript } = widgetHarness('vanishing-gradients');

const classification = (widget: WidgetPage) => widget.attr('data-classification');
const layers = (widget: WidgetPage) => widget.find('g[data-layer]').count();
const bars = (widget: WidgetPage) =>
  widget.find('g[data-layer]').evaluateAll((nodes) => nodes.map((n) => ({ layer: Number(n.getAttribute('data-layer')), norm: Number(n.getAttribute('data-delta-norm')) })));
const pressed = (widget: WidgetPage, activation: string) => widget.find(`[data-activation="${activation}"]`).getAttribute('aria-pressed');

describe('the gradient-size demo on the lesson page', () => {
  it('classifies sigmoid at depth 10 as vanishing and ReLU with the He scale as not, by mouse', async () => {
    const widget = await openLesson();
    expect(await classification(widget)).toBe('vanishing');
    const initial = await bars(widget);
    expect(initial.map((b) => b.layer)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    initial.forEach((b) => expect(Number.isFinite(b.norm) && b.norm > 0).toBe(true));
    expect(initial[0].norm / initial[10].norm).toBeLessThan(1e-2);
    expect(await widget.find('[data-role="verdict"]').textContent()).toContain('梯度消失');

    await widget.find('[data-activation="tanh"]').click();
    expect(await classification(widget)).not.toBe('vanishing');

    await widget.field('width').fill('64');
    await widget.find('[data-activation="relu"]').click();
    await widget.find('[data-preset="he"]').click();
    expect(await widget.field('weightScale').inputValue()).toBe('0.1768');
    expect(await classification(widget)).toBe('stable');
    await widget.expectParam('act', 'relu');
    expect(widget.param('scale')).toBe('0.1768');

    const linked = await openLesson(new URL(widget.page.url()).search);
    expect(await classification(linked)).toBe('stable');
  });

  it('is operable by keyboard: type a depth, switch activation and draw a new seed', async () => {
    const widget = await openLesson();
    await widget.type('depth', '20');
    expect(await layers(widget)).toBe(21);
    await widget.find('[data-activation="tanh"]').focus();
    await widget.press('Enter');
    expect(await pressed(widget, 'tanh')).toBe('true');
    await widget.find('[data-activation="sigmoid"]').focus();
    await widget.press(' ');
    expect(await pressed(widget, 'sigmoid')).toBe('true');
    const before = await bars(widget);
    await widget.action('new-seed').focus();
    await widget.press('Enter');
    expect(await widget.field('seed').inputValue()).toBe('2');
    expect(await bars(widget)).not.toEqual(before);
    expect(await classification(widget)).toBe('vanishing');
  });

  it('responds to a touch tap', async () => {
    const widget = await openLesson('', { touch: true });
    await widget.find('[data-activation="relu"]').tap();
    expect(await pressed(widget, 'relu')).toBe('true');
    expect(await widget.find('path[data-line="document"]').count()).toBe(0);
    await widget.action('reset').tap();
    expect(await classification(widget)).toBe('vanishing');
  });

  it('ignores a malformed link with a notice and keeps working', async () => {
    const widget = await openLesson('?depth=abc&act=softmax&scale=20&width=12');
    await widget.expectUrlNotice(['depth=abc', 'act=softmax', 'scale=20']);
    expect(await widget.field('width').inputValue()).toBe('12');
    expect(await layers(widget)).toBe(11);
    await widget.find('[data-activation="leakyRelu"]').click();
    expect(await pressed(widget, 'leakyRelu')).toBe('true');
  });

  it('refuses bad input with a message next to the field and never shows NaN', async () => {
    const widget = await openLesson();
    const before = await bars(widget);
    for (const [name, text] of [['width', '1e400'], ['depth', 'ten'], ['weightScale', ''], ['seed', '99999999999']]) {
      await widget.field(name).fill(text);
      const alert = widget.find(`[data-role="field-error"][data-field="${name}"]`);
      expect(await alert.getAttribute('role')).toBe('alert');
      expect((await alert.textContent())!.length).toBeGreaterThan(3);
    }
    expect(await bars(widget)).toEqual(before);
    await widget.expectNoNaN();
  });

  it('fits a 360 px wide phone without sideways scrolling', async () => {
    const widget = await openLesson('?depth=30', { viewport: PHONE });
    await widget.expectFitsWidth();
    expect(await layers(widget)).toBe(31);
  });
});

withoutJavaScript('the lesson still shows the default chart and verdict', async (widget) => {
  expect(await layers(widget)).toBe(11);
  expect(await classification(widget)).toBe('vanishing');
  expect(await widget.page.locator('[data-erratum="003-sigmoid-decay-factor"]').count()).toBe(1);
  expect(await widget.page.locator('[data-erratum="004-last-hidden-layer-gradient"]').count()).toBe(1);
});
