/**
 * npm run latency [-- PATH]: how long the worked example's stepper takes from a reader's action to
 * the frame that shows its result, in Debian's Chromium on the built site (served gzipped).
 *   step  a click on "next", timed from the click event to the frame after it (the task that
 *         follows the frame's requestAnimationFrame, so style, layout and paint are done);
 *   edit  one keystroke in the w1 field (the widget re-runs the forward and backward pass and the
 *         10000-round training), timed from the input event the same way.
 * Prints the median and the 90th percentile of each, with Chromium's own Event Timing figure for
 * the clicks (whole milliseconds rounded to 8, only for events over 16 ms). It prints figures and
 * exits 0: a laptop and a loaded CI machine differ, so this is a measurement, not a CI gate.
 */
import type { Page } from 'playwright-core';
import { resolve } from 'node:path';
import { launchBrowser } from '../tests/e2e/browser';
import { serveStatic } from '../tests/e2e/static-server';

const SITE = resolve(process.env.SITE_DIR ?? 'dist');
const PATH = process.argv.slice(2).find((arg) => arg.startsWith('/')) ?? '/backprop/worked-example/';
const CLICKS = 40;
const KEYSTROKES = 30;
const ROOT = '[data-widget="backprop-222"]';

/** Installs, in the page, a recorder of action-to-next-frame times for one event type. */
function recordFrames(page: Page, type: 'click' | 'input'): Promise<void> {
  return page.evaluate((eventType) => {
    const times: number[] = [];
    (window as unknown as { latencies: number[] }).latencies = times;
    addEventListener(
      eventType,
      (event) => {
        const start = event.timeStamp;
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => times.push(performance.now() - start);
          channel.port2.postMessage(null);
        });
      },
      { capture: true },
    );
  }, type);
}

const readTimes = (page: Page) => page.evaluate(() => (window as unknown as { latencies: number[] }).latencies);

function summary(times: number[]): string {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (fraction: number) => sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))];
  return `median ${at(0.5).toFixed(1)} ms, p90 ${at(0.9).toFixed(1)} ms (${times.length} samples)`;
}

const { server, url: origin } = await serveStatic(SITE);
const browser = await launchBrowser();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(origin + PATH, { waitUntil: 'networkidle' });
  // The lesson hydrates its widget when it scrolls into view.
  await page.evaluate((selector) => document.querySelector(selector)?.scrollIntoView(), ROOT);
  await page.locator(`${ROOT}[data-ready="true"]`).waitFor();
  const widget = page.locator(ROOT).first();
  await page.evaluate(() => {
    const slow: number[] = [];
    (window as unknown as { eventTimings: number[] }).eventTimings = slow;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (entry.name === 'click') slow.push(entry.duration);
    }).observe({ type: 'event', durationThreshold: 16 } as PerformanceObserverInit);
  });

  await recordFrames(page, 'click');
  const next = widget.locator('[data-action="next"]');
  await next.scrollIntoViewIfNeeded();
  for (let click = 0; click < CLICKS; click++) {
    if (await next.isDisabled()) await widget.locator('[data-action="first"]').click();
    await next.click();
  }
  await page.waitForTimeout(100);
  const clicks = await readTimes(page);
  const slowClicks = await page.evaluate(() => (window as unknown as { eventTimings: number[] }).eventTimings);

  const field = widget.locator('input[name="w1"]');
  await field.evaluate((input) => input.closest('details')?.setAttribute('open', ''));
  await field.scrollIntoViewIfNeeded();
  await recordFrames(page, 'input');
  for (let key = 0; key < KEYSTROKES; key++) {
    await field.fill('0.1');
    await page.keyboard.press('End');
    await field.press(String((key % 9) + 1));
    await page.waitForTimeout(30);
  }
  const edits = (await readTimes(page)).filter((_, index) => index % 2 === 1);

  console.log(`${PATH}`);
  console.log(`step click to next frame: ${summary(clicks.slice(clicks.length - CLICKS))}`);
  console.log(`  Event Timing: ${slowClicks.length} of ${CLICKS} clicks over 16 ms${slowClicks.length ? ` (longest ${Math.max(...slowClicks)} ms)` : ''}`);
  console.log(`weight keystroke to next frame: ${summary(edits)}`);
} finally {
  await browser.close();
  server.close();
}
