/**
 * Document 000's cost functions: values against their definitions, gradients against finite
 * differences, the two-case log loss against the merged formula and the two-class cross-entropy,
 * and the likelihood identities −ln Π P = Σ log loss.
 */
import { describe, expect, it } from 'vitest';
import { sigmoid } from '../../src/engine/core/activations';
import {
  LIKELIHOOD_EXAMPLE,
  REGRESSION_EXAMPLE,
  REGRESSION_THETA,
  bernoulliProbability,
  coinLikelihood,
  coinLogLikelihood,
  cost,
  costGradient,
  gradientWithoutMean,
  hypothesis,
  likelihoodOf,
  logLoss,
  logLossByCase,
  squaredError,
  twoClassCrossEntropy,
  type CostName,
  type Hypothesis,
  type Sample,
} from '../../src/engine/lessons/cost-functions';
import { createRng, uniform } from '../../src/engine/core/random';
import { centralDifference, relativeError } from './gradient-check';

const rng = createRng(11);
const classification: Sample[] = Array.from({ length: 7 }, () => {
  const x = [uniform(rng, -2, 2), uniform(rng, -2, 2)];
  return { x, y: rng() < sigmoid(x[0] - x[1]) ? 1 : 0 };
});
const regression: Sample[] = Array.from({ length: 6 }, () => {
  const x = [uniform(rng, -2, 2), uniform(rng, -2, 2)];
  return { x, y: 2 * x[0] - x[1] + 0.5 + uniform(rng, -0.3, 0.3) };
});

const CASES: [Hypothesis, CostName, Sample[], number[]][] = [
  ['linear', 'mse', regression, [0.3, 1.1, -0.4]],
  ['logistic', 'mse', classification, [-0.2, 0.8, 0.5]],
  ['logistic', 'logLoss', classification, [0.1, -0.7, 1.3]],
  ['linear', 'mse', [...REGRESSION_EXAMPLE], [...REGRESSION_THETA]],
];

describe.each(CASES)('%s hypothesis, %s cost', (kind, name, data, theta) => {
  it('gradient matches finite differences', () => {
    const analytic = costGradient(kind, name, theta, data);
    theta.forEach((_, n) => {
      const J = (value: number) => cost(kind, name, theta.map((t, k) => (k === n ? value : t)), data);
      expect(relativeError(analytic[n], centralDifference(J, theta[n]))).toBeLessThan(1e-7);
    });
  });

  it('the sum without 1/m is m times too large', () => {
    const withMean = costGradient(kind, name, theta, data);
    gradientWithoutMean(kind, name, theta, data).forEach((value, n) => expect(value).toBeCloseTo(withMean[n] * data.length, 12));
  });
});

describe('cost values', () => {
  it('MSE is (1/2m) Σ (θᵀx − y)²', () => {
    const direct = REGRESSION_EXAMPLE.reduce((s, { x, y }) => s + (REGRESSION_THETA[0] + REGRESSION_THETA[1] * x[0] - y) ** 2, 0) / (2 * REGRESSION_EXAMPLE.length);
    expect(cost('linear', 'mse', REGRESSION_THETA, REGRESSION_EXAMPLE)).toBeCloseTo(direct, 14);
    expect(squaredError(0.3, 1)).toBeCloseTo(0.5 * 0.49, 15);
  });

  it.each([0.01, 0.2, 0.5, 0.8, 0.99])('log loss at h = %f: two cases, merged form and two-class cross-entropy agree', (h) => {
    expect(logLoss(h, 1)).toBeCloseTo(logLossByCase(h, 1), 12);
    expect(logLoss(h, 0)).toBeCloseTo(logLossByCase(h, 0), 12);
    expect(twoClassCrossEntropy(h, 1)).toBeCloseTo(logLoss(h, 1), 12);
    expect(twoClassCrossEntropy(h, 0)).toBeCloseTo(logLoss(h, 0), 12);
    expect(logLoss(h, 1)).toBeCloseTo(-Math.log(h), 12);
  });

  it('log loss falls with h when y = 1 and rises with h when y = 0, on all of (0, 1)', () => {
    const hs = Array.from({ length: 99 }, (_, i) => (i + 1) / 100);
    hs.slice(1).forEach((h, i) => {
      expect(logLoss(h, 1)).toBeLessThan(logLoss(hs[i], 1));
      expect(logLoss(h, 0)).toBeGreaterThan(logLoss(hs[i], 0));
    });
  });

  it('the linear log loss is refused', () => {
    expect(() => cost('linear', 'logLoss', [0, 1], [{ x: [1], y: 1 }])).toThrow(RangeError);
    expect(() => costGradient('logistic', 'mse', [0, 1], [])).toThrow(RangeError);
    expect(() => hypothesis('linear', [0, 1, 2], [1])).toThrow(RangeError);
  });
});

describe('likelihood', () => {
  it('P(y|x) = h^y (1 − h)^(1−y) picks h or 1 − h', () => {
    expect(bernoulliProbability(0.7, 1)).toBeCloseTo(0.7, 15);
    expect(bernoulliProbability(0.7, 0)).toBeCloseTo(0.3, 15);
  });

  it('−ln of the likelihood is the summed log loss, and divided by m the cost', () => {
    const { h, y } = LIKELIHOOD_EXAMPLE;
    const summary = likelihoodOf(h, y);
    expect(summary.likelihood).toBeCloseTo(0.9 * 0.8 * 0.6 * 0.3, 15);
    expect(summary.negativeLogLikelihood).toBeCloseTo(-Math.log(summary.likelihood), 12);
    const summed = h.reduce((s, hi, i) => s + logLoss(hi, y[i]), 0);
    expect(summary.negativeLogLikelihood).toBeCloseTo(summed, 12);
    expect(summary.meanLoss).toBeCloseTo(summed / h.length, 12);
    expect(() => likelihoodOf([0.5], [1, 0])).toThrow(RangeError);
  });

  it('the logistic cost is −(1/m) ln L(θ)', () => {
    const theta = [0.1, -0.7, 1.3];
    const h = classification.map(({ x }) => hypothesis('logistic', theta, x));
    const summary = likelihoodOf(h, classification.map((s) => s.y));
    expect(summary.meanLoss).toBeCloseTo(cost('logistic', 'logLoss', theta, classification), 12);
  });

  it('the coin likelihood peaks at the observed frequency', () => {
    const ps = Array.from({ length: 99 }, (_, i) => (i + 1) / 100);
    const best = ps.reduce((a, b) => (coinLikelihood(b, 7, 3) > coinLikelihood(a, 7, 3) ? b : a));
    expect(best).toBeCloseTo(0.7, 10);
  });

  it('the log-likelihood stays finite where the product underflows to 0', () => {
    expect(coinLogLikelihood(0.7, 7, 3)).toBeCloseTo(Math.log(coinLikelihood(0.7, 7, 3)), 12);
    expect(coinLikelihood(0.5, 600, 600)).toBe(0);
    expect(coinLogLikelihood(0.5, 600, 600)).toBeCloseTo(-1200 * Math.LN2, 9);
  });
});
