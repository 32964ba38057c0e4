import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, watchForErrors } from './browser';

const LESSON = '/intro/logic-gates/';
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
  await page.waitForSelector('[data-widget="logic-gates"][data-ready="true"]');
  return { page, problems };
}

const widget = (page: Page) => page.locator('[data-widget="logic-gates"]');
const markers = (page: Page) => widget(page).locator('[data-role="mismatch-marker"]');
const preset = (page: Page, id: string) => widget(page).locator(`[data-preset="${id}"]`);
const status = (page: Page, role: string) => widget(page).locator(`[data-role="${role}"]`).getAttribute('data-status');

describe('the logic-gates widget on its lesson page', () => {
  it('flags the document (NOT x1)AND(NOT x2) preset and clears the flag for the corrected one (mouse)', async () => {
    const { page, problems } = await openLesson();
    expect(await markers(page).count()).toBe(0);
    await preset(page, 'nor').click();
    expect(await markers(page).count()).toBe(2);
    expect(await status(page, 'gate-summary')).toBe('mismatch');
    const failing = widget(page).locator('[data-role="truth-table"] tr[data-match="false"]');
    expect(await failing.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-inputs')))).toEqual(['0,1', '1,0']);
    expect(await widget(page).locator('[data-role="gate-summary"]').textContent()).toContain('NAND');
    expect(await widget(page).locator('.mismatch-ring').count()).toBe(2);
    await expect.poll(() => new URL(page.url()).searchParams.get('preset')).toBe('nor');

    await preset(page, 'nor-corrected').click();
    expect(await markers(page).count()).toBe(0);
    expect(await status(page, 'gate-summary')).toBe('match');
    await expect.poll(() => new URL(page.url()).searchParams.get('t0')).toBe('1');
    expect(problems).toEqual([]);
  });

  it('works from the keyboard: a θ field, a slider, preset buttons and the XNOR mode radios', async () => {
    const { page, problems } = await openLesson();
    const t0 = widget(page).locator('input[name="t0"]');
    await t0.focus();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('-1');
    expect(await widget(page).locator('[data-role="truth-table"] tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-produced')))).toEqual(['0', '1', '1', '1']);
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('abc');
    expect(await widget(page).locator('[role="alert"]').textContent()).toContain('abc');
    expect(await widget(page).textContent()).not.toMatch(/NaN|Infinity/);

    await preset(page, 'and').focus();
    await page.keyboard.press('Enter');
    await widget(page).locator('[data-slider="t0"]').focus();
    await page.keyboard.press('ArrowRight');
    expect(Number(await t0.inputValue())).toBeCloseTo(-2.9, 10);

    await preset(page, 'xnor').focus();
    await page.keyboard.press('Space');
    expect(await widget(page).getAttribute('data-view')).toBe('xnor');
    expect(await markers(page).count()).toBe(2);
    const rows = widget(page).locator('[data-role="xnor-table"] tbody tr');
    for (const output of await rows.evaluateAll((r) => r.map((row) => Number(row.getAttribute('data-output'))))) {
      expect(output).toBeCloseTo(1 / (1 + Math.exp(-1)), 12);
    }
    await widget(page).locator('input[data-mode="continuous"]').focus();
    await page.keyboard.press('ArrowRight');
    expect(await widget(page).locator('[data-role="xnor-table"]').getAttribute('data-mode')).toBe('thresholded');
    await expect.poll(() => new URL(page.url()).searchParams.get('mode')).toBe('thresholded');
    expect(problems).toEqual([]);
  });

  it('answers a touch tap: the document 001 perceptron computes XNOR, negating its output gives XOR', async () => {
    const { page, problems } = await openLesson('', touch);
    await preset(page, 'perceptron').tap();
    expect(await widget(page).locator('[data-role="perceptron-table"]').getAttribute('data-computes')).toBe('xnor');
    expect(await markers(page).count()).toBe(4);
    expect(await widget(page).locator('[data-role="perceptron-summary"]').textContent()).toContain('XNOR');
    await preset(page, 'perceptron-xor').tap();
    expect(await markers(page).count()).toBe(0);
    expect(await widget(page).locator('[data-role="perceptron-table"]').getAttribute('data-computes')).toBe('xor');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    expect(problems).toEqual([]);
  });

  it('opens the state a link names, and ignores malformed fields with a notice while still working', async () => {
    const linked = await openLesson('?preset=nor&t0=1');
    expect(await widget(linked.page).getAttribute('data-preset')).toBe('nor');
    expect(await markers(linked.page).count()).toBe(0);
    expect(await widget(linked.page).locator('input[name="t0"]').inputValue()).toBe('1');

    const bad = await openLesson('?preset=nand&t1=abc&mode=sideways');
    const notice = bad.page.locator('[data-widget="logic-gates"] [role="status"][data-role="url-notice"]');
    expect(await notice.isVisible()).toBe(true);
    for (const entry of ['preset=nand', 't1=abc', 'mode=sideways']) expect(await notice.textContent()).toContain(entry);
    await preset(bad.page, 'nor').click();
    expect(await markers(bad.page).count()).toBe(2);
    expect([...linked.problems, ...bad.problems]).toEqual([]);
  });

  it('fits a 360 px wide phone without sideways scrolling, in every view', async () => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    const problems = watchForErrors(page);
    await page.goto(`${baseUrl}${LESSON}`);
    await page.waitForSelector('[data-widget="logic-gates"][data-ready="true"]');
    for (const id of ['and', 'not', 'xnor', 'perceptron']) {
      await preset(page, id).click();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, id).toBeLessThanOrEqual(1);
    }
    expect(problems).toEqual([]);
  });
});

describe('without JavaScript', () => {
  it('the page still shows the AND truth table and the errata', async () => {
    const noScript = await browser.newContext({ javaScriptEnabled: false });
    const page = await noScript.newPage();
    await page.goto(`${baseUrl}${LESSON}`);
    expect(await page.locator('[data-widget="logic-gates"] [data-role="truth-table"] tbody tr').count()).toBe(4);
    for (const id of ['000-nor-preset', '000-xnor-network', '001-xor-perceptron-computes-xnor']) {
      expect(await page.locator(`[data-erratum="${id}"]`).count(), id).toBe(1);
    }
    await noScript.close();
  });
});
