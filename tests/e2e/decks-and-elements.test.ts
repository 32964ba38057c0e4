/** Widgets outside the lesson pages: on reveal.js slides in an iframe, and as custom elements on plain pages. */
import { describe, expect, it } from 'vitest';
import { openPage, useBrowser, WidgetPage } from './harness';

useBrowser();

/** Opens the example deck at a slide and returns the widget inside that slide's iframe and the current slide index. */
async function openDeckAt(slide: number, name: string) {
  const page = await openPage(`/decks/demo/#/${slide}`);
  const frame = (await (await page.waitForSelector(`section[data-slide="widget-${slide}"] iframe`)).contentFrame())!;
  const widget = await new WidgetPage(page, name, frame).ready();
  await page.waitForFunction(() => (window as unknown as { deck?: { isReady(): boolean } }).deck?.isReady());
  const current = () => page.evaluate(() => (window as unknown as { deck: { getIndices(): { h: number } } }).deck.getIndices().h);
  return { page, widget, current };
}

describe('the reveal.js example deck', () => {
  it('steps the widget with → until its last step, then moves to the next slide', async () => {
    const { widget, current } = await openDeckAt(3, 'backprop-222');
    expect(await current()).toBe(3);
    expect(await widget.stepKey()).toBe('out_o1_after_N');
    await widget.press('ArrowRight');
    await expect.poll(() => widget.stepKey()).toBe('out_o2_after_N');
    await widget.press('ArrowRight');
    await expect.poll(() => widget.stepKey()).toBe('E_total_after_N');
    expect(await current()).toBe(3);
    await widget.press('ArrowRight');
    await expect.poll(current).toBe(4);
    await widget.press('ArrowLeft');
    await expect.poll(current).toBe(3);
    await widget.press('ArrowLeft');
    await expect.poll(() => widget.stepKey()).toBe('out_o2_after_N');
    expect(await current()).toBe(3);
  });
});

describe('the example deck’s slides', () => {
  // Issue #14: reveal.js's packaged theme uppercased headings, so "e = (a + b)(b + 1)" read "E = (A + B)(B + 1)".
  it('show headings as written, maths letters in their case', async () => {
    const { page } = await openDeckAt(1, 'computation-graph');
    const heading = page.locator('section[data-slide="widget-1"] h3');
    expect(await heading.innerText()).toContain('e = (a + b)(b + 1)');
    const transforms = await page.locator('.reveal :is(h1, h2, h3)').evaluateAll((headings) => headings.map((element) => getComputedStyle(element).textTransform));
    expect(transforms.length).toBeGreaterThanOrEqual(4);
    expect(new Set(transforms)).toEqual(new Set(['none']));
  });

  it('shows the trained network on the after-training slide, agreeing with its numbers', async () => {
    const { widget } = await openDeckAt(3, 'backprop-222');
    expect(await widget.stepKey()).toBe('out_o1_after_N');
    expect(await widget.find('svg.widget-diagram').getAttribute('data-trained')).toBe('true');
    const o1 = Number(await widget.find('[data-label="o1-value"]').getAttribute('data-value'));
    expect(o1).toBeCloseTo(await widget.stepValue(), 12);
  });
});

describe('the example deck’s widget slides', () => {
  const SLIDES: [slide: number, widget: string][] = [
    [1, 'computation-graph'],
    [2, 'activation-functions'],
    [3, 'backprop-222'],
  ];

  it.each(SLIDES)('slide %i shows the whole %s widget inside its frame and on the slide', async (slide, name) => {
    const { page } = await openDeckAt(slide, name);
    const frame = page.locator(`section[data-slide="widget-${slide}"] iframe`);
    await expect.poll(() => frame.getAttribute('data-scale')).not.toBeNull();
    const content = await (await frame.elementHandle())!.contentFrame();
    const hidden = await content!.evaluate(() => document.documentElement.scrollHeight - window.innerHeight);
    expect(hidden, 'content below the bottom of the frame').toBeLessThanOrEqual(1);
    const box = (await frame.boundingBox())!;
    const stage = (await page.locator('.reveal').boundingBox())!;
    expect(box.y + box.height, 'frame bottom within the slide area').toBeLessThanOrEqual(stage.y + stage.height + 1);
    expect(box.x).toBeGreaterThanOrEqual(stage.x - 1);
    expect(box.x + box.width).toBeLessThanOrEqual(stage.x + stage.width + 1);
  });
});

