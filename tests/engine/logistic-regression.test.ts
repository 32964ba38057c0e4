/**
 * Logistic regression: the per-sample loop and the vectorised form of document 002 §7.2.7 give the
 * same cost and gradient, both match finite differences, a single sigmoid neuron in network.ts and
 * the one-feature gradient of gradient-descent.ts.
 */
import { describe, expect, it } from 'vitest';
import { sigmoid } from '../../src/engine/core/activations';
import { logisticCost as oneFeatureCost, logisticGradient as oneFeatureGradient, makeLogisticDataset } from '../../src/engine/models/gradient-descent';
import {
  LOGISTIC_EXAMPLE,
  gradientStep,
  logisticCost,
  loopGradient,
  train,
  vectorisedGradient,
  type LogisticProblem,
} from '../../src/engine/lessons/logistic-regression';
import { matmul, shapePair, transpose } from '../../src/engine/core/matrix';
import { backward, forward, type NetworkSpec } from '../../src/engine/core/network';
import { createRng, uniform } from '../../src/engine/core/random';
import { centralDifference, relativeError } from './gradient-check';

function randomProblem(seed: number, n: number, m: number): LogisticProblem {
  const rng = createRng(seed);
  return {
    X: Array.from({ length: n }, () => Array.from({ length: m }, () => uniform(rng, -3, 3))),
    Y: Array.from({ length: m }, () => (rng() < 0.5 ? 0 : 1)),
    w: Array.from({ length: n }, () => uniform(rng, -1, 1)),
    b: uniform(rng, -1, 1),
  };
}

const PROBLEMS: [string, LogisticProblem][] = [
  ['the lesson example (n=2, m=3)', LOGISTIC_EXAMPLE as LogisticProblem],
  ['random n=1, m=5', randomProblem(1, 1, 5)],
  ['random n=3, m=4', randomProblem(2, 3, 4)],
  ['random n=4, m=10', randomProblem(3, 4, 10)],
];

describe.each(PROBLEMS)('%s', (_name, problem) => {
  const loop = loopGradient(problem);
  const vec = vectorisedGradient(problem);

  it('loop and vectorised forms agree', () => {
    expect(vec.J).toBeCloseTo(loop.J, 12);
    expect(vec.db).toBeCloseTo(loop.db, 12);
    vec.dw.forEach((value, k) => expect(value).toBeCloseTo(loop.dw[k], 12));
    vec.Z[0].forEach((z, i) => expect(z).toBeCloseTo(loop.samples[i].z, 12));
    vec.dZ[0].forEach((dz, i) => expect(dz).toBeCloseTo(loop.samples[i].dz, 12));
  });

  it('has the shapes of §7.2.7', () => {
    const [n, m] = shapePair(problem.X);
    expect(shapePair(vec.Z)).toEqual([1, m]);
    expect(shapePair(vec.A)).toEqual([1, m]);
    expect(shapePair(vec.dZ)).toEqual([1, m]);
    expect(shapePair(vec.dW)).toEqual([n, 1]);
  });

  it('matches finite differences of J', () => {
    problem.w.forEach((_, k) => {
      const cost = (value: number) => logisticCost({ ...problem, w: problem.w.map((wk, j) => (j === k ? value : wk)) });
      expect(relativeError(vec.dw[k], centralDifference(cost, problem.w[k]))).toBeLessThan(1e-7);
    });
    const costB = (value: number) => logisticCost({ ...problem, b: value });
    expect(relativeError(vec.db, centralDifference(costB, problem.b))).toBeLessThan(1e-7);
  });

  it('matches a single sigmoid neuron with log loss in network.ts, averaged over the samples', () => {
    const [n, m] = shapePair(problem.X);
    const spec: NetworkSpec = { inputSize: n, layers: [{ size: 1, activation: { name: 'sigmoid' } }], loss: 'binaryCrossEntropy' };
    const params = { weights: [[[...problem.w]]], biases: [[problem.b]] };
    let dw = new Array<number>(n).fill(0);
    let db = 0;
    for (let i = 0; i < m; i++) {
      const x = problem.X.map((row) => row[i]);
      const result = forward(spec, params, x);
      expect(result.output[0]).toBeCloseTo(loop.samples[i].a, 12);
      const gradients = backward(spec, params, result, [problem.Y[i]]);
      dw = dw.map((value, k) => value + gradients.weights[0][0][k] / m);
      db += gradients.biases[0][0] / m;
    }
    dw.forEach((value, k) => expect(value).toBeCloseTo(vec.dw[k], 12));
    expect(db).toBeCloseTo(vec.db, 12);
  });
});

