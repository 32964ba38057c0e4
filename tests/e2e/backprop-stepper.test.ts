/**
 * The general stepper in Chromium: the 3-4-1 lesson's predict mode (a wrong answer earns a hint, a
 * right one, computed here from the preset's numbers, opens the next step, and a reload keeps the
 * progress), and the embed page stepped by postMessage.
 */
import { describe, expect, it } from 'vitest';
import { PRESETS, replayNetwork } from '../../src/engine/models/network-stepper';
import strings from '../../src/i18n/zh-CN/backpropStepper.json';
import { openPage, results, widgetHarness, WidgetPage } from './harness';

const { openEmbed } = widgetHarness('backprop-stepper');
const LESSON_341 = '/backprop/binary-classifier-341/';
const { weights, biases, inputs } = PRESETS['doc004-341'];
/** net[1][0] = Σ_k w[1][0][k]·x[k] + b[1][0], summed here from the preset's numbers. */
const NET_1_0 = weights[0][0].reduce((sum, w, k) => sum + w * inputs[k], biases[0][0]);

async function stepperOn(page: WidgetPage['page']): Promise<WidgetPage> {
  const widget = new WidgetPage(page, 'backprop-stepper');
  await page.evaluate(() => document.querySelector('[data-widget="backprop-stepper"]')?.scrollIntoView());
  return widget.ready();
}

async function answer(widget: WidgetPage, text: string) {
  await widget.find('[data-role="prediction"]').fill(text);
  await widget.click('check');
}

describe('the 3-4-1 lesson’s stepper in predict mode', () => {
  it('hints after a wrong answer, accepts a right one, and keeps the progress over a reload', async () => {
    const blank = await openPage(LESSON_341);
    await blank.waitForLoadState('load');
    await blank.evaluate(() => localStorage.clear());
    const page = await openPage(LESSON_341);
    const widget = await stepperOn(page);
    expect(await widget.attr('data-mode')).toBe('predict');
    expect(await widget.stepKey()).toBe('net[1][0]');
    expect(await widget.action('next').isDisabled()).toBe(true);
    const shownParts = () => widget.find('[data-step-key] dt').allTextContents();
    expect(await shownParts()).toEqual([strings.result]);

    await answer(widget, (NET_1_0 + 1).toFixed(4));
    expect(await widget.find('[data-feedback]').getAttribute('data-feedback')).toBe('wrong');
    expect(await shownParts()).toEqual([strings.symbolic, strings.result]);
    expect(await widget.action('next').isDisabled()).toBe(true);

    await answer(widget, NET_1_0.toFixed(4));
    expect(await widget.find('[data-feedback]').getAttribute('data-feedback')).toBe('correct');
    await widget.click('next');
    expect(await widget.stepKey()).toBe('out[1][0]');
    await widget.expectParam('step', '2');

    // A reload, as a second visit: the same browser profile opens the link the address bar now holds.
    const again = await stepperOn(await openPage(new URL(page.url()).pathname + new URL(page.url()).search));
    expect(await again.stepKey()).toBe('out[1][0]');
    expect(await again.action('next').isDisabled()).toBe(true);
    await again.click('prev');
    expect(await again.find('[data-feedback]').getAttribute('data-feedback')).toBe('correct');
    const forward = again.find('[data-role="score"] [data-phase="forward"]');
    expect(await forward.getAttribute('data-answered')).toBe('1');
    expect(await forward.getAttribute('data-right')).toBe('0');
    await again.expectNoNaN();
  });
});

describe('the stepper’s embed page', () => {
  it('steps by postMessage and answers each command', async () => {
    const steps = replayNetwork(PRESETS['doc004-341']).steps;
    const firstHidden = steps.find((step) => step.phase === 'backward-hidden')!;
    const widget = await openEmbed('?preset=doc004-341&controls=0');
    expect(await widget.stepKey()).toBe('net[1][0]');
    const seen = await widget.exchange([
      { command: 'next', id: 1 },
      { command: 'next', id: 2 },
      { command: 'goto', step: firstHidden.key, id: 3 },
      { command: 'goto', step: 'no-such-step', id: 4 },
    ]);
    expect(results(seen, 'key')).toEqual(['1:true:' + steps[1].key, '2:true:' + steps[2].key, `3:true:${firstHidden.key}`, `4:false:${firstHidden.key}`]);
    expect(await widget.stepKey()).toBe(firstHidden.key);
    expect(await widget.stepValue()).toBe(firstHidden.value);
  });
});
