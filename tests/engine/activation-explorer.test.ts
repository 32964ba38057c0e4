/**
 * The activation explorer: hand-checked values, every f′ against a finite difference, the identities
 * the documents state (and the ones they print wrongly), saturation boundaries and Maxout special cases.
 */
import { describe, expect, it } from 'vitest';
import {
  EXPLORER_ACTIVATIONS,
  IDENTITY_TOLERANCE,
  MAX_POINTS,
  MIN_POINTS,
  RELU_AS_MAXOUT,
  identityChecks,
  kinksIn,
  leakyReluAsMaxout,
  maxoutAt,
  maxoutSpecialCases,
  sampleActivation,
  saturationIntervals,
  sigmoidDerivativeMaximum,
  valueAt,
  type ActivationSamples,
  type ExplorerActivationName,
  type IdentityCheck,
  type MaxoutParams,
  type ZInterval,
} from '../../src/engine/models/activation-explorer';
import { sigmoid } from '../../src/engine/core/activations';
import { createRng, uniform } from '../../src/engine/core/random';
import { centralDifference, relativeError } from './gradient-check';

function samples(result: ReturnType<typeof sampleActivation>): ActivationSamples {
  if ('error' in result) throw new Error(`refused: ${JSON.stringify(result.error)}`);
  return result;
}

function intervals(result: ReturnType<typeof saturationIntervals>): ZInterval[] {
  if ('error' in result) throw new Error(`refused: ${JSON.stringify(result.error)}`);
  return result.intervals;
}

function checks(zs: number[]): Record<IdentityCheck['id'], IdentityCheck> {
  const result = identityChecks(zs);
  if ('error' in result) throw new Error(`refused: ${JSON.stringify(result.error)}`);
  return Object.fromEntries(result.map((c) => [c.id, c])) as Record<IdentityCheck['id'], IdentityCheck>;
}

const grid = (from: number, to: number, count: number) => Array.from({ length: count }, (_, i) => from + ((to - from) * i) / (count - 1));

describe('hand-checked values', () => {
  const HAND_VALUES: [string, ExplorerActivationName, number, number, number, { alpha?: number; maxout?: MaxoutParams }][] = [
    ['σ(0) = 0.5, σ′(0) = 0.25', 'sigmoid', 0, 0.5, 0.25, {}],
    ['σ(2) = 0.880797078, σ′(2) = 0.104993585', 'sigmoid', 2, 0.880797078, 0.104993585, {}],
    ['tanh(1) = 0.761594156, tanh′(1) = 0.419974342', 'tanh', 1, 0.761594156, 0.419974342, {}],
    ['tanh(0) = 0, tanh′(0) = 1', 'tanh', 0, 0, 1, {}],
    ['ReLU(2) = 2, slope 1', 'relu', 2, 2, 1, {}],
    ['ReLU(−2) = 0, slope 0', 'relu', -2, 0, 0, {}],
    ['leaky ReLU(2) = 2, slope 1 (α = 0.1)', 'leakyRelu', 2, 2, 1, { alpha: 0.1 }],
    ['leaky ReLU(−2) = −0.2, slope 0.1 (α = 0.1)', 'leakyRelu', -2, -0.2, 0.1, { alpha: 0.1 }],
    ['leaky ReLU(−2) = −0.02, slope 0.01 (default α)', 'leakyRelu', -2, -0.02, 0.01, {}],
    ['linear(−3.5) = −3.5, slope 1', 'linear', -3.5, -3.5, 1, {}],
    ['Maxout as ReLU at 2', 'maxout', 2, 2, 1, { maxout: RELU_AS_MAXOUT }],
    ['Maxout as ReLU at −2', 'maxout', -2, 0, 0, { maxout: RELU_AS_MAXOUT }],
    ['Maxout as leaky ReLU (α = 0.1) at −2', 'maxout', -2, -0.2, 0.1, { maxout: leakyReluAsMaxout(0.1) }],
    ['Maxout max(−x + 1, 2x − 2) at 0: first piece 1, slope −1', 'maxout', 0, 1, -1, { maxout: { w1: -1, b1: 1, w2: 2, b2: -2 } }],
    ['Maxout max(−x + 1, 2x − 2) at 3: second piece 4, slope 2', 'maxout', 3, 4, 2, { maxout: { w1: -1, b1: 1, w2: 2, b2: -2 } }],
  ];

  it.each(HAND_VALUES)('%s', (_label, name, z, f, df, settings) => {
    const value = valueAt(name, z, settings.alpha, settings.maxout);
    expect(value.f).toBeCloseTo(f, 9);
    expect(value.df).toBeCloseTo(df, 9);
  });

  it('Maxout reports which piece is active', () => {
    expect(maxoutAt(-2, RELU_AS_MAXOUT).activePiece).toBe(1);
    expect(maxoutAt(2, RELU_AS_MAXOUT).activePiece).toBe(2);
  });
});

