/**
 * Document 001's MATLAB experiment as a pure function: a [784 100 10] sigmoid network trained for one
 * epoch of mini-batch gradient descent (batch 200, learning rate 2) on normalised inputs, once with
 * the half sum of squares and once with the cross-entropy branch, then scored by argmax accuracy.
 *
 * No file IO: callers pass arrays of samples (scripts/mnist-experiment.ts reads the `mnist` package;
 * the tests use small synthetic clusters). Every random choice (split, initial weights, batch order)
 * comes from a seeded Rng, so a run is reproducible from its seed.
 *
 * About the cross-entropy branch: the MATLAB code reports L = −Σ y log a but back-propagates
 * δ = a − y. For sigmoid outputs that δ is the gradient of the binary cross-entropy
 * −Σ [y ln a + (1−y) ln(1−a)], so that is the loss the code really trains and the one used here
 * ('binaryCrossEntropy'); `documentLoss` below is the value the MATLAB code would have plotted.
 */
import { LOSSES } from '../core/losses';
import { forward, initParams, type NetworkParams, type NetworkSpec } from '../core/network';
import { createRng, type Rng } from '../core/random';
import { EngineRangeError } from '../core/validation';
import {
  createWorkspace, epochBatches, evaluate, fromNestedParams, permutation, toNestedParams, trainBatch, type DenseLoss, type FlatDataset,
} from '../models/dense-sigmoid';
import { fitFlatNormalizer } from '../models/mnist-lab';

export type ExperimentLoss = DenseLoss;

export interface ExperimentSettings {
  /** Layer sizes, input first: [784, 100, 10] in document 001. */
  architecture: number[];
  activation: 'sigmoid';
  learningRate: number;
  batchSize: number;
  epochs: number;
  /** Weights uniform in [−initScale, initScale] (MATLAB: rand − 0.5); biases start at zero. */
  initScale: number;
  /** Per-feature standardisation with the training set's mean and standard deviation. */
  normalisation: 'per-feature-zscore';
}

/** The settings of document 001's AnnSetup / opts (MaxEpoch 1, BatchSize 200, learningRate 2). */
export const MATLAB_SETTINGS: ExperimentSettings = {
  architecture: [784, 100, 10],
  activation: 'sigmoid',
  learningRate: 2,
  batchSize: 200,
  epochs: 1,
  initScale: 0.5,
  normalisation: 'per-feature-zscore',
};

export const EXPERIMENT_LOSSES: ExperimentLoss[] = ['halfSumSquares', 'binaryCrossEntropy'];

export interface Dataset {
  inputs: number[][];
  /** Class index 0..classes−1 of every input. */
  labels: number[];
}

export interface Normalizer {
  mean: number[];
  std: number[];
  /** Features that never change in the training set (their std was replaced by 1). */
  constantFeatures: number[];
}

export { MIN_STD } from '../models/mnist-lab';
export { epochBatches, permutation } from '../models/dense-sigmoid';

/** Rows of equal length side by side in one typed array. */
function flatten(inputs: readonly (readonly number[])[]): Float64Array {
  const size = inputs[0]?.length ?? 0;
  const flat = new Float64Array(inputs.length * size);
  inputs.forEach((x, i) => flat.set(x, i * size));
  return flat;
}

/**
 * Mean and sample standard deviation (n − 1, as MATLAB's std) of every feature. Features with
 * (almost) zero spread get std 1 instead of blowing up (x − μ)/σ on unseen data.
 */
export function fitNormalizer(inputs: readonly (readonly number[])[]): Normalizer {
  if (inputs.length === 0) throw new EngineRangeError('inputs', 'no-samples', 'fitNormalizer needs at least one sample');
  const { mean, std, constantFeatures } = fitFlatNormalizer(flatten(inputs), inputs.length, inputs[0].length);
  return { mean: Array.from(mean), std: Array.from(std), constantFeatures };
}

/** (x − μ) / σ feature by feature, with the training set's μ and σ (MATLAB: Whiting / Normalize). */
export function normalize(inputs: readonly (readonly number[])[], normalizer: Normalizer): number[][] {
  return inputs.map((x) => x.map((value, k) => (value - normalizer.mean[k]) / normalizer.std[k]));
}

/** Target vector with a 1 at the label's position. */
export function oneHot(label: number, classes: number): number[] {
  const target = new Array(classes).fill(0);
  target[label] = 1;
  return target;
}

