import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, watchForErrors } from './browser';

const LESSON = '/intro/why-neural-networks/';
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
  await page.locator('[data-widget="decision-boundary"]').scrollIntoViewIfNeeded();
  await page.waitForSelector('[data-widget="decision-boundary"][data-ready="true"]');
  return { page, problems };
}

const widget = (page: Page) => page.locator('[data-widget="decision-boundary"]');
const action = (page: Page, name: string) => widget(page).locator(`[data-action="${name}"]`);
const epoch = async (page: Page) => Number(await widget(page).locator('[data-epoch]').getAttribute('data-epoch'));
const accuracy = async (page: Page) => Number(await widget(page).locator('[data-accuracy]').getAttribute('data-accuracy'));
const running = (page: Page) => widget(page).getAttribute('data-running');

describe('the decision-boundary demo on the lesson page', () => {
  it('trains XOR with one hidden layer of 4 tanh units to at least 95 % in a Web Worker', async () => {
    const { page, problems } = await openLesson();
    expect(await widget(page).locator('[data-hidden-layer]').count()).toBe(1);
    expect(await widget(page).locator('[data-hidden-layer="1"]').getAttribute('data-units')).toBe('4');
    expect(await widget(page).locator('select[name="activation"]').inputValue()).toBe('tanh');
    expect(await epoch(page)).toBe(0);
    await action(page, 'train').click();
    await expect.poll(() => accuracy(page), { timeout: 30_000, interval: 100 }).toBeGreaterThanOrEqual(0.95);
    expect(await widget(page).getAttribute('data-worker')).toBe('true');
    expect(page.workers().length).toBeGreaterThanOrEqual(1);
    await action(page, 'pause').click();
    expect(await running(page)).toBe('false');
    expect(await epoch(page)).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });

  it('stays responsive while a large network trains: clicks are handled and the main thread is not blocked', async () => {
    const { page, problems } = await openLesson('?data=spirals&count=1000&layers=16,16,16,16');
    await action(page, 'train').click();
    await expect.poll(() => epoch(page), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(await running(page)).toBe('true');
    const longestGap = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          let last = performance.now();
          let longest = 0;
          const started = last;
          const tick = () => {
            const now = performance.now();
            longest = Math.max(longest, now - last);
            last = now;
            if (now - started < 1500) setTimeout(tick, 10);
            else resolve(longest);
          };
          setTimeout(tick, 10);
        }),
    );
    // A training loop on the main thread would freeze it for seconds with this network; the
    // margin above a frame only absorbs a busy test machine.
    expect(longestGap).toBeLessThan(400);
    const clickedAt = Date.now();
    await action(page, 'pause').click();
    await expect.poll(() => running(page), { timeout: 2000 }).toBe('false');
    expect(Date.now() - clickedAt).toBeLessThan(2000);
    // The chunk already in the worker still reports back once; after that the epoch holds.
    await page.waitForTimeout(700);
    const stopped = await epoch(page);
    await page.waitForTimeout(700);
    expect(await epoch(page)).toBe(stopped);
    expect(problems).toEqual([]);
  });

  it('is operable by keyboard: Enter starts and pauses on the same button, Space steps', async () => {
    const { page, problems } = await openLesson();
    const step = action(page, 'step');
    await step.focus();
    await page.keyboard.press(' ');
    await expect.poll(() => epoch(page)).toBe(1);
    await action(page, 'train').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => running(page)).toBe('true');
    await expect.poll(() => epoch(page)).toBeGreaterThan(5);
    await page.keyboard.press('Enter');
    await expect.poll(() => running(page)).toBe('false');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('train');
    await action(page, 'reset').focus();
    await page.keyboard.press('Enter');
    expect(await epoch(page)).toBe(0);
    expect(problems).toEqual([]);
  });

  it('responds to touch taps', async () => {
    const touch = await browser.newContext({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } });
    const { page, problems } = await openLesson('', { context: touch });
    await action(page, 'step').tap();
    await expect.poll(() => epoch(page)).toBe(1);
    await action(page, 'train').tap();
    await expect.poll(() => epoch(page)).toBeGreaterThan(10);
    await action(page, 'pause').tap();
    await expect.poll(() => running(page)).toBe('false');
    await widget(page).locator('[data-kind="circle"]').tap();
    expect(await epoch(page)).toBe(0);
    expect(problems).toEqual([]);
    await touch.close();
  });

  it('ignores a malformed link with a notice and still trains', async () => {
    const { page, problems } = await openLesson('?layers=banana&lr=-1&data=circle');
    const notice = widget(page).locator('[data-role="url-notice"]');
    expect(await notice.getAttribute('role')).toBe('status');
    expect(await notice.textContent()).toContain('layers=banana');
    expect(await notice.textContent()).toContain('lr=-1');
    expect(await widget(page).locator('[data-kind="circle"]').getAttribute('aria-pressed')).toBe('true');
    await action(page, 'train').click();
    await expect.poll(() => epoch(page)).toBeGreaterThan(10);
    await action(page, 'pause').click();
    expect(problems).toEqual([]);
  });

  it('flags an absurd learning rate as diverged and stops', async () => {
    const { page, problems } = await openLesson('?lr=1000');
    await action(page, 'train').click();
    await expect.poll(() => widget(page).getAttribute('data-diverged')).toBe('true');
    expect(await widget(page).locator('[data-role="diverged"]').isVisible()).toBe(true);
    expect(await running(page)).toBe('false');
    expect(await action(page, 'train').isDisabled()).toBe(true);
    expect(await widget(page).textContent()).not.toMatch(/NaN|Infinity/);
    expect(problems).toEqual([]);
  });

  it('cannot separate XOR without a hidden layer (document 001): accuracy stays at or below 75 %', async () => {
    const { page, problems } = await openLesson();
    await action(page, 'remove-layer').click();
    expect(await widget(page).locator('[data-role="no-hidden"]').isVisible()).toBe(true);
    await action(page, 'train').click();
    await expect.poll(() => epoch(page), { timeout: 30_000 }).toBeGreaterThanOrEqual(300);
    await action(page, 'pause').click();
    expect(await accuracy(page)).toBeLessThanOrEqual(0.75);
    expect(new URL(page.url()).searchParams.get('layers')).toBe('none');
    expect(problems).toEqual([]);
  });

  it('fits a 360 px wide phone without sideways scrolling', async () => {
    const { page, problems } = await openLesson('', { viewport: { width: 360, height: 740 } });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    expect(problems).toEqual([]);
  });
});

describe('without JavaScript', () => {
  it('the lesson still shows the data and the readouts at epoch 0', async () => {
    const noScript = await browser.newContext({ javaScriptEnabled: false });
    const page = await noScript.newPage();
    await page.goto(`${baseUrl}${LESSON}`);
    expect(await widget(page).locator('[data-role="boundary-plot"] .point').count()).toBe(200);
    expect(await widget(page).locator('[data-epoch]').getAttribute('data-epoch')).toBe('0');
    await noScript.close();
  });
});
