/**
 * A fast all-sigmoid dense network for MNIST-sized work (784-H-10 and the like), trained by
 * mini-batch gradient descent as document 001's AnnTrain does. Same mathematics as core/network.ts,
 * laid out for speed: every matrix is one Float64Array (row-major, weights[l] is out × in), the
 * workspace for a batch is allocated once, and the two hot products are register-blocked (four
 * output rows or four samples per pass over an input row), so one batch allocates nothing.
 *
 * The numbers are the core engine's up to summation order: initial weights come from initParams
 * (same seed, same values) and batches from epochBatches, so a seeded run is reproducible.
 */
import { initParams, type NetworkParams, type NetworkSpec } from '../core/network';
import { createRng, type Rng } from '../core/random';
import { EngineRangeError } from '../core/validation';

/** The two losses of document 001's code, by what their δ really trains (see lessons/mnist-experiment.ts). */
export type DenseLoss = 'halfSumSquares' | 'binaryCrossEntropy';

export interface DenseNetwork {
  /** Layer sizes, input first: [784, 100, 10]. */
  sizes: number[];
  /** weights[l][j·in + k]: from unit k of layer l to unit j of layer l + 1. */
  weights: Float64Array[];
  biases: Float64Array[];
}

/** Samples side by side: `pixels` holds `count` rows of `size` features. */
export interface FlatDataset {
  pixels: Float64Array;
  labels: Uint8Array;
  count: number;
  size: number;
}

/** Keeps log() finite when a sigmoid output is exactly 0 or 1 (as core/losses). */
const LOG_EPSILON = 1e-15;

/** σ(z) = 1 / (1 + e^(−z)),  σ′(z) = σ(z)(1 − σ(z)) (used below through a(1 − a)) */
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** Weights uniform in [−scale, scale] drawn exactly as core initParams draws them; biases 0. */
export function createDenseNetwork(sizes: readonly number[], seed: number, initScale: number): DenseNetwork {
  const spec: NetworkSpec = {
    inputSize: sizes[0],
    layers: sizes.slice(1).map((size) => ({ size, activation: { name: 'sigmoid' } })),
    loss: 'halfSumSquares',
  };
  return fromNestedParams(sizes, initParams(spec, createRng(seed), { scale: initScale, distribution: 'uniform' }));
}

export function fromNestedParams(sizes: readonly number[], params: NetworkParams): DenseNetwork {
  return {
    sizes: [...sizes],
    weights: params.weights.map((rows) => Float64Array.from(rows.flat())),
    biases: params.biases.map((row) => Float64Array.from(row)),
  };
}

export function toNestedParams(network: DenseNetwork): NetworkParams {
  const { sizes } = network;
  return {
    weights: network.weights.map((w, l) => Array.from({ length: sizes[l + 1] }, (_, j) => Array.from(w.subarray(j * sizes[l], (j + 1) * sizes[l])))),
    biases: network.biases.map((b) => Array.from(b)),
  };
}

export function cloneNetwork(network: DenseNetwork): DenseNetwork {
  return { sizes: [...network.sizes], weights: network.weights.map((w) => w.slice()), biases: network.biases.map((b) => b.slice()) };
}

/** Buffers for batches of up to `capacity` samples; reused by every call that is given it. */
export interface Workspace {
  capacity: number;
  /** activations[l]: capacity × sizes[l + 1] (the input layer is read in place). */
  activations: Float64Array[];
  deltas: Float64Array[];
  /** Where each sample of the batch starts in the array feeding the first layer. */
  inputOffsets: Int32Array;
  rowGradient: Float64Array;
}

export function createWorkspace(sizes: readonly number[], capacity: number): Workspace {
  return {
    capacity,
    activations: sizes.slice(1).map((size) => new Float64Array(capacity * size)),
    deltas: sizes.slice(1).map((size) => new Float64Array(capacity * size)),
    inputOffsets: new Int32Array(capacity),
    rowGradient: new Float64Array(Math.max(...sizes)),
  };
}

/**
 * a = σ(W x + b) for `count` samples: x of sample s starts at input[offsets[s]] (layer l > 0 passes
 * offsets s·in into the previous activations). Four output rows share each read of x.
 */
