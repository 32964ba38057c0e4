import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, watchForErrors } from './browser';

const LESSON = '/backprop/worked-example/';
const W5_PRIME = 0.35891648;

let browser: Browser;
let context: BrowserContext;
const baseUrl = inject('baseUrl');

beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext();
});
afterAll(async () => {
  await browser?.close();
});

async function openLesson(query = '', viewport?: { width: number; height: number }) {
  const page = await context.newPage();
  if (viewport) await page.setViewportSize(viewport);
  const problems = watchForErrors(page);
  await page.goto(`${baseUrl}${LESSON}${query}`);
  await page.waitForSelector('[data-widget="backprop-222"][data-ready="true"]');
  return { page, problems };
}

const widget = (page: Page) => page.locator('[data-widget="backprop-222"]');
const currentKey = (page: Page) => widget(page).locator('[data-step-key]').getAttribute('data-step-key');
const currentValue = async (page: Page) => Number(await widget(page).locator('[data-step-key]').getAttribute('data-step-value'));

describe('the 2-2-2 stepper on the lesson page', () => {
  it('steps by button and keyboard to w5′, shows its value and links to the step', async () => {
    const { page, problems } = await openLesson();
    expect(await currentKey(page)).toBe('net_h1');
    for (let i = 0; i < 5; i++) await widget(page).locator('[data-action="next"]').click();
    expect(await currentKey(page)).toBe('out_o1');
    await widget(page).focus();
    for (let guard = 0; guard < 40 && (await currentKey(page)) !== "w5'"; guard++) await page.keyboard.press('ArrowRight');
    expect(await currentKey(page)).toBe("w5'");
    expect(await currentValue(page)).toBeCloseTo(W5_PRIME, 8);
    await expect.poll(() => new URL(page.url()).searchParams.get('step')).toBe('17');

    const linked = await openLesson('?step=17');
    expect(await currentKey(linked.page)).toBe("w5'");
    expect(linked.problems).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('moves back, to the start and to the end with the keyboard and buttons', async () => {
    const { page, problems } = await openLesson('?step=10');
    await widget(page).focus();
    expect(await currentKey(page)).toBe('E_o2');
    await page.keyboard.press('ArrowLeft');
    expect(await currentKey(page)).toBe('E_o1');
    await page.keyboard.press('End');
    expect(await currentKey(page)).toBe('E_total_after_N');
    expect(await widget(page).locator('[data-action="next"]').isDisabled()).toBe(true);
    await page.keyboard.press('Home');
    expect(await currentKey(page)).toBe('net_h1');
    await page.keyboard.press(' ');
    expect(await currentKey(page)).toBe('out_h1');
    await widget(page).locator('[data-action="prev"]').click();
    expect(await currentKey(page)).toBe('net_h1');
    await widget(page).locator('select[data-action="phase"]').selectOption('backward-hidden');
    expect(await currentKey(page)).toBe('dE_o1/dnet_o1');
    expect(await page.locator('[data-role="announcer"]').textContent()).toContain('dE_o1/dnet_o1');
    expect(problems).toEqual([]);
  });

  it('opens at a step named by key or hash, and ignores a malformed link with a notice', async () => {
    const byKey = await openLesson("?step=w5'");
    expect(await currentKey(byKey.page)).toBe("w5'");
    const byHash = await openLesson('#step=12');
    expect(await currentKey(byHash.page)).toBe('dE_total/dout_o1');
    const bad = await openLesson('?step=999&w1=abc&order=sideways');
    const notice = bad.page.locator('[data-role="url-notice"]');
    expect(await notice.textContent()).toContain('w1=abc');
    expect(await currentKey(bad.page)).toBe('net_h1');
    await widget(bad.page).locator('[data-action="next"]').click();
    expect(await currentKey(bad.page)).toBe('out_h1');
    expect([...byKey.problems, ...byHash.problems, ...bad.problems]).toEqual([]);
  });

  it('recomputes the trace when a parameter changes and refuses bad input with a message', async () => {
    const { page, problems } = await openLesson('?step=1');
    const w1 = widget(page).locator('input[name="w1"]');
    await w1.fill('abc');
    expect(await widget(page).locator('[data-role="param-errors"]').textContent()).toContain('abc');
    expect(await currentValue(page)).toBeCloseTo(0.3775, 12);
    await w1.fill('0.25');
    expect(await currentValue(page)).toBeCloseTo(0.25 * 0.05 + 0.2 * 0.1 + 0.35, 12);
    expect(await widget(page).locator('[data-role="param-errors"]').count()).toBe(0);
    await w1.fill('1e9');
    expect(await widget(page).locator('[data-role="param-errors"]').textContent()).toContain('1e9');
    expect(await widget(page).textContent()).not.toMatch(/NaN|Infinity/);
    await widget(page).locator('[data-action="reset"]').click();
    expect(await currentValue(page)).toBeCloseTo(0.3775, 12);
    expect(problems).toEqual([]);
  });

  it('switches update order and shows where the numbers diverge', async () => {
    const { page, problems } = await openLesson("?step=dnet_o1/dout_h1");
    expect(await currentValue(page)).toBeCloseTo(0.4, 12);
    await widget(page).locator('input[data-order="published"]').check();
    expect(await currentValue(page)).toBeCloseTo(W5_PRIME, 8);
    expect(await widget(page).locator('[data-step-key] .differs').count()).toBe(1);
    await expect.poll(() => new URL(page.url()).searchParams.get('order')).toBe('published');
    await widget(page).locator('[data-rounds="10000"]').click();
    const published = Number(await widget(page).locator('[data-training-order="published"]').getAttribute('data-error'));
    const textbook = Number(await widget(page).locator('[data-training-order="textbook"]').getAttribute('data-error'));
    expect(published).toBeCloseTo(0.000035085, 9);
    expect(textbook).toBeCloseTo(0.0000351019, 10);
    expect(problems).toEqual([]);
  });

  it('fits a 360 px wide phone without sideways scrolling', async () => {
    const { page, problems } = await openLesson('', { width: 360, height: 740 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await widget(page).locator('[data-action="next"]').click();
    expect(await currentKey(page)).toBe('out_h1');
    expect(problems).toEqual([]);
  });
});

describe('without JavaScript', () => {
  it('the lesson still shows the complete worked trace', async () => {
    const noScript = await browser.newContext({ javaScriptEnabled: false });
    const page = await noScript.newPage();
    await page.goto(`${baseUrl}${LESSON}`);
    const rows = page.locator('[data-role="worked-trace"] tbody tr');
    expect(await rows.count()).toBeGreaterThanOrEqual(47);
    const w5Row = page.locator(`[data-role="worked-trace"] tr[data-step-key="w5'"]`);
    expect(await w5Row.textContent()).toContain('0.35891648');
    expect(await page.locator('[data-widget="backprop-222"] [data-step-key="net_h1"]').count()).toBe(1);
    await noScript.close();
  });
});
