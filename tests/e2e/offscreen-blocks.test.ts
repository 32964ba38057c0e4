/**
 * Long lessons let blocks far from the viewport skip rendering once the page has loaded (the head
 * script in astro.config.mjs and .nn-offscreen in src/styles/site.css): far blocks are marked, the
 * first screen is not, marked blocks keep their own heights (not the placeholder's), and a block is
 * drawn once the reader reaches it. (A skipped block's height can still move by a few pixels when it
 * is drawn: the font of its inline maths may load only then.)
 */
import { describe, expect, it } from 'vitest';
import { openPage, useBrowser } from './harness';

useBrowser();

const BLOCKS = '.sl-markdown-content > :is(p, .math-display, aside, ul, ol, figure, blockquote)';

describe('blocks far from the viewport', () => {
  it.each(['/backprop/worked-example/', '/en/reference/notation/'])('%s marks only blocks more than a screen away, after load', async (path) => {
    const page = await openPage(path, { viewport: { width: 1280, height: 800 } });
    await page.waitForLoadState('load');
    await page.waitForFunction((selector) => document.querySelector(selector)?.matches('.nn-offscreen') ?? false, `${BLOCKS}:last-of-type`);
    const blocks = await page.locator(BLOCKS).evaluateAll((elements) =>
      elements.map((element) => ({
        marked: element.classList.contains('nn-offscreen'),
        top: element.getBoundingClientRect().top,
        height: element.getBoundingClientRect().height,
        skips: getComputedStyle(element).contentVisibility === 'auto',
      })),
    );
    const onFirstScreen = blocks.filter((block) => block.top < 800);
    expect(onFirstScreen.length).toBeGreaterThan(0);
    expect(onFirstScreen.filter((block) => block.marked)).toEqual([]);
    const far = blocks.filter((block) => block.top > 1600);
    expect(far.length).toBeGreaterThan(5);
    expect(far.every((block) => block.marked && block.skips)).toBe(true);
    // Remembered sizes, not the 4em placeholder: the blocks' heights vary.
    expect(new Set(far.map((block) => Math.round(block.height))).size).toBeGreaterThan(2);
  });

  it('draws a skipped block when the reader scrolls to it', async () => {
    const page = await openPage('/backprop/worked-example/', { viewport: { width: 1280, height: 800 } });
    await page.waitForLoadState('load');
    const last = page.locator('.sl-markdown-content > .math-display.nn-offscreen').last();
    await last.waitFor({ state: 'attached' });
    // checkVisibility with contentVisibilityAuto is false for content a content-visibility: auto ancestor skips.
    const drawn = () => last.evaluate((element) => element.firstElementChild!.checkVisibility({ contentVisibilityAuto: true }));
    expect(await drawn()).toBe(false);
    await last.scrollIntoViewIfNeeded();
    await expect.poll(drawn).toBe(true);
  });
});
