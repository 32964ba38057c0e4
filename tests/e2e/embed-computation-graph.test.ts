import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildPreset, forwardModeSteps, forwardSteps, reverseModeSteps, type PresetId } from '../../src/engine/computation-graph';
import { launchBrowser, watchForErrors } from './browser';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

function engineSteps(presetId: PresetId, values: Record<string, number> = {}) {
  const result = buildPreset(presetId, values);
  if (!result.ok) throw new Error(`${presetId} does not build`);
  return [...forwardSteps(result.graph), ...reverseModeSteps(result.graph), ...forwardModeSteps(result.graph)];
}

async function open(query: string) {
  const page = await browser.newPage();
  const problems = watchForErrors(page);
  await page.goto(`${baseUrl}/embed/computation-graph/?${query}`);
  await page.waitForSelector('[data-widget="computation-graph"][data-ready="true"]');
  return { page, problems };
}

const widget = (page: Page) => page.locator('[data-widget="computation-graph"]');
const stepKey = (page: Page) => widget(page).locator('[data-step-key]').getAttribute('data-step-key');
const stepValue = async (page: Page) => Number(await widget(page).locator('[data-step-key]').getAttribute('data-step-value'));

describe('the computation-graph embed page', () => {
  it('opens on the preset, inputs and step from its address, without site chrome or controls', async () => {
    const { page, problems } = await open('preset=J&c=3&step=reverse:dJ/dc&controls=0');
    expect(await widget(page).getAttribute('data-preset')).toBe('J=3(a+bc)');
    expect(await stepKey(page)).toBe('reverse:dJ/dc');
    expect(await stepValue(page)).toBe(engineSteps('J=3(a+bc)', { c: 3 }).find((step) => step.key === 'reverse:dJ/dc')!.value);
    expect(await stepValue(page)).toBe(12);
    expect(await page.locator('input[name="a"]').count()).toBe(0);
    expect(await page.locator('[data-role="share"]').count()).toBe(0);
    expect(await page.locator('header, nav.sidebar, .sl-container').count()).toBe(0);
    expect(await page.locator('[role="status"]').count()).toBe(0);
    expect(await page.locator('.credit a').getAttribute('href')).toBe('/gradients/computation-graphs/');
    expect(problems).toEqual([]);
  });

  it('shows the embed code panel when controls are on', async () => {
    const { page, problems } = await open('preset=logistic&step=5');
    await page.locator('[data-role="share"] summary').click();
    const link = await page.locator('[data-snippet="link"]').inputValue();
    expect(link).toBe(`${new URL(baseUrl).origin}/embed/computation-graph/?preset=logistic&step=5`);
    expect(await page.locator('input[name="w1"]').count()).toBe(1);
    expect(problems).toEqual([]);
  });

  it('shows a polite notice for unknown or malformed parameters and still works', async () => {
    const { page, problems } = await open('preset=J&step=3&zoom=9&a=abc&x1=2&controls=0');
    const notices = (await page.locator('[role="status"]').allTextContents()).join(' ');
    for (const entry of ['zoom=9', 'a=abc', 'x1=2']) expect(notices).toContain(entry);
    expect(await widget(page).getAttribute('data-preset')).toBe('J=3(a+bc)');
    expect(await stepKey(page)).toBe('c');
    await widget(page).locator('[data-action="next"]').click();
    expect(await stepKey(page)).toBe('u');
    expect(problems).toEqual([]);
  });

  it('answers postMessage commands and reports its events', async () => {
    const { page, problems } = await open('controls=0');
    const count = engineSteps('e=(a+b)(b+1)').length;
    const logistic = engineSteps('logistic-regression');
    const { events, results } = await page.evaluate(async () => {
      const events: string[] = [];
      const results: string[] = [];
      window.addEventListener('message', (event) => {
        const data = event.data;
        if (data?.source !== 'nn-courseware') return;
        if (data.type === 'event') events.push(`${data.event}:${data.status.step}`);
        if (data.type === 'result') results.push(`${data.id}:${data.ok}:${data.status.key}:${data.status.query}`);
      });
      const send = async (message: object) => {
        window.postMessage({ source: 'nn-courseware', ...message }, '*');
        await new Promise((resolve) => setTimeout(resolve, 100));
      };
      await send({ id: 1, command: 'next' });
      await send({ id: 2, command: 'last' });
      await send({ id: 3, command: 'goto', step: 'nowhere' });
      await send({ id: 4, command: 'setState', state: { preset: 'logistic', step: 'reverse:dL/dz' } });
      await send({ id: 5, command: 'setState', state: { w1: 'heavy' } });
      await send({ id: 6, command: 'status' });
      return { events, results };
    });
    const dz = logistic.findIndex((step) => step.key === 'reverse:dL/dz') + 1;
    expect(events).toEqual([
      'stepchange:2', 'statechange:2',
      `stepchange:${count}`, `end:${count}`, `statechange:${count}`,
      `stepchange:${dz}`, `statechange:${dz}`,
    ]);
    expect(results).toEqual([
      '1:true:b:step=2',
      `2:true:forward-mode:de/db:step=${count}`,
      `3:false:forward-mode:de/db:step=${count}`,
      `4:true:reverse:dL/dz:preset=logistic&step=${dz}`,
      `5:false:reverse:dL/dz:preset=logistic&step=${dz}`,
      `6:true:reverse:dL/dz:preset=logistic&step=${dz}`,
    ]);
    expect(await widget(page).getAttribute('data-preset')).toBe('logistic-regression');
    expect(await stepKey(page)).toBe('reverse:dL/dz');
    expect(await stepValue(page)).toBe(logistic[dz - 1].value);
    expect(problems).toEqual([]);
  });
});
