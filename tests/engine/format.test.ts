import { describe, expect, it } from 'vitest';
import { decimalsOf, formatNumber, texNumber } from '../../src/engine/core/format';

describe('formatNumber', () => {
  it.each([
    [0.5932699921071872, undefined, '0.593269992'],
    [0.000035084786, undefined, '0.000035085'],
    [0.3775, undefined, '0.3775'],
    [-0.019049118258, undefined, '-0.019049118'],
    [0, undefined, '0'],
    [1.5e-9, undefined, '1.5e-9'],
    [2.5e12, undefined, '2.5e+12'],
    [0.05, 4, '0.05'],
    [0.00003, 4, '3e-5'],
    [Number.NaN, undefined, '—'],
    [Number.POSITIVE_INFINITY, undefined, '∞'],
  ])('%d with %s decimals → %s', (value, decimals, expected) => {
    expect(formatNumber(value, decimals)).toBe(expected);
  });

  it('writes LaTeX exponents and parenthesises negatives on request', () => {
    expect(texNumber(1.5e-9)).toBe('1.5 \\times 10^{-9}');
    expect(texNumber(-0.5, { parenthesiseNegative: true })).toBe('(-0.5)');
  });

  it('counts printed decimals', () => {
    expect(decimalsOf('0.74136507')).toBe(8);
    expect(decimalsOf('12')).toBe(0);
  });
});
