/**
 * Softmax with cross-entropy: document 002 §7.2.4's ten-class example, the gradient p − y and the
 * Jacobian against finite differences on seeded random logits, stability and refused input.
 */
import { describe, expect, it } from 'vitest';
import { softmax } from '../../src/engine/core/activations';
import { createRng, uniform } from '../../src/engine/core/random';
import {
  DOCUMENT_002_PRESET,
  DOCUMENT_002_PROBABILITIES,
  DOCUMENT_002_TARGET_INDEX,
  fromProbabilities,
  logSumExp,
  softmaxCrossEntropy,
  softmaxTwoClassAsSigmoid,
  type SoftmaxCrossEntropyResult,
} from '../../src/engine/models/softmax-cross-entropy';
import { centralDifference, relativeError } from './gradient-check';

function computed(logits: readonly number[], targetIndex: number): SoftmaxCrossEntropyResult {
  const result = softmaxCrossEntropy(logits, targetIndex);
  if ('error' in result) throw new Error(`refused: ${JSON.stringify(result.error)}`);
  return result;
}

const lossAt = (logits: number[], targetIndex: number) => computed(logits, targetIndex).loss;
const withEntry = (values: readonly number[], index: number, x: number) => values.map((v, k) => (k === index ? x : v));

function randomLogits(seed: number): { logits: number[]; targetIndex: number } {
  const rng = createRng(seed);
  const classes = 2 + Math.floor(rng() * 8);
  const logits = Array.from({ length: classes }, () => uniform(rng, -4, 4));
  return { logits, targetIndex: Math.floor(rng() * classes) };
}

const SEEDS = [1, 2, 3, 5, 8, 13, 21, 34];

describe('document 002 §7.2.4: the ten-class example', () => {
  const preset = computed(DOCUMENT_002_PRESET.logits, DOCUMENT_002_PRESET.targetIndex);

  it('the printed probabilities form a distribution', () => {
    expect(DOCUMENT_002_PROBABILITIES).toHaveLength(10);
    expect(DOCUMENT_002_PROBABILITIES.reduce((s, p) => s + p, 0)).toBeCloseTo(1, 15);
  });

  it('the preset logits are ln p_k and their softmax gives the printed probabilities back', () => {
    DOCUMENT_002_PRESET.logits.forEach((z, k) => expect(z).toBe(Math.log(DOCUMENT_002_PROBABILITIES[k])));
    preset.probabilities.forEach((p, k) => expect(Math.abs(p - DOCUMENT_002_PROBABILITIES[k]), `p_${k}`).toBeLessThan(1e-15));
  });

  it('the target is class 6 (0-based), one-hot', () => {
    expect(DOCUMENT_002_TARGET_INDEX).toBe(6);
    expect(preset.target).toEqual([0, 0, 0, 0, 0, 0, 1, 0, 0, 0]);
  });

  it('loss = −ln 0.10 = 2.302585093', () => {
    expect(preset.loss).toBeCloseTo(2.302585093, 9);
    expect(preset.loss).toBeCloseTo(-Math.log(0.1), 14);
    expect(preset.lossTerms.filter((t) => t !== 0)).toHaveLength(1);
  });

  it('pins the sign: the loss is +2.302585093, not the printed "1log(0.10)" = −2.302585093, and uses ln, not log₁₀', () => {
    const printedLiterally = 1 * Math.log(0.1);
    expect(printedLiterally).toBeCloseTo(-2.302585093, 9);
    expect(preset.loss).toBeGreaterThan(0);
    expect(preset.loss).toBeCloseTo(-printedLiterally, 14);
    expect(preset.loss).not.toBeCloseTo(-Math.log10(0.1), 3);
  });

  it('gradient p − y: −0.9 at the target, p_k elsewhere', () => {
    expect(preset.gradient[6]).toBeCloseTo(-0.9, 15);
    preset.gradient.forEach((g, k) => k !== 6 && expect(g).toBeCloseTo(DOCUMENT_002_PROBABILITIES[k], 15));
    expect(preset.gradient.reduce((s, g) => s + g, 0)).toBeCloseTo(0, 15);
  });

  it('the network predicts class 5 (p = 0.20), not the target', () => {
    expect(preset.predictedIndex).toBe(5);
  });
});

describe.each(SEEDS)('finite differences, seed %i', (seed) => {
  const { logits, targetIndex } = randomLogits(seed);
  const result = computed(logits, targetIndex);

  it('∂L/∂z_k = p_k − y_k for every logit', () => {
    logits.forEach((zk, k) => {
      const numeric = centralDifference((x) => lossAt(withEntry(logits, k, x), targetIndex), zk);
      expect(relativeError(result.gradient[k], numeric), `∂L/∂z_${k}`).toBeLessThan(1e-6);
    });
  });

  it('∂p_i/∂z_j matches a finite difference of softmax for every entry', () => {
    logits.forEach((zj, j) => {
      result.probabilities.forEach((_, i) => {
        const numeric = centralDifference((x) => softmax(withEntry(logits, j, x))[i], zj);
        expect(relativeError(result.jacobian[i][j], numeric), `∂p_${i}/∂z_${j}`).toBeLessThan(1e-6);
      });
    });
  });

  it('every Jacobian row sums to 0 (probabilities always sum to 1) and the Jacobian is symmetric', () => {
    result.jacobian.forEach((row, i) => {
      expect(row.reduce((s, v) => s + v, 0)).toBeCloseTo(0, 15);
      row.forEach((v, j) => expect(v).toBe(result.jacobian[j][i]));
    });
  });

  it('the gradient is the Jacobian applied to ∂L/∂p = −y/p', () => {
    const dLossDp = result.probabilities.map((p, k) => -result.target[k] / p);
    result.gradient.forEach((g, j) => {
      const chained = result.jacobian.reduce((s, row, i) => s + row[j] * dLossDp[i], 0);
      expect(g).toBeCloseTo(chained, 12);
    });
  });

  it('loss equals −ln p_target and is never negative', () => {
    expect(result.loss).toBeCloseTo(-Math.log(result.probabilities[targetIndex]), 12);
    expect(result.loss).toBeGreaterThanOrEqual(0);
  });
});

