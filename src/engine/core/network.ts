/**
 * A small fully-connected network engine in the column-vector convention of documents 001 and 003:
 * z^l = W^l a^{l−1} + b^l, a^l = f(z^l), where W^l[j][k] connects neuron k of layer l−1 to
 * neuron j of layer l. Parameters are plain nested arrays and every function returns new data
 * (NetworkTrainer in trainer.ts is the in-place, allocation-free way to train for many steps).
 */
import { activate, activationBackward, type ActivationSpec } from './activations';
import { LOSSES, type LossName } from './losses';
import { gaussian, uniform, type Rng } from './random';
import { NetworkTrainer } from './trainer';

export interface LayerSpec {
  size: number;
  activation: ActivationSpec;
  /** One bias for the whole layer (the 2-2-2 example's b1, b2) instead of one per neuron. */
  sharedBias?: boolean;
}

export interface NetworkSpec {
  inputSize: number;
  layers: LayerSpec[];
  loss: LossName;
}

export interface NetworkParams {
  /** weights[l][j][k]: from neuron k of the previous layer to neuron j of layer l. */
  weights: number[][][];
  /** biases[l][j]; with sharedBias every entry of the layer holds the same value. */
  biases: number[][];
}

export interface LayerValues {
  z: number[];
  a: number[];
}

export interface ForwardResult {
  input: number[];
  layers: LayerValues[];
  output: number[];
}

export interface Gradients {
  /** δ^l = ∂L/∂z^l for every layer. */
  deltas: number[][];
  weights: number[][][];
  biases: number[][];
}

/** When a layer's new weights are used; the 2-2-2 document's two readings (see TrainOptions.order). */
export type UpdateOrder = 'textbook' | 'published';

export interface TrainOptions {
  learningRate: number;
  /** Biases stay fixed when false (the 2-2-2 document's hand calculation). */
  updateBiases?: boolean;
  /** λ in J = data term + (λ/2) Σ W², applied to weights only (document 003 §3.3). */
  weightDecay?: number;
  /**
   * 'textbook': every δ is computed with the weights the forward pass used (the textbook rule).
   * 'published': each layer is updated before the δ of the layer below is computed, so δ^{l}
   * reads the already-updated W^{l+1} (what produced the 2-2-2 document's published figures).
   */
  order?: UpdateOrder;
}

/** z = W a + b for one layer. */
export function affine(weights: readonly number[][], bias: readonly number[], input: readonly number[]): number[] {
  return weights.map((row, j) => row.reduce((sum, w, k) => sum + w * input[k], bias[j]));
}

/** Forward pass: every layer's z and a for one input vector. */
export function forward(spec: NetworkSpec, params: NetworkParams, input: readonly number[]): ForwardResult {
  const layers: LayerValues[] = [];
  let previous = [...input];
  spec.layers.forEach((layer, l) => {
    const z = affine(params.weights[l], params.biases[l], previous);
    const a = activate(layer.activation, z);
    layers.push({ z, a });
    previous = a;
  });
  return { input: [...input], layers, output: previous };
}

/** Loss of one sample. */
export function sampleLoss(spec: NetworkSpec, output: readonly number[], target: readonly number[]): number {
  return LOSSES[spec.loss].value(output, target);
}

/** Mean loss over a batch, plus the weight-decay term when λ > 0. */
export function batchLoss(
  spec: NetworkSpec,
  params: NetworkParams,
  inputs: readonly (readonly number[])[],
  targets: readonly (readonly number[])[],
  weightDecay = 0,
): number {
  const data = inputs.reduce((sum, x, i) => sum + sampleLoss(spec, forward(spec, params, x).output, targets[i]), 0);
  const decay = (weightDecay / 2) * params.weights.flat(2).reduce((sum, w) => sum + w * w, 0);
  return data / inputs.length + decay;
}

/**
 * δ^L = ∂L/∂a^L ⊙ f′(z^L) (a Jacobian product for softmax). For sigmoid with log loss and softmax
 * with cross-entropy the product simplifies to δ^L = a − t (document 001), which is also what stays
 * exact once the output saturates and a(1−a) underflows.
 */