describe('the lesson example', () => {
  const loop = loopGradient(LOGISTIC_EXAMPLE as LogisticProblem);

  it('starts from the computation-graph preset: z¹ = 0.1', () => {
    expect(loop.samples[0].z).toBeCloseTo(0.1, 15);
    expect(loop.samples[0].a).toBeCloseTo(sigmoid(0.1), 15);
  });

  it('dw₂ is dz·x₂ for each sample, not dz·x₁ (erratum 002-dj-dw2-chain)', () => {
    loop.samples.forEach((s) => {
      expect(s.dw[1]).toBeCloseTo(s.dz * s.x[1], 15);
      if (s.x[0] !== s.x[1]) expect(s.dw[1]).not.toBeCloseTo(s.dz * s.x[0], 6);
    });
  });

  it('keeps the sums before dividing by m', () => {
    expect(loop.sums.db / 3).toBeCloseTo(loop.db, 15);
    loop.sums.dw.forEach((value, k) => expect(value / 3).toBeCloseTo(loop.dw[k], 15));
  });

  it('lowers J with gradient descent', () => {
    const records = train(LOGISTIC_EXAMPLE as LogisticProblem, 0.5, 50);
    expect(records).toHaveLength(51);
    records.slice(1).forEach((record, i) => expect(record.J).toBeLessThan(records[i].J));
    const once = gradientStep(LOGISTIC_EXAMPLE as LogisticProblem, 0.5);
    expect(records[1].w).toEqual(once.w);
    expect(records[1].b).toBe(once.b);
  });
});

describe('one feature', () => {
  it('agrees with gradient-descent.ts on its seeded dataset', () => {
    const { points } = makeLogisticDataset(7);
    const problem: LogisticProblem = { X: [points.map((p) => p.x)], Y: points.map((p) => p.y), w: [0.3], b: -0.2 };
    const reference = oneFeatureGradient(points, 0.3, -0.2);
    const vec = vectorisedGradient(problem);
    expect(vec.dw[0]).toBeCloseTo(reference.dw, 12);
    expect(vec.db).toBeCloseTo(reference.db, 12);
    expect(vec.J).toBeCloseTo(oneFeatureCost(points, 0.3, -0.2), 12);
  });
});

describe('matrix helpers and input checks', () => {
  it('multiplies and transposes', () => {
    expect(matmul([[1, 2], [3, 4]], [[5], [6]])).toEqual([[17], [39]]);
    expect(transpose([[1, 2, 3]])).toEqual([[1], [2], [3]]);
    expect(() => matmul([[1, 2]], [[1, 2]])).toThrow(RangeError);
  });

  it.each([
    ['w of the wrong length', { ...LOGISTIC_EXAMPLE, w: [1] }],
    ['Y of the wrong length', { ...LOGISTIC_EXAMPLE, Y: [1, 0] }],
    ['a ragged X', { ...LOGISTIC_EXAMPLE, X: [[1, 2, 3], [1, 2]] }],
    ['a label that is not 0 or 1', { ...LOGISTIC_EXAMPLE, Y: [1, 0, 0.5] }],
    ['an empty X', { ...LOGISTIC_EXAMPLE, X: [] }],
  ])('rejects %s', (_name, problem) => {
    expect(() => vectorisedGradient(problem as LogisticProblem)).toThrow(RangeError);
    expect(() => loopGradient(problem as LogisticProblem)).toThrow(RangeError);
  });

  it('rejects bad training settings', () => {
    expect(() => train(LOGISTIC_EXAMPLE as LogisticProblem, 0, 3)).toThrow(RangeError);
    expect(() => train(LOGISTIC_EXAMPLE as LogisticProblem, 0.1, 1.5)).toThrow(RangeError);
  });
});
