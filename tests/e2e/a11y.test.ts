/**
 * Every built page, checked by axe-core against WCAG 2.2 AA and the best-practice rules issue #14
 * named, in the dark and the light theme, with its widgets started. The pages are found from the
 * built site's files, so a new page is checked without being listed here. A page also fails on any
 * console error, page error or failed request (the harness watches for those).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, sep } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { WIDGETS } from '../../src/components/registry';
import { openPage, siteDir, useBrowser } from './harness';

useBrowser();

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const BEST_PRACTICES = [
  'region',
  'landmark-one-main',
  'heading-order',
  'landmark-unique',
  'page-has-heading-one',
  'empty-table-header',
  'scrollable-region-focusable',
];
const THEMES = ['dark', 'light'] as const;

interface Finding {
  rule: string;
  impact: string | null | undefined;
  target: string;
  html: string;
}

/** Runs in the page: axe over the document. */
async function auditInPage(rules: string[]): Promise<Finding[]> {
  const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
  const results = await axe.run(document, { runOnly: { type: 'rule', values: rules }, iframes: false, resultTypes: ['violations'] });
  return results.violations.flatMap((violation) =>
    violation.nodes.map((node) => ({
      rule: violation.id,
      impact: violation.impact,
      target: node.target.join(' >>> '),
      html: node.html.slice(0, 160),
    })),
  );
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return htmlFiles(path);
    return name.endsWith('.html') ? [path] : [];
  });
}

/** The site path each built page is served at. */
const PAGES = htmlFiles(siteDir)
  .map((file) => `/${relative(siteDir, file).split(sep).join('/')}`.replace(/index\.html$/, ''))
  .sort();

const SECTIONS: [title: string, belongs: (path: string) => boolean][] = [
  ['embed pages', (path) => path.startsWith('/embed/')],
  ['the deck and the custom-element examples', (path) => path.startsWith('/decks/') || path.startsWith('/examples/')],
  ['English pages', (path) => path.startsWith('/en/')],
  ['Chinese pages', () => true],
];
const sectionOf = (path: string) => SECTIONS.find(([, belongs]) => belongs(path))![0];

/** Opens the <details> around a widget and scrolls it into view: some widgets start only once visible. */
function reveal(element: Element): void {
  for (let details = element.closest('details'); details; details = details.parentElement?.closest('details') ?? null) details.open = true;
  element.scrollIntoView();
}

/** Reveals each widget in turn until all are started. */
async function startWidgets(frame: Frame): Promise<void> {
  const waiting = frame.locator('[data-widget]:not([data-ready="true"])');
  await expect
    .poll(
      async () => {
        const count = await waiting.count();
        if (count > 0) await waiting.first().evaluate(reveal).catch(() => undefined);
        return count;
      },
      { timeout: 20_000, message: 'widgets that never reported data-ready' },
    )
    .toBe(0);
}

/** Each frame of the page is audited on its own, so a widget in a deck's iframe is judged like one on a page. */
async function audit(page: Page, rules: string[]): Promise<Finding[]> {
  const findings = await Promise.all(
    page.frames().map(async (frame) => {
      const found = await frame.evaluate(auditInPage, rules);
      return found.map((finding) => ({ ...finding, target: frame === page.mainFrame() ? finding.target : `${frame.url()} ${finding.target}` }));
    }),
  );
  return findings.flat();
}

interface RuleSets {
  every: string[];
  /** The rules whose outcome depends on the theme. */
  colour: string[];
}
let ruleSets: RuleSets | undefined;

/** The WCAG 2.2 AA rules plus the named best practices, as axe in the page lists them. */
function listRules(page: Page): Promise<RuleSets> {
  return page.evaluate(
    ({ tags, extra }) => {
      const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
      // As a run by tag would: axe's experimental and deprecated rules are not part of its WCAG sets.
      const settled = axe.getRules(tags).filter((rule) => !rule.tags.includes('experimental') && !rule.tags.includes('deprecated'));
      const every = [...new Set([...settled.map((rule) => rule.ruleId), ...extra])];
      const colour = axe.getRules(['cat.color']).map((rule) => rule.ruleId).filter((id) => every.includes(id));
      return { every, colour };
    },
    { tags: WCAG_TAGS, extra: BEST_PRACTICES },
  );
}

async function setTheme(page: Page, theme: (typeof THEMES)[number]): Promise<void> {
  for (const frame of page.frames()) {
    await frame.evaluate((value) => {
      document.documentElement.dataset.theme = value;
      // Colour transitions would let axe sample a colour halfway between the two themes.
      const still = document.createElement('style');
      still.textContent = '*, *::before, *::after { transition: none !important; animation: none !important; }';
      document.head.append(still);
    }, theme);
  }
}

async function checkPage(path: string): Promise<void> {
  const page = await openPage(path);
  await page.waitForLoadState('load');
  for (const frame of page.frames()) {
    await startWidgets(frame);
    await frame.addScriptTag({ content: AXE_SOURCE });
  }
  ruleSets ??= await listRules(page);
  const { every, colour } = ruleSets;
  const violations: string[] = [];
  for (const theme of THEMES) {
    await setTheme(page, theme);
    // The whole rule set once; only the colour rules depend on the theme.
    const findings = await audit(page, theme === THEMES[0] ? every : colour);
    for (const finding of findings) violations.push(`[${theme}] ${finding.rule} (${finding.impact}) ${finding.target}: ${finding.html}`);
  }
  expect(violations, `axe violations on ${path}`).toEqual([]);
}

describe('the built site', () => {
  it('has every widget’s embed page, the deck and the examples among its pages', () => {
    for (const widget of WIDGETS) expect(PAGES).toContain(`/embed/${widget.name}/`);
    expect(PAGES).toContain('/decks/demo/');
    expect(PAGES.filter((path) => path.startsWith('/examples/')).length).toBeGreaterThan(0);
  });
});

for (const [title] of SECTIONS) {
  const paths = PAGES.filter((path) => sectionOf(path) === title);
  describe(`axe finds nothing on the ${title}`, () => {
    it.each(paths)('%s', checkPage);
  });
}