describe('every f′ against a central finite difference, away from kinks', () => {
  const rng = createRng(2024);
  const randomMaxout: MaxoutParams = { w1: uniform(rng, -3, 3), b1: uniform(rng, -2, 2), w2: uniform(rng, -3, 3), b2: uniform(rng, -2, 2) };
  const CASES: [ExplorerActivationName, number, MaxoutParams][] = [
    ['sigmoid', 0.01, RELU_AS_MAXOUT],
    ['tanh', 0.01, RELU_AS_MAXOUT],
    ['relu', 0.01, RELU_AS_MAXOUT],
    ['leakyRelu', 0.2, RELU_AS_MAXOUT],
    ['leakyRelu', -0.5, RELU_AS_MAXOUT],
    ['linear', 0.01, RELU_AS_MAXOUT],
    ['maxout', 0.01, RELU_AS_MAXOUT],
    ['maxout', 0.3, leakyReluAsMaxout(0.3)],
    ['maxout', 0.01, randomMaxout],
  ];

  it.each(CASES)('%s (α = %s)', (name, alpha, maxout) => {
    const curve = samples(sampleActivation(name, { from: -6, to: 6, points: 301, alpha, maxout }));
    let compared = 0;
    curve.z.forEach((z, i) => {
      if (curve.kinks.some((kink) => Math.abs(z - kink) < 1e-3)) return;
      const numeric = centralDifference((x) => valueAt(name, x, alpha, maxout).f, z);
      expect(relativeError(curve.df[i], numeric), `${name} at z = ${z}`).toBeLessThan(1e-6);
      compared++;
    });
    expect(compared).toBeGreaterThan(290);
  });
});

