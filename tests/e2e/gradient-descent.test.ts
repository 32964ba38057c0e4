import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { descend1d, descend2d, makeLogisticDataset } from '../../src/engine/gradient-descent';
import { launchBrowser, watchForErrors } from './browser';

const LESSON = '/gradients/gradient-descent/';
/** The widget's plot-sized divergence bound (settings.ts VIEW_BOUND). */
const BOUND = 100;
const baseUrl = inject('baseUrl');

let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext();
});
afterAll(async () => {
  await browser?.close();
});

async function openLesson(query = '', on: BrowserContext = context) {
  const page = await on.newPage();
  const problems = watchForErrors(page);
  await page.goto(`${baseUrl}${LESSON}${query}`);
  await page.waitForSelector('[data-widget="gradient-descent"][data-ready="true"]');
  return { page, problems };
}

const widget = (page: Page) => page.locator('[data-widget="gradient-descent"]');
const readout = (page: Page) => widget(page).locator('[data-role="readout"]');
const read = async (page: Page, name: string) => Number(await readout(page).getAttribute(`data-${name}`));
const outcome = (page: Page) => widget(page).locator('[data-role="outcome"]');

function curve(w0: number, alpha: number, steps: number, id: 'parabola' | 'quartic' | 'log-cosh' = 'parabola') {
  const run = descend1d(id, w0, alpha, steps, { bound: BOUND });
  if (!run.ok) throw new Error('invalid run');
  return run;
}

