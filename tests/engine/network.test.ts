/**
 * The general engine: every activation × loss pairing checked against finite differences on seeded
 * random networks, the δ = a − y shortcuts, the two update orders and weight decay.
 */
import { describe, expect, it } from 'vitest';
import type { ActivationName } from '../../src/engine/core/activations';
import type { LossName } from '../../src/engine/core/losses';
import { backward, batchLoss, forward, initParams, sampleLoss, trainStep, type NetworkParams, type NetworkSpec } from '../../src/engine/core/network';
import { createRng, uniform } from '../../src/engine/core/random';
import { centralDifference, relativeError } from './gradient-check';

function perturbed(params: NetworkParams, kind: 'weights' | 'biases', index: number[], x: number): NetworkParams {
  const copy: NetworkParams = JSON.parse(JSON.stringify(params));
  if (kind === 'weights') copy.weights[index[0]][index[1]][index[2]] = x;
  else copy.biases[index[0]][index[1]] = x;
  return copy;
}

const CASES: [ActivationName, ActivationName, LossName][] = [
  ['sigmoid', 'sigmoid', 'halfSumSquares'],
  ['tanh', 'sigmoid', 'binaryCrossEntropy'],
  ['relu', 'linear', 'mse'],
  ['leakyRelu', 'softmax', 'crossEntropy'],
  ['sigmoid', 'softmax', 'crossEntropy'],
  ['tanh', 'tanh', 'mse'],
];

describe.each(CASES)('hidden %s, output %s, loss %s', (hidden, output, loss) => {
  const spec: NetworkSpec = {
    inputSize: 3,
    layers: [
      { size: 4, activation: { name: hidden, alpha: 0.1 } },
      { size: 3, activation: { name: output } },
    ],
    loss,
  };
  const rng = createRng(42);
  const params = initParams(spec, rng, { scale: 1 });
  const input = [uniform(rng, -1, 1), uniform(rng, -1, 1), uniform(rng, -1, 1)];
  const target = output === 'softmax' ? [0, 1, 0] : [0.2, 0.7, 0.4];
  const grads = backward(spec, params, forward(spec, params, input), target);
  const lossAt = (p: NetworkParams) => sampleLoss(spec, forward(spec, p, input).output, target);

  it('every weight gradient matches a finite difference', () => {
    params.weights.forEach((layer, l) =>
      layer.forEach((row, j) =>
        row.forEach((w, k) => {
          const numeric = centralDifference((x) => lossAt(perturbed(params, 'weights', [l, j, k], x)), w);
          expect(relativeError(grads.weights[l][j][k], numeric), `W${l}[${j}][${k}]`).toBeLessThan(1e-5);
        }),
      ),
    );
  });

  it('every bias gradient matches a finite difference', () => {
    params.biases.forEach((layer, l) =>
      layer.forEach((b, j) => {
        const numeric = centralDifference((x) => lossAt(perturbed(params, 'biases', [l, j], x)), b);
        expect(relativeError(grads.biases[l][j], numeric)).toBeLessThan(1e-5);
      }),
    );
  });
});

describe('output deltas', () => {
  it.each([
    ['softmax', 'crossEntropy'],
    ['sigmoid', 'binaryCrossEntropy'],
  ] as const)('%s with %s gives δ = a − y', (activation, loss) => {
    const spec: NetworkSpec = { inputSize: 2, layers: [{ size: 3, activation: { name: activation } }], loss };
    const params = initParams(spec, createRng(7), { scale: 2 });
    const target = [0, 0, 1];
    const result = forward(spec, params, [0.3, -0.8]);
    const { deltas } = backward(spec, params, result, target);
    deltas[0].forEach((d, i) => expect(d).toBeCloseTo(result.output[i] - target[i], 10));
  });
});

describe('saturated outputs', () => {
  it.each([
    [40, 0, 1],
    [-40, 1, -1],
  ])('sigmoid with log loss at z = %d, target %d keeps δ = a − t = %d', (z, target, expected) => {
    const spec: NetworkSpec = { inputSize: 1, layers: [{ size: 1, activation: { name: 'sigmoid' } }], loss: 'binaryCrossEntropy' };
    const params: NetworkParams = { weights: [[[1]]], biases: [[0]] };
    const { deltas } = backward(spec, params, forward(spec, params, [z]), [target]);
    expect(deltas[0][0]).toBeCloseTo(expected, 12);
  });
});

describe('training', () => {
  const spec: NetworkSpec = {
    inputSize: 2,
    layers: [
      { size: 3, activation: { name: 'tanh' } },
      { size: 1, activation: { name: 'sigmoid' } },
    ],
    loss: 'binaryCrossEntropy',
  };
  const inputs = [[0, 0], [0, 1], [1, 0], [1, 1]];
  const targets = [[0], [1], [1], [0]];

  it('a batch step moves against the mean gradient and lowers the loss', () => {
    const params = initParams(spec, createRng(3), { scale: 1 });
    const next = trainStep(spec, params, inputs, targets, { learningRate: 0.1 });
    expect(batchLoss(spec, next, inputs, targets)).toBeLessThan(batchLoss(spec, params, inputs, targets));
  });

  it('learns XOR from a seeded start', () => {
    let params = initParams(spec, createRng(11), { scale: 1 });
    for (let i = 0; i < 3000; i++) params = trainStep(spec, params, inputs, targets, { learningRate: 1 });
    inputs.forEach((x, i) => expect(Math.round(forward(spec, params, x).output[0])).toBe(targets[i][0]));
  });

  it('textbook and published orders agree on the output layer and differ below it', () => {
    const params = initParams(spec, createRng(5), { scale: 1 });
    const a = trainStep(spec, params, inputs, targets, { learningRate: 0.5, order: 'textbook' });
    const b = trainStep(spec, params, inputs, targets, { learningRate: 0.5, order: 'published' });
    expect(b.weights[1]).toEqual(a.weights[1]);
    expect(b.weights[0]).not.toEqual(a.weights[0]);
  });

  it('weight decay adds λW to the weight gradient and leaves biases alone', () => {
    const params = initParams(spec, createRng(9), { scale: 1 });
    const plain = trainStep(spec, params, inputs, targets, { learningRate: 0.1 });
    const decayed = trainStep(spec, params, inputs, targets, { learningRate: 0.1, weightDecay: 0.5 });
    const w = params.weights[1][0][0];
    expect(decayed.weights[1][0][0]).toBeCloseTo(plain.weights[1][0][0] - 0.1 * 0.5 * w, 12);
    expect(decayed.biases).toEqual(plain.biases);
  });

  it('equal initial weights keep hidden units identical (the symmetry random initialisation breaks)', () => {
    const params: NetworkParams = { weights: [[[0.3, 0.3], [0.3, 0.3], [0.3, 0.3]], [[0.2, 0.2, 0.2]]], biases: [[0, 0, 0], [0]] };
    let p = params;
    for (let i = 0; i < 50; i++) p = trainStep(spec, p, inputs, targets, { learningRate: 0.5 });
    expect(p.weights[0][1]).toEqual(p.weights[0][0]);
    expect(p.weights[0][2]).toEqual(p.weights[0][0]);
  });
});
