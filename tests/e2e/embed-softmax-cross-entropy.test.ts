import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { embedHarness } from './embed-harness';

const NAME = 'softmax-cross-entropy';
const { open, exchange, widget, baseUrl } = embedHarness(NAME);
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
