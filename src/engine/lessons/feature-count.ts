/**
 * How many terms a polynomial model needs: the "feature explosion" that documents 000 and 003 use
 * to motivate neural networks. Exact integer arithmetic with BigInt, since the counts grow fast.
 */
import { EngineRangeError } from '../core/validation';

/** C(n, k) = n! / (k! (n − k)!) */
export function binomial(n: number, k: number): bigint {
  for (const [field, value] of [['n', n], ['k', k]] as const) {
    if (!Number.isInteger(value)) throw new EngineRangeError(field, 'not-an-integer', 'n and k must be whole numbers ≥ 0', { received: String(value) });
    if (value < 0) throw new EngineRangeError(field, 'out-of-range', 'n and k must be whole numbers ≥ 0', { received: String(value) });
  }
  if (k > n) return 0n;
  let result = 1n;
  for (let i = 1; i <= Math.min(k, n - k); i++) result = (result * BigInt(n - i + 1)) / BigInt(i);
  return result;
}

/** Products of two different features x_i x_j (i < j): C(n, 2). */
export function pairwiseProducts(n: number): bigint {
  return binomial(n, 2);
}

/** Every monomial of degree exactly d in n features: C(n + d − 1, d). */
export function monomialsOfDegree(n: number, d: number): bigint {
  return binomial(n + d - 1, d);
}

/** Parameters θ of a polynomial model up to degree d, bias included: C(n + d, d). */
export function polynomialParameters(n: number, d: number): bigint {
  return binomial(n + d, d);
}
