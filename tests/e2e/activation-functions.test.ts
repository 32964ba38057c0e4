import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { valueAt, type ExplorerActivationName } from '../../src/engine/activation-explorer';
import { launchBrowser, watchForErrors } from './browser';

const LESSON = '/activations/activation-functions/';
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
  await page.locator('[data-widget="activation-functions"]').scrollIntoViewIfNeeded();
  await page.waitForSelector('[data-widget="activation-functions"][data-ready="true"]');
  return { page, problems };
}

const widget = (page: Page) => page.locator('[data-widget="activation-functions"]');
async function readout(page: Page) {
  const element = widget(page).locator('[data-role="readout"]');
  const [z, f, df] = await Promise.all(['data-z', 'data-f', 'data-df'].map((name) => element.getAttribute(name)));
  return { z: Number(z), f: Number(f), df: Number(df) };
}
const activation = (page: Page) => widget(page).getAttribute('data-activation') as Promise<ExplorerActivationName>;
const option = (page: Page, name: ExplorerActivationName) => widget(page).locator(`label:has(input[data-activation="${name}"])`);
const query = (page: Page, name: string) => new URL(page.url()).searchParams.get(name);

/** Clicks (or taps) the f-panel at a fraction of its plotting width. */
async function pickAt(page: Page, fraction: number, how: 'click' | 'tap' = 'click') {
  const area = widget(page).locator('svg[data-series="f"] [data-role="pick-area"]');
  const box = (await area.boundingBox())!;
  const position = { x: box.width * fraction, y: box.height / 2 };
  if (how === 'tap') await area.tap({ position });
  else await area.click({ position });
}

async function expectReadoutMatchesEngine(page: Page, alpha?: number) {
  const shown = await readout(page);
  const expected = valueAt(await activation(page), shown.z, alpha);
  expect(shown.f).toBe(expected.f);
  expect(shown.df).toBe(expected.df);
}

