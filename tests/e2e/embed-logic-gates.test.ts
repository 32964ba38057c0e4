import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, watchForErrors } from './browser';

const NAME = 'logic-gates';
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
const produced = (page: Page) =>
  widget(page).locator('[data-role="truth-table"] tbody tr').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-produced')));

describe('the logic-gates embed page', () => {
  it('opens the linked state without site chrome, with the controls hidden', async () => {
    const { page, problems } = await open('?preset=nor&t0=1&controls=0');
    expect(await widget(page).getAttribute('data-preset')).toBe('nor');
    expect(await produced(page)).toEqual(['1', '0', '0', '0']);
    expect(await widget(page).locator('button[data-preset], input[name="t0"]').count()).toBe(0);
    expect(await widget(page).locator('[data-role="share"]').count()).toBe(0);
    expect(await page.locator('header, nav.sidebar, .sl-container').count()).toBe(0);
    expect(await page.locator('[role="status"]').count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('shows a polite notice for unknown or malformed parameters and still works', async () => {
    const { page, problems } = await open('?preset=nand&t1=abc&zoom=9');
    const notices = (await page.locator('[role="status"]').allTextContents()).join(' ');
    for (const entry of ['preset=nand', 't1=abc', 'zoom=9']) expect(notices).toContain(entry);
    expect(await widget(page).getAttribute('data-preset')).toBe('and');
    await widget(page).locator('button[data-preset="or"]').click();
    expect(await widget(page).getAttribute('data-preset')).toBe('or');
    expect(await produced(page)).toEqual(['0', '1', '1', '1']);
    expect(problems).toEqual([]);
  });

  it('answers postMessage commands and reports the state change to the parent page', async () => {
    const { page, problems } = await open('?controls=0');
    const seen = await exchange(page, [
      { command: 'setState', state: { preset: 'xnor', mode: 'thresholded' }, id: 'a' },
      { command: 'setState', state: { mode: 'fuzzy' }, id: 'b' },
      { command: 'prev', id: 'c' },
    ]);
    expect(seen).toContainEqual({ type: 'event', event: 'statechange', id: undefined, ok: undefined, query: 'preset=xnor&mode=thresholded' });
    const results = seen.filter((message) => message.type === 'result').map(({ id, ok }) => `${id}:${ok}`);
    expect(results).toEqual(['a:true', 'b:false', 'c:false']);
    expect(await widget(page).getAttribute('data-view')).toBe('xnor');
    expect(await widget(page).locator('[data-role="xnor-table"]').getAttribute('data-mode')).toBe('thresholded');
    await exchange(page, [{ command: 'reset' }]);
    expect(await widget(page).getAttribute('data-preset')).toBe('and');
    expect(problems).toEqual([]);
  });

  it('offers the embed code for the current state when the controls are shown', async () => {
    const { page, problems } = await open('?preset=perceptron');
    const link = widget(page).locator('[data-role="share"] [data-snippet="link"]');
    expect(await link.inputValue()).toBe(`${baseUrl}/embed/${NAME}/?preset=perceptron`);
    expect(problems).toEqual([]);
  });
});
