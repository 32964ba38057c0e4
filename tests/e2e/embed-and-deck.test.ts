import type { Browser, Frame, Page } from 'playwright-core';
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

async function open(path: string) {
  const page = await browser.newPage();
  const problems = watchForErrors(page);
  await page.goto(`${baseUrl}${path}`);
  return { page, problems };
}

const stepKey = (scope: Page | Frame) => scope.locator('[data-widget] [data-step-key]').getAttribute('data-step-key');

describe('embed pages', () => {
  it('open at the requested step and state, without site chrome, with controls hidden', async () => {
    const { page, problems } = await open("/embed/backprop-222/?step=dnet_o1/dout_h1&order=published&controls=0");
    await page.waitForSelector('[data-widget="backprop-222"][data-ready="true"]');
    expect(await stepKey(page)).toBe('dnet_o1/dout_h1');
    const value = Number(await page.locator('[data-step-key]').getAttribute('data-step-value'));
    expect(value).toBeCloseTo(0.35891648, 8);
    expect(await page.locator('input[name="w1"]').count()).toBe(0);
    expect(await page.locator('header, nav.sidebar, .sl-container').count()).toBe(0);
    expect(await page.locator('[data-role="embed-notice"]').count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('shows a polite notice for unknown or malformed parameters and still works', async () => {
    const { page, problems } = await open('/embed/backprop-222/?step=3&zoom=9&controls=maybe&w2=abc');
    await page.waitForSelector('[data-widget="backprop-222"][data-ready="true"]');
    const notices = await page.locator('[role="status"]').allTextContents();
    expect(notices.join(' ')).toContain('zoom=9');
    expect(notices.join(' ')).toContain('controls=maybe');
    expect(notices.join(' ')).toContain('w2=abc');
    expect(await stepKey(page)).toBe('net_h2');
    await page.locator('[data-action="next"]').click();
    expect(await stepKey(page)).toBe('out_h2');
    expect(problems).toEqual([]);
  });

  it('answers postMessage commands and reports step events to the parent page', async () => {
    const { page, problems } = await open('/embed/backprop-222/?step=50');
    await page.waitForSelector('[data-widget="backprop-222"][data-ready="true"]');
    const events = await page.evaluate(async () => {
      const seen: string[] = [];
      window.addEventListener('message', (event) => {
        const data = event.data;
        if (data?.source === 'nn-courseware' && data.type === 'event') seen.push(`${data.event}:${data.status.step}`);
      });
      const send = (message: object) => window.postMessage({ source: 'nn-courseware', ...message }, '*');
      send({ command: 'next' });
      await new Promise((resolve) => setTimeout(resolve, 100));
      send({ command: 'goto', step: "w5'" });
      await new Promise((resolve) => setTimeout(resolve, 100));
      send({ command: 'first' });
      await new Promise((resolve) => setTimeout(resolve, 100));
      return seen;
    });
    expect(events).toEqual(['stepchange:51', 'end:51', 'stepchange:17', 'stepchange:1', 'start:1']);
    expect(await stepKey(page)).toBe('net_h1');
    expect(problems).toEqual([]);
  });
});

describe('the reveal.js example deck', () => {
  it('steps the widget with → until its last step, then moves to the next slide', async () => {
    const { page, problems } = await open('/decks/demo/#/3');
    const frame = (await (await page.waitForSelector('section[data-slide="widget-3"] iframe')).contentFrame())!;
    await frame.waitForSelector('[data-widget="backprop-222"][data-ready="true"]');
    await page.waitForFunction(() => (window as unknown as { deck?: { isReady(): boolean } }).deck?.isReady());
    const slide = () => page.evaluate(() => (window as unknown as { deck: { getIndices(): { h: number } } }).deck.getIndices().h);
    expect(await slide()).toBe(3);
    expect(await stepKey(frame)).toBe('out_o1_after_N');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => stepKey(frame)).toBe('out_o2_after_N');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => stepKey(frame)).toBe('E_total_after_N');
    expect(await slide()).toBe(3);
    await page.keyboard.press('ArrowRight');
    await expect.poll(slide).toBe(4);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(slide).toBe(3);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => stepKey(frame)).toBe('out_o2_after_N');
    expect(await slide()).toBe(3);
    expect(problems).toEqual([]);
  });
});

