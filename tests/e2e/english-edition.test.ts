/**
 * The English edition as a reader sees it: every built page under /en/ is written in English (no
 * Starlight fallback notice, no Chinese outside text marked lang="zh-CN" or maths), its widgets speak
 * English (on lesson pages, in the English deck's embedded frames and as custom elements on an
 * English page), the language picker keeps the reader's place, and search on the English site finds
 * English pages.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage, siteDir, useBrowser, WidgetPage } from './harness';

useBrowser();

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return htmlFiles(path);
    return name.endsWith('.html') ? [path] : [];
  });
}

const ENGLISH_PAGES = htmlFiles(join(siteDir, 'en'))
  .map((file) => `/${relative(siteDir, file).split(sep).join('/')}`.replace(/index\.html$/, ''))
  .sort();

const FALLBACK_NOTICE = 'This content is not available in your language yet';

/** Starts every widget in the frame: opens the <details> around it and scrolls it into view, then waits until it is ready. */
async function startWidgets(frame: Frame): Promise<number> {
  const count = await frame.locator('[data-widget]').count();
  for (let index = 0; index < count; index++) {
    const widget = frame.locator('[data-widget]').nth(index);
    await widget.evaluate((element) => {
      for (let details = element.closest('details'); details; details = details.parentElement?.closest('details') ?? null) details.open = true;
      element.scrollIntoView();
    });
    // Attached, not visible: a deck's widgets sit on slides that are not shown yet.
    await frame.locator('[data-widget]').nth(index).and(frame.locator('[data-ready="true"]')).waitFor({ state: 'attached', timeout: 20_000 });
  }
  return count;
}

interface Reading {
  /** Pieces of text with Chinese characters that are not marked lang="zh-CN" and are not maths. */
  unmarkedChinese: string[];
  /** Each widget's language (its closest lang attribute) and whether its text is English words. */
  widgets: { name: string; lang: string | null; english: boolean }[];
  fallbackNotice: boolean;
}

/** Reads the frame's main content (the whole body on pages without a <main>, such as the deck). */
function read(frame: Frame, fallbackNotice: string): Promise<Reading> {
  return frame.evaluate((notice) => {
    // Han characters and Chinese punctuation; not every full-width form (a widget's "＋" button is no Chinese).
    const CHINESE = /[\u3400-\u4dbf\u4e00-\u9fff\u3000-\u303f\uff01\uff08\uff09\uff0c\uff1a\uff1b\uff1f]/;
    const root = document.querySelector('main') ?? document.body;
    const marked = (node: Node) => {
      const element = node.parentElement;
      if (!element) return false;
      if (element.closest('math, script, style, template')) return true;
      const lang = element.closest('[lang]')?.getAttribute('lang') ?? '';
      return lang.startsWith('zh');
    };
    const unmarkedChinese: string[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      if (CHINESE.test(text) && !marked(node)) unmarkedChinese.push(text.trim().slice(0, 120));
    }
    const widgets = [...document.querySelectorAll('[data-widget]')].map((widget) => ({
      name: widget.getAttribute('data-widget') ?? '',
      lang: widget.closest('[lang]')?.getAttribute('lang') ?? null,
      english: /[A-Za-z]{3,}/.test(widget.textContent ?? ''),
    }));
    return { unmarkedChinese, widgets, fallbackNotice: document.body.textContent?.includes(notice) ?? false };
  }, fallbackNotice);
}

async function expectEnglish(page: Page): Promise<void> {
  for (const frame of page.frames()) {
    if (frame !== page.mainFrame()) await frame.waitForLoadState();
    await startWidgets(frame);
    const reading = await read(frame, FALLBACK_NOTICE);
    const where = frame === page.mainFrame() ? page.url() : `${page.url()} › ${frame.url()}`;
    expect(reading.fallbackNotice, `${where}: Starlight's fallback notice`).toBe(false);
    expect(reading.unmarkedChinese, `${where}: Chinese outside lang="zh-CN"`).toEqual([]);
    for (const widget of reading.widgets) {
      expect(widget.lang, `${where}: language of ${widget.name}`).toBe('en');
      expect(widget.english, `${where}: ${widget.name} speaks English`).toBe(true);
    }
  }
}

describe('the English edition', () => {
  it('has an English twin of every lesson and reference page, and the English deck', () => {
    expect(ENGLISH_PAGES).toContain('/en/');
    expect(ENGLISH_PAGES).toContain('/en/backprop/worked-example/');
    expect(ENGLISH_PAGES).toContain('/en/reference/errata/');
    expect(ENGLISH_PAGES).toContain('/en/decks/demo/');
  });

  it.each(ENGLISH_PAGES)('%s is in English, widgets included', async (path) => {
    const page = await openPage(path);
    await page.waitForLoadState('load');
    await expectEnglish(page);
  });
});

