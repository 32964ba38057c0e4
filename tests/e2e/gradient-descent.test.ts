import { describe, expect, it } from 'vitest';
import { descend1d, descend2d, makeLogisticDataset, type CurveId } from '../../src/engine/models/gradient-descent';
import { events, PHONE, results, widgetHarness, type WidgetPage } from './harness';

/** The widget's plot-sized divergence bound (settings.ts VIEW_BOUND). */
const BOUND = 100;

function curve(w0: number, alpha: number, steps: number, id: CurveId = 'parabola') {
  const run = descend1d(id, w0, alpha, steps, { bound: BOUND });
  if (!run.ok) throw new Error('invalid run');
  return run;
}

const { openLesson, openEmbed, withoutJavaScript } = widgetHarness('gradient-descent');
const read = (widget: WidgetPage, name: string) => widget.number('[data-role="readout"]', `data-${name}`);
const outcome = (widget: WidgetPage) => widget.find('[data-role="outcome"]');

describe('the gradient-descent widget on its lesson page', () => {
  it('steps by mouse and keyboard along the parabola, matching the engine', async () => {
    const widget = await openLesson();
    expect(await outcome(widget).getAttribute('data-outcome')).toBe('not-started');
    await widget.click('step');
    expect(await read(widget, 'w')).toBe(curve(0, 0.1, 1).records[1].w);
    await widget.root.focus();
    await widget.press('ArrowRight', 'End');
    const run = curve(0, 0.1, 12);
    expect(await read(widget, 'steps')).toBe(12);
    expect(await read(widget, 'w')).toBe(run.records[12].w);
    expect(await read(widget, 'j')).toBe(run.records[12].J);
    expect(await read(widget, 'gradient')).toBe(run.records[12].gradient);
    expect(await outcome(widget).getAttribute('data-outcome')).toBe(run.outcome);
    await widget.press('ArrowLeft');
    expect(await read(widget, 'steps')).toBe(11);
    await widget.expectParam('steps', '11');
    await widget.press('Home');
    expect(await read(widget, 'steps')).toBe(0);
  });

  it('shows divergence as a message when α is too large, never NaN', async () => {
    const widget = await openLesson();
    await widget.field('alpha').fill('1.5');
    await widget.click('run');
    const run = curve(0, 1.5, 10);
    expect(run.outcome).toBe('diverged');
    expect(await outcome(widget).getAttribute('data-outcome')).toBe('diverged');
    expect(await outcome(widget).getAttribute('role')).toBe('alert');
    expect(await outcome(widget).textContent()).toContain('发散');
    expect(await read(widget, 'steps')).toBe(run.records.length - 1);
    expect(await read(widget, 'w')).toBe(run.records.at(-1)!.w);
    expect(await widget.action('step').isDisabled()).toBe(true);
    await widget.expectNoNaN();
    await widget.click('reset');
    expect(await outcome(widget).getAttribute('data-outcome')).toBe('not-started');
  });

  it('moves α with the slider from the keyboard', async () => {
    const widget = await openLesson();
    await widget.action('alpha-slider').focus();
    for (let i = 0; i < 10; i++) await widget.press('ArrowRight');
    const alpha = Number(await widget.field('alpha').inputValue());
    expect(alpha).toBeGreaterThan(0.1);
    expect(alpha).toBeLessThan(0.2);
    await widget.click('step');
    expect(await read(widget, 'w')).toBe(curve(0, alpha, 1).records[1].w);
    await widget.expectParam('alpha', String(alpha));
  });

  it('descends the logistic-regression cost surface on the contour plot', async () => {
    const widget = await openLesson();
    await widget.find('[data-view-option="surface"]').check();
    expect(await widget.attr('data-view')).toBe('surface');
    expect(await widget.find('[data-role="contour-plot"] path.contour').count()).toBeGreaterThan(3);
    await widget.field('batch').fill('25');
    await widget.click('run');
    const run = descend2d(makeLogisticDataset().points, { w0: -1.5, b0: 2.5 }, 1, 25, { bound: BOUND });
    if (!run.ok) throw new Error('invalid run');
    // Chromium's and Node's exp/log may differ in the last bit, so compare to 12 places.
    expect(await read(widget, 'w')).toBeCloseTo(run.records[25].w, 12);
    expect(await read(widget, 'b')).toBeCloseTo(run.records[25].b, 12);
    expect(await outcome(widget).getAttribute('data-outcome')).toBe(run.outcome);
    expect(await widget.number('[data-role="contour-plot"] .walk', 'data-points')).toBe(26);
    await widget.expectParam('view', 'surface');
  });

  it('refuses bad input with a message next to the fields', async () => {
    const widget = await openLesson();
    const errors = widget.find('[data-role="field-errors"]');
    for (const [text, message] of [['abc', 'abc'], ['0', 'α 必须大于 0'], ['1e400', '太大'], ['', '请填写一个数']]) {
      await widget.field('alpha').fill(text);
      expect(await errors.getAttribute('role')).toBe('alert');
      expect(await errors.textContent()).toContain(message);
    }
    await widget.click('step');
    expect(await read(widget, 'w')).toBeCloseTo(0.6, 12);
    await widget.expectNoNaN();
  });

  it('opens from a link, and a malformed link shows the notice while the widget still works', async () => {
    const linked = await openLesson('?curve=quartic&alpha=0.5&w0=3.5&steps=30');
    const run = curve(3.5, 0.5, 30, 'quartic');
    expect(await read(linked, 'w')).toBe(run.records.at(-1)!.w);
    expect(await outcome(linked).getAttribute('data-outcome')).toBe(run.outcome);
    const bad = await openLesson('?alpha=fast&w0=1e400&steps=-2&view=3d');
    await bad.expectUrlNotice(['alpha=fast', 'w0=1e400', 'steps=-2', 'view=3d']);
    await bad.click('step');
    expect(await read(bad, 'w')).toBeCloseTo(0.6, 12);
  });

  it('answers touch taps on a phone-sized screen without sideways scrolling', async () => {
    const widget = await openLesson('', { touch: true, viewport: PHONE });
    await widget.expectFitsWidth();
    await widget.action('step').tap();
    await widget.action('step').tap();
    expect(await read(widget, 'steps')).toBe(2);
    await widget.find('[data-view-option="surface"]').tap();
    expect(await widget.attr('data-view')).toBe('surface');
  });
});