/** Index of the largest entry (the first one on ties), as MATLAB's [~, i] = max(a). */
export function argmax(values: readonly number[]): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
  return best;
}

/** Fraction of predictions equal to the labels. */
export function accuracyOf(predictions: readonly number[], labels: readonly number[]): number {
  if (predictions.length !== labels.length) throw new EngineRangeError('labels', 'wrong-length', 'predictions and labels differ in length', { expected: predictions.length, received: labels.length });
  if (labels.length === 0) return 0;
  return predictions.filter((p, i) => p === labels[i]).length / labels.length;
}

/** Class predicted for every input: the output neuron with the largest activation. */
export function predict(spec: NetworkSpec, params: NetworkParams, inputs: readonly (readonly number[])[]): number[] {
  return inputs.map((x) => argmax(forward(spec, params, x).output));
}

/** Shuffles a dataset once and cuts it into a training and a test part. */
export function splitDataset(data: Dataset, trainSize: number, rng: Rng): { train: Dataset; test: Dataset } {
  if (trainSize < 1 || trainSize >= data.inputs.length) throw new EngineRangeError('trainSize', 'out-of-range', 'trainSize must leave samples for both parts', { received: String(trainSize) });
  const order = permutation(data.inputs.length, rng);
  const pick = (indices: number[]): Dataset => ({
    inputs: indices.map((i) => data.inputs[i]),
    labels: indices.map((i) => data.labels[i]),
  });
  return { train: pick(order.slice(0, trainSize)), test: pick(order.slice(trainSize)) };
}

/** The network of the settings: sigmoid in every layer, trained with the given loss. */
export function experimentSpec(settings: ExperimentSettings, loss: ExperimentLoss): NetworkSpec {
  const [inputSize, ...sizes] = settings.architecture;
  return { inputSize, layers: sizes.map((size) => ({ size, activation: { name: settings.activation } })), loss };
}

/** −(1/m) Σ_i Σ_k y_k ln a_k: the value the MATLAB code prints in its cross_entropy branch. */
export function documentCrossEntropy(outputs: readonly (readonly number[])[], targets: readonly (readonly number[])[]): number {
  const total = outputs.reduce((sum, a, i) => sum + LOSSES.crossEntropy.value(a, targets[i]), 0);
  return total / outputs.length;
}

export interface TrainingRecord {
  params: NetworkParams;
  /** Mean loss of each batch (the trained loss), measured just before that batch's update. */
  lossCurve: number[];
  /** For the cross-entropy branch: −Σ y ln a per batch, what the MATLAB code stores in L. */
  documentLossCurve: number[];
  /** Share of each batch classified correctly just before its update (comparable across losses). */
  batchAccuracyCurve: number[];
}

export interface ExperimentOptions {
  settings?: ExperimentSettings;
  /** Seed for the initial weights; the batch order uses seed + 1. */
  seed: number;
  /** Called with 0 and the initial parameters, then after every update with its number. */
  onUpdate?: (update: number, params: NetworkParams) => void;
}

/** The initial parameters of a run: weights uniform in [−initScale, initScale] from the seed, biases 0. */
export function initialParams(settings: ExperimentSettings, loss: ExperimentLoss, seed: number): NetworkParams {
  return initParams(experimentSpec(settings, loss), createRng(seed), { scale: settings.initScale, distribution: 'uniform' });
}

export interface LayerSaturation {
  /** Standard deviation of z over all neurons and inputs. */
  zStd: number;
  /** Share of (neuron, input) pairs whose sigmoid slope σ′(z) = a(1 − a) is below the threshold. */
  saturated: number;
}

/** How spread out z is in every layer, and how often a sigmoid unit sits on a flat part of its curve. */
export function layerSaturation(
  spec: NetworkSpec,
  params: NetworkParams,
  inputs: readonly (readonly number[])[],
  slopeThreshold = 0.01,
): LayerSaturation[] {
  return spec.layers.map((_, l) => {
    let count = 0;
    let sum = 0;
    let sumSquares = 0;
    let flat = 0;
    for (const x of inputs) {
      const { z, a } = forward(spec, params, x).layers[l];
      z.forEach((zj, j) => {
        count++;
        sum += zj;
        sumSquares += zj * zj;
        if (a[j] * (1 - a[j]) < slopeThreshold) flat++;
      });
    }
    const mean = sum / count;
    return { zStd: Math.sqrt(Math.max(0, sumSquares / count - mean * mean)), saturated: flat / count };
  });
}