describe('activation explorer on the lesson page', () => {
  it('reads σ′(0) = 0.25 and marks it as σ′’s maximum', async () => {
    const { page, problems } = await openLesson();
    expect(await readout(page)).toEqual({ z: 0, f: 0.5, df: 0.25 });
    expect(await widget(page).locator('[data-role="df-value"]').textContent()).toBe('0.25');
    expect(Number(await widget(page).locator('[data-role="sigmoid-peak"]').getAttribute('data-value'))).toBe(0.25);
    expect(await widget(page).locator('[data-role="sigmoid-peak-note"]').textContent()).toBe('σ′ 的最大值 = 0.25，位于 z = 0');
    expect(problems).toEqual([]);
  });

  it('switches function and moves the point with the mouse, and keeps both in the URL', async () => {
    const { page, problems } = await openLesson();
    await option(page, 'relu').click();
    expect(await activation(page)).toBe('relu');
    expect(await widget(page).locator('svg[data-series="df"] [data-role="kink"]').count()).toBe(1);
    await pickAt(page, 0.75);
    const { z } = await readout(page);
    expect(z).toBeGreaterThan(2.5);
    expect(z).toBeLessThan(3.5);
    await expectReadoutMatchesEngine(page);
    await expect.poll(() => query(page, 'fn')).toBe('relu');
    await expect.poll(() => query(page, 'z')).toBe(String(z));

    const linked = await openLesson(`?fn=relu&z=${z}`);
    expect(await activation(linked.page)).toBe('relu');
    expect((await readout(linked.page)).z).toBe(z);
    expect([...problems, ...linked.problems]).toEqual([]);
  });

  it('is operable by keyboard: radio arrows pick the function, slider arrows move the point', async () => {
    const { page, problems } = await openLesson();
    await widget(page).locator('input[data-activation="sigmoid"]').focus();
    await page.keyboard.press('ArrowRight');
    expect(await activation(page)).toBe('tanh');
    await widget(page).locator('[data-role="point-slider"]').focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    expect((await readout(page)).z).toBeCloseTo(0.3, 12);
    await expectReadoutMatchesEngine(page);
    await page.keyboard.press('End');
    expect((await readout(page)).z).toBe(6);
    await expectReadoutMatchesEngine(page);
    await page.keyboard.press('Home');
    expect((await readout(page)).z).toBe(-6);
    expect(problems).toEqual([]);
  });

  it('responds to touch taps on the function choice and the plot', async () => {
    const touch = await browser.newContext({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } });
    const { page, problems } = await openLesson('', touch);
    await option(page, 'leakyRelu').tap();
    expect(await activation(page)).toBe('leakyRelu');
    await pickAt(page, 0.25, 'tap');
    const { z } = await readout(page);
    expect(z).toBeLessThan(-2.5);
    expect(z).toBeGreaterThan(-3.5);
    await expectReadoutMatchesEngine(page, 0.01);
    expect(problems).toEqual([]);
    await touch.close();
  });

  it('opens a linked setting: leaky ReLU with α = 0.1 at z = −2', async () => {
    const { page, problems } = await openLesson('?fn=leakyRelu&alpha=0.1&z=-2');
    expect(await readout(page)).toEqual({ z: -2, f: -0.2, df: 0.1 });
    expect(await widget(page).locator('input[name="alpha"]').inputValue()).toBe('0.1');
    expect(problems).toEqual([]);
  });

  it('refuses bad input with a message and keeps the last valid value', async () => {
    const { page, problems } = await openLesson('?z=1');
    const z = widget(page).locator('input[name="z"]');
    for (const text of ['abc', '', '1e400']) {
      await z.fill(text);
      expect(await widget(page).locator('[data-role="field-error"][data-field="z"]').isVisible()).toBe(true);
      expect((await readout(page)).z).toBe(1);
    }
    expect(await widget(page).locator('[data-role="field-error"]').textContent()).toContain('1e400 太大了');
    await widget(page).locator('input[name="from"]').fill('9');
    expect(await widget(page).locator('[data-field="from"]').textContent()).toContain('z 起点必须小于 z 终点');
    const visibleText = await widget(page).evaluate((root) => {
      const copy = root.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('[data-role="field-error"]').forEach((element) => element.remove());
      return copy.textContent ?? '';
    });
    expect(visibleText).not.toMatch(/NaN|Infinity/);
    await z.fill('-1');
    expect((await readout(page)).z).toBe(-1);
    expect(await widget(page).locator('[data-field="z"]').count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('shows a notice for a malformed link and still works', async () => {
    const { page, problems } = await openLesson('?fn=bogus&z=abc&alpha=0.2&to=1e400');
    const notice = widget(page).locator('[data-role="url-notice"]');
    expect(await notice.getAttribute('role')).toBe('status');
    const text = await notice.textContent();
    expect(text).toContain('fn=bogus');
    expect(text).toContain('z=abc');
    expect(text).toContain('to=1e400');
    expect(await activation(page)).toBe('sigmoid');
    await option(page, 'tanh').click();
    expect(await readout(page)).toEqual({ z: 0, f: 0, df: 1 });
    expect(problems).toEqual([]);
  });

  it('lists the document identities with the two misprints failing', async () => {
    const { page, problems } = await openLesson();
    const failing = widget(page).locator('[data-identity][data-holds="false"]');
    expect(await failing.evaluateAll((rows) => rows.map((row) => (row as HTMLElement).dataset.identity))).toEqual([
      'tanh-exponential-form-as-printed-000',
      'tanh-derivative-as-printed-002',
    ]);
    expect(await widget(page).locator('[data-identity][data-holds="true"]').count()).toBe(4);
    expect(await page.locator('[data-erratum="000-tanh-exponential-form"]').count()).toBe(1);
    expect(await page.locator('[data-erratum="002-tanh-derivative-shallow"]').count()).toBe(1);
    expect(problems).toEqual([]);
  });

  it('fits a 360 px wide phone without sideways scrolling', async () => {
    const { page, problems } = await openLesson('?fn=maxout', context, { width: 360, height: 740 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await widget(page).locator('[data-action="maxout-leaky"]').click();
    expect(await widget(page).locator('input[name="w1"]').inputValue()).toBe('0.01');
    expect(problems).toEqual([]);
  });
});

describe('without JavaScript', () => {
  it('the page still shows the default plot, readout and identity checks', async () => {
    const noScript = await browser.newContext({ javaScriptEnabled: false });
    const page = await noScript.newPage();
    await page.goto(`${baseUrl}${LESSON}`);
    const root = page.locator('[data-widget="activation-functions"]');
    expect(await root.getAttribute('data-ready')).toBe('false');
    expect(await root.locator('[data-role="readout"]').getAttribute('data-df')).toBe('0.25');
    expect((await root.locator('svg[data-series="df"] [data-role="curve"]').getAttribute('d'))!.length).toBeGreaterThan(1000);
    expect(await root.locator('[data-identity]').count()).toBe(6);
    await noScript.close();
  });
});
