/**
 * The output-layer pairings of document 001 (激活函数如何选择) computed with network.ts: a single
 * sigmoid output unit with the half squared error (δ = (a − y) σ′(z)) or the log loss (δ = a − y),
 * and a softmax layer with the log-likelihood −Σ y_k ln a_k (δ = a − y).
 */
import { SCALAR_ACTIVATIONS, activationBackward, sigmoid } from '../core/activations';
import { LOSSES } from '../core/losses';
import { backward, forward, outputDelta, type NetworkParams, type NetworkSpec } from '../core/network';
import { NetworkTrainer } from '../core/trainer';
import { EngineRangeError } from '../core/validation';

export type SigmoidLoss = 'halfSumSquares' | 'binaryCrossEntropy';

/** One sigmoid unit fed by one input with weight 1 and bias 0, so that its z equals the input. */
const unitSpec = (loss: SigmoidLoss): NetworkSpec => ({
  inputSize: 1,
  layers: [{ size: 1, activation: { name: 'sigmoid' } }],
  loss,
});
const IDENTITY_PARAMS: NetworkParams = { weights: [[[1]]], biases: [[0]] };

/** δᴸ = ∂L/∂z of a sigmoid output unit at z with target y, from network.ts's outputDelta. */
export function sigmoidOutputDelta(loss: SigmoidLoss, z: number, y: number): number {
  const spec = unitSpec(loss);
  return outputDelta(spec, forward(spec, IDENTITY_PARAMS, [z]), [y])[0];
}

export interface SaturationRow {
  z: number;
  a: number;
  /** σ′(z) = a(1 − a). */
  sigmaPrime: number;
  /** δ with the half squared error: (a − y) σ′(z). */
  deltaMse: number;
  /** δ with the log loss: a − y. */
  deltaCrossEntropy: number;
  /** deltaMse / deltaCrossEntropy, which is σ′(z) whenever a ≠ y. */
  ratio: number;
}

/** The two deltas side by side for each z, with target y. */
export function saturationTable(zs: readonly number[], y: number): SaturationRow[] {
  return zs.map((z) => {
    const a = sigmoid(z);
    const deltaMse = sigmoidOutputDelta('halfSumSquares', z, y);
    const deltaCrossEntropy = sigmoidOutputDelta('binaryCrossEntropy', z, y);
    return {
      z, a,
      sigmaPrime: SCALAR_ACTIVATIONS.sigmoid.df(z, a, 0),
      deltaMse, deltaCrossEntropy,
      ratio: deltaMse / deltaCrossEntropy,
    };
  });
}

export interface SingleUnitRun {
  loss: SigmoidLoss;
  /** Output a after each step; outputs[0] is before training. */
  outputs: number[];
  /** First step at which a reached the threshold, or null if it never did. */
  stepsToThreshold: number | null;
}

/**
 * Trains one sigmoid unit (input x, start weight w0 and bias b0) towards target y with the general
 * engine's NetworkTrainer, stopping at maxSteps, and records when its output first reaches `threshold`.
 */
export function trainSingleUnit(
  loss: SigmoidLoss,
  options: { x: number; y: number; w0: number; b0: number; learningRate: number; maxSteps: number; threshold: number },
): SingleUnitRun {
  const { x, y, w0, b0, learningRate, maxSteps, threshold } = options;
  const spec = unitSpec(loss);
  const params: NetworkParams = { weights: [[[w0]]], biases: [[b0]] };
  const trainer = new NetworkTrainer(spec);
  const [inputs, targets, trainOptions] = [[[x]], [[y]], { learningRate }];
  const outputs = [forward(spec, params, [x]).output[0]];
  let stepsToThreshold: number | null = outputs[0] >= threshold ? 0 : null;
  for (let step = 1; step <= maxSteps; step++) {
    trainer.step(params, inputs, targets, trainOptions);
    outputs.push(forward(spec, params, [x]).output[0]);
    if (stepsToThreshold === null && outputs[step] >= threshold) stepsToThreshold = step;
  }
  return { loss, outputs, stepsToThreshold };
}

export interface SoftmaxPairing {
  a: number[];
  /** One-hot target. */
  y: number[];
  /** −Σ y_k ln a_k. */
  loss: number;
  /** −ln a_i for the true class i. */
  minusLogTrueClass: number;
  /** δ from network.ts (the a − y shortcut). */
  delta: number[];
  /** δ by the long way: ∂L/∂a = −y/a pushed through the softmax Jacobian. */
  deltaViaJacobian: number[];
}

/**
 * A softmax output layer whose pre-activations are exactly `z` (identity weights, zero bias), with
 * the log-likelihood loss and true class `targetIndex`.
 */
export function softmaxPairing(z: readonly number[], targetIndex: number): SoftmaxPairing {
  if (!Number.isInteger(targetIndex) || targetIndex < 0 || targetIndex >= z.length) {
    throw new EngineRangeError('targetIndex', 'target-out-of-range', `targetIndex must be a class index in [0, ${z.length - 1}], got ${targetIndex}`, { received: String(targetIndex) });
  }
  const n = z.length;
  const spec: NetworkSpec = { inputSize: n, layers: [{ size: n, activation: { name: 'softmax' } }], loss: 'crossEntropy' };
  const params: NetworkParams = {
    weights: [Array.from({ length: n }, (_, j) => Array.from({ length: n }, (_, k) => (j === k ? 1 : 0)))],
    biases: [new Array(n).fill(0)],
  };
  const y = z.map((_, k) => (k === targetIndex ? 1 : 0));
  const result = forward(spec, params, z);
  const a = result.output;
  const gradients = backward(spec, params, result, y);
  return {
    a, y,
    loss: LOSSES.crossEntropy.value(a, y),
    minusLogTrueClass: -Math.log(a[targetIndex]),
    delta: gradients.deltas[0],
    deltaViaJacobian: activationBackward({ name: 'softmax' }, result.layers[0].z, a, LOSSES.crossEntropy.gradient(a, y)),
  };
}
