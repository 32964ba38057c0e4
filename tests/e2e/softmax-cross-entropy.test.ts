import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DOCUMENT_002_PROBABILITIES, softmaxCrossEntropy } from '../../src/engine/softmax-cross-entropy';
import { launchBrowser, watchForErrors } from './browser';

const LESSON = '/loss/softmax-cross-entropy/';
const PRESET_LOSS = '2.302585093';
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

async function openLesson(query = '', on: BrowserContext = context, viewport?: { width: number; height: number }) {
  const page = await on.newPage();
  if (viewport) await page.setViewportSize(viewport);
  const problems = watchForErrors(page);
  await page.goto(`${baseUrl}${LESSON}${query}`);
  // The lesson hydrates the widget with client:visible, so it has to be scrolled into view first.
  await page.locator('[data-widget="softmax-cross-entropy"]').scrollIntoViewIfNeeded();
  await page.waitForSelector('[data-widget="softmax-cross-entropy"][data-ready="true"]');
  return { page, problems };
}

const widget = (page: Page) => page.locator('[data-widget="softmax-cross-entropy"]');
const lossElement = (page: Page) => widget(page).locator('[data-role="loss"]');
const loss = async (page: Page) => Number(await lossElement(page).getAttribute('data-loss'));
const target = async (page: Page) => Number(await lossElement(page).getAttribute('data-target'));
const probabilities = (page: Page) =>
  widget(page).locator('[data-bar]').evaluateAll((bars) => bars.map((bar) => Number((bar as SVGElement).dataset.probability)));
const logitField = (page: Page, k: number) => widget(page).locator(`input[name="z${k}"]`);

