/**
 * Every erratum has its English (src/content/errata/errata.yaml, `en`): a location, a correction
 * and an explanation in English, carrying the same numbers and formulas as the Chinese, and an
 * English gloss wherever the printed text it quotes is Chinese.
 */
import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { inlineMath } from '../../src/components/lesson/inline-math';
import { erratumSchema } from '../../src/content/schemas';

const RAW = load(readFileSync('src/content/errata/errata.yaml', 'utf8')) as Record<string, unknown>[];
const ERRATA = RAW.map((entry) => erratumSchema.parse(entry));

const CHINESE = /[\u3400-\u4dbf\u4e00-\u9fff]/;
const mathOf = (text: string) => [...text.matchAll(/\$[^$]+\$/g)].map((m) => m[0]);
const decimalsOf = (text: string) => [...text.matchAll(/\d+\.\d+/g)].map((m) => m[0]);
/** The text outside $…$, where prose lives. */
const proseOf = (text: string) => text.replace(/\$[^$]+\$/g, '');

describe('errata in English', () => {
  it('covers all 52 errata', () => {
    expect(ERRATA).toHaveLength(52);
  });

  it('refuses an erratum without English, or with part of it missing', () => {
    const [first] = RAW;
    const { en, ...withoutEnglish } = first as { en: Record<string, string> };
    expect(erratumSchema.safeParse(withoutEnglish).success).toBe(false);
    for (const field of ['location', 'correct', 'explanation']) {
      const { [field]: _dropped, ...partial } = en;
      expect(erratumSchema.safeParse({ ...first, en: partial }).success, field).toBe(false);
      expect(erratumSchema.safeParse({ ...first, en: { ...en, [field]: '' } }).success, `empty ${field}`).toBe(false);
    }
  });

  describe.each(ERRATA.map((erratum) => [erratum.id, erratum] as const))('%s', (_id, erratum) => {
    it('has its location and correction in English, with no Chinese left in their prose', () => {
      expect(proseOf(erratum.en.location)).not.toMatch(CHINESE);
      expect(proseOf(erratum.en.correct)).not.toMatch(CHINESE);
      expect(erratum.en.explanation).toMatch(/[A-Za-z]{3}/);
    });

    it('keeps every formula and every decimal number of the Chinese correction and explanation', () => {
      // English word order may move a formula, so the formulas are compared as a set.
      expect(mathOf(erratum.en.correct).sort()).toEqual(mathOf(erratum.correct).sort());
      expect(decimalsOf(erratum.en.correct)).toEqual(decimalsOf(erratum.correct));
      expect(decimalsOf(erratum.en.explanation).sort()).toEqual(expect.arrayContaining(decimalsOf(erratum.explanation).sort()));
      for (const formula of mathOf(erratum.location)) expect(erratum.en.location).toContain(formula);
    });

    it('glosses the printed text in English exactly when the document printed Chinese', () => {
      expect(erratum.en.printedGloss !== undefined, erratum.printed).toBe(CHINESE.test(proseOf(erratum.printed)));
      if (erratum.en.printedGloss) expect(proseOf(erratum.en.printedGloss)).not.toMatch(CHINESE);
    });
  });
});

describe('errata text on an English page', () => {
  it('marks each quoted run of Chinese as lang="zh-CN", leaving English and maths unmarked', () => {
    const html = inlineMath('方向 ("direction") is a slip for 反向，see $\\delta$ & more', 'en');
    expect(html).toContain('<span lang="zh-CN">方向</span> (&quot;direction&quot;) is a slip for <span lang="zh-CN">反向，</span>see ');
    expect(html).toContain('<math');
    expect(html).toContain('&amp; more');
    expect(html.match(/lang="zh-CN"/g)).toHaveLength(2);
  });

  it('leaves Chinese text on a Chinese page as it is', () => {
    expect(inlineMath('精确值为 −0.0190491183。')).toBe('精确值为 −0.0190491183。');
  });
});
