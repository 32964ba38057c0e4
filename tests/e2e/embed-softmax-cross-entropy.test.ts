import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, watchForErrors } from './browser';

const NAME = 'softmax-cross-entropy';
const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function open(query: string) {
  const page = await browser.newPage();
  const problems = watchForErrors(page);
  await page.goto(`${baseUrl}/embed/${NAME}/${query}`);
  await page.waitForSelector(`[data-widget="${NAME}"][data-ready="true"]`);
  return { page, problems };
}

/** Posts commands to the embed window as a parent page would and collects the bridge's messages. */
function exchange(page: Page, commands: object[]) {
  return page.evaluate(async (list) => {
    const seen: { type: string; event?: string; id?: unknown; ok?: boolean; query?: string }[] = [];
    window.addEventListener('message', (event) => {
      const data = event.data;
      if (data?.source === 'nn-courseware' && data.type) seen.push({ type: data.type, event: data.event, id: data.id, ok: data.ok, query: data.status?.query });
    });
    for (const command of list) {
      window.postMessage({ source: 'nn-courseware', ...command }, '*');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return seen;
  }, commands);
}

const widget = (page: Page) => page.locator(`[data-widget="${NAME}"]`);
const target = async (page: Page) => Number(await widget(page).locator('[data-role="loss"]').getAttribute('data-target'));
const bars = (page: Page) => widget(page).locator('[data-bar]').count();

describe('the softmax / cross-entropy embed page', () => {
  it('opens the linked state without site chrome, with the controls hidden', async () => {
    const { page, problems } = await open('?z=1,2,3&t=2&controls=0');
    expect(await bars(page)).toBe(3);
    expect(await target(page)).toBe(2);
    expect(Number(await widget(page).locator('[data-role="loss"]').getAttribute('data-loss'))).toBeCloseTo(0.40760596444, 10);
    expect(await widget(page).locator('input[name="z0"], [data-action="preset"]').count()).toBe(0);
    expect(await widget(page).locator('[data-role="share"]').count()).toBe(0);
    expect(await page.locator('header, nav.sidebar, .sl-container').count()).toBe(0);
    expect(await page.locator('[role="status"]').count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('shows a polite notice for unknown or malformed parameters and still works', async () => {
    const { page, problems } = await open('?z=1,abc&t=x&zoom=9&controls=0');
    const notices = (await page.locator('[role="status"]').allTextContents()).join(' ');
    for (const entry of ['z=1,abc', 't=x', 'zoom=9']) expect(notices).toContain(entry);
    expect(await bars(page)).toBe(3);
    expect(await target(page)).toBe(0);
    await widget(page).locator('[data-bar="1"]').click();
    expect(await target(page)).toBe(1);
    expect(problems).toEqual([]);
  });

  it('answers postMessage commands and reports the state change to the parent page', async () => {
    const { page, problems } = await open('?controls=0');
    const seen = await exchange(page, [
      { command: 'setState', state: { preset: '002' }, id: 'a' },
      { command: 'setState', state: { t: '11' }, id: 'b' },
      { command: 'goto', step: 2, id: 'c' },
    ]);
    expect(seen).toContainEqual({ type: 'event', event: 'statechange', id: undefined, ok: undefined, query: 'preset=002' });
    const results = seen.filter((message) => message.type === 'result').map(({ id, ok }) => `${id}:${ok}`);
    expect(results).toEqual(['a:true', 'b:false', 'c:false']);
    expect(await bars(page)).toBe(10);
    expect(await target(page)).toBe(6);
    await exchange(page, [{ command: 'reset' }]);
    expect(await bars(page)).toBe(3);
    expect(problems).toEqual([]);
  });

  it('offers the embed code for the current state when the controls are shown', async () => {
    const { page, problems } = await open('?z=1,2&t=1');
    const link = widget(page).locator('[data-role="share"] [data-snippet="link"]');
    expect(await link.inputValue()).toBe(`${baseUrl}/embed/${NAME}/?z=1%2C2&t=1`);
    expect(problems).toEqual([]);
  });
});