describe('the gradient-descent widget on its lesson page', () => {
  it('steps by mouse and keyboard along the parabola, matching the engine', async () => {
    const { page, problems } = await openLesson();
    expect(await outcome(page).getAttribute('data-outcome')).toBe('not-started');
    await widget(page).locator('[data-action="step"]').click();
    expect(await read(page, 'w')).toBe(curve(0, 0.1, 1).records[1].w);
    await widget(page).focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('End');
    const run = curve(0, 0.1, 12);
    expect(await read(page, 'steps')).toBe(12);
    expect(await read(page, 'w')).toBe(run.records[12].w);
    expect(await read(page, 'j')).toBe(run.records[12].J);
    expect(await read(page, 'gradient')).toBe(run.records[12].gradient);
    expect(await outcome(page).getAttribute('data-outcome')).toBe(run.outcome);
    await page.keyboard.press('ArrowLeft');
    expect(await read(page, 'steps')).toBe(11);
    await expect.poll(() => new URL(page.url()).searchParams.get('steps')).toBe('11');
    await page.keyboard.press('Home');
    expect(await read(page, 'steps')).toBe(0);
    expect(problems).toEqual([]);
  });

  it('shows divergence as a message when α is too large, never NaN', async () => {
    const { page, problems } = await openLesson();
    await widget(page).locator('input[name="alpha"]').fill('1.5');
    await widget(page).locator('[data-action="run"]').click();
    const run = curve(0, 1.5, 10);
    expect(run.outcome).toBe('diverged');
    expect(await outcome(page).getAttribute('data-outcome')).toBe('diverged');
    expect(await outcome(page).getAttribute('role')).toBe('alert');
    expect(await outcome(page).textContent()).toContain('发散');
    expect(await read(page, 'steps')).toBe(run.records.length - 1);
    expect(await read(page, 'w')).toBe(run.records.at(-1)!.w);
    expect(await widget(page).locator('[data-action="step"]').isDisabled()).toBe(true);
    expect(await widget(page).textContent()).not.toMatch(/NaN|Infinity/);
    await widget(page).locator('[data-action="reset"]').click();
    expect(await outcome(page).getAttribute('data-outcome')).toBe('not-started');
    expect(problems).toEqual([]);
  });

  it('moves α with the slider from the keyboard', async () => {
    const { page, problems } = await openLesson();
    const slider = widget(page).locator('[data-action="alpha-slider"]');
    await slider.focus();
    for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowRight');
    const alpha = Number(await widget(page).locator('input[name="alpha"]').inputValue());
    expect(alpha).toBeGreaterThan(0.1);
    expect(alpha).toBeLessThan(0.2);
    await widget(page).locator('[data-action="step"]').click();
    expect(await read(page, 'w')).toBe(curve(0, alpha, 1).records[1].w);
    await expect.poll(() => new URL(page.url()).searchParams.get('alpha')).toBe(String(alpha));
    expect(problems).toEqual([]);
  });

  it('descends the logistic-regression cost surface on the contour plot', async () => {
    const { page, problems } = await openLesson();
    await widget(page).locator('[data-view-option="surface"]').check();
    expect(await widget(page).getAttribute('data-view')).toBe('surface');
    expect(await widget(page).locator('[data-role="contour-plot"] path.contour').count()).toBeGreaterThan(3);
    await widget(page).locator('input[name="batch"]').fill('25');
    await widget(page).locator('[data-action="run"]').click();
    const run = descend2d(makeLogisticDataset().points, { w0: -1.5, b0: 2.5 }, 1, 25, { bound: BOUND });
    if (!run.ok) throw new Error('invalid run');
    // Chromium's and Node's exp/log may differ in the last bit, so compare to 12 places.
    expect(await read(page, 'w')).toBeCloseTo(run.records[25].w, 12);
    expect(await read(page, 'b')).toBeCloseTo(run.records[25].b, 12);
    expect(await outcome(page).getAttribute('data-outcome')).toBe(run.outcome);
    expect(Number(await widget(page).locator('[data-role="contour-plot"] .walk').getAttribute('data-points'))).toBe(26);
    await expect.poll(() => new URL(page.url()).searchParams.get('view')).toBe('surface');
    expect(problems).toEqual([]);
  });

  it('refuses bad input with a message next to the fields', async () => {
    const { page, problems } = await openLesson();
    const alpha = widget(page).locator('input[name="alpha"]');
    const errors = widget(page).locator('[data-role="field-errors"]');
    for (const [text, message] of [['abc', 'abc'], ['0', 'α 必须大于 0'], ['1e400', '太大'], ['', '请输入一个数']]) {
      await alpha.fill(text);
      expect(await errors.getAttribute('role')).toBe('alert');
      expect(await errors.textContent()).toContain(message);
    }
    await widget(page).locator('[data-action="step"]').click();
    expect(await read(page, 'w')).toBeCloseTo(0.6, 12);
    expect(await widget(page).textContent()).not.toMatch(/NaN|Infinity/);
    expect(problems).toEqual([]);
  });

  it('opens from a link, and a malformed link shows the notice while the widget still works', async () => {
    const linked = await openLesson('?curve=quartic&alpha=0.5&w0=3.5&steps=30');
    const run = curve(3.5, 0.5, 30, 'quartic');
    expect(await read(linked.page, 'w')).toBe(run.records.at(-1)!.w);
    expect(await outcome(linked.page).getAttribute('data-outcome')).toBe(run.outcome);
    const bad = await openLesson('?alpha=fast&w0=1e400&steps=-2&view=3d');
    const notice = bad.page.locator('[data-role="url-notice"]');
    expect(await notice.getAttribute('role')).toBe('status');
    const text = await notice.textContent();
    for (const entry of ['alpha=fast', 'w0=1e400', 'steps=-2', 'view=3d']) expect(text).toContain(entry);
    await widget(bad.page).locator('[data-action="step"]').click();
    expect(await read(bad.page, 'w')).toBeCloseTo(0.6, 12);
    expect([...linked.problems, ...bad.problems]).toEqual([]);
  });

  it('answers touch taps on a phone-sized screen without sideways scrolling', async () => {
    const touch = await browser.newContext({ hasTouch: true, isMobile: true, viewport: { width: 360, height: 740 } });
    const { page, problems } = await openLesson('', touch);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await widget(page).locator('[data-action="step"]').tap();
    await widget(page).locator('[data-action="step"]').tap();
    expect(await read(page, 'steps')).toBe(2);
    await widget(page).locator('[data-view-option="surface"]').tap();
    expect(await widget(page).getAttribute('data-view')).toBe('surface');
    expect(problems).toEqual([]);
    await touch.close();
  });
});

describe('without JavaScript', () => {
  it('the page still shows the curve, the start point and its numbers', async () => {
    const noScript = await browser.newContext({ javaScriptEnabled: false });
    const page = await noScript.newPage();
    await page.goto(`${baseUrl}${LESSON}`);
    expect(await page.locator('[data-widget="gradient-descent"] [data-role="curve-plot"] path.curve').count()).toBe(1);
    expect(await page.locator('[data-role="readout"]').getAttribute('data-step-key')).toBe('step:0');
    await noScript.close();
  });
});
