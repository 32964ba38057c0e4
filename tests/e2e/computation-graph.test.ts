import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  buildPreset, edgeVisitCounts, forwardModeSteps, forwardSteps, reverseModeSteps, type PresetId,
} from '../../src/engine/computation-graph';
import { launchBrowser, watchForErrors } from './browser';

const LESSON = '/gradients/computation-graphs/';
const baseUrl = inject('baseUrl');

function engineSteps(presetId: PresetId) {
  const result = buildPreset(presetId);
  if (!result.ok) throw new Error(`${presetId} does not build`);
  return {
    graph: result.graph,
    steps: [...forwardSteps(result.graph), ...reverseModeSteps(result.graph), ...forwardModeSteps(result.graph)],
  };
}
const valueOf = (presetId: PresetId, key: string) => engineSteps(presetId).steps.find((step) => step.key === key)!.value;

let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext();
});
afterAll(async () => {
  await browser?.close();
});

async function openLesson(query = '', on: BrowserContext = context, viewport?: { width: number; height: number }) {
  const page = await on.newPage();
  if (viewport) await page.setViewportSize(viewport);
  const problems = watchForErrors(page);
  await page.goto(`${baseUrl}${LESSON}${query}`);
  await page.waitForSelector('[data-widget="computation-graph"][data-ready="true"]');
  return { page, problems };
}

const widget = (page: Page) => page.locator('[data-widget="computation-graph"]');
const current = (page: Page) => widget(page).locator('[data-step-key]');
const currentKey = (page: Page) => current(page).getAttribute('data-step-key');
const currentValue = async (page: Page) => Number(await current(page).getAttribute('data-step-value'));

async function stepUntil(page: Page, key: string, press: () => Promise<void>) {
  for (let guard = 0; guard < 120 && (await currentKey(page)) !== key; guard++) await press();
  expect(await currentKey(page)).toBe(key);
}

