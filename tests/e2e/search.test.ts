/**
 * Site search (Pagefind, built by Starlight) indexes the lessons' prose and maths once, not the
 * widgets' controls or KaTeX's HTML copy of a formula, and speaks Chinese on the Chinese site.
 * Its UI is fetched when the reader opens the search, not on every page.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage, useBrowser } from './harness';

useBrowser();

interface Found {
  url: string;
  excerpt: string;
}

/**
 * Every result of `term` through Pagefind's own JS API, as the search box would get them. The code
 * is sent as text: vitest would otherwise rewrite its import() into a helper the page does not have.
 */
function search(page: Page, term: string): Promise<Found[]> {
  return page.evaluate(`(async () => {
    const pagefind = await import('/pagefind/pagefind.js');
    const response = await pagefind.search(${JSON.stringify(term)});
    return Promise.all(response.results.map(async (result) => {
      const { url, excerpt } = await result.data();
      return { url, excerpt };
    }));
  })()`);
}

const plain = (excerpt: string) => excerpt.replace(/<[^>]+>/g, '');
const marked = (excerpt: string) => [...excerpt.matchAll(/<mark>([^<]*)<\/mark>/g)].map(([, word]) => word.trim().toLowerCase());

describe('loading the search UI on demand', () => {
  const PAGEFIND_UI = /\/_astro\/ui-core\.[\w-]+\.js$/;

  function scriptsLoaded(page: Page): string[] {
    const urls: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') urls.push(new URL(request.url()).pathname);
    });
    return urls;
  }

  it.each([
    ['the search button', (page: Page) => page.click('button[data-open-modal]')],
    ['Ctrl+K', (page: Page) => page.keyboard.press('Control+k')],
  ])('leaves Pagefind’s UI unloaded until %s opens the search, then focuses its box', async (_, open) => {
    const page = await openPage('/backprop/worked-example/');
    const scripts = scriptsLoaded(page);
    await page.evaluate(() => new Promise<void>((done) => requestIdleCallback(() => setTimeout(done, 300), { timeout: 2000 })));
    await page.waitForLoadState('networkidle');
    expect(scripts.filter((url) => PAGEFIND_UI.test(url))).toEqual([]);

    await open(page);
    const input = page.locator('#starlight__search input');
    await expect.poll(() => input.evaluate((element) => element === document.activeElement), { timeout: 15_000 }).toBe(true);
    expect(scripts.filter((url) => PAGEFIND_UI.test(url))).toHaveLength(1);
    await input.fill('sigmoid');
    await expect.poll(() => page.locator('.pagefind-ui__result').count(), { timeout: 15_000 }).toBeGreaterThan(0);
  });
});

describe('search on the Chinese site', () => {
  it('finds lesson words and shows its results line in Chinese', async () => {
    const page = await openPage('/');
    await page.click('button[data-open-modal]');
    await page.locator('#starlight__search input').fill('梯度');
    const message = page.locator('.pagefind-ui__message');
    await expect.poll(() => message.textContent(), { timeout: 15_000 }).toMatch(/^找到 \d+ 个 梯度 的相关结果$/);
    expect((await search(page, '梯度')).length).toBeGreaterThan(5);
  });

  it.each(['梯度', '反向传播', 'sigmoid', 'z', 'net'])('indexes “%s” once per formula, without widget controls', async (term) => {
    const page = await openPage('/');
    const results = await search(page, term);
    expect(results.length).toBeGreaterThan(0);
    for (const { url, excerpt } of results) {
      // KaTeX's HTML and MathML copies (plus its TeX annotation) made one z read as "zzz".
      expect(plain(excerpt), url).not.toMatch(/([A-Za-z])\1\1/);
      expect(plain(excerpt), url).not.toMatch(/[◀▶]/);
      expect(url, 'embed pages are not part of the site’s prose').not.toMatch(/^\/embed\//);
    }
  });

  it('leaves the widgets’ own texts out of the index', async () => {
    const page = await openPage('/');
    // This keyboard hint appears only inside the stepping widgets.
    const hint = await search(page, '焦点在演示区内时');
    expect(hint.filter(({ excerpt }) => plain(excerpt).includes('焦点在演示区内时'))).toEqual([]);
  });

  /** What the search dialog shows for `term`: the number of results, once it has stopped searching. */
  async function resultsShown(page: Page, term: string): Promise<number> {
    const input = page.locator('#starlight__search input');
    if (!(await input.isVisible())) await page.click('button[data-open-modal]');
    await input.fill(term);
    const message = page.locator('.pagefind-ui__message');
    const settled = (text: string | null) => Boolean(text?.includes(term)) && !/\.\.\.$|…$/.test(text!.trim());
    await expect.poll(async () => settled(await message.textContent()), { timeout: 15_000 }).toBe(true);
    return page.locator('.pagefind-ui__result').count();
  }

  it.each(['asdfghjkl', 'qwertyuiop'])('shows no result for the nonsense word “%s”', async (nonsense) => {
    const page = await openPage('/');
    expect(await search(page, nonsense), 'Pagefind itself falls back to a stump of the word').not.toEqual([]);
    expect(await resultsShown(page, nonsense)).toBe(0);
  });

  it.each([
    ['/', 'sigm'], ['/', 'softmax'], ['/', '梯度下降'], ['/', '反向传播'], ['/en/', 'networks'], ['/en/', 'learning rate'],
  ])('on %s still finds “%s” in the search dialog', async (path, term) => {
    const page = await openPage(path);
    expect(await resultsShown(page, term)).toBeGreaterThan(0);
  });
});
