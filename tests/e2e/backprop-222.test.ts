import { describe, expect, it } from 'vitest';
import { events, PHONE, widgetHarness } from './harness';

const W5_PRIME = 0.35891648;
const { openLesson, openEmbed, withoutJavaScript } = widgetHarness('backprop-222');

describe('the 2-2-2 stepper on the lesson page', () => {
  it('steps by button and keyboard to w5′, shows its value and links to the step', async () => {
    const widget = await openLesson();
    expect(await widget.stepKey()).toBe('net_h1');
    for (let i = 0; i < 5; i++) await widget.click('next');
    expect(await widget.stepKey()).toBe('out_o1');
    await widget.root.focus();
    await widget.pressUntilStep("w5'", 'ArrowRight', 40);
    expect(await widget.stepValue()).toBeCloseTo(W5_PRIME, 8);
    await widget.expectParam('step', '17');

    const linked = await openLesson('?step=17');
    expect(await linked.stepKey()).toBe("w5'");
  });

  it('moves back, to the start and to the end with the keyboard and buttons', async () => {
    const widget = await openLesson('?step=10');
    await widget.root.focus();
    expect(await widget.stepKey()).toBe('E_o2');
    await widget.walkSteps([['ArrowLeft', 'E_o1'], ['End', 'E_total_after_N']]);
    expect(await widget.action('next').isDisabled()).toBe(true);
    await widget.walkSteps([['Home', 'net_h1'], [' ', 'out_h1']]);
    await widget.click('prev');
    expect(await widget.stepKey()).toBe('net_h1');
    await widget.find('select[data-action="phase"]').selectOption('backward-hidden');
    expect(await widget.stepKey()).toBe('dE_o1/dnet_o1');
    expect(await widget.page.locator('[data-role="announcer"]').textContent()).toContain('dE_o1/dnet_o1');
  });

  it('opens at a step named by key or hash, and ignores a malformed link with a notice', async () => {
    expect(await (await openLesson("?step=w5'")).stepKey()).toBe("w5'");
    expect(await (await openLesson('#step=12')).stepKey()).toBe('dE_total/dout_o1');
    const bad = await openLesson('?step=999&w1=abc&order=sideways');
    await bad.expectUrlNotice(['w1=abc']);
    expect(await bad.stepKey()).toBe('net_h1');
    await bad.click('next');
    expect(await bad.stepKey()).toBe('out_h1');
  });

  // Issue #14: lesson pages ignored theme, lang and unknown parameters silently, where embed pages named them.
  it('names theme, lang and unknown parameters in its notice, and says which only embed pages understand', async () => {
    const widget = await openLesson('?theme=light&lang=en&bogus=1&step=2');
    await widget.expectUrlNotice(['theme=light', 'lang=en', 'bogus=1']);
    expect(await widget.find('[data-role="url-notice"]').textContent()).toContain('theme, lang 只在嵌入页');
    expect(await widget.page.locator('[data-role="url-notice"]').count()).toBe(1);
    expect(await widget.stepKey()).toBe('out_h1');
  });

  it('recomputes the trace when a parameter changes and refuses bad input with a message', async () => {
    const widget = await openLesson('?step=1');
    const errors = widget.find('[data-role="param-errors"]');
    await widget.field('w1').fill('abc');
    expect(await errors.textContent()).toContain('abc');
    expect(await widget.stepValue()).toBeCloseTo(0.3775, 12);
    await widget.field('w1').fill('0.25');
    expect(await widget.stepValue()).toBeCloseTo(0.25 * 0.05 + 0.2 * 0.1 + 0.35, 12);
    expect(await errors.count()).toBe(0);
    await widget.field('w1').fill('1e9');
    expect(await errors.textContent()).toContain('1e9');
    await widget.expectNoNaN();
    await widget.click('reset');
    expect(await widget.stepValue()).toBeCloseTo(0.3775, 12);
  });

  it('switches update order and shows where the numbers diverge', async () => {
    const widget = await openLesson('?step=dnet_o1/dout_h1');
    expect(await widget.stepValue()).toBeCloseTo(0.4, 12);
    await widget.find('input[data-order="published"]').check();
    expect(await widget.stepValue()).toBeCloseTo(W5_PRIME, 8);
    expect(await widget.find('[data-step-key] .differs').count()).toBe(1);
    await widget.expectParam('order', 'published');
    await widget.find('[data-rounds="10000"]').click();
    expect(await widget.number('[data-training-order="published"]', 'data-error')).toBeCloseTo(0.000035085, 9);
    expect(await widget.number('[data-training-order="textbook"]', 'data-error')).toBeCloseTo(0.0000351019, 10);
  });

  // Issue #14: the name was "go to step 2: out_h1" alone, which left out the formula the reader sees.
  it('names each ledger button by its step and then the formula it shows, and goes there on a click', async () => {
    const widget = await openLesson('?step=3');
    const button = widget.page.getByRole('button', { name: '转到第 2 步： out_{h1}', exact: true });
    expect(await button.count()).toBe(1);
    expect(await button.getAttribute('aria-label')).toBeNull();
    expect(await button.locator('math msub').count()).toBe(1);
    await button.click();
    expect(await widget.stepKey()).toBe('out_h1');
  });

  it('fits a 360 px wide phone without sideways scrolling', async () => {
    const widget = await openLesson('', { viewport: PHONE });
    await widget.expectFitsWidth();
    await widget.click('next');
    expect(await widget.stepKey()).toBe('out_h1');
  });
});

withoutJavaScript('the lesson still shows the complete worked trace', async ({ page }) => {
  expect(await page.locator('[data-role="worked-trace"] tbody tr').count()).toBeGreaterThanOrEqual(47);
  expect(await page.locator(`[data-role="worked-trace"] tr[data-step-key="w5'"]`).textContent()).toContain('0.35891648');
  expect(await page.locator('[data-widget="backprop-222"] [data-step-key="net_h1"]').count()).toBe(1);
});

describe('the 2-2-2 stepper embed page', () => {
  it('answers postMessage commands and reports step events to the parent page', async () => {
    const widget = await openEmbed('?step=50');
    const seen = await widget.exchange([{ command: 'next' }, { command: 'goto', step: "w5'" }, { command: 'first' }]);
    // Every widget announces a change of its query (the step included) as nn-statechange, as computation-graph always did.
    expect(events(seen, 'step')).toEqual([
      'stepchange:51', 'end:51', 'statechange:51', 'stepchange:17', 'statechange:17', 'stepchange:1', 'start:1', 'statechange:1',
    ]);
    expect(await widget.stepKey()).toBe('net_h1');
  });
});
