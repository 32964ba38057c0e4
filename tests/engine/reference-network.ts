/**
 * The general engine's training step as it was before it was made allocation-free: nested arrays,
 * map and reduce, a new array for every intermediate. Kept here, self-contained apart from the
 * scalar activations' f and f′, as the reference the faster paths must equal bit for bit.
 */
import { DEFAULT_LEAKY_ALPHA, SCALAR_ACTIVATIONS, type ActivationSpec } from '../../src/engine/core/activations';
import { LOG_EPSILON, type LossName } from '../../src/engine/core/losses';
import type { LayerSpec, NetworkParams, NetworkSpec, TrainOptions } from '../../src/engine/core/network';

interface LayerValues {
  z: number[];
  a: number[];
}

const clampProbability = (p: number) => Math.min(1 - LOG_EPSILON, Math.max(LOG_EPSILON, p));

const LOSS_GRADIENTS: Record<LossName, (o: number[], t: readonly number[]) => number[]> = {
  halfSumSquares: (o, t) => o.map((ok, k) => ok - t[k]),
  mse: (o, t) => o.map((ok, k) => (2 * (ok - t[k])) / o.length),
  crossEntropy: (o, t) => o.map((ok, k) => -t[k] / clampProbability(ok)),
  binaryCrossEntropy: (o, t) =>
    o.map((ok, k) => {
      const p = clampProbability(ok);
      return (p - t[k]) / (p * (1 - p));
    }),
};

function activate(spec: ActivationSpec, z: number[]): number[] {
  if (spec.name === 'softmax') {
    const shift = Math.max(...z);
    const exps = z.map((value) => Math.exp(value - shift));
    const total = exps.reduce((sum, value) => sum + value, 0);
    return exps.map((value) => value / total);
  }
  const activation = SCALAR_ACTIVATIONS[spec.name];
  const alpha = spec.alpha ?? DEFAULT_LEAKY_ALPHA;
  return z.map((value) => activation.f(value, alpha));
}

function activationBackward(spec: ActivationSpec, z: number[], a: number[], gradA: number[]): number[] {
  if (spec.name === 'softmax') {
    const dot = a.reduce((sum, ai, i) => sum + ai * gradA[i], 0);
    return a.map((ai, i) => ai * (gradA[i] - dot));
  }
  const activation = SCALAR_ACTIVATIONS[spec.name];
  const alpha = spec.alpha ?? DEFAULT_LEAKY_ALPHA;
  return z.map((zi, i) => activation.df(zi, a[i], alpha) * gradA[i]);
}

export function referenceForward(spec: NetworkSpec, params: NetworkParams, input: readonly number[]) {
  const layers: LayerValues[] = [];
  let previous = [...input];
  spec.layers.forEach((layer, l) => {
    const z = params.weights[l].map((row, j) => row.reduce((sum, w, k) => sum + w * previous[k], params.biases[l][j]));
    const a = activate(layer.activation, z);
    layers.push({ z, a });
    previous = a;
  });
  return { input: [...input], layers, output: previous };
}

function outputDelta(spec: NetworkSpec, layers: LayerValues[], target: readonly number[]): number[] {
  const last = spec.layers.length - 1;
  const { z, a } = layers[last];
  const activation = spec.layers[last].activation.name;
  if ((activation === 'sigmoid' && spec.loss === 'binaryCrossEntropy') || (activation === 'softmax' && spec.loss === 'crossEntropy')) {
    return a.map((ak, k) => ak - target[k]);
  }
  return activationBackward(spec.layers[last].activation, z, a, LOSS_GRADIENTS[spec.loss](a, target));
}

function hiddenDelta(layer: LayerSpec, values: LayerValues, nextWeights: number[][], nextDelta: number[]): number[] {
  const gradA = values.a.map((_, k) => nextWeights.reduce((sum, row, j) => sum + row[k] * nextDelta[j], 0));
  return activationBackward(layer.activation, values.z, values.a, gradA);
}

function layerGradients(layer: LayerSpec, delta: number[], previousActivation: readonly number[]) {
  const weights = delta.map((d) => previousActivation.map((a) => d * a));
  const shared = delta.reduce((sum, d) => sum + d, 0);
  const biases = layer.sharedBias ? delta.map(() => shared) : [...delta];
  return { weights, biases };
}

export function referenceTrainStep(
  spec: NetworkSpec,
  params: NetworkParams,
  inputs: readonly (readonly number[])[],
  targets: readonly (readonly number[])[],
  options: TrainOptions,
): NetworkParams {
  const { learningRate, updateBiases = true, weightDecay = 0, order = 'textbook' } = options;
  const count = spec.layers.length;
  const m = inputs.length;
  const results = inputs.map((x) => referenceForward(spec, params, x));
  let deltas = results.map((result, i) => outputDelta(spec, result.layers, targets[i]));
  const weights = params.weights.map((layer) => layer.map((row) => [...row]));
  const biases = params.biases.map((layer) => [...layer]);

  for (let l = count - 1; l >= 0; l--) {
    const oldLayerWeights = params.weights[l];
    const gradW = oldLayerWeights.map((row) => row.map(() => 0));
    const gradB = biases[l].map(() => 0);
    results.forEach((result, i) => {
      const previous = l === 0 ? result.input : result.layers[l - 1].a;
      const g = layerGradients(spec.layers[l], deltas[i], previous);
      g.weights.forEach((row, j) => row.forEach((value, k) => (gradW[j][k] += value / m)));
      g.biases.forEach((value, j) => (gradB[j] += value / m));
    });
    weights[l] = oldLayerWeights.map((row, j) => row.map((w, k) => w - learningRate * (gradW[j][k] + weightDecay * w)));
    if (updateBiases) biases[l] = biases[l].map((b, j) => b - learningRate * gradB[j]);
    if (l > 0) {
      const weightsForDelta = order === 'published' ? weights[l] : oldLayerWeights;
      deltas = results.map((result, i) => hiddenDelta(spec.layers[l - 1], result.layers[l - 1], weightsForDelta, deltas[i]));
    }
  }
  return { weights, biases };
}
