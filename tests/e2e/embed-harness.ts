/**
 * What every embed-page browser test needs: a browser for the file, a way to open
 * /embed/<name>/?query and wait for the widget, and a way to talk to it as a parent page would.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { launchBrowser, watchForErrors } from './browser';

export interface BridgeReply {
  type: string;
  event?: string;
  id?: unknown;
  ok?: boolean;
  query?: string;
}

/** Posts commands to the embed window as a parent page would and collects the bridge's messages. */
export function exchange(page: Page, commands: object[]): Promise<BridgeReply[]> {
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

/** Registers the browser's lifecycle for the calling test file and returns helpers bound to one widget. */
export function embedHarness(name: string) {
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
    await page.goto(`${baseUrl}/embed/${name}/${query}`);
    await page.waitForSelector(`[data-widget="${name}"][data-ready="true"]`);
    return { page, problems };
  }

  const widget = (page: Page) => page.locator(`[data-widget="${name}"]`);
  return { open, exchange, widget, baseUrl };
}