describe('identities the documents state', () => {
  const zs = grid(-20, 20, 4001);
  const results = checks(zs);

  it.each(['tanh-as-scaled-sigmoid', 'tanh-exponential-form', 'sigmoid-derivative', 'tanh-derivative'] as const)('%s holds to 1e-12', (id) => {
    expect(results[id].maxDeviation).toBeLessThanOrEqual(1e-12);
    expect(results[id].holds).toBe(true);
    expect(results[id].expectedToHold).toBe(true);
  });

  it('stay finite for |z| up to 1000 (no overflow in the closed forms)', () => {
    const far = checks([-1000, -710, 710, 1000]);
    Object.values(far).forEach((c) => expect(Number.isFinite(c.maxDeviation), c.id).toBe(true));
    expect(far['tanh-as-scaled-sigmoid'].maxDeviation).toBeLessThanOrEqual(IDENTITY_TOLERANCE);
  });

  it('document 000 Tanh: the printed (1 − e^{−z})/(1 + e^{−z}) is not tanh(z) — at z = 1 it is 0.46211716, tanh(1) = 0.76159416', () => {
    const printed = (1 - Math.exp(-1)) / (1 + Math.exp(-1));
    expect(printed).toBeCloseTo(0.46211716, 8);
    expect(Math.tanh(1)).toBeCloseTo(0.76159416, 8);
    expect(Math.abs(printed - Math.tanh(1))).toBeGreaterThan(0.29);
    expect(printed).toBeCloseTo(Math.tanh(0.5), 15);
    const atOne = checks([1])['tanh-exponential-form-as-printed-000'];
    expect(atOne.maxDeviation).toBeCloseTo(0.76159416 - 0.46211716, 8);
    expect(atOne.holds).toBe(false);
    expect(atOne.expectedToHold).toBe(false);
    expect(results['tanh-exponential-form-as-printed-000'].maxDeviation).toBeGreaterThan(0.3);
  });

  it('document 000 Tanh: with e^{−2z} the second equality is right — (1 − e^{−2}) / (1 + e^{−2}) = tanh(1)', () => {
    expect((1 - Math.exp(-2)) / (1 + Math.exp(-2))).toBeCloseTo(Math.tanh(1), 15);
    expect(checks([1])['tanh-exponential-form'].maxDeviation).toBeLessThanOrEqual(IDENTITY_TOLERANCE);
  });

  it('document 002 §7.2.8: tanh′ is 1 − A², not the printed (1 − A)² — at z = 1: 0.419974342 vs 0.056837346', () => {
    const a = Math.tanh(1);
    expect(1 - a ** 2).toBeCloseTo(0.419974342, 9);
    expect((1 - a) ** 2).toBeCloseTo(0.056837346, 9);
    expect(centralDifference(Math.tanh, 1)).toBeCloseTo(1 - a ** 2, 9);
    const printed = checks([1])['tanh-derivative-as-printed-002'];
    expect(printed.maxDeviation).toBeCloseTo(0.363136995, 9);
    expect(printed.holds).toBe(false);
    expect(results['tanh-derivative-as-printed-002'].worstZ).toBeLessThan(0);
  });

  it('refuses empty or non-finite samples', () => {
    expect(identityChecks([])).toEqual({ error: { field: 'zs', code: 'no-samples' } });
    expect(identityChecks([0, Number.NaN])).toEqual({ error: { field: 'zs', code: 'not-finite' } });
    expect(identityChecks([Infinity])).toEqual({ error: { field: 'zs', code: 'not-finite' } });
  });
});

describe('the largest sigmoid slope', () => {
  it('is found numerically at z = 0 with value 0.25', () => {
    const peak = sigmoidDerivativeMaximum();
    expect(Math.abs(peak.z)).toBeLessThan(1e-12);
    expect(Math.abs(peak.value - 0.25)).toBeLessThan(1e-15);
  });

  it('no sample of σ′ exceeds it', () => {
    const { value } = sigmoidDerivativeMaximum();
    const curve = samples(sampleActivation('sigmoid', { from: -10, to: 10, points: 2000 }));
    curve.df.forEach((d) => expect(d).toBeLessThanOrEqual(value));
  });

  it('document 003 §5: 0.25 is only the bound at z = 0; for a signal of size 1 the factor is σ′(1) = 0.196611933', () => {
    expect(valueAt('sigmoid', 1).df).toBeCloseTo(0.196611933, 9);
    expect(valueAt('sigmoid', -1).df).toBeLessThan(sigmoidDerivativeMaximum().value);
  });
});