/**
 * Mean output of the neuron for the correct class and mean output of the other neurons: how far
 * the network has got towards "1 for the right digit, 0 for the rest".
 */
export function outputMeans(
  spec: NetworkSpec,
  params: NetworkParams,
  inputs: readonly (readonly number[])[],
  labels: readonly number[],
): { target: number; others: number } {
  let target = 0;
  let others = 0;
  let otherCount = 0;
  inputs.forEach((x, i) => {
    forward(spec, params, x).output.forEach((a, k) => {
      if (k === labels[i]) target += a;
      else {
        others += a;
        otherCount++;
      }
    });
  });
  return { target: target / inputs.length, others: otherCount ? others / otherCount : 0 };
}

/** The samples as the fast engine reads them: one typed array of rows, labels as bytes. */
function flatDataset(data: Dataset): FlatDataset {
  return { pixels: flatten(data.inputs), labels: Uint8Array.from(data.labels), count: data.inputs.length, size: data.inputs[0]?.length ?? 0 };
}

/**
 * Trains the settings' network on a (normalised) training set with one of the two losses, on the
 * fast engine (models/dense-sigmoid.ts): the same initial weights and batches as the core network
 * code would use, the same arithmetic up to summation order.
 */
export function trainExperiment(train: Dataset, loss: ExperimentLoss, options: ExperimentOptions): TrainingRecord {
  const settings = options.settings ?? MATLAB_SETTINGS;
  const spec = experimentSpec(settings, loss);
  if (train.inputs[0]?.length !== spec.inputSize) throw new EngineRangeError('inputs', 'wrong-length', `inputs must have ${spec.inputSize} features`, { expected: spec.inputSize });
  const data = flatDataset(train);
  const network = fromNestedParams(settings.architecture, initialParams(settings, loss, options.seed));
  const workspace = createWorkspace(settings.architecture, settings.batchSize);
  const batchRng = createRng(options.seed + 1);
  const lossCurve: number[] = [];
  const documentLossCurve: number[] = [];
  const batchAccuracyCurve: number[] = [];
  options.onUpdate?.(0, toNestedParams(network));
  for (let epoch = 0; epoch < settings.epochs; epoch++) {
    for (const batch of epochBatches(data.count, settings.batchSize, batchRng)) {
      const stats = trainBatch(network, loss, settings.learningRate, data, batch, 0, batch.length, workspace);
      lossCurve.push(stats.loss);
      documentLossCurve.push(stats.documentLoss);
      batchAccuracyCurve.push(stats.correct / batch.length);
      options.onUpdate?.(lossCurve.length, toNestedParams(network));
    }
  }
  return { params: toNestedParams(network), lossCurve, documentLossCurve, batchAccuracyCurve };
}

export interface ExperimentResult {
  loss: ExperimentLoss;
  params: NetworkParams;
  accuracy: number;
  lossCurve: number[];
  documentLossCurve: number[];
  batchAccuracyCurve: number[];
}

/**
 * The whole experiment for one loss: normalise with the training statistics, train, and score the
 * test set. Raw inputs go in (pixel values in [0, 1]).
 */
export function runExperiment(train: Dataset, test: Dataset, loss: ExperimentLoss, options: ExperimentOptions): ExperimentResult {
  const settings = options.settings ?? MATLAB_SETTINGS;
  const normalizer = fitNormalizer(train.inputs);
  const trainN = { inputs: normalize(train.inputs, normalizer), labels: train.labels };
  const record = trainExperiment(trainN, loss, { ...options, settings });
  const network = fromNestedParams(settings.architecture, record.params);
  const { accuracy } = evaluate(network, flatDataset({ inputs: normalize(test.inputs, normalizer), labels: test.labels }), createWorkspace(settings.architecture, 250));
  const { lossCurve, documentLossCurve, batchAccuracyCurve } = record;
  return { loss, params: record.params, accuracy, lossCurve, documentLossCurve, batchAccuracyCurve };
}

/** Keeps at most maxPoints evenly spaced [iteration, value] pairs (1-based), always the first and last. */
export function downsampleCurve(values: readonly number[], maxPoints: number): [number, number][] {
  if (values.length <= maxPoints) return values.map((value, i) => [i + 1, value]);
  const stride = (values.length - 1) / (maxPoints - 1);
  return Array.from({ length: maxPoints }, (_, k) => {
    const i = Math.round(k * stride);
    return [i + 1, values[i]] as [number, number];
  });
}
