import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { widgetHarness } from './harness';

/** Set FORMULA_SHOTS to a folder to keep a screenshot of the formula at every step and width for review. */
const SHOTS = process.env.FORMULA_SHOTS;
const STEP_COUNT = 51;
const WIDTHS = [360, 768, 1280];

const { openLesson } = widgetHarness('backprop-222');

/**
 * Every <math> in the widget whose box does not show all of it: the nearest ancestor that clips
 * (or the page) is narrower than the formula. Such a formula passes only when that ancestor scrolls
 * sideways and takes keyboard focus, so that the hidden part can be reached and the scroll bar is the cue.
 */
function unreachableFormulas(root: Element): string[] {
  const problems: string[] = [];
  for (const math of root.querySelectorAll('math')) {
    let box: Element | null = math.parentElement;
    while (box && box !== root && getComputedStyle(box).overflowX === 'visible') box = box.parentElement;
    const clip = box ?? root;
    const mathRect = math.getBoundingClientRect();
    const clipRect = clip.getBoundingClientRect();
    const fits = math.scrollWidth <= clip.clientWidth + 1 && mathRect.left >= clipRect.left - 1 && mathRect.right <= clipRect.right + 1;
    const fitsPage = mathRect.right <= document.documentElement.clientWidth + 1;
    if (fits && fitsPage) continue;
    const style = getComputedStyle(clip);
    const scrolls = ['auto', 'scroll'].includes(style.overflowX) && clip.scrollWidth > clip.clientWidth;
    const focusable = (clip as HTMLElement).tabIndex >= 0;
    if (!(scrolls && focusable && fitsPage && clipRect.right <= document.documentElement.clientWidth + 1)) {
      const tex = math.querySelector('annotation')?.textContent ?? '';
      problems.push(`${tex} (math ${Math.round(mathRect.width)}px in ${clip.className || clip.tagName} ${clip.clientWidth}px, scrolls ${scrolls}, focusable ${focusable})`);
    }
  }
  return problems;
}

describe('the 2-2-2 stepper formulas at phone, tablet and desktop widths', () => {
  it.each(WIDTHS)('are shown whole, or scroll in a focusable box, at every step at %i px', async (width) => {
    const widget = await openLesson('', { viewport: { width, height: 900 } });
    await widget.root.focus();
    await widget.press('Home');
    const keys: string[] = [];
    for (let step = 0; step < STEP_COUNT; step++) {
      const key = (await widget.stepKey())!;
      keys.push(key);
      const problems = await widget.root.evaluate(unreachableFormulas);
      expect(problems, `step ${step} (${key}) at ${width} px`).toEqual([]);
      await widget.expectFitsWidth(`step ${step} at ${width} px`);
      expect(await widget.find('math').count()).toBeGreaterThanOrEqual(3);
      if (SHOTS) {
        mkdirSync(join(SHOTS, String(width)), { recursive: true });
        await widget.find('section.formula').screenshot({ path: join(SHOTS, String(width), `${String(step).padStart(2, '0')}.png`) });
      }
      await widget.press('ArrowRight');
    }
    expect(new Set(keys).size, 'every step visited once').toBe(STEP_COUNT);
    expect(await widget.root.textContent()).not.toContain('merror');
    expect(await widget.find('merror').count()).toBe(0);
  });
});