function layerForward(w: Float64Array, b: Float64Array, inSize: number, outSize: number, input: Float64Array, offsets: Int32Array, stride: number, count: number, out: Float64Array) {
  for (let s = 0; s < count; s++) {
    const xo = stride > 0 ? s * stride : offsets[s];
    const ao = s * outSize;
    let j = 0;
    for (; j + 3 < outSize; j += 4) {
      const w0 = j * inSize;
      const w1 = w0 + inSize;
      const w2 = w1 + inSize;
      const w3 = w2 + inSize;
      let s0 = b[j], s1 = b[j + 1], s2 = b[j + 2], s3 = b[j + 3];
      for (let k = 0; k < inSize; k++) {
        const x = input[xo + k];
        s0 += w[w0 + k] * x;
        s1 += w[w1 + k] * x;
        s2 += w[w2 + k] * x;
        s3 += w[w3 + k] * x;
      }
      out[ao + j] = sigmoid(s0);
      out[ao + j + 1] = sigmoid(s1);
      out[ao + j + 2] = sigmoid(s2);
      out[ao + j + 3] = sigmoid(s3);
    }
    for (; j < outSize; j++) {
      const wo = j * inSize;
      let sum = b[j];
      for (let k = 0; k < inSize; k++) sum += w[wo + k] * input[xo + k];
      out[ao + j] = sigmoid(sum);
    }
  }
}

/** Runs the batch whose samples start at input[offsets[s]]; the outputs are left in workspace.activations. */
export function forwardBatch(network: DenseNetwork, input: Float64Array, count: number, workspace: Workspace): Float64Array {
  const { sizes, weights, biases } = network;
  for (let l = 0; l < weights.length; l++) {
    const source = l === 0 ? input : workspace.activations[l - 1];
    layerForward(weights[l], biases[l], sizes[l], sizes[l + 1], source, workspace.inputOffsets, l === 0 ? 0 : sizes[l], count, workspace.activations[l]);
  }
  return workspace.activations[weights.length - 1];
}

export interface BatchStats {
  /** Mean trained loss of the batch before the update. */
  loss: number;
  /** Mean −Σ y ln a: what the MATLAB code records in its cross-entropy branch. */
  documentLoss: number;
  /** Samples whose largest output was the label's, before the update. */
  correct: number;
}

/** Index of the largest of `length` values from `offset` (the first on ties). */
export function argmaxAt(values: ArrayLike<number>, offset: number, length: number): number {
  let best = 0;
  for (let k = 1; k < length; k++) if (values[offset + k] > values[offset + best]) best = k;
  return best;
}

/**
 * δᴸ of every sample and the batch's loss: ½Σ(a − y)² gives δ = (a − y)·a(1 − a); the binary
 * cross-entropy −Σ[y ln a + (1 − y) ln(1 − a)] gives δ = a − y.
 */
function outputDeltas(loss: DenseLoss, output: Float64Array, labels: Uint8Array, indices: ArrayLike<number>, start: number, count: number, classes: number, delta: Float64Array): BatchStats {
  let total = 0;
  let documentTotal = 0;
  let correct = 0;
  for (let s = 0; s < count; s++) {
    const label = labels[indices[start + s]];
    const o = s * classes;
    if (argmaxAt(output, o, classes) === label) correct++;
    for (let k = 0; k < classes; k++) {
      const a = output[o + k];
      const y = k === label ? 1 : 0;
      const p = Math.min(1 - LOG_EPSILON, Math.max(LOG_EPSILON, a));
      if (y === 1) documentTotal -= Math.log(p);
      if (loss === 'halfSumSquares') {
        total += 0.5 * (a - y) * (a - y);
        delta[o + k] = (a - y) * a * (1 - a);
      } else {
        total -= y === 1 ? Math.log(p) : Math.log(1 - p);
        delta[o + k] = a - y;
      }
    }
  }
  return { loss: total / count, documentLoss: documentTotal / count, correct };
}

/** δ^(l−1) = (Wᵀ δ^l) ⊙ a^(l−1)(1 − a^(l−1)) for every sample of the batch. */
function hiddenDeltas(w: Float64Array, inSize: number, outSize: number, delta: Float64Array, activation: Float64Array, count: number, previous: Float64Array) {
  for (let s = 0; s < count; s++) {
    const po = s * inSize;
    previous.fill(0, po, po + inSize);
    for (let j = 0; j < outSize; j++) {
      const d = delta[s * outSize + j];
      const wo = j * inSize;
      for (let k = 0; k < inSize; k++) previous[po + k] += w[wo + k] * d;
    }
    for (let k = 0; k < inSize; k++) {
      const a = activation[po + k];
      previous[po + k] *= a * (1 - a);
    }
  }
}

/**
 * W ← W − (η/B) Σ_s δ_s x_sᵀ and b ← b − (η/B) Σ_s δ_s, one output row at a time, four samples
 * per pass over the row so each gradient entry is read and written once per four samples.
 */
