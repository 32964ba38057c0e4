/**
 * Document 001's output-layer pairings: the sigmoid deltas for the half squared error and the log
 * loss against finite differences of the loss in z, their ratio σ′(z) ≤ 0.25, the slow start of a
 * saturated unit trained with the squared error, and softmax with −Σ y ln a giving δ = a − y.
 */
import { describe, expect, it } from 'vitest';
import { sigmoid, softmax } from '../../src/engine/core/activations';
import { LOSSES } from '../../src/engine/core/losses';
import { saturationTable, sigmoidOutputDelta, softmaxPairing, trainSingleUnit, type SigmoidLoss } from '../../src/engine/lessons/output-layer-choices';
import { centralDifference, relativeError } from './gradient-check';

const Z_VALUES = [-8, -5, -2, -0.5, 0, 0.5, 2, 5];

describe.each<[SigmoidLoss, number]>([
  ['halfSumSquares', 1],
  ['halfSumSquares', 0],
  ['binaryCrossEntropy', 1],
  ['binaryCrossEntropy', 0],
])('sigmoid output with %s, y = %d', (loss, y) => {
  it.each(Z_VALUES)('δ at z = %f is dL/dz', (z) => {
    const L = (value: number) => LOSSES[loss].value([sigmoid(value)], [y]);
    expect(relativeError(sigmoidOutputDelta(loss, z, y), centralDifference(L, z, 1e-5))).toBeLessThan(1e-6);
  });
});

describe('saturation table', () => {
  const rows = saturationTable(Z_VALUES, 1);

  it('cross-entropy δ is a − y and the MSE δ is (a − y)σ′(z)', () => {
    rows.forEach((row) => {
      expect(row.deltaCrossEntropy).toBeCloseTo(row.a - 1, 15);
      expect(row.deltaMse).toBeCloseTo((row.a - 1) * row.a * (1 - row.a), 15);
    });
  });

  it('their ratio is σ′(z), at most 0.25 and reached at z = 0', () => {
    rows.forEach((row) => {
      expect(row.ratio).toBeCloseTo(row.sigmaPrime, 12);
      expect(row.ratio).toBeLessThanOrEqual(0.25);
    });
    expect(rows.find((row) => row.z === 0)!.sigmaPrime).toBe(0.25);
  });

  it('a badly wrong saturated unit (z = −5, y = 1) gets a δ about 150 times smaller from the MSE', () => {
    const row = rows.find((r) => r.z === -5)!;
    expect(row.deltaCrossEntropy).toBeLessThan(-0.99);
    expect(Math.abs(row.deltaMse)).toBeLessThan(0.007);
    expect(row.deltaCrossEntropy / row.deltaMse).toBeGreaterThan(140);
  });
});

describe('training one saturated unit', () => {
  const options = { x: 1, y: 1, w0: -3, b0: -2, learningRate: 0.5, maxSteps: 2000, threshold: 0.5 };
  const mse = trainSingleUnit('halfSumSquares', options);
  const ce = trainSingleUnit('binaryCrossEntropy', options);

  it('both start at σ(−5) and reach a = 0.5, cross-entropy far sooner', () => {
    expect(mse.outputs[0]).toBeCloseTo(sigmoid(-5), 15);
    expect(ce.stepsToThreshold).not.toBeNull();
    expect(mse.stepsToThreshold).not.toBeNull();
    expect(mse.stepsToThreshold!).toBeGreaterThan(10 * ce.stepsToThreshold!);
    expect(mse.outputs).toHaveLength(options.maxSteps + 1);
  });

  it('reports null when the threshold is never reached', () => {
    expect(trainSingleUnit('halfSumSquares', { ...options, maxSteps: 3 }).stepsToThreshold).toBeNull();
    expect(trainSingleUnit('halfSumSquares', { ...options, threshold: 0 }).stepsToThreshold).toBe(0);
  });
});

describe('softmax with the log-likelihood', () => {
  it.each([
    [[2, 1, 0.1], 0],
    [[-1, 3, 0.5, 0], 2],
    [[10, -10], 1],
  ])('z = %j, class %d: δ = a − y, loss = −ln a_i, and the Jacobian route agrees', (z, i) => {
    const pairing = softmaxPairing(z, i);
    const a = softmax(z);
    pairing.delta.forEach((d, k) => {
      expect(d).toBeCloseTo(a[k] - (k === i ? 1 : 0), 12);
      expect(pairing.deltaViaJacobian[k]).toBeCloseTo(d, 9);
      const L = (value: number) => -Math.log(softmax(z.map((zj, j) => (j === k ? value : zj)))[i]);
      expect(Math.abs(d - centralDifference(L, z[k], 1e-5))).toBeLessThan(1e-7);
    });
    expect(pairing.loss).toBeCloseTo(pairing.minusLogTrueClass, 12);
    expect(pairing.delta.reduce((s, d) => s + d, 0)).toBeCloseTo(0, 12);
  });

  it('rejects a class index outside the layer', () => {
    expect(() => softmaxPairing([1, 2], 2)).toThrow(RangeError);
    expect(() => softmaxPairing([1, 2], 0.5)).toThrow(RangeError);
  });
});
