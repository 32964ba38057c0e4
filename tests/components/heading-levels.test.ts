/**
 * A widget's title takes the level its host page chooses (issue #14: an h3 straight under an embed
 * page's h1 broke the outline), and the widget's own section headings follow it without a gap.
 */
import type { Component } from 'svelte';
import { describe, expect, it } from 'vitest';
import { WIDGETS } from '../../src/components/registry';
import { renderWidget } from './widget-harness';

const levelsIn = (root: HTMLElement) => [...root.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((heading) => Number(heading.tagName.slice(1)));

describe.each(WIDGETS.map((entry) => entry.name))('the %s widget’s headings', { timeout: 30_000 }, (name) => {
  it.each([
    { host: 'a lesson page (the default)', headingLevel: undefined, titleLevel: 3 },
    { host: 'an embed page', headingLevel: 2, titleLevel: 2 },
  ])('on $host start with the title at h$titleLevel and never skip a level', async ({ headingLevel, titleLevel }) => {
    const { default: widget } = await WIDGETS.find((entry) => entry.name === name)!.load();
    const { root } = renderWidget(widget as Component<never>, name, headingLevel === undefined ? {} : { headingLevel });
    const title = root.querySelector('.widget-title')!;
    expect(title.tagName).toBe(`H${titleLevel}`);
    const [first, ...rest] = levelsIn(root);
    expect(first).toBe(titleLevel);
    let previous = first;
    for (const level of rest) {
      expect(level, 'a section heading sits below the title').toBeGreaterThan(titleLevel);
      expect(level, 'no level is skipped').toBeLessThanOrEqual(previous + 1);
      previous = level;
    }
  });
});
