import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { embedHarness } from './embed-harness';

const NAME = 'logic-gates';
const { open, exchange, widget, baseUrl } = embedHarness(NAME);
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