/**
 * A slide change crosses two postMessage hops and reveal.js's layout of a deck holding four frames;
 * on a CI machine busy with the rest of the suite that once took longer than expect.poll's 1 s.
 */
const SLIDE_CHANGE = { timeout: 5_000 };

describe('the example deck’s computation-graph slide', () => {
  it('steps the graph with → until its last step, then moves to the next slide', async () => {
    const { widget, current } = await openDeckAt(1, 'computation-graph');
    /** "第 k 步 / 共 n 步" as [k, n]. */
    const position = async () => {
      const text = await widget.find('[data-role="position"]').textContent();
      return (/(\d+)\D+(\d+)/.exec(text ?? '') ?? []).slice(1, 3).map(Number);
    };
    expect(await current()).toBe(1);
    expect(await widget.stepKey()).toBe('a');
    const [first, count] = await position();
    expect(first).toBe(1);
    expect(count).toBe(33);
    await widget.press('ArrowRight');
    await expect.poll(() => widget.stepKey()).toBe('b');
    await widget.press('ArrowLeft');
    await expect.poll(() => widget.stepKey()).toBe('a');
    await widget.press('ArrowLeft');
    await expect.poll(current, SLIDE_CHANGE).toBe(0);
    await widget.press('ArrowRight');
    await expect.poll(current, SLIDE_CHANGE).toBe(1);
    expect(await widget.stepKey()).toBe('a');
    for (let step = 2; step <= count; step++) {
      await widget.press('ArrowRight');
      await expect.poll(async () => (await position())[0]).toBe(step);
      expect(await current()).toBe(1);
    }
    expect(await widget.stepKey()).toBe('forward-mode:de/db');
    await widget.press('ArrowRight');
    await expect.poll(current, SLIDE_CHANGE).toBe(2);
    expect(await widget.stepKey()).toBe('forward-mode:de/db');
  });
});

describe('custom elements on a plain HTML page', () => {
  it('render in a shadow root with KaTeX styles, take attributes and report events', async () => {
    const page = await openPage('/examples/custom-element.html');
    const stepper = page.locator('nn-backprop-stepper');
    const widget = await new WidgetPage(page, 'backprop-222', stepper).ready();
    await expect.poll(() => widget.stepKey()).toBe("w5'");
    expect(await stepper.locator('input[name="w1"]').count()).toBe(0);
    const shadow = await stepper.evaluate((element) => ({
      hasShadow: element.shadowRoot !== null,
      kitStyled: [...element.shadowRoot!.querySelectorAll('style')].some((style) => style.textContent!.includes('.widget-frame')),
      mathNodes: element.shadowRoot!.querySelectorAll('math').length,
      pageStylesLeakIn: getComputedStyle(element.shadowRoot!.querySelector('[data-widget]')!).fontFamily.includes('system-ui'),
    }));
    // Formulas are native MathML, styled inside the shadow root: no KaTeX styles or fonts are needed there.
    expect(shadow).toMatchObject({ hasShadow: true, kitStyled: true });
    expect(shadow.mathNodes).toBeGreaterThan(0);
    await page.locator('#forward').click();
    await expect.poll(() => widget.stepKey()).toBe('dE_total/dw6');
    expect(await page.locator('#log').textContent()).toContain('nn-stepchange step 18 of 51: dE_total/dw6');
    expect(await stepper.evaluate((element) => (element as unknown as { status(): { step: number } }).status().step)).toBe(18);
    await stepper.evaluate((element) => (element as unknown as { goto(step: string): boolean }).goto('E_total_after_N'));
    expect(await page.locator('#log').textContent()).toContain('nn-end step 51 of 51');
  });

  it('every tag renders its widget in a shadow root', async () => {
    const page = await openPage('/examples/all-elements.html');
    const tags = await page.evaluate(() => [...document.querySelectorAll('body *')].map((e) => e.localName).filter((n) => n.startsWith('nn-')));
    expect(tags).toHaveLength(10);
    for (const tag of tags) {
      await page.locator(`${tag} [data-widget][data-ready="true"]`).waitFor({ timeout: 20_000 });
      expect(await page.locator(tag).evaluate((element) => element.shadowRoot !== null), tag).toBe(true);
    }
    expect(await page.locator('nn-activation-functions [data-widget]').getAttribute('data-widget')).toBe('activation-functions');
  });
});