describe('custom elements on a plain HTML page', () => {
  it('render in a shadow root with KaTeX styles, take attributes and report events', async () => {
    const { page, problems } = await open('/examples/custom-element.html');
    const stepper = page.locator('nn-backprop-stepper');
    await stepper.locator('[data-widget="backprop-222"][data-ready="true"]').waitFor();
    await expect.poll(() => stepper.locator('[data-step-key]').getAttribute('data-step-key')).toBe("w5'");
    expect(await stepper.locator('input[name="w1"]').count()).toBe(0);
    const shadow = await stepper.evaluate((element) => ({
      hasShadow: element.shadowRoot !== null,
      katexStyled: [...element.shadowRoot!.querySelectorAll('style')].some((style) => style.textContent!.includes('.katex')),
      katexNodes: element.shadowRoot!.querySelectorAll('.katex').length,
      fontFaces: document.getElementById('nn-katex-fonts')?.textContent?.includes('woff2') ?? false,
      pageStylesLeakIn: getComputedStyle(element.shadowRoot!.querySelector('[data-widget]')!).fontFamily.includes('system-ui'),
    }));
    expect(shadow).toMatchObject({ hasShadow: true, katexStyled: true, fontFaces: true });
    expect(shadow.katexNodes).toBeGreaterThan(0);
    await page.locator('#forward').click();
    await expect.poll(() => stepper.locator('[data-step-key]').getAttribute('data-step-key')).toBe('dE_total/dw6');
    expect(await page.locator('#log').textContent()).toContain('nn-stepchange step 18 of 51: dE_total/dw6');
    expect(await stepper.evaluate((element) => (element as unknown as { status(): { step: number } }).status().step)).toBe(18);
    await stepper.evaluate((element) => (element as unknown as { goto(step: string): boolean }).goto('E_total_after_N'));
    expect(await page.locator('#log').textContent()).toContain('nn-end step 51 of 51');
    expect(problems).toEqual([]);
  });
});

describe('the example deck’s computation-graph slide', () => {
  it('steps the graph with → until its last step, then moves to the next slide', async () => {
    const { page, problems } = await open('/decks/demo/#/1');
    const frame = (await (await page.waitForSelector('section[data-slide="widget-1"] iframe')).contentFrame())!;
    await frame.waitForSelector('[data-widget="computation-graph"][data-ready="true"]');
    await page.waitForFunction(() => (window as unknown as { deck?: { isReady(): boolean } }).deck?.isReady());
    const slide = () => page.evaluate(() => (window as unknown as { deck: { getIndices(): { h: number } } }).deck.getIndices().h);
    /** "第 k 步 / 共 n 步" as [k, n]. */
    const position = async () => {
      const text = await frame.locator('[data-widget="computation-graph"] [data-role="position"]').textContent();
      return (/(\d+)\D+(\d+)/.exec(text ?? '') ?? []).slice(1, 3).map(Number);
    };
    expect(await slide()).toBe(1);
    expect(await stepKey(frame)).toBe('a');
    const [first, count] = await position();
    expect(first).toBe(1);
    expect(count).toBe(33);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => stepKey(frame)).toBe('b');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => stepKey(frame)).toBe('a');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(slide).toBe(0);
    await page.keyboard.press('ArrowRight');
    await expect.poll(slide).toBe(1);
    expect(await stepKey(frame)).toBe('a');
    for (let step = 2; step <= count; step++) {
      await page.keyboard.press('ArrowRight');
      await expect.poll(async () => (await position())[0]).toBe(step);
      expect(await slide()).toBe(1);
    }
    expect(await stepKey(frame)).toBe('forward-mode:de/db');
    await page.keyboard.press('ArrowRight');
    await expect.poll(slide).toBe(2);
    expect(await stepKey(frame)).toBe('forward-mode:de/db');
    expect(problems).toEqual([]);
  });
});

describe('every widget as a custom element', () => {
  it('each tag renders its widget in a shadow root', async () => {
    const { page, problems } = await open('/examples/all-elements.html');
    const tags = await page.evaluate(() => [...document.querySelectorAll('body *')].map((e) => e.localName).filter((n) => n.startsWith('nn-')));
    expect(tags).toHaveLength(9);
    for (const tag of tags) {
      await page.locator(`${tag} [data-widget][data-ready="true"]`).waitFor({ timeout: 20_000 });
      const hasShadow = await page.locator(tag).evaluate((element) => element.shadowRoot !== null);
      expect(hasShadow, tag).toBe(true);
    }
    expect(await page.locator('nn-activation-functions [data-widget]').getAttribute('data-widget')).toBe('activation-functions');
    expect(problems).toEqual([]);
  });
});