describe('widgets outside the lessons follow the language', () => {
  it('the English deck embeds its widgets in English', async () => {
    const page = await openPage('/en/decks/demo/');
    const frames = page.locator('iframe[data-nn-widget]');
    await expect.poll(() => frames.count()).toBe(3);
    for (const src of await frames.evaluateAll((list) => list.map((frame) => frame.getAttribute('src') ?? ''))) {
      expect(new URL(src, 'http://x').searchParams.get('lang'), src).toBe('en');
    }
    await page.waitForLoadState('load');
    await expectEnglish(page);
  });

  it('an embed page with lang=en speaks English and links to the English lesson', async () => {
    const page = await openPage('/embed/backprop-222/?lang=en');
    await startWidgets(page.mainFrame());
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.locator('.credit a').getAttribute('href')).toBe('/en/backprop/worked-example/');
    expect(await page.title()).toBe('2-2-2 backpropagation stepper');
    await expectEnglish(page);
  });

  it('a custom element without a lang attribute speaks the language of the page around it', async () => {
    const page = await openPage('/examples/custom-element.html');
    await page.locator('nn-backprop-stepper[data-ready], nn-backprop-stepper').first().waitFor();
    const texts = await page.evaluate(async () => {
      const make = (lang: string) => {
        const holder = document.createElement('div');
        holder.lang = lang;
        holder.innerHTML = '<nn-logic-gates></nn-logic-gates>';
        document.body.append(holder);
        return holder.querySelector('nn-logic-gates')!;
      };
      const elements = [make('en'), make('zh-CN')];
      const ready = (element: Element) =>
        new Promise<string>((resolve) => {
          const check = () => {
            const root = element.shadowRoot?.querySelector('[data-widget][data-ready="true"]');
            if (root) resolve(root.textContent ?? '');
            else setTimeout(check, 50);
          };
          check();
        });
      return Promise.all(elements.map(ready));
    });
    expect(texts[0]).not.toMatch(/[\u4e00-\u9fff]/);
    expect(texts[0]).toMatch(/[A-Za-z]{3,}/);
    expect(texts[1]).toMatch(/[\u4e00-\u9fff]/);
  });

  it('a custom element whose lang attribute changes restarts in the new language at the same step', async () => {
    const page = await openPage('/examples/custom-element.html');
    const stepper = page.locator('nn-backprop-stepper');
    const widget = await new WidgetPage(page, 'backprop-222', stepper).ready();
    await expect.poll(() => widget.stepKey()).toBe("w5'");
    const chinese = /[\u4e00-\u9fff]/;
    expect(await widget.root.textContent()).not.toMatch(chinese);
    await stepper.evaluate((element) => element.setAttribute('lang', 'zh-CN'));
    await expect.poll(async () => chinese.test((await widget.root.textContent()) ?? '')).toBe(true);
    await widget.ready();
    await expect.poll(() => widget.stepKey()).toBe("w5'");
  });
});

describe('the language picker', () => {
  it.each([
    ['/en/backprop/worked-example/?step=17&order=published#try-it', '/backprop/worked-example/'],
    ['/backprop/worked-example/?step=17&order=published#try-it', '/en/backprop/worked-example/'],
  ])('keeps the widget state, the step the reader moved to and the hash when switching from %s', async (start, target) => {
    const widget = new WidgetPage(await openPage(start), 'backprop-222');
    const page = widget.page;
    // The lesson hydrates its widget as it scrolls into view, and #try-it opens the page further down.
    const showWidget = () => page.evaluate(() => document.querySelector('[data-widget="backprop-222"]')?.scrollIntoView());
    await showWidget();
    await widget.ready();
    await widget.root.focus();
    await widget.press('ArrowRight');
    await widget.expectParam('step', '18');
    const key = await widget.stepKey();
    // Leaving while the search code still loads would abort its request, which the harness reports.
    await page.waitForLoadState('networkidle');
    const before = new URL(page.url());
    const picker = page.locator('starlight-lang-select select').first();
    await Promise.all([page.waitForURL((url) => url.pathname === target), picker.selectOption(target)]);
    const after = new URL(page.url());
    expect(after.pathname).toBe(target);
    expect(after.search).toBe(before.search);
    expect(after.searchParams.get('order')).toBe('published');
    expect(after.hash).toBe(before.hash);
    await showWidget();
    await widget.ready();
    expect(await widget.stepKey()).toBe(key);
  });
});

describe('search on the English site', () => {
  it('finds English pages for an English word, and shows its results line in English', async () => {
    const page = await openPage('/en/');
    const results: string[] = await page.evaluate(`(async () => {
      const pagefind = await import('/pagefind/pagefind.js');
      const response = await pagefind.search('backpropagation');
      return Promise.all(response.results.map(async (result) => (await result.data()).url));
    })()`);
    expect(results.length).toBeGreaterThan(3);
    for (const url of results) expect(url).toMatch(/^\/en\//);
    await page.click('button[data-open-modal]');
    await page.locator('#starlight__search input').fill('backpropagation');
    const message = page.locator('.pagefind-ui__message');
    await expect.poll(() => message.textContent(), { timeout: 15_000 }).toMatch(/^\d+ results? for backpropagation$/);
  });
});