describe('saturation intervals', () => {
  // σ′ = σ(1 − σ) = 0.05 ⇒ σ = (1 ± √0.8)/2 ⇒ |z| = ln((1 + √0.8)/(1 − √0.8)).
  const sigmoidBoundary = Math.log((1 + Math.sqrt(0.8)) / (1 - Math.sqrt(0.8)));

  it('the hand-derived sigmoid boundary is 2.887 and σ′ = 0.05 there', () => {
    expect(sigmoidBoundary).toBeCloseTo(2.887, 3);
    expect(valueAt('sigmoid', sigmoidBoundary).df).toBeCloseTo(0.05, 12);
  });

  it('sigmoid at threshold 0.05 saturates for |z| > 2.887', () => {
    const found = intervals(saturationIntervals('sigmoid', { from: -8, to: 8 }, 0.05));
    expect(found).toHaveLength(2);
    expect(found[0].from).toBe(-8);
    expect(Math.abs(found[0].to + sigmoidBoundary)).toBeLessThan(1e-3);
    expect(Math.abs(found[1].from - sigmoidBoundary)).toBeLessThan(1e-3);
    expect(found[1].to).toBe(8);
  });

  it('tanh at threshold 0.05 saturates beyond |z| = atanh(√0.95)', () => {
    const boundary = Math.atanh(Math.sqrt(0.95));
    const found = intervals(saturationIntervals('tanh', { from: -5, to: 5 }, 0.05));
    expect(found.map((r) => [r.from, r.to])).toEqual([
      [-5, expect.closeTo(-boundary, 9)],
      [expect.closeTo(boundary, 9), 5],
    ]);
  });

  it('ReLU saturates on the whole negative side; leaky ReLU with α ≥ threshold and linear never do', () => {
    const relu = intervals(saturationIntervals('relu', { from: -3, to: 4 }, 0.05));
    expect(relu).toHaveLength(1);
    expect(relu[0].from).toBe(-3);
    expect(Math.abs(relu[0].to)).toBeLessThan(1e-9);
    expect(intervals(saturationIntervals('leakyRelu', { from: -3, to: 4 }, 0.05, { alpha: 0.1 }))).toEqual([]);
    expect(intervals(saturationIntervals('leakyRelu', { from: -3, to: 4 }, 0.05, { alpha: 0.01 }))).toHaveLength(1);
    expect(intervals(saturationIntervals('linear', { from: -3, to: 4 }, 0.05))).toEqual([]);
  });

  it('Maxout saturates where its active piece is flat', () => {
    const found = intervals(saturationIntervals('maxout', { from: -3, to: 4 }, 0.05, { maxout: { w1: 0, b1: 1, w2: 1, b2: 0 } }));
    expect(found).toHaveLength(1);
    expect(found[0].from).toBe(-3);
    expect(found[0].to).toBeCloseTo(1, 9);
  });

  it('a range entirely inside the flat tail is one interval', () => {
    expect(intervals(saturationIntervals('sigmoid', { from: 5, to: 9 }, 0.05))).toEqual([{ from: 5, to: 9 }]);
  });

  it('refuses bad thresholds and ranges', () => {
    expect(saturationIntervals('sigmoid', { from: -1, to: 1 }, 0)).toEqual({ error: { field: 'threshold', code: 'not-positive' } });
    expect(saturationIntervals('sigmoid', { from: -1, to: 1 }, Number.NaN)).toEqual({ error: { field: 'threshold', code: 'not-finite' } });
    expect(saturationIntervals('sigmoid', { from: 1, to: -1 }, 0.05)).toEqual({ error: { field: 'to', code: 'inverted-range' } });
  });
});

describe('Maxout special cases (document 003 §4)', () => {
  const zs = grid(-5, 5, 1001);

  it('w1 = b1 = 0, w2 = 1, b2 = 0 is ReLU and w1 = α is leaky ReLU, for every α in [0, 1]', () => {
    for (const alpha of [0, 0.01, 0.1, 0.5, 1]) {
      const result = maxoutSpecialCases(zs, alpha);
      if ('error' in result) throw new Error('refused');
      result.forEach((c) => expect(c.maxDeviation, `${c.id}, α = ${alpha}`).toBe(0));
    }
  });

  it('slopes agree with ReLU and leaky ReLU away from the kink at 0', () => {
    zs.filter((z) => Math.abs(z) > 1e-9).forEach((z) => {
      expect(valueAt('maxout', z, 0.01, RELU_AS_MAXOUT).df).toBe(valueAt('relu', z).df);
      expect(valueAt('maxout', z, 0.2, leakyReluAsMaxout(0.2)).df).toBe(valueAt('leakyRelu', z, 0.2).df);
    });
  });

  it('max(αx, x) stops being leaky ReLU once α > 1', () => {
    const result = maxoutSpecialCases(zs, 2);
    if ('error' in result) throw new Error('refused');
    const leaky = result.find((c) => c.id === 'leakyRelu')!;
    expect(leaky.holds).toBe(false);
    expect(leaky.maxDeviation).toBeCloseTo(5, 12);
  });

  it('the kink sits where the pieces cross, (b2 − b1)/(w1 − w2)', () => {
    expect(kinksIn('maxout', { from: -5, to: 5 }, 0.01, { w1: -1, b1: 1, w2: 2, b2: -2 })).toEqual([1]);
    expect(kinksIn('maxout', { from: -5, to: 5 }, 0.01, { w1: 1, b1: 1, w2: 1, b2: -2 })).toEqual([]);
    expect(kinksIn('relu', { from: 1, to: 5 })).toEqual([]);
  });

  it('document 003 §4 Leaky ReLU: the "small negative gradient" 0.01 is a positive slope on the negative side', () => {
    expect(valueAt('leakyRelu', -2, 0.01).df).toBe(0.01);
    expect(centralDifference((x) => valueAt('leakyRelu', x, 0.01).f, -2)).toBeCloseTo(0.01, 9);
  });
});

