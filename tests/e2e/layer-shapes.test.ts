import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, watchForErrors } from './browser';

const LESSON = '/structure/forward-propagation/';
const baseUrl = inject('baseUrl');

let browser: Browser;
let context: BrowserContext;
let touch: BrowserContext;

beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext();
  touch = await browser.newContext({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } });
});
afterAll(async () => {
  await browser?.close();
});

async function openLesson(query = '', on: BrowserContext = context) {
  const page = await on.newPage();
  const problems = watchForErrors(page);
  await page.goto(`${baseUrl}${LESSON}${query}`);
  await page.waitForSelector('[data-widget="layer-shapes"][data-ready="true"]');
  return { page, problems };
}

const widget = (page: Page) => page.locator('[data-widget="layer-shapes"]');
const row = (page: Page, convention: string, name: string) =>
  widget(page).locator(`[data-role="shape-table"][data-convention="${convention}"] tr[data-name="${name}"]`);
const shape = (page: Page, convention: string, name: string) => row(page, convention, name).getAttribute('data-shape');

describe('the layer-shapes widget on its lesson page', () => {
  it('reads W^{[1]} of the 3-4-1 preset as (4,3) with column vectors and (3,4) with rows of samples', async () => {
    const { page, problems } = await openLesson();
    expect(await widget(page).getAttribute('data-sizes')).toBe('3-4-1');
    expect(await shape(page, 'columns', 'W^{[1]}')).toBe('4,3');
    expect(await row(page, 'columns', 'W^{[1]}').locator('.shape').textContent()).toBe('(4, 3)');
    expect(await shape(page, 'rows', 'W^{[1]}')).toBe('3,4');
    expect(await row(page, 'rows', 'W^{[1]}').locator('.shape').textContent()).toBe('(3, 4)');
    const box = widget(page).locator('[data-convention="columns"] [data-role="matrix-step"][data-layer="1"] rect[data-name="W^{[1]}"]');
    const size = await box.evaluate((rect) => ({ w: Number(rect.getAttribute('width')), h: Number(rect.getAttribute('height')) }));
    expect(size.h / size.w).toBeCloseTo(4 / 3, 6);
    expect(await widget(page).locator('[data-role="parameter-count"]').getAttribute('data-total')).toBe('21');
    expect(problems).toEqual([]);
  });

  it('switches preset and adds a layer with the mouse', async () => {
    const { page, problems } = await openLesson();
    await widget(page).locator('[data-preset="003"]').click();
    expect(await widget(page).getAttribute('data-sizes')).toBe('3-3-1');
    expect(await shape(page, 'columns', 'W^{[2]}')).toBe('1,3');
    await widget(page).locator('[data-action="add-layer"]').click();
    expect(await widget(page).getAttribute('data-sizes')).toBe('3-3-3-1');
    await expect.poll(() => new URL(page.url()).searchParams.get('sizes')).toBe('3-3-3-1');
    expect(problems).toEqual([]);
  });

  it('is operable from the keyboard: typing m, a refused value, and the four-layout switch', async () => {
    const { page, problems } = await openLesson();
    const m = widget(page).locator('input[name="m"]');
    await m.focus();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('64');
    expect(await shape(page, 'rows', 'Z^{[1]}')).toBe('64,4');
    expect(await shape(page, 'columns', 'Z^{[1]}')).toBe('4,64');
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('0');
    expect(await widget(page).locator('[role="alert"]').textContent()).toContain('至少为 1');
    expect(await shape(page, 'rows', 'Z^{[1]}')).toBe('64,4');
    // Each keystroke is read: "1" is accepted, then "1e" and "1e9" are refused and m stays 1.
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('1e9');
    expect(await widget(page).locator('[role="alert"]').textContent()).toContain('10000');
    expect(await shape(page, 'rows', 'Z^{[1]}')).toBe('1,4');
    expect(await widget(page).textContent()).not.toMatch(/NaN|Infinity/);
    await widget(page).locator('[data-option="all-layouts"]').focus();
    await page.keyboard.press('Space');
    expect(await widget(page).locator('[data-role="shape-table"]').count()).toBe(4);
    expect(await shape(page, 'columns-transposed', 'W^{[1]}')).toBe('3,4');
    await expect.poll(() => new URL(page.url()).searchParams.get('all')).toBe('1');
    expect(problems).toEqual([]);
  });

  it('answers a touch tap on a remove button', async () => {
    const { page, problems } = await openLesson('', touch);
    await widget(page).locator('[data-action="remove-layer"][data-layer="1"]').tap();
    expect(await widget(page).getAttribute('data-sizes')).toBe('3-1');
    expect(await shape(page, 'columns', 'W^{[1]}')).toBe('1,3');
    expect(await widget(page).locator('[data-action="remove-layer"]').first().isDisabled()).toBe(true);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    expect(problems).toEqual([]);
  });

  it('opens the state a link names, and ignores malformed fields with a notice while still working', async () => {
    const linked = await openLesson('?m=7&sizes=784-100-10');
    expect(await shape(linked.page, 'rows', 'W^{[1]}')).toBe('784,100');
    expect(await shape(linked.page, 'columns', 'A^{[2]}')).toBe('10,7');

    const bad = await openLesson('?m=abc&sizes=3-0-1&all=perhaps');
    const notice = bad.page.locator('[data-widget="layer-shapes"] [role="status"][data-role="url-notice"]');
    expect(await notice.isVisible()).toBe(true);
    for (const entry of ['m=abc', 'sizes=3-0-1', 'all=perhaps']) expect(await notice.textContent()).toContain(entry);
    expect(await shape(bad.page, 'columns', 'W^{[1]}')).toBe('4,3');
    await widget(bad.page).locator('[data-preset="003"]').click();
    expect(await shape(bad.page, 'columns', 'W^{[2]}')).toBe('1,3');
    expect([...linked.problems, ...bad.problems]).toEqual([]);
  });

  it('fits a 360 px wide phone without sideways scrolling, even with four layouts of a wide network', async () => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    const problems = watchForErrors(page);
    await page.goto(`${baseUrl}${LESSON}?m=10000&sizes=784-100-10-1&all=1`);
    await page.waitForSelector('[data-widget="layer-shapes"][data-ready="true"]');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    expect(problems).toEqual([]);
  });
});

describe('without JavaScript', () => {
  it('the page still shows both shape tables and the errata', async () => {
    const noScript = await browser.newContext({ javaScriptEnabled: false });
    const page = await noScript.newPage();
    await page.goto(`${baseUrl}${LESSON}`);
    expect(await page.locator('[data-widget="layer-shapes"] [data-role="shape-table"]').count()).toBe(2);
    for (const id of ['000-second-layer-input', '000-vectorised-layer-input', '004-a0-shape', '001-weight-index', '003-delta-recursion-matrix-index']) {
      expect(await page.locator(`[data-erratum="${id}"]`).count(), id).toBe(1);
    }
    await noScript.close();
  });
});
