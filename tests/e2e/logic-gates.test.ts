import { describe, expect, it } from 'vitest';
import { PHONE, widgetHarness, type WidgetPage } from './harness';

const { openLesson, withoutJavaScript } = widgetHarness('logic-gates');

const markers = (widget: WidgetPage) => widget.find('[data-role="mismatch-marker"]');
const preset = (widget: WidgetPage, id: string) => widget.find(`[data-preset="${id}"]`);
const status = (widget: WidgetPage, role: string) => widget.find(`[data-role="${role}"]`).getAttribute('data-status');
const computes = (widget: WidgetPage) => widget.find('[data-role="perceptron-table"]').getAttribute('data-computes');

describe('the logic-gates widget on its lesson page', () => {
  it('flags the document (NOT x1)AND(NOT x2) preset and clears the flag for the corrected one (mouse)', async () => {
    const widget = await openLesson();
    expect(await markers(widget).count()).toBe(0);
    await preset(widget, 'nor').click();
    expect(await markers(widget).count()).toBe(2);
    expect(await status(widget, 'gate-summary')).toBe('mismatch');
    const failing = widget.find('[data-role="truth-table"] tr[data-match="false"]');
    expect(await failing.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-inputs')))).toEqual(['0,1', '1,0']);
    expect(await widget.find('[data-role="gate-summary"]').textContent()).toContain('NAND');
    expect(await widget.find('.mismatch-ring').count()).toBe(2);
    await widget.expectParam('preset', 'nor');

    await preset(widget, 'nor-corrected').click();
    expect(await markers(widget).count()).toBe(0);
    expect(await status(widget, 'gate-summary')).toBe('match');
    await widget.expectParam('t0', '1');
  });

  it('works from the keyboard: a θ field, a slider, preset buttons and the XNOR mode radios', async () => {
    const widget = await openLesson();
    await widget.type('t0', '-1');
    expect(await widget.find('[data-role="truth-table"] tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-produced')))).toEqual(['0', '1', '1', '1']);
    await widget.type('t0', 'abc');
    expect(await widget.find('[role="alert"]').textContent()).toContain('abc');
    await widget.expectNoNaN();

    await preset(widget, 'and').focus();
    await widget.press('Enter');
    await widget.find('[data-slider="t0"]').focus();
    await widget.press('ArrowRight');
    expect(Number(await widget.field('t0').inputValue())).toBeCloseTo(-2.9, 10);

    await preset(widget, 'xnor').focus();
    await widget.press('Space');
    expect(await widget.attr('data-view')).toBe('xnor');
    expect(await markers(widget).count()).toBe(2);
    const rows = widget.find('[data-role="xnor-table"] tbody tr');
    for (const output of await rows.evaluateAll((r) => r.map((row) => Number(row.getAttribute('data-output'))))) {
      expect(output).toBeCloseTo(1 / (1 + Math.exp(-1)), 12);
    }
    await widget.find('input[data-mode="continuous"]').focus();
    await widget.press('ArrowRight');
    expect(await widget.find('[data-role="xnor-table"]').getAttribute('data-mode')).toBe('thresholded');
    await widget.expectParam('mode', 'thresholded');
  });

  it('answers a touch tap: the document 001 perceptron computes XNOR, negating its output gives XOR', async () => {
    const widget = await openLesson('', { touch: true });
    await preset(widget, 'perceptron').tap();
    expect(await computes(widget)).toBe('xnor');
    expect(await markers(widget).count()).toBe(4);
    expect(await widget.find('[data-role="perceptron-summary"]').textContent()).toContain('XNOR');
    await preset(widget, 'perceptron-xor').tap();
    expect(await markers(widget).count()).toBe(0);
    expect(await computes(widget)).toBe('xor');
    await widget.expectFitsWidth();
  });

  it('opens the state a link names, and ignores malformed fields with a notice while still working', async () => {
    const linked = await openLesson('?preset=nor&t0=1');
    expect(await linked.attr('data-preset')).toBe('nor');
    expect(await markers(linked).count()).toBe(0);
    expect(await linked.field('t0').inputValue()).toBe('1');

    const bad = await openLesson('?preset=nand&t1=abc&mode=sideways');
    await bad.expectUrlNotice(['preset=nand', 't1=abc', 'mode=sideways']);
    await preset(bad, 'nor').click();
    expect(await markers(bad).count()).toBe(2);
  });

  it('fits a 360 px wide phone without sideways scrolling, in every view', async () => {
    const widget = await openLesson('', { viewport: PHONE });
    for (const id of ['and', 'not', 'xnor', 'perceptron']) {
      await preset(widget, id).click();
      await widget.expectFitsWidth(id);
    }
  });
});

withoutJavaScript('the page still shows the AND truth table and the errata', async (widget) => {
  expect(await widget.find('[data-role="truth-table"] tbody tr').count()).toBe(4);
  for (const id of ['000-nor-preset', '000-xnor-network', '001-xor-perceptron-computes-xnor']) {
    expect(await widget.page.locator(`[data-erratum="${id}"]`).count(), id).toBe(1);
  }
});
