/**
 * The allocation-free trainer (and trainStep, which runs on it) against the engine's original
 * nested-array training step: the same weights and biases bit for bit (Object.is) after many
 * steps, for every activation and loss, shared and per-neuron biases, weight decay, both update
 * orders and several batch sizes.
 */
import { describe, expect, it } from 'vitest';
import type { ActivationName } from '../../src/engine/core/activations';
import type { LossName } from '../../src/engine/core/losses';
import { cloneParams, initParams, trainStep, type NetworkParams, type NetworkSpec, type TrainOptions } from '../../src/engine/core/network';
import { createRng, uniform } from '../../src/engine/core/random';
import { NetworkTrainer } from '../../src/engine/core/trainer';
import { referenceTrainStep } from './reference-network';

const STEPS = 200;

interface Case {
  name: string;
  hidden: ActivationName[];
  output: ActivationName;
  loss: LossName;
  sharedBias?: boolean;
  options: TrainOptions;
  batch: number;
}

const CASES: Case[] = [
  { name: 'sigmoid, half sum of squares, textbook', hidden: ['sigmoid'], output: 'sigmoid', loss: 'halfSumSquares', options: { learningRate: 0.5 }, batch: 1 },
  { name: 'sigmoid, shared biases, published', hidden: ['sigmoid'], output: 'sigmoid', loss: 'halfSumSquares', sharedBias: true, options: { learningRate: 0.5, order: 'published' }, batch: 1 },
  { name: 'tanh + sigmoid, log loss, batch of 5', hidden: ['tanh'], output: 'sigmoid', loss: 'binaryCrossEntropy', options: { learningRate: 0.3 }, batch: 5 },
  { name: 'relu + leaky ReLU + softmax, cross-entropy, decay', hidden: ['relu', 'leakyRelu'], output: 'softmax', loss: 'crossEntropy', options: { learningRate: 0.2, weightDecay: 0.01 }, batch: 4 },
  { name: 'softmax with mse (Jacobian path), published', hidden: ['tanh'], output: 'softmax', loss: 'mse', options: { learningRate: 0.4, order: 'published' }, batch: 3 },
  { name: 'linear output, mse, fixed biases', hidden: ['leakyRelu'], output: 'linear', loss: 'mse', options: { learningRate: 0.05, updateBiases: false }, batch: 6 },
  { name: 'sigmoid with cross-entropy (gradient path), decay, published', hidden: ['sigmoid', 'tanh'], output: 'sigmoid', loss: 'crossEntropy', sharedBias: true, options: { learningRate: 0.1, weightDecay: 0.05, order: 'published' }, batch: 2 },
];

function problem(c: Case, seed: number) {
  const outputSize = c.output === 'softmax' ? 3 : 2;
  const spec: NetworkSpec = {
    inputSize: 3,
    layers: [
      ...c.hidden.map((name, l) => ({ size: 3 + l, activation: { name }, sharedBias: c.sharedBias })),
      { size: outputSize, activation: { name: c.output }, sharedBias: c.sharedBias },
    ],
    loss: c.loss,
  };
  const rng = createRng(seed);
  const params = initParams(spec, rng, { scale: 1, distribution: 'normal' });
  params.biases = params.biases.map((layer) => {
    const value = uniform(rng, -0.5, 0.5);
    return layer.map(() => (c.sharedBias ? value : uniform(rng, -0.5, 0.5)));
  });
  const inputs = Array.from({ length: c.batch }, () => Array.from({ length: spec.inputSize }, () => uniform(rng, -2, 2)));
  const targets = inputs.map(() => {
    if (c.output === 'softmax') return [0, 1, 2].map((k) => (k === Math.floor(rng() * 3) ? 1 : 0));
    return Array.from({ length: outputSize }, () => rng());
  });
  return { spec, params, inputs, targets };
}

const flat = (p: NetworkParams) => [...p.weights.flat(2), ...p.biases.flat()];
const differences = (a: number[], b: number[]) => a.flatMap((value, i) => (Object.is(value, b[i]) ? [] : [i]));

describe('NetworkTrainer', () => {
  it.each(CASES.flatMap((c) => [7, 99].map((seed) => ({ ...c, seed }))))('$name (seed $seed): identical to the original step', (c) => {
    const { spec, params, inputs, targets } = problem(c, c.seed);
    let expected = params;
    let viaTrainStep = params;
    const inPlace = cloneParams(params);
    const trainer = new NetworkTrainer(spec);
    for (let step = 0; step < STEPS; step++) {
      expected = referenceTrainStep(spec, expected, inputs, targets, c.options);
      viaTrainStep = trainStep(spec, viaTrainStep, inputs, targets, c.options);
      trainer.step(inPlace, inputs, targets, c.options);
    }
    expect(flat(expected)).not.toEqual(flat(params));
    expect(differences(flat(inPlace), flat(expected))).toEqual([]);
    expect(differences(flat(viaTrainStep), flat(expected))).toEqual([]);
  });

  it('one trainer serves batches of different sizes', () => {
    const c = CASES[2];
    const { spec, params, inputs, targets } = problem(c, 3);
    const trainer = new NetworkTrainer(spec);
    const inPlace = cloneParams(params);
    let expected = params;
    for (const size of [1, 5, 2, 5, 3]) {
      trainer.step(inPlace, inputs.slice(0, size), targets.slice(0, size), c.options);
      expected = referenceTrainStep(spec, expected, inputs.slice(0, size), targets.slice(0, size), c.options);
    }
    expect(differences(flat(inPlace), flat(expected))).toEqual([]);
  });

  it('trainStep leaves its argument unchanged', () => {
    const { spec, params, inputs, targets } = problem(CASES[0], 5);
    const before = flat(params);
    trainStep(spec, params, inputs, targets, CASES[0].options);
    expect(flat(params)).toEqual(before);
  });
});
