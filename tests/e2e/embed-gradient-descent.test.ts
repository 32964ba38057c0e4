import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { descend1d, type CurveId } from '../../src/engine/gradient-descent';
import { launchBrowser, watchForErrors } from './browser';

const baseUrl = inject('baseUrl');
/** The widget's plot-sized divergence bound (settings.ts VIEW_BOUND). */
const BOUND = 100;
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

function curve(w0: number, alpha: number, steps: number, id: CurveId = 'parabola') {
  const run = descend1d(id, w0, alpha, steps, { bound: BOUND });
  if (!run.ok) throw new Error('invalid run');
  return run;
}

async function open(query: string) {
  const page = await browser.newPage();
  const problems = watchForErrors(page);
  await page.goto(`${baseUrl}/embed/gradient-descent/?${query}`);
  await page.waitForSelector('[data-widget="gradient-descent"][data-ready="true"]');
  return { page, problems };
}

const widget = (page: Page) => page.locator('[data-widget="gradient-descent"]');
const read = async (page: Page, name: string) => Number(await widget(page).locator('[data-role="readout"]').getAttribute(`data-${name}`));
const outcome = (page: Page) => widget(page).locator('[data-role="outcome"]').getAttribute('data-outcome');

describe('the gradient-descent embed page', () => {
  it('opens with the settings and steps from its address, without site chrome or controls', async () => {
    const { page, problems } = await open('curve=quartic&alpha=0.5&w0=1.5&steps=4&controls=0');
    const run = curve(1.5, 0.5, 4, 'quartic');
    expect(await read(page, 'steps')).toBe(4);
    expect(await read(page, 'w')).toBe(run.records[4].w);
    expect(await outcome(page)).toBe(run.outcome);
    expect(await page.locator('input[name="alpha"]').count()).toBe(0);
    expect(await page.locator('[data-role="share"]').count()).toBe(0);
    expect(await widget(page).locator('[data-action="step"]').count()).toBe(1);
    expect(await page.locator('header, nav.sidebar, .sl-container').count()).toBe(0);
    expect(await page.locator('[data-role="embed-notice"], [data-role="url-notice"]').count()).toBe(0);
    expect(await page.locator('.credit a').getAttribute('href')).toBe('/gradients/gradient-descent/');
    expect(problems).toEqual([]);
  });

  it('shows the embed code panel with the surface view named when controls are on', async () => {
    const { page, problems } = await open('view=surface&steps=3');
    await page.locator('[data-role="share"] summary').click();
    const link = await page.locator('[data-snippet="link"]').inputValue();
    expect(link).toBe(`${new URL(baseUrl).origin}/embed/gradient-descent/?view=surface&steps=3`);
    expect(problems).toEqual([]);
  });

  it('shows a polite notice for unknown or malformed parameters and still works', async () => {
    const { page, problems } = await open('alpha=abc&zoom=9&steps=2&controls=0');
    const notices = (await page.locator('[role="status"]').allTextContents()).join(' ');
    expect(notices).toContain('alpha=abc');
    expect(notices).toContain('zoom=9');
    expect(await read(page, 'steps')).toBe(2);
    await widget(page).locator('[data-action="step"]').click();
    expect(await read(page, 'steps')).toBe(3);
    expect(await read(page, 'w')).toBe(curve(0, 0.1, 3).records[3].w);
    expect(problems).toEqual([]);
  });

  it('answers postMessage commands: next is one descent step, and state changes come back as events', async () => {
    const { page, problems } = await open('controls=0');
    const { events, results } = await page.evaluate(async () => {
      const events: string[] = [];
      const results: string[] = [];
      window.addEventListener('message', (event) => {
        const data = event.data;
        if (data?.source !== 'nn-courseware') return;
        if (data.type === 'event') events.push(`${data.event}:${data.status.step}:${data.status.outcome}`);
        if (data.type === 'result') results.push(`${data.id}:${data.ok}:${data.status.step}:${data.status.query}`);
      });
      const send = async (message: object) => {
        window.postMessage({ source: 'nn-courseware', ...message }, '*');
        await new Promise((resolve) => setTimeout(resolve, 100));
      };
      await send({ id: 1, command: 'next' });
      await send({ id: 2, command: 'next' });
      await send({ id: 3, command: 'prev' });
      await send({ id: 4, command: 'last' });
      await send({ id: 5, command: 'setState', state: { alpha: '1.5', steps: '30' } });
      await send({ id: 6, command: 'next' });
      await send({ id: 7, command: 'setState', state: { alpha: 'fast' } });
      return { events, results };
    });
    const diverged = curve(0, 1.5, 30);
    const taken = diverged.records.length - 1;
    expect(diverged.outcome).toBe('diverged');
    expect(events).toEqual(['statechange:1:descending', 'statechange:2:descending', 'statechange:1:descending', `statechange:${taken}:diverged`]);
    expect(results).toEqual([
      '1:true:1:steps=1',
      '2:true:2:steps=2',
      '3:true:1:steps=1',
      '4:false:1:steps=1',
      `5:true:${taken}:alpha=1.5&steps=30`,
      `6:false:${taken}:alpha=1.5&steps=30`,
      `7:false:${taken}:alpha=1.5&steps=30`,
    ]);
    expect(await outcome(page)).toBe('diverged');
    expect(await read(page, 'steps')).toBe(taken);
    expect(await widget(page).textContent()).not.toMatch(/NaN|Infinity/);
    expect(problems).toEqual([]);
  });
});
