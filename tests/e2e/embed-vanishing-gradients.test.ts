import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { vanishingGradients } from '../../src/engine/vanishing-gradients';
import { launchBrowser, watchForErrors } from './browser';

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
  await page.goto(`${baseUrl}/embed/vanishing-gradients/?${query}`);
  await page.waitForSelector('[data-widget="vanishing-gradients"][data-ready="true"]');
  return { page, problems };
}

const widget = (page: Page) => page.locator('[data-widget="vanishing-gradients"]');
const bars = (page: Page) => widget(page).locator('g[data-layer]').count();

describe('the vanishing-gradients embed page', () => {
  it('opens with the settings from the URL, controls hidden, without site chrome', async () => {
    const { page, problems } = await open('depth=20&width=64&act=relu&scale=0.1768&controls=0');
    expect(await bars(page)).toBe(21);
    const expected = vanishingGradients({ depth: 20, width: 64, activation: 'relu', weightScale: 0.1768, seed: 1 });
    if ('errors' in expected) throw new Error('refused');
    expect(await widget(page).getAttribute('data-classification')).toBe(expected.classification);
    expect(expected.classification).not.toBe('vanishing');
    expect(await widget(page).locator('input').count()).toBe(0);
    expect(await page.locator('[data-role="share"]').count()).toBe(0);
    expect(await page.locator('header, nav.sidebar, .sl-container').count()).toBe(0);
    expect(await page.locator('[role="status"]').count()).toBe(0);
    expect(await page.locator('.credit a').getAttribute('href')).toBe('/deep/vanishing-gradients/');
    expect(problems).toEqual([]);
  });

  it('shows a polite notice for unknown or malformed parameters and still works', async () => {
    const { page, problems } = await open('depth=abc&act=tanh&zoom=2&controls=0');
    const notices = (await page.locator('[role="status"]').allTextContents()).join(' ');
    expect(notices).toContain('depth=abc');
    expect(notices).toContain('zoom=2');
    expect(await bars(page)).toBe(11);
    expect(await widget(page).locator('[data-role="verdict"]').textContent()).not.toContain('梯度消失');
    expect(problems).toEqual([]);
  });

  it('with controls, offers the embed code for the current settings', async () => {
    const { page, problems } = await open('act=tanh&depth=12');
    await widget(page).locator('input[name="depth"]').fill('15');
    await expect.poll(() => bars(page)).toBe(16);
    await page.locator('[data-role="share"] summary').click();
    const iframe = await page.locator('[data-snippet="iframe"]').inputValue();
    expect(iframe).toContain(`src="${baseUrl}/embed/vanishing-gradients/?depth=15&act=tanh"`);
    expect(problems).toEqual([]);
  });

  it('answers postMessage commands and reports state changes to the parent page', async () => {
    const { page, problems } = await open('controls=0');
    const messages = await page.evaluate(async () => {
      const seen: { type: string; event?: string; ok?: boolean; query?: string }[] = [];
      window.addEventListener('message', (event) => {
        const data = event.data;
        if (data?.source === 'nn-courseware' && data.type) seen.push({ type: data.type, event: data.event, ok: data.ok, query: data.status?.query });
      });
      const send = (message: object) => window.postMessage({ source: 'nn-courseware', ...message }, '*');
      const pause = () => new Promise((resolve) => setTimeout(resolve, 100));
      send({ command: 'setState', state: { depth: '6', act: 'relu' } });
      await pause();
      send({ command: 'setState', state: { depth: '99' } });
      await pause();
      send({ command: 'next' });
      await pause();
      send({ command: 'status', id: 7 });
      await pause();
      return seen;
    });
    const results = messages.filter((message) => message.type === 'result');
    expect(results.map((message) => message.ok)).toEqual([true, false, false, true]);
    expect(results.every((message) => message.query === 'depth=6&act=relu')).toBe(true);
    expect(messages.filter((message) => message.type === 'event')).toEqual([
      { type: 'event', event: 'statechange', ok: undefined, query: 'depth=6&act=relu' },
    ]);
    expect(await bars(page)).toBe(7);
    expect(problems).toEqual([]);
  });
});