describe('softmax / cross-entropy on the lesson page', () => {
  it('loads document 002’s example by mouse: loss −ln 0.10 = 2.302585093, prediction 5, target 6', async () => {
    const { page, problems } = await openLesson();
    await widget(page).locator('[data-action="preset"]').click();
    expect(await lossElement(page).textContent()).toContain(PRESET_LOSS);
    expect(await loss(page)).toBeCloseTo(2.302585093, 9);
    expect(await target(page)).toBe(6);
    (await probabilities(page)).forEach((p, k) => expect(Math.abs(p - DOCUMENT_002_PROBABILITIES[k])).toBeLessThan(1e-15));
    expect(await widget(page).locator('[data-role="predicted"]').getAttribute('data-predicted')).toBe('5');
    expect(await widget(page).locator('[data-role="prediction-verdict"]').textContent()).toContain('不是正确类别 6');
    expect(await widget(page).locator('[data-role="jacobian"] td[data-i]').count()).toBe(100);
    await expect.poll(() => new URL(page.url()).searchParams.get('preset')).toBe('002');

    const linked = await openLesson('?preset=002');
    expect(await lossElement(linked.page).textContent()).toContain(PRESET_LOSS);
    expect([...problems, ...linked.problems]).toEqual([]);
  });

  it('chooses the target by clicking a bar and recomputes from the engine', async () => {
    const { page, problems } = await openLesson('?preset=002');
    await widget(page).locator('[data-bar="5"]').click();
    expect(await target(page)).toBe(5);
    expect(await loss(page)).toBeCloseTo(-Math.log(0.2), 12);
    expect(await widget(page).locator('[data-role="prediction-verdict"]').textContent()).toContain('一致');
    await expect.poll(() => new URL(page.url()).searchParams.get('t')).toBe('5');
    expect(problems).toEqual([]);
  });

  it('is operable by keyboard: Tab to a bar and press Enter, type a logit', async () => {
    const { page, problems } = await openLesson();
    await widget(page).locator('[data-bar="0"]').focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect(await target(page)).toBe(1);
    await page.keyboard.press('Tab');
    await page.keyboard.press(' ');
    expect(await target(page)).toBe(2);
    await logitField(page, 0).focus();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('1000');
    const expected = softmaxCrossEntropy([1000, 1, 0.1], 2);
    if ('error' in expected) throw new Error('refused');
    expect(await probabilities(page)).toEqual(expected.probabilities);
    expect(await loss(page)).toBe(expected.loss);
    expect(await widget(page).textContent()).not.toMatch(/NaN|Infinity/);
    expect(problems).toEqual([]);
  });

  it('responds to touch taps on the bars and buttons', async () => {
    const touch = await browser.newContext({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } });
    const { page, problems } = await openLesson('', touch);
    await widget(page).locator('[data-action="preset"]').tap();
    expect(await lossElement(page).textContent()).toContain(PRESET_LOSS);
    await widget(page).locator('[data-bar="2"]').tap();
    expect(await target(page)).toBe(2);
    expect(await loss(page)).toBeCloseTo(-Math.log(0.15), 12);
    await widget(page).locator('[data-action="add-class"]').tap();
    expect(await widget(page).locator('[data-bar]').count()).toBe(11);
    expect(problems).toEqual([]);
    await touch.close();
  });

  it('refuses letters, an empty field and 1e400 with a message and keeps the last valid state', async () => {
    const { page, problems } = await openLesson();
    const before = { loss: await loss(page), probabilities: await probabilities(page) };
    for (const [text, message] of [
      ['abc', '“abc” 不是一个数'],
      ['', '请填写一个数'],
      ['1e400', '1e400 太大了'],
    ]) {
      await logitField(page, 1).fill(text);
      const alert = widget(page).locator('[data-role="field-error"][data-field="z1"]');
      expect(await alert.getAttribute('role')).toBe('alert');
      expect(await alert.textContent()).toContain(message);
      expect({ loss: await loss(page), probabilities: await probabilities(page) }).toEqual(before);
    }
    await logitField(page, 1).fill('3');
    expect(await widget(page).locator('[data-role="field-error"]').count()).toBe(0);
    expect(await loss(page)).not.toBe(before.loss);
    expect(problems).toEqual([]);
  });

  it('shows a notice for a malformed link and still works', async () => {
    const { page, problems } = await openLesson('?z=1,abc&t=x&preset=999');
    const notice = widget(page).locator('[data-role="url-notice"]');
    expect(await notice.getAttribute('role')).toBe('status');
    const text = await notice.textContent();
    expect(text).toContain('z=1,abc');
    expect(text).toContain('t=x');
    expect(text).toContain('preset=999');
    expect(await widget(page).locator('[data-bar]').count()).toBe(3);
    await widget(page).locator('[data-action="preset"]').click();
    expect(await lossElement(page).textContent()).toContain(PRESET_LOSS);
    expect(problems).toEqual([]);
  });

  it('fits a 360 px wide phone without sideways scrolling, even with 12 classes', async () => {
    const { page, problems } = await openLesson(`?z=${Array.from({ length: 12 }, (_, k) => k / 4).join(',')}&t=11`, context, {
      width: 360,
      height: 740,
    });
    expect(await widget(page).locator('[data-bar]').count()).toBe(12);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    expect(problems).toEqual([]);
  });

  it('shows the erratum for document 002’s missing minus sign', async () => {
    const { page, problems } = await openLesson();
    expect(await page.locator('[data-erratum="002-cross-entropy-sign"]').count()).toBe(1);
    expect(await page.locator('.sl-markdown-content').textContent()).toContain(PRESET_LOSS);
    expect(problems).toEqual([]);
  });
});

describe('without JavaScript', () => {
  it('the page still shows the default probabilities, loss and Jacobian', async () => {
    const noScript = await browser.newContext({ javaScriptEnabled: false });
    const page = await noScript.newPage();
    await page.goto(`${baseUrl}${LESSON}`);
    const root = page.locator('[data-widget="softmax-cross-entropy"]');
    expect(await root.locator('[data-bar]').count()).toBe(3);
    expect(Number(await root.locator('[data-role="loss"]').getAttribute('data-loss'))).toBeGreaterThan(0);
    expect(await root.locator('[data-role="jacobian"] td[data-i]').count()).toBe(9);
    await noScript.close();
  });
});
