import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
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
  await page.goto(`${baseUrl}/embed/decision-boundary/?${query}`);
  await page.waitForSelector('[data-widget="decision-boundary"][data-ready="true"]');
  return { page, problems };
}

const widget = (scope: Page | Locator) => scope.locator('[data-widget="decision-boundary"]');
const epoch = async (scope: Page | Locator) => Number(await widget(scope).locator('[data-epoch]').getAttribute('data-epoch'));
const points = (scope: Page | Locator) => widget(scope).locator('[data-role="boundary-plot"] .point').count();

describe('the decision-boundary embed page', () => {
  it('opens with the settings from the URL, controls hidden, and trains in a Web Worker', async () => {
    const { page, problems } = await open('data=circle&count=100&layers=none&quad=1&controls=0');
    expect(await points(page)).toBe(100);
    expect(await widget(page).locator('[data-role="no-hidden"]').count()).toBe(1);
    expect(await widget(page).locator('input').count()).toBe(0);
    expect(await page.locator('[data-role="share"]').count()).toBe(0);
    expect(await page.locator('header, nav.sidebar, .sl-container').count()).toBe(0);
    expect(await page.locator('[role="status"]').count()).toBe(0);
    expect(await epoch(page)).toBe(0);
    await widget(page).locator('[data-action="step"]').click();
    await expect.poll(() => epoch(page)).toBe(1);
    expect(await widget(page).getAttribute('data-worker')).toBe('true');
    expect(problems).toEqual([]);
  });

  it('shows a polite notice for unknown or malformed parameters and still works', async () => {
    const { page, problems } = await open('layers=banana&lr=-1&zoom=2&data=circle&controls=0');
    const notices = (await page.locator('[role="status"]').allTextContents()).join(' ');
    expect(notices).toContain('layers=banana');
    expect(notices).toContain('lr=-1');
    expect(notices).toContain('zoom=2');
    expect(await points(page)).toBe(200);
    await widget(page).locator('[data-action="step"]').click();
    await expect.poll(() => epoch(page)).toBe(1);
    expect(problems).toEqual([]);
  });

  it('with controls, offers the embed code for the current settings', async () => {
    const { page, problems } = await open('data=spirals');
    await widget(page).locator('input[name="count"]').fill('300');
    await page.locator('[data-role="share"] summary').click();
    await expect.poll(() => page.locator('[data-snippet="link"]').inputValue()).toBe(`${baseUrl}/embed/decision-boundary/?data=spirals&count=300`);
    expect(problems).toEqual([]);
  });

  it('answers postMessage commands: setState, next (one epoch), refused commands, status', async () => {
    const { page, problems } = await open('controls=0');
    const messages = await page.evaluate(async () => {
      type Seen = { type: string; event?: string; id?: number; ok?: boolean; query?: string; epoch?: number };
      const seen: Seen[] = [];
      window.addEventListener('message', (event) => {
        const data = event.data;
        if (data?.source !== 'nn-courseware' || !data.type) return;
        seen.push({ type: data.type, event: data.event, id: data.id, ok: data.ok, query: data.status?.query, epoch: data.status?.epoch });
      });
      const send = (message: object) => window.postMessage({ source: 'nn-courseware', ...message }, '*');
      const until = async (check: () => boolean) => {
        for (let i = 0; i < 100 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 50));
      };
      send({ command: 'setState', state: { data: 'spirals', count: '120' }, id: 1 });
      await until(() => seen.some((m) => m.id === 1));
      send({ command: 'next', id: 2 });
      await until(() => seen.some((m) => m.type === 'event' && m.epoch === 1));
      send({ command: 'prev', id: 3 });
      send({ command: 'setState', state: { lr: '-1' }, id: 4 });
      send({ command: 'status', id: 5 });
      await until(() => seen.some((m) => m.id === 5));
      return seen;
    });
    const result = (id: number) => messages.find((message) => message.type === 'result' && message.id === id);
    expect(result(1)).toMatchObject({ ok: true, query: 'data=spirals&count=120', epoch: 0 });
    expect(result(2)).toMatchObject({ ok: true });
    expect(result(3)).toMatchObject({ ok: false });
    expect(result(4)).toMatchObject({ ok: false, query: 'data=spirals&count=120' });
    expect(result(5)).toMatchObject({ ok: true, query: 'data=spirals&count=120', epoch: 1 });
    expect(messages.filter((message) => message.type === 'event').map((message) => `${message.event}:${message.query}:${message.epoch}`)).toEqual([
      'statechange:data=spirals&count=120:0',
      'statechange:data=spirals&count=120:1',
    ]);
    expect(await epoch(page)).toBe(1);
    expect(await points(page)).toBe(120);
    expect(problems).toEqual([]);
  });
});

describe('<nn-decision-boundary> from the custom-element bundle', () => {
  /** Adds the element to a page that has loaded /elements/nn-widgets.js. */
  async function addElement(page: Page) {
    await page.evaluate(() => {
      const element = document.createElement('nn-decision-boundary');
      element.setAttribute('data', 'circle');
      element.setAttribute('layers', 'none');
      element.setAttribute('quad', '1');
      element.setAttribute('lang', 'en');
      document.body.append(element);
    });
    const element = page.locator('nn-decision-boundary');
    await element.locator('[data-widget="decision-boundary"][data-ready="true"]').waitFor();
    await expect.poll(() => element.evaluate((e) => (e as unknown as { status(): { query: string } }).status().query)).toBe(
      'data=circle&layers=none&quad=1',
    );
    return element;
  }

  it('trains in the Web Worker emitted beside the bundle', async () => {
    const page = await browser.newPage();
    const problems = watchForErrors(page);
    await page.goto(`${baseUrl}/examples/custom-element.html`);
    const element = await addElement(page);
    expect(await element.evaluate((e) => (e as unknown as { next(): boolean }).next())).toBe(true);
    await expect.poll(() => epoch(element)).toBe(1);
    expect(await widget(element).getAttribute('data-worker')).toBe('true');
    const workers = page.workers().map((worker) => worker.url());
    expect(workers.some((url) => new RegExp(`^${baseUrl}/elements/assets/training\\.worker-[\\w-]+\\.js$`).test(url))).toBe(true);
    expect(problems).toEqual([]);
  });

  it('still trains in a worker on a page of another origin that loads the bundle with CORS', async () => {
    const page = await browser.newPage();
    const problems = watchForErrors(page);
    await page.route('https://lms.example/**', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html><head><script type="module" src="${baseUrl}/elements/nn-widgets.js"></script></head><body></body></html>`,
      }),
    );
    await page.route(`${baseUrl}/elements/**`, async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), 'access-control-allow-origin': '*' } });
    });
    await page.goto('https://lms.example/course/page.html');
    const element = await addElement(page);
    await element.evaluate((e) => (e as unknown as { next(): boolean }).next());
    await expect.poll(() => epoch(element)).toBe(1);
    expect(await widget(element).getAttribute('data-worker')).toBe('true');
    // The page's own one-line loader, which imports the worker file from the bundle's origin.
    expect(page.workers().map((worker) => worker.url())).toEqual([expect.stringMatching(/^blob:https:\/\/lms\.example\//)]);
    expect(problems).toEqual([]);
  });
});
