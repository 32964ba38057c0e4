import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { embedHarness } from './embed-harness';

const NAME = 'activation-functions';
const { open, exchange, widget, baseUrl } = embedHarness(NAME);
const activation = (page: Page) => widget(page).getAttribute('data-activation');
const readoutZ = async (page: Page) => Number(await widget(page).locator('[data-role="readout"]').getAttribute('data-z'));

describe('the activation explorer embed page', () => {
  it('opens the linked state without site chrome, with the controls hidden', async () => {
    const { page, problems } = await open('?fn=leakyRelu&alpha=0.1&z=-2&controls=0');
    expect(await activation(page)).toBe('leakyRelu');
    expect(await readoutZ(page)).toBe(-2);
    expect(Number(await widget(page).locator('[data-role="readout"]').getAttribute('data-f'))).toBeCloseTo(-0.2, 12);
    expect(await widget(page).locator('input[name="alpha"]').count()).toBe(0);
    expect(await widget(page).locator('[data-role="share"]').count()).toBe(0);
    expect(await page.locator('header, nav.sidebar, .sl-container').count()).toBe(0);
    expect(await page.locator('[role="status"]').count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('shows a polite notice for unknown or malformed parameters and still works', async () => {
    const { page, problems } = await open('?fn=bogus&z=abc&zoom=9&controls=maybe');
    const notices = (await page.locator('[role="status"]').allTextContents()).join(' ');
    for (const entry of ['fn=bogus', 'z=abc', 'zoom=9', 'controls=maybe']) expect(notices).toContain(entry);
    expect(await activation(page)).toBe('sigmoid');
    await widget(page).locator('label:has(input[data-activation="tanh"])').click();
    expect(await activation(page)).toBe('tanh');
    expect(problems).toEqual([]);
  });

  it('answers postMessage commands and reports the state change to the parent page', async () => {
    const { page, problems } = await open('?controls=0');
    const seen = await exchange(page, [
      { command: 'setState', state: { fn: 'relu', z: '1.5' }, id: 1 },
      { command: 'setState', state: { z: 'abc' }, id: 2 },
      { command: 'next', id: 3 },
      { command: 'status', id: 4 },
    ]);
    expect(seen).toContainEqual({ type: 'event', event: 'statechange', id: undefined, ok: undefined, query: 'fn=relu&z=1.5' });
    const results = seen.filter((message) => message.type === 'result').map(({ id, ok, query }) => ({ id, ok, query }));
    expect(results).toEqual([
      { id: 1, ok: true, query: 'fn=relu&z=1.5' },
      { id: 2, ok: false, query: 'fn=relu&z=1.5' },
      { id: 3, ok: false, query: 'fn=relu&z=1.5' },
      { id: 4, ok: true, query: 'fn=relu&z=1.5' },
    ]);
    expect(await activation(page)).toBe('relu');
    expect(await readoutZ(page)).toBe(1.5);
    await exchange(page, [{ command: 'reset' }]);
    expect(await activation(page)).toBe('sigmoid');
    expect(problems).toEqual([]);
  });

  it('offers the embed code for the current state when the controls are shown', async () => {
    const { page, problems } = await open('?fn=relu');
    const link = widget(page).locator('[data-role="share"] [data-snippet="link"]');
    expect(await link.inputValue()).toBe(`${baseUrl}/embed/${NAME}/?fn=relu`);
    expect(problems).toEqual([]);
  });
});
