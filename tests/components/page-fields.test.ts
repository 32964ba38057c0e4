/**
 * Lesson pages name the link parameters no widget on them reads (issue #14: they ignored theme, lang
 * and unknown parameters silently), once per page, from the fields each widget root declares.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { claimedFields, EMBED_ONLY_FIELDS, isFirstWidget, unclaimedParameters, URL_FIELDS_ATTRIBUTE } from '../../src/components/shared/page-fields';

function page(...widgets: string[]): HTMLElement[] {
  document.body.innerHTML = widgets.map((fields) => `<div data-widget ${URL_FIELDS_ATTRIBUTE}="${fields}"></div>`).join('');
  return [...document.querySelectorAll<HTMLElement>('[data-widget]')];
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('page fields', () => {
  it.each([
    ['nothing unknown', 'step=3&w1=0.2', []],
    ['the embed-only options', 'theme=light&lang=en&controls=0&projector=1', ['theme=light', 'lang=en', 'controls=0', 'projector=1']],
    ['an unknown name and a field of a widget not on the page', 'bogus=1&step=2&fn=relu', ['bogus=1', 'fn=relu']],
    ['a second widget’s prefixed field, and the unprefixed one it does not read', 'b.a=2&a=2', ['a=2']],
    ['Pagefind’s highlight parameter', 'pagefind-highlight=梯度', []],
  ])('names %s', (_case, query, expected) => {
    page('step w1 order', 'b.a b.b');
    expect(unclaimedParameters(new URLSearchParams(query), claimedFields(document))).toEqual(expected);
  });

  it('lets only the first widget name them, so the page says it once', () => {
    const [first, second] = page('step', 'b.a');
    expect(isFirstWidget(first)).toBe(true);
    expect(isFirstWidget(second)).toBe(false);
  });

  it('counts theme, lang, controls and projector as embed-only', () => {
    expect([...EMBED_ONLY_FIELDS].sort()).toEqual(['controls', 'lang', 'projector', 'theme']);
  });
});