withoutJavaScript('the page still shows the curve, the start point and its numbers', async (widget) => {
  expect(await widget.find('[data-role="curve-plot"] path.curve').count()).toBe(1);
  expect(await widget.page.locator('[data-role="readout"]').getAttribute('data-step-key')).toBe('step:0');
});

describe('the gradient-descent embed page', () => {
  it('answers postMessage commands: next is one descent step, and state changes come back as events', async () => {
    const widget = await openEmbed('?controls=0');
    const seen = await widget.exchange([
      { id: 1, command: 'next' },
      { id: 2, command: 'next' },
      { id: 3, command: 'prev' },
      { id: 4, command: 'last' },
      { id: 5, command: 'setState', state: { alpha: '1.5', steps: '30' } },
      { id: 6, command: 'next' },
      { id: 7, command: 'setState', state: { alpha: 'fast' } },
    ]);
    const diverged = curve(0, 1.5, 30);
    const taken = diverged.records.length - 1;
    expect(diverged.outcome).toBe('diverged');
    expect(events(seen, 'step', 'outcome')).toEqual([
      'statechange:1:descending', 'statechange:2:descending', 'statechange:1:descending', `statechange:${taken}:diverged`,
    ]);
    expect(results(seen, 'step', 'query')).toEqual([
      '1:true:1:steps=1',
      '2:true:2:steps=2',
      '3:true:1:steps=1',
      '4:false:1:steps=1',
      `5:true:${taken}:alpha=1.5&steps=30`,
      `6:false:${taken}:alpha=1.5&steps=30`,
      `7:false:${taken}:alpha=1.5&steps=30`,
    ]);
    expect(await outcome(widget).getAttribute('data-outcome')).toBe('diverged');
    expect(await read(widget, 'steps')).toBe(taken);
    await widget.expectNoNaN();
  });
});
