/**
 * Hostile links against every widget, on its lesson page and its embed page: huge, repeated,
 * malformed and markup-carrying parameters and numbers at the limits. Whatever the link says, the
 * page keeps its width, shows no NaN/Infinity/undefined, lets no markup in and logs no error.
 */
import { describe, expect, it } from 'vitest';
import { LESSONS, openPage, PHONE, useBrowser, type WidgetName } from './harness';

useBrowser();

const HUGE = 10_000;
/** Field names several widgets read, so each hostile value meets some widget's parser. */
const FIELDS = ['step', 'w1', 'order', 'biases', 'preset', 'a', 'fn', 'z', 't', 't0', 'alpha', 'm', 'depth', 'lr', 'dataset'];

const LINKS: Record<string, string> = {
  // The static server, like most, refuses request lines over 16 KB: one huge value per link.
  'huge step': `step=${'9'.repeat(HUGE)}`,
  'huge unknown': `${'x'.repeat(HUGE / 2)}=${encodeURIComponent('<b>'.repeat(HUGE / 30))}`,
  markup: new URLSearchParams([
    ...FIELDS.map((name, i) => [name, i % 2 ? '<img src=x onerror="window.__injected=1">' : '"><script>window.__injected=1</script>']),
    ['<svg onload="window.__injected=1">', '1'],
  ]).toString(),
  repeated: [...FIELDS.flatMap((name) => [`${name}=1`, `${name}=abc`, `${name}=2`]), 'theme=light', 'lang=en', 'theme=light'].join('&'),
  malformed: ['%E0%A4%A=1', '&&=&', 'step=%', 'w1=1,5', 'a=0x10', 'z=Infinity', 'alpha=NaN', 'lr=', 'depth=1e', '%00=%00'].join('&'),
  limits: [
    'step=-1', 'w1=1e308', 'a=-1e308', 'z=1e400', 't=-1e400', 't0=1e-400', 'alpha=1e-320',
    'm=99999999999999999999', 'depth=1e6', 'lr=-0', 'biases=2', 'preset=__proto__', 'fn=constructor',
  ].join('&'),
};

const WIDTHS = [1280, PHONE.width];

async function expectSurvives(path: string, name: WidgetName) {
  const page = await openPage(path, { viewport: { width: WIDTHS[0], height: 900 } });
  await page.evaluate((selector) => document.querySelector(selector)?.scrollIntoView(), `[data-widget="${name}"]`);
  await page.locator(`[data-widget="${name}"][data-ready="true"]`).first().waitFor();
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `sideways overflow at ${width} px`).toBeLessThanOrEqual(2);
  }
  const seen = await page.evaluate(() => ({
    // The notices echo what the link said (which may itself read "NaN"): the check is for values the widget computed.
    text: [...document.querySelectorAll<HTMLElement>('[data-widget]')]
      .map((element) => {
        const copy = element.cloneNode(true) as HTMLElement;
        copy.querySelectorAll('[role="status"]').forEach((notice) => notice.remove());
        return copy.textContent;
      })
      .join('\n'),
    longestNotice: Math.max(0, ...[...document.querySelectorAll('[role="status"]')].map((notice) => notice.textContent?.length ?? 0)),
    injected: (window as unknown as { __injected?: number }).__injected,
    elements: document.querySelectorAll('img[src="x"], svg[onload], [onerror]').length,
    scripts: [...document.scripts].filter((script) => script.textContent?.includes('__injected')).length,
  }));
  expect(seen.text).not.toMatch(/\bNaN\b|Infinity|undefined/);
  // A notice names what it ignored briefly, however long the link (issue #14).
  expect(seen.longestNotice, 'characters in the longest notice').toBeLessThanOrEqual(1_000);
  expect(seen.injected).toBeUndefined();
  expect(seen.elements).toBe(0);
  expect(seen.scripts).toBe(0);
}

describe.each(Object.keys(LESSONS) as WidgetName[])('hostile links to the %s widget', (name) => {
  it.each(Object.keys(LINKS))('%s parameters leave the lesson page whole', async (kind) => {
    await expectSurvives(`${LESSONS[name]}?${LINKS[kind]}`, name);
  });

  it.each(Object.keys(LINKS))('%s parameters leave the embed page whole', async (kind) => {
    await expectSurvives(`/embed/${name}/?${LINKS[kind]}`, name);
  });
});