describe('sampling', () => {
  it('spans [from, to] inclusively with the asked number of points', () => {
    const curve = samples(sampleActivation('tanh', { from: -2, to: 3, points: 6 }));
    expect(curve.z).toEqual([-2, -1, 0, 1, 2, 3]);
    expect(curve.f).toHaveLength(6);
    expect(curve.df).toHaveLength(6);
  });

  it.each([
    [0, MIN_POINTS],
    [1, MIN_POINTS],
    [2.6, 3],
    [1e9, MAX_POINTS],
    [-5, MIN_POINTS],
  ])('clamps %s points to %s', (points, expected) => {
    expect(samples(sampleActivation('sigmoid', { from: -1, to: 1, points })).z).toHaveLength(expected);
  });

  it('never returns NaN, even at the range limits and the largest settings', () => {
    for (const name of EXPLORER_ACTIVATIONS) {
      const curve = samples(sampleActivation(name, { from: -1e6, to: 1e6, points: 50, alpha: 1000, maxout: { w1: -1000, b1: 1000, w2: 1000, b2: -1000 } }));
      [...curve.f, ...curve.df].forEach((v) => expect(Number.isFinite(v), name).toBe(true));
    }
  });

  it('reports the kink of ReLU and leaky ReLU', () => {
    expect(samples(sampleActivation('relu', { from: -1, to: 1, points: 10 })).kinks).toEqual([0]);
    expect(samples(sampleActivation('leakyRelu', { from: -1, to: 1, points: 10, alpha: 0.2 })).kinks).toEqual([0]);
    expect(samples(sampleActivation('sigmoid', { from: -1, to: 1, points: 10 })).kinks).toEqual([]);
  });

  it.each([
    [{ from: Number.NaN, to: 1, points: 10 }, { field: 'from', code: 'not-finite' }],
    [{ from: -1, to: Infinity, points: 10 }, { field: 'to', code: 'not-finite' }],
    [{ from: 2, to: 1, points: 10 }, { field: 'to', code: 'inverted-range' }],
    [{ from: 1, to: 1, points: 10 }, { field: 'to', code: 'empty-range' }],
    [{ from: -2e6, to: 1, points: 10 }, { field: 'from', code: 'out-of-range' }],
    [{ from: -1, to: 1, points: Number.NaN }, { field: 'points', code: 'not-finite' }],
    [{ from: -1, to: 1, points: 10, alpha: Number.NaN }, { field: 'alpha', code: 'not-finite' }],
    [{ from: -1, to: 1, points: 10, alpha: 1e4 }, { field: 'alpha', code: 'out-of-range' }],
    [{ from: -1, to: 1, points: 10, maxout: { w1: 0, b1: Infinity, w2: 1, b2: 0 } }, { field: 'b1', code: 'not-finite' }],
  ])('refuses %o', (options, error) => {
    expect(sampleActivation('leakyRelu', options)).toEqual({ error });
  });

  it('refuses an unknown activation name', () => {
    expect(sampleActivation('softmax' as ExplorerActivationName, { from: -1, to: 1, points: 10 })).toEqual({ error: { field: 'name', code: 'unknown-activation' } });
  });

  it('uses the shared sigmoid', () => {
    expect(valueAt('sigmoid', -3).f).toBe(sigmoid(-3));
  });
});