export function outputDelta(spec: NetworkSpec, result: ForwardResult, target: readonly number[]): number[] {
  const last = spec.layers.length - 1;
  const { z, a } = result.layers[last];
  const activation = spec.layers[last].activation.name;
  if ((activation === 'sigmoid' && spec.loss === 'binaryCrossEntropy') || (activation === 'softmax' && spec.loss === 'crossEntropy')) {
    return a.map((ak, k) => ak - target[k]);
  }
  return activationBackward(spec.layers[last].activation, z, a, LOSSES[spec.loss].gradient(a, target));
}

/** δ^l = ((W^{l+1})ᵀ δ^{l+1}) ⊙ f′(z^l) */
export function hiddenDelta(
  layer: LayerSpec,
  values: LayerValues,
  nextWeights: readonly number[][],
  nextDelta: readonly number[],
): number[] {
  const gradA = values.a.map((_, k) => nextWeights.reduce((sum, row, j) => sum + row[k] * nextDelta[j], 0));
  return activationBackward(layer.activation, values.z, values.a, gradA);
}

/** ∂L/∂W^l = δ^l (a^{l−1})ᵀ and ∂L/∂b^l = δ^l (summed over the layer when its bias is shared). */
export function layerGradients(layer: LayerSpec, delta: readonly number[], previousActivation: readonly number[]) {
  const weights = delta.map((d) => previousActivation.map((a) => d * a));
  const shared = delta.reduce((sum, d) => sum + d, 0);
  const biases = layer.sharedBias ? delta.map(() => shared) : [...delta];
  return { weights, biases };
}

/** Backward pass for one sample with fixed parameters: every δ and gradient. */
export function backward(
  spec: NetworkSpec,
  params: NetworkParams,
  result: ForwardResult,
  target: readonly number[],
): Gradients {
  const count = spec.layers.length;
  const deltas: number[][] = new Array(count);
  deltas[count - 1] = outputDelta(spec, result, target);
  for (let l = count - 2; l >= 0; l--) {
    deltas[l] = hiddenDelta(spec.layers[l], result.layers[l], params.weights[l + 1], deltas[l + 1]);
  }
  const gradients = deltas.map((delta, l) =>
    layerGradients(spec.layers[l], delta, l === 0 ? result.input : result.layers[l - 1].a),
  );
  return { deltas, weights: gradients.map((g) => g.weights), biases: gradients.map((g) => g.biases) };
}

/** A deep copy of the parameters, for training without touching the caller's. */
export function cloneParams(params: NetworkParams): NetworkParams {
  return {
    weights: params.weights.map((layer) => layer.map((row) => [...row])),
    biases: params.biases.map((layer) => [...layer]),
  };
}

/** One reusable trainer per spec, so repeated trainStep calls allocate only the returned parameters. */
const trainers = new WeakMap<NetworkSpec, NetworkTrainer>();

/**
 * One gradient-descent step on a batch (the mean of the per-sample gradients), walking the layers
 * from the output down so that the 'published' order can feed updated weights into δ. Returns new
 * parameters; a loop over many steps should keep one NetworkTrainer and train in place instead.
 */
export function trainStep(
  spec: NetworkSpec,
  params: NetworkParams,
  inputs: readonly (readonly number[])[],
  targets: readonly (readonly number[])[],
  options: TrainOptions,
): NetworkParams {
  let trainer = trainers.get(spec);
  if (!trainer) {
    trainer = new NetworkTrainer(spec);
    trainers.set(spec, trainer);
  }
  const next = cloneParams(params);
  trainer.step(next, inputs, targets, options);
  return next;
}

/**
 * Random initial parameters: weights uniform in [−scale, scale] or normal N(0, scale²), biases zero.
 * Random rather than equal values break the symmetry between hidden units (document 003 §3.3).
 */
export function initParams(
  spec: NetworkSpec,
  rng: Rng,
  options: { scale?: number; distribution?: 'uniform' | 'normal' } = {},
): NetworkParams {
  const { scale = 0.5, distribution = 'uniform' } = options;
  const sample = () => (distribution === 'normal' ? scale * gaussian(rng) : uniform(rng, -scale, scale));
  const weights: number[][][] = [];
  const biases: number[][] = [];
  let fanIn = spec.inputSize;
  for (const layer of spec.layers) {
    weights.push(Array.from({ length: layer.size }, () => Array.from({ length: fanIn }, sample)));
    biases.push(new Array(layer.size).fill(0));
    fanIn = layer.size;
  }
  return { weights, biases };
}