describe('stability', () => {
  it('logits of 1000 do not overflow', () => {
    const result = computed([1000, 999, 998], 0);
    const expected = softmax([2, 1, 0]);
    result.probabilities.forEach((p, k) => expect(p).toBeCloseTo(expected[k], 15));
    expect(result.loss).toBeCloseTo(-Math.log(expected[0]), 12);
  });

  it('a target whose probability underflows to 0 still has a finite loss', () => {
    const result = computed([1000, 0], 1);
    expect(result.probabilities[1]).toBe(0);
    expect(result.loss).toBe(1000);
    expect(result.gradient).toEqual([1, -1]);
  });

  it('shifting every logit by a constant changes nothing', () => {
    const base = computed([0.3, -1.2, 2.5], 2);
    const shifted = computed([500.3, 498.8, 502.5], 2);
    base.probabilities.forEach((p, k) => expect(shifted.probabilities[k]).toBeCloseTo(p, 12));
    expect(shifted.loss).toBeCloseTo(base.loss, 12);
  });

  it('logSumExp(z) = ln Σ e^{z_j} without overflow', () => {
    expect(logSumExp([0, Math.log(3)])).toBeCloseTo(Math.log(4), 15);
    expect(logSumExp([1000, 1000])).toBeCloseTo(1000 + Math.log(2), 12);
  });

  it('equal logits give a uniform distribution, loss ln n and the first class as prediction', () => {
    const result = computed([2, 2, 2, 2], 3);
    result.probabilities.forEach((p) => expect(p).toBe(0.25));
    expect(result.loss).toBeCloseTo(Math.log(4), 15);
    expect(result.predictedIndex).toBe(0);
  });
});

describe('two classes: softmax reduces to the logistic sigmoid (document 000)', () => {
  it.each([
    [0, 0],
    [2, -1],
    [-3.5, 0.25],
    [700, -700],
    [-1000, 1000],
  ])('softmax([%s, %s])₀ = σ(z1 − z2)', (z1, z2) => {
    const { softmaxFirst, sigmoidOfDifference } = softmaxTwoClassAsSigmoid(z1, z2);
    expect(Math.abs(softmaxFirst - sigmoidOfDifference)).toBeLessThan(1e-15);
  });

  it('document 000 log loss: for y = 0 the loss −ln(1 − h) rises with h across all of 0 < h < 1 (the printed "h(x) > 1" is never reached)', () => {
    const logitsForH = grid(-6, 6, 25);
    const hs = logitsForH.map((z) => computed([z, 0], 0).probabilities[0]);
    const losses = logitsForH.map((z) => computed([z, 0], 1).loss);
    hs.forEach((h, i) => {
      expect(h).toBeLessThan(1);
      expect(losses[i]).toBeCloseTo(-Math.log(1 - h), 12);
      if (i > 0) expect(losses[i]).toBeGreaterThan(losses[i - 1]);
    });
  });
});

describe('fromProbabilities', () => {
  it('gives ln p_k, and softmax of the result is the distribution', () => {
    const p = [0.7, 0.2, 0.1];
    const logits = fromProbabilities(p);
    if ('error' in logits) throw new Error('refused');
    expect(logits).toEqual(p.map(Math.log));
    softmax(logits).forEach((s, k) => expect(s).toBeCloseTo(p[k], 15));
  });

  it('normalises any positive vector: softmax(ln w) = w / Σw', () => {
    const logits = fromProbabilities([2, 6]);
    if ('error' in logits) throw new Error('refused');
    expect(softmax(logits)[0]).toBeCloseTo(0.25, 15);
  });

  it.each([
    [[], { field: 'probabilities', code: 'empty' }],
    [[0.5, 0, 0.5], { field: 'probabilities', code: 'not-positive', index: 1 }],
    [[0.5, -0.1], { field: 'probabilities', code: 'not-positive', index: 1 }],
    [[Number.NaN, 1], { field: 'probabilities', code: 'not-finite', index: 0 }],
  ])('refuses %j', (p, error) => {
    expect(fromProbabilities(p)).toEqual({ error });
  });
});

describe('refused input', () => {
  it.each([
    [[], 0, { field: 'logits', code: 'empty' }],
    [[1, Number.NaN, 2], 0, { field: 'logits', code: 'not-finite', index: 1 }],
    [[1, 2, -Infinity], 0, { field: 'logits', code: 'not-finite', index: 2 }],
    [[1, 2e6], 0, { field: 'logits', code: 'out-of-range', index: 1 }],
    [[1, 2, 3], 3, { field: 'targetIndex', code: 'target-out-of-range' }],
    [[1, 2, 3], -1, { field: 'targetIndex', code: 'target-out-of-range' }],
    [[1, 2, 3], 1.5, { field: 'targetIndex', code: 'target-not-integer' }],
    [[1, 2, 3], Number.NaN, { field: 'targetIndex', code: 'target-not-integer' }],
  ])('softmaxCrossEntropy(%j, %s)', (logits, targetIndex, error) => {
    expect(softmaxCrossEntropy(logits, targetIndex)).toEqual({ error });
  });
});

function grid(from: number, to: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => from + ((to - from) * i) / (count - 1));
}
