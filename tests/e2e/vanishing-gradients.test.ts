import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, watchForErrors } from './browser';

const LESSON = '/deep/vanishing-gradients/';
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

async function openLesson(query = '', options: { context?: BrowserContext; viewport?: { width: number; height: number } } = {}) {
  const page = await (options.context ?? context).newPage();
  if (options.viewport) await page.setViewportSize(options.viewport);
  const problems = watchForErrors(page);
  await page.goto(`${baseUrl}${LESSON}${query}`);
  // The lesson hydrates the widget with client:visible, so it has to be scrolled into view first.
  await page.locator('[data-widget="vanishing-gradients"]').scrollIntoViewIfNeeded();
  await page.waitForSelector('[data-widget="vanishing-gradients"][data-ready="true"]');
  return { page, problems };
}

const widget = (page: Page) => page.locator('[data-widget="vanishing-gradients"]');
const classification = (page: Page) => widget(page).getAttribute('data-classification');
const bars = async (page: Page) =>
  widget(page)
    .locator('g[data-layer]')
    .evaluateAll((nodes) => nodes.map((n) => ({ layer: Number(n.getAttribute('data-layer')), norm: Number(n.getAttribute('data-delta-norm')) })));

describe('the gradient-size demo on the lesson page', () => {
  it('classifies sigmoid at depth 10 as vanishing and ReLU with the He scale as not, by mouse', async () => {
    const { page, problems } = await openLesson();
    expect(await classification(page)).toBe('vanishing');
    const initial = await bars(page);
    expect(initial.map((b) => b.layer)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    initial.forEach((b) => expect(Number.isFinite(b.norm) && b.norm > 0).toBe(true));
    expect(initial[0].norm / initial[10].norm).toBeLessThan(1e-2);
    expect(await widget(page).locator('[data-role="verdict"]').textContent()).toContain('梯度消失');

    await widget(page).locator('[data-activation="tanh"]').click();
    expect(await classification(page)).not.toBe('vanishing');

    await widget(page).locator('input[name="width"]').fill('64');
    await widget(page).locator('[data-activation="relu"]').click();
    await widget(page).locator('[data-preset="he"]').click();
    expect(await widget(page).locator('input[name="weightScale"]').inputValue()).toBe('0.1768');
    expect(await classification(page)).toBe('stable');
    await expect.poll(() => new URL(page.url()).searchParams.get('act')).toBe('relu');
    expect(new URL(page.url()).searchParams.get('scale')).toBe('0.1768');

    const linked = await openLesson(new URL(page.url()).search);
    expect(await classification(linked.page)).toBe('stable');
    expect([...problems, ...linked.problems]).toEqual([]);
  });

  it('is operable by keyboard: type a depth, switch activation and draw a new seed', async () => {
    const { page, problems } = await openLesson();
    const depth = widget(page).locator('input[name="depth"]');
    await depth.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('20');
    expect(await widget(page).locator('g[data-layer]').count()).toBe(21);
    const tanh = widget(page).locator('[data-activation="tanh"]');
    await tanh.focus();
    await page.keyboard.press('Enter');
    expect(await tanh.getAttribute('aria-pressed')).toBe('true');
    const sigmoid = widget(page).locator('[data-activation="sigmoid"]');
    await sigmoid.focus();
    await page.keyboard.press(' ');
    expect(await sigmoid.getAttribute('aria-pressed')).toBe('true');
    const before = await bars(page);
    await widget(page).locator('[data-action="new-seed"]').focus();
    await page.keyboard.press('Enter');
    expect(await widget(page).locator('input[name="seed"]').inputValue()).toBe('2');
    expect(await bars(page)).not.toEqual(before);
    expect(await classification(page)).toBe('vanishing');
    expect(problems).toEqual([]);
  });

  it('responds to a touch tap', async () => {
    const touch = await browser.newContext({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } });
    const { page, problems } = await openLesson('', { context: touch });
    await widget(page).locator('[data-activation="relu"]').tap();
    expect(await widget(page).locator('[data-activation="relu"]').getAttribute('aria-pressed')).toBe('true');
    expect(await widget(page).locator('path[data-line="document"]').count()).toBe(0);
    await widget(page).locator('[data-action="reset"]').tap();
    expect(await classification(page)).toBe('vanishing');
    expect(problems).toEqual([]);
    await touch.close();
  });

  it('ignores a malformed link with a notice and keeps working', async () => {
    const { page, problems } = await openLesson('?depth=abc&act=softmax&scale=20&width=12');
    const notice = widget(page).locator('[data-role="url-notice"]');
    expect(await notice.getAttribute('role')).toBe('status');
    const text = await notice.textContent();
    expect(text).toContain('depth=abc');
    expect(text).toContain('act=softmax');
    expect(text).toContain('scale=20');
    expect(await widget(page).locator('input[name="width"]').inputValue()).toBe('12');
    expect(await widget(page).locator('g[data-layer]').count()).toBe(11);
    await widget(page).locator('[data-activation="leakyRelu"]').click();
    expect(await widget(page).locator('[data-activation="leakyRelu"]').getAttribute('aria-pressed')).toBe('true');
    expect(problems).toEqual([]);
  });

  it('refuses bad input with a message next to the field and never shows NaN', async () => {
    const { page, problems } = await openLesson();
    const before = await bars(page);
    for (const [name, text] of [['width', '1e400'], ['depth', 'ten'], ['weightScale', ''], ['seed', '99999999999']]) {
      await widget(page).locator(`input[name="${name}"]`).fill(text);
      const alert = widget(page).locator(`[data-role="field-error"][data-field="${name}"]`);
      expect(await alert.getAttribute('role')).toBe('alert');
      expect((await alert.textContent())!.length).toBeGreaterThan(3);
    }
    expect(await bars(page)).toEqual(before);
    expect(await widget(page).textContent()).not.toMatch(/NaN|Infinity/);
    expect(problems).toEqual([]);
  });

  it('fits a 360 px wide phone without sideways scrolling', async () => {
    const { page, problems } = await openLesson('?depth=30', { viewport: { width: 360, height: 740 } });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    expect(await widget(page).locator('g[data-layer]').count()).toBe(31);
    expect(problems).toEqual([]);
  });
});

describe('without JavaScript', () => {
  it('the lesson still shows the default chart and verdict', async () => {
    const noScript = await browser.newContext({ javaScriptEnabled: false });
    const page = await noScript.newPage();
    await page.goto(`${baseUrl}${LESSON}`);
    expect(await widget(page).locator('g[data-layer]').count()).toBe(11);
    expect(await widget(page).getAttribute('data-classification')).toBe('vanishing');
    expect(await page.locator('[data-erratum="003-sigmoid-decay-factor"]').count()).toBe(1);
    expect(await page.locator('[data-erratum="004-last-hidden-layer-gradient"]').count()).toBe(1);
    await noScript.close();
  });
});
