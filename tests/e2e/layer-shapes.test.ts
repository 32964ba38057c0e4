import { describe, expect, it } from 'vitest';
import { PHONE, widgetHarness, type WidgetPage } from './harness';

const { openLesson, withoutJavaScript } = widgetHarness('layer-shapes');

const row = (widget: WidgetPage, convention: string, name: string) =>
  widget.find(`[data-role="shape-table"][data-convention="${convention}"] tr[data-name="${name}"]`);
const shape = (widget: WidgetPage, convention: string, name: string) => row(widget, convention, name).getAttribute('data-shape');

describe('the layer-shapes widget on its lesson page', () => {
  it('reads W^{[1]} of the 3-4-1 preset as (4,3) with column vectors and (3,4) with rows of samples', async () => {
    const widget = await openLesson();
    expect(await widget.attr('data-sizes')).toBe('3-4-1');
    expect(await shape(widget, 'columns', 'W^{[1]}')).toBe('4,3');
    expect(await row(widget, 'columns', 'W^{[1]}').locator('.shape').textContent()).toBe('(4, 3)');
    expect(await shape(widget, 'rows', 'W^{[1]}')).toBe('3,4');
    expect(await row(widget, 'rows', 'W^{[1]}').locator('.shape').textContent()).toBe('(3, 4)');
    const box = widget.find('[data-convention="columns"] [data-role="matrix-step"][data-layer="1"] rect[data-name="W^{[1]}"]');
    const size = await box.evaluate((rect) => ({ w: Number(rect.getAttribute('width')), h: Number(rect.getAttribute('height')) }));
    expect(size.h / size.w).toBeCloseTo(4 / 3, 6);
    expect(await widget.find('[data-role="parameter-count"]').getAttribute('data-total')).toBe('21');
  });

  it('switches preset and adds a layer with the mouse', async () => {
    const widget = await openLesson();
    await widget.find('[data-preset="003"]').click();
    expect(await widget.attr('data-sizes')).toBe('3-3-1');
    expect(await shape(widget, 'columns', 'W^{[2]}')).toBe('1,3');
    await widget.click('add-layer');
    expect(await widget.attr('data-sizes')).toBe('3-3-3-1');
    await widget.expectParam('sizes', '3-3-3-1');
  });

  it('is operable from the keyboard: typing m, a refused value, and the four-layout switch', async () => {
    const widget = await openLesson();
    await widget.type('m', '64');
    expect(await shape(widget, 'rows', 'Z^{[1]}')).toBe('64,4');
    expect(await shape(widget, 'columns', 'Z^{[1]}')).toBe('4,64');
    await widget.type('m', '0');
    expect(await widget.find('[role="alert"]').textContent()).toContain('至少为 1');
    expect(await shape(widget, 'rows', 'Z^{[1]}')).toBe('64,4');
    // Each keystroke is read: "1" is accepted, then "1e" and "1e9" are refused and m stays 1.
    await widget.type('m', '1e9');
    expect(await widget.find('[role="alert"]').textContent()).toContain('10000');
    expect(await shape(widget, 'rows', 'Z^{[1]}')).toBe('1,4');
    await widget.expectNoNaN();
    await widget.find('[data-option="all-layouts"]').focus();
    await widget.press('Space');
    expect(await widget.find('[data-role="shape-table"]').count()).toBe(4);
    expect(await shape(widget, 'columns-transposed', 'W^{[1]}')).toBe('3,4');
    await widget.expectParam('all', '1');
  });

  it('answers a touch tap on a remove button', async () => {
    const widget = await openLesson('', { touch: true });
    await widget.find('[data-action="remove-layer"][data-layer="1"]').tap();
    expect(await widget.attr('data-sizes')).toBe('3-1');
    expect(await shape(widget, 'columns', 'W^{[1]}')).toBe('1,3');
    expect(await widget.action('remove-layer').first().isDisabled()).toBe(true);
    await widget.expectFitsWidth();
  });

  it('opens the state a link names, and ignores malformed fields with a notice while still working', async () => {
    const linked = await openLesson('?m=7&sizes=784-100-10');
    expect(await shape(linked, 'rows', 'W^{[1]}')).toBe('784,100');
    expect(await shape(linked, 'columns', 'A^{[2]}')).toBe('10,7');

    const bad = await openLesson('?m=abc&sizes=3-0-1&all=perhaps');
    await bad.expectUrlNotice(['m=abc', 'sizes=3-0-1', 'all=perhaps']);
    expect(await shape(bad, 'columns', 'W^{[1]}')).toBe('4,3');
    await bad.find('[data-preset="003"]').click();
    expect(await shape(bad, 'columns', 'W^{[2]}')).toBe('1,3');
  });

  it('fits a 360 px wide phone without sideways scrolling, even with four layouts of a wide network', async () => {
    await (await openLesson('?m=10000&sizes=784-100-10-1&all=1', { viewport: PHONE })).expectFitsWidth();
  });
});

withoutJavaScript('the page still shows both shape tables and the errata', async (widget) => {
  expect(await widget.find('[data-role="shape-table"]').count()).toBe(2);
  for (const id of ['000-second-layer-input', '000-vectorised-layer-input', '004-a0-shape', '001-weight-index', '003-delta-recursion-matrix-index']) {
    expect(await widget.page.locator(`[data-erratum="${id}"]`).count(), id).toBe(1);
  }
});
