/**
 * Lesson maths (src/components/lesson/mathml.ts): KaTeX's MathML trimmed of the elements that cost
 * DOM but draw nothing, with the same drawing.
 */
import { describe, expect, it } from 'vitest';
import { mathElement, renderMathml } from '../../src/components/lesson/mathml';

const tags = (markup: string) => [...markup.matchAll(/<([a-z]+)[\s>]/g)].map(([, tag]) => tag);

describe('lesson MathML', () => {
  const BARE: Record<string, [tex: string, markup: string]> = {
    'a single letter': ['w', '<math><mi>w</mi></math>'],
    'a subscripted weight': ['w_5', '<math><msub><mi>w</mi><mn>5</mn></msub></math>'],
    'a name written letter by letter': ['net_{h1}', '<math><msub><mi mathvariant="italic">net</mi><mrow><mi>h</mi><mn>1</mn></mrow></msub></math>'],
    'a two-letter product, not a name': ['ab', '<math><mi>a</mi><mi>b</mi></math>'],
    'an operator name': ['\\tanh x', '<math><mi mathvariant="normal">tanh</mi><mo>⁡</mo><mi>x</mi></math>'],
  };
  it.each(Object.entries(BARE))('renders %s as the bare elements it needs', (_, [tex, expected]) => {
    expect(mathElement(tex)).toBe(expected);
  });

  it('drops the TeX annotation and the semantics wrapper', () => {
    const markup = mathElement('\\sigma(x) = \\frac{1}{1+e^{-x}}');
    expect(markup).not.toMatch(/semantics|annotation|xmlns/);
    expect(markup.startsWith('<math>')).toBe(true);
  });

  it('moves a display fraction’s style onto the fraction instead of wrapping it', () => {
    const markup = mathElement('\\dfrac{a}{b}');
    expect(tags(markup)).toEqual(['math', 'mfrac', 'mi', 'mi']);
    expect(markup).toMatch(/<mfrac [^>]*displaystyle="true"/);
    expect(markup).toMatch(/<mfrac [^>]*scriptlevel="0"/);
  });

  it('keeps an mstyle that styles several elements', () => {
    expect(tags(mathElement('\\displaystyle a + b'))).toContain('mstyle');
  });

  it('puts display maths in a focusable scroll box and leaves inline maths bare', () => {
    expect(renderMathml('a', { display: true })).toBe('<div class="math-display" tabindex="0"><math display="block"><mi>a</mi></math></div>');
    expect(renderMathml('a')).toBe('<math><mi>a</mi></math>');
  });
});
