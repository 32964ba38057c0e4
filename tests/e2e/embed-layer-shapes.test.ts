import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { embedHarness } from './embed-harness';

const NAME = 'layer-shapes';
const { open, exchange, widget, baseUrl } = embedHarness(NAME);
const tables = (page: Page) => widget(page).locator('[data-role="shape-table"]').count();

describe('the layer-shapes embed page', () => {
  it('opens the linked state without site chrome, with the controls hidden', async () => {
    const { page, problems } = await open('?m=7&sizes=2-3-4&all=1&controls=0');
    expect(await widget(page).getAttribute('data-sizes')).toBe('2-3-4');
    expect(await widget(page).getAttribute('data-m')).toBe('7');
    expect(await tables(page)).toBe(4);
    const w1 = widget(page).locator('[data-role="shape-table"][data-convention="columns"] tr[data-name="W^{[1]}"]');
    expect(await w1.getAttribute('data-shape')).toBe('3,2');
    expect(await widget(page).locator('input[name="m"], input[data-option="all-layouts"]').count()).toBe(0);
    expect(await widget(page).locator('[data-role="share"]').count()).toBe(0);
    expect(await page.locator('header, nav.sidebar, .sl-container').count()).toBe(0);
    expect(await page.locator('[role="status"]').count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('shows a polite notice for unknown or malformed parameters and still works', async () => {
    const { page, problems } = await open('?m=0&sizes=3-x&zoom=9');
    const notices = (await page.locator('[role="status"]').allTextContents()).join(' ');
    for (const entry of ['m=0', 'sizes=3-x', 'zoom=9']) expect(notices).toContain(entry);
    expect(await widget(page).getAttribute('data-sizes')).toBe('3-4-1');
    await widget(page).locator('button[data-preset="003"]').click();
    expect(await widget(page).getAttribute('data-sizes')).toBe('3-3-1');
    expect(problems).toEqual([]);
  });

  it('answers postMessage commands and reports the state change to the parent page', async () => {
    const { page, problems } = await open('?controls=0');
    const seen = await exchange(page, [
      { command: 'setState', state: { m: '100', sizes: '784-30-10' }, id: 'a' },
      { command: 'setState', state: { m: '-1' }, id: 'b' },
      { command: 'first', id: 'c' },
    ]);
    expect(seen).toContainEqual({ type: 'event', event: 'statechange', id: undefined, ok: undefined, query: 'm=100&sizes=784-30-10' });
    const results = seen.filter((message) => message.type === 'result').map(({ id, ok }) => `${id}:${ok}`);
    expect(results).toEqual(['a:true', 'b:false', 'c:false']);
    expect(await widget(page).getAttribute('data-sizes')).toBe('784-30-10');
    expect(await widget(page).getAttribute('data-m')).toBe('100');
    await exchange(page, [{ command: 'reset' }]);
    expect(await widget(page).getAttribute('data-sizes')).toBe('3-4-1');
    expect(problems).toEqual([]);
  });

  it('offers the embed code for the current state when the controls are shown', async () => {
    const { page, problems } = await open('?sizes=3-3-1&all=1');
    const link = widget(page).locator('[data-role="share"] [data-snippet="link"]');
    expect(await link.inputValue()).toBe(`${baseUrl}/embed/${NAME}/?sizes=3-3-1&all=1`);
    expect(problems).toEqual([]);
  });
});
