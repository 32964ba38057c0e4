/** The feature counts documents 000 and 003 quote, recomputed exactly. */
import { describe, expect, it } from 'vitest';
import { binomial, monomialsOfDegree, pairwiseProducts, polynomialParameters } from '../../src/engine/lessons/feature-count';

describe('feature explosion', () => {
  it.each([
    [5, 2, 10n],
    [10, 0, 1n],
    [10, 10, 1n],
    [4, 5, 0n],
    [100, 2, 4950n],
  ])('C(%i, %i) = %s', (n, k, expected) => {
    expect(binomial(n, k)).toBe(expected);
  });

  it('document 000: pairwise products of 100 features are "close to 5000"', () => {
    expect(pairwiseProducts(100)).toBe(4950n);
  });

  it('document 003: a quadratic model of 100 features has C(100,2) + 201 parameters', () => {
    expect(polynomialParameters(100, 2)).toBe(pairwiseProducts(100) + 201n);
    expect(monomialsOfDegree(100, 2)).toBe(4950n + 100n);
  });

  it('document 003: 2500 pixels give about 2500²/2, "close to 3 million", pairwise terms', () => {
    const exact = Number(pairwiseProducts(2500));
    expect(exact).toBe(3123750);
    expect(Math.abs(exact - 2500 ** 2 / 2) / exact).toBeLessThan(0.001);
  });

  it('degree 6 in 100 features needs over a billion parameters', () => {
    expect(polynomialParameters(100, 6)).toBe(1705904746n);
  });

  it('refuses negative or fractional arguments', () => {
    expect(() => binomial(-1, 2)).toThrow(RangeError);
    expect(() => binomial(2.5, 1)).toThrow(RangeError);
  });
});