function layerUpdate(w: Float64Array, b: Float64Array, inSize: number, outSize: number, input: Float64Array, offsets: Int32Array, stride: number, delta: Float64Array, count: number, step: number, gradient: Float64Array) {
  const at = (s: number) => (stride > 0 ? s * stride : offsets[s]);
  for (let j = 0; j < outSize; j++) {
    gradient.fill(0, 0, inSize);
    let biasGradient = 0;
    let s = 0;
    for (; s + 3 < count; s += 4) {
      const d0 = delta[s * outSize + j], d1 = delta[(s + 1) * outSize + j], d2 = delta[(s + 2) * outSize + j], d3 = delta[(s + 3) * outSize + j];
      biasGradient += d0 + d1 + d2 + d3;
      const x0 = at(s), x1 = at(s + 1), x2 = at(s + 2), x3 = at(s + 3);
      for (let k = 0; k < inSize; k++) gradient[k] += d0 * input[x0 + k] + d1 * input[x1 + k] + d2 * input[x2 + k] + d3 * input[x3 + k];
    }
    for (; s < count; s++) {
      const d = delta[s * outSize + j];
      biasGradient += d;
      const xo = at(s);
      for (let k = 0; k < inSize; k++) gradient[k] += d * input[xo + k];
    }
    const wo = j * inSize;
    for (let k = 0; k < inSize; k++) w[wo + k] -= step * gradient[k];
    b[j] -= step * biasGradient;
  }
}

/**
 * One gradient step on the samples indices[start .. start + count) of the dataset, in place. The
 * statistics describe the network before the step.
 */
export function trainBatch(network: DenseNetwork, loss: DenseLoss, learningRate: number, data: FlatDataset, indices: ArrayLike<number>, start: number, count: number, workspace: Workspace): BatchStats {
  if (count > workspace.capacity) throw new EngineRangeError('batchSize', 'out-of-range', 'the batch is larger than the workspace');
  const { sizes, weights, biases } = network;
  const layers = weights.length;
  for (let s = 0; s < count; s++) workspace.inputOffsets[s] = indices[start + s] * data.size;
  const output = forwardBatch(network, data.pixels, count, workspace);
  const stats = outputDeltas(loss, output, data.labels, indices, start, count, sizes[layers], workspace.deltas[layers - 1]);
  for (let l = layers - 1; l > 0; l--) hiddenDeltas(weights[l], sizes[l], sizes[l + 1], workspace.deltas[l], workspace.activations[l - 1], count, workspace.deltas[l - 1]);
  const step = learningRate / count;
  for (let l = layers - 1; l >= 0; l--) {
    const source = l === 0 ? data.pixels : workspace.activations[l - 1];
    layerUpdate(weights[l], biases[l], sizes[l], sizes[l + 1], source, workspace.inputOffsets, l === 0 ? 0 : sizes[l], workspace.deltas[l], count, step, workspace.rowGradient);
  }
  return stats;
}

/** Outputs of every sample of the dataset, `workspace.capacity` at a time: count × classes values. */
export function predictAll(network: DenseNetwork, data: FlatDataset, workspace: Workspace): Float64Array {
  const classes = network.sizes[network.sizes.length - 1];
  const outputs = new Float64Array(data.count * classes);
  for (let start = 0; start < data.count; start += workspace.capacity) {
    const count = Math.min(workspace.capacity, data.count - start);
    for (let s = 0; s < count; s++) workspace.inputOffsets[s] = (start + s) * data.size;
    outputs.set(forwardBatch(network, data.pixels, count, workspace).subarray(0, count * classes), start * classes);
  }
  return outputs;
}

/** Output probabilities for one input (a drawn digit). */
export function predictOne(network: DenseNetwork, input: Float64Array): number[] {
  const workspace = createWorkspace(network.sizes, 1);
  return Array.from(forwardBatch(network, input, 1, workspace));
}

export interface Evaluation {
  accuracy: number;
  /** confusion[true][predicted]: counts. */
  confusion: number[][];
  /** Predicted class of every sample. */
  predictions: Uint8Array;
}

export function evaluate(network: DenseNetwork, data: FlatDataset, workspace: Workspace): Evaluation {
  const classes = network.sizes[network.sizes.length - 1];
  const outputs = predictAll(network, data, workspace);
  const confusion = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  const predictions = new Uint8Array(data.count);
  let correct = 0;
  for (let i = 0; i < data.count; i++) {
    const predicted = argmaxAt(outputs, i * classes, classes);
    predictions[i] = predicted;
    confusion[data.labels[i]][predicted]++;
    if (predicted === data.labels[i]) correct++;
  }
  return { accuracy: data.count ? correct / data.count : 0, confusion, predictions };
}

/** A random permutation of 0..n−1 (Fisher–Yates), like MATLAB's randperm. */
export function permutation(n: number, rng: Rng): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

/**
 * The batches of one epoch, as AnnTrain builds them: pad the m samples to N = ceil(m/B)·B by
 * repeating the first N − m, shuffle 0..N−1 and cut into N/B batches of B indices.
 */
export function epochBatches(m: number, batchSize: number, rng: Rng): number[][] {
  const batches = Math.ceil(m / batchSize);
  const n = batches * batchSize;
  const order = permutation(n, rng).map((i) => (i < m ? i : i - m));
  return Array.from({ length: batches }, (_, b) => order.slice(b * batchSize, (b + 1) * batchSize));
}