describe('the computation-graph stepper on its lesson page', () => {
  it('steps forward by mouse and keyboard, then stacks ∂e/∂b = 5 in the reverse pass', async () => {
    const { page, problems } = await openLesson();
    expect(await currentKey(page)).toBe('a');
    await widget(page).locator('[data-action="next"]').click();
    await widget(page).locator('[data-action="next"]').click();
    expect(await currentKey(page)).toBe('c');
    expect(await currentValue(page)).toBe(valueOf('e=(a+b)(b+1)', 'c'));
    await widget(page).focus();
    await stepUntil(page, 'reverse:de/db', () => page.keyboard.press('ArrowRight'));
    expect(await currentValue(page)).toBe(5);
    expect(await currentValue(page)).toBe(valueOf('e=(a+b)(b+1)', 'reverse:de/db'));
    expect(await widget(page).locator('[data-node="b"] [data-node-tag]').textContent()).toBe('5');
    expect(await page.locator('[data-role="announcer"]').textContent()).toContain('reverse:de/db');
    const index = engineSteps('e=(a+b)(b+1)').steps.findIndex((step) => step.key === 'reverse:de/db');
    await expect.poll(() => new URL(page.url()).searchParams.get('step')).toBe(String(index + 1));
    await page.keyboard.press('ArrowLeft');
    expect(await currentKey(page)).toBe('reverse:de/da');
    await page.keyboard.press('Home');
    expect(await currentKey(page)).toBe('a');
    await page.keyboard.press('End');
    expect(await currentKey(page)).toBe('forward-mode:de/db');
    expect(problems).toEqual([]);
  });

  it('jumps to phases and shows the edge-visit counts of both modes', async () => {
    const { page, problems } = await openLesson();
    const { graph } = engineSteps('e=(a+b)(b+1)');
    const counts = edgeVisitCounts(graph);
    await widget(page).locator('select[data-action="phase"]').selectOption('forward-mode:b');
    expect(await currentKey(page)).toBe('forward-mode:db/db');
    const table = widget(page).locator('[data-role="visit-counts"]');
    expect(Number(await table.getAttribute('data-forward-mode'))).toBe(counts.forwardMode);
    expect(Number(await table.getAttribute('data-reverse-mode'))).toBe(counts.reverseMode);
    expect(await widget(page).locator('[data-role="visits-so-far"]').getAttribute('data-reverse')).toBe('5');
    await widget(page).locator('select[data-action="phase"]').selectOption('reverse');
    expect(await currentKey(page)).toBe('reverse:de/de');
    expect(problems).toEqual([]);
  });

  it('switches to J = 3(a + bc) and shows dJ/dc = 12 (the document prints 9)', async () => {
    const { page, problems } = await openLesson();
    await widget(page).locator('select[data-action="preset"]').selectOption('J=3(a+bc)');
    expect(await widget(page).getAttribute('data-preset')).toBe('J=3(a+bc)');
    await widget(page).locator('select[data-action="phase"]').selectOption('reverse');
    await widget(page).locator('[data-ledger-key="reverse:dJ/dc"] button').click();
    expect(await currentKey(page)).toBe('reverse:dJ/dc');
    expect(await currentValue(page)).toBe(12);
    expect(await currentValue(page)).toBe(valueOf('J=3(a+bc)', 'reverse:dJ/dc'));
    await expect.poll(() => new URL(page.url()).searchParams.get('preset')).toBe('J');
    expect(problems).toEqual([]);
  });

  it('the page carries the dJ/dc erratum, prints the engine value and links to that step', async () => {
    const { page, problems } = await openLesson();
    const erratum = page.locator('[data-erratum="002-dj-dc"]');
    expect(await erratum.count()).toBe(1);
    expect(await erratum.textContent()).toContain('12');
    expect(await page.locator('[data-erratum="002-tanh-derivative-table"]').count()).toBe(1);
    const paragraph = page.locator('.sl-markdown-content p', { has: page.locator('a[href*="reverse:dJ/dc"]') });
    const link = paragraph.locator('a[href*="reverse:dJ/dc"]');
    expect(await paragraph.locator('strong').first().textContent()).toBe(String(valueOf('J=3(a+bc)', 'reverse:dJ/dc')));
    await Promise.all([page.waitForURL(/preset=J/), link.click()]);
    await page.waitForSelector('[data-widget="computation-graph"][data-ready="true"]');
    await expect.poll(() => currentKey(page)).toBe('reverse:dJ/dc');
    expect(await currentValue(page)).toBe(12);
    expect(problems).toEqual([]);
  });

  it('refuses bad input with a message and keeps the last valid value', async () => {
    const { page, problems } = await openLesson('?step=3');
    const a = widget(page).locator('input[name="a"]');
    await a.fill('abc');
    const errors = widget(page).locator('[data-role="input-errors"]');
    expect(await errors.getAttribute('role')).toBe('alert');
    expect(await errors.textContent()).toContain('abc');
    expect(await currentValue(page)).toBe(3);
    await a.fill('1e400');
    expect(await errors.textContent()).toContain('1e400');
    await a.fill('');
    expect(await errors.textContent()).toContain('请输入一个数');
    expect(await widget(page).textContent()).not.toMatch(/NaN|Infinity/);
    await a.fill('5');
    expect(await errors.count()).toBe(0);
    expect(await currentValue(page)).toBe(6);
    await expect.poll(() => new URL(page.url()).searchParams.get('a')).toBe('5');
    await widget(page).locator('[data-action="reset"]').click();
    expect(await currentValue(page)).toBe(3);
    expect(problems).toEqual([]);
  });

  it('opens from a link, and a malformed link shows the notice while the widget still works', async () => {
    const linked = await openLesson('?preset=logistic&step=reverse:dL/dz');
    expect(await currentKey(linked.page)).toBe('reverse:dL/dz');
    expect(await currentValue(linked.page)).toBeCloseTo(valueOf('logistic-regression', 'reverse:dL/dz'), 12);
    const bad = await openLesson('?preset=cubic&a=abc&b=1e400&step=999');
    const notice = bad.page.locator('[data-role="url-notice"]');
    expect(await notice.getAttribute('role')).toBe('status');
    const text = await notice.textContent();
    for (const entry of ['preset=cubic', 'a=abc', 'b=1e400', 'step=999']) expect(text).toContain(entry);
    expect(await currentKey(bad.page)).toBe('a');
    await widget(bad.page).locator('[data-action="next"]').click();
    expect(await currentKey(bad.page)).toBe('b');
    expect([...linked.problems, ...bad.problems]).toEqual([]);
  });

  it('answers touch taps on a phone-sized screen without sideways scrolling', async () => {
    const touch = await browser.newContext({ hasTouch: true, isMobile: true, viewport: { width: 360, height: 740 } });
    const { page, problems } = await openLesson('', touch);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await widget(page).locator('[data-action="next"]').tap();
    expect(await currentKey(page)).toBe('b');
    await widget(page).locator('[data-action="last"]').tap();
    expect(await currentKey(page)).toBe('forward-mode:de/db');
    expect(problems).toEqual([]);
    await touch.close();
  });
});

describe('without JavaScript', () => {
  it('the page still shows the graph, the first step and the visit counts', async () => {
    const noScript = await browser.newContext({ javaScriptEnabled: false });
    const page = await noScript.newPage();
    await page.goto(`${baseUrl}${LESSON}`);
    expect(await page.locator('[data-widget="computation-graph"] [data-step-key="a"]').count()).toBe(1);
    expect(await page.locator('[data-widget="computation-graph"] [data-node]').count()).toBe(5);
    expect(await page.locator('[data-role="visit-counts"]').getAttribute('data-forward-mode')).toBe('6');
    await noScript.close();
  });
});
