/**
 * A small network learning a non-linear decision boundary on seeded 2-D data, the TensorFlow
 * Playground idea of documents 001 and 003. Every value here is plain data (structuredClone- and
 * JSON-safe), so a Web Worker can hold the state, train it in chunks and post it back.
 */
import { batchLoss, forward, initParams, trainStep, type NetworkParams, type NetworkSpec } from '../core/network';
import { createRng, gaussian, uniform, type Rng } from '../core/random';
import { checkChoice, checkOptionNumber, type EngineError } from '../core/validation';

export type DatasetKind = 'xor' | 'circle' | 'spirals';
export const DATASET_KINDS: readonly DatasetKind[] = ['xor', 'circle', 'spirals'];

export type HiddenActivation = 'sigmoid' | 'tanh' | 'relu' | 'leakyRelu' | 'linear';
export const HIDDEN_ACTIVATIONS: readonly HiddenActivation[] = ['sigmoid', 'tanh', 'relu', 'leakyRelu', 'linear'];

export const COUNT_RANGE = { min: 4, max: 1000 } as const;
/** Noise is the standard deviation of Gaussian jitter added to both coordinates. */
export const NOISE_RANGE = { min: 0, max: 0.5 } as const;
export const SEED_RANGE = { min: 0, max: 0xffffffff } as const;
export const MAX_HIDDEN_LAYERS = 4;
export const HIDDEN_UNITS_RANGE = { min: 1, max: 16 } as const;
/** The Playground offers up to 10; larger rates are allowed so that divergence can be shown. */
export const LEARNING_RATE_RANGE = { min: 0, max: 1e6 } as const;
/** The heat map covers [−GRID_EXTENT, GRID_EXTENT]², a margin around the data's [−1, 1]². */
export const GRID_EXTENT = 1.2;
export const GRID_RESOLUTION_RANGE = { min: 2, max: 256 } as const;
/** lossHistory is thinned to every other entry once it would exceed this length. */
export const MAX_LOSS_HISTORY = 1000;
/**
 * Mean loss above which training counts as diverged. The logs are clamped (LOG_EPSILON), so the
 * loss cannot become infinite: a huge step instead saturates the output at 0 or 1, where the loss
 * sits near ½·(−ln 10⁻¹⁵) ≈ 17.3 and network.ts's δ^L = ∂L/∂a · a(1−a) rounds to 0 or nearly, so
 * training never recovers. Guessing ½ everywhere scores ln 2 ≈ 0.69; gradient descent with a
 * workable step does not climb from there to 10.
 */
export const DIVERGENCE_LOSS = 10;

export type OptionErrorCode = 'not-a-number' | 'not-an-integer' | 'out-of-range' | 'unknown-choice' | 'empty';


export interface DataPoint {
  x: number;
  y: number;
  label: 0 | 1;
}

export interface DatasetOptions {
  count: number;
  noise: number;
  seed: number;
}

export interface Dataset extends DatasetOptions {
  kind: DatasetKind;
  points: DataPoint[];
}

export interface TrainingOptions {
  /** Units per hidden layer, input side first; [] is logistic regression on the features. */
  hiddenLayers: number[];
  activation: HiddenActivation;
  learningRate: number;
  seed: number;
  dataset: DataPoint[];
  /** Feed x², y² and xy as well as x and y. */
  quadraticFeatures?: boolean;
}

export interface TrainingSpec {
  hiddenLayers: number[];
  activation: HiddenActivation;
  learningRate: number;
  seed: number;
  quadraticFeatures: boolean;
}

export interface TrainingState {
  spec: TrainingSpec;
  /** The engine's network: features → hidden layers → one sigmoid unit, binary cross-entropy. */
  network: NetworkSpec;
  dataset: DataPoint[];
  params: NetworkParams;
  /** Full-batch gradient steps taken so far. */
  epoch: number;
  /** Mean binary cross-entropy over the dataset at the current epoch. */
  loss: number;
  /** lossHistory[i] is the loss after i · lossHistoryStride epochs; `loss` is always the latest. */
  lossHistory: number[];
  lossHistoryStride: number;
  /** The loss passed DIVERGENCE_LOSS, or a step produced a non-finite loss or weight; training has stopped. */
  diverged: boolean;
}

export interface PredictionGrid {
  resolution: number;
  extent: number;
  /** values[r · resolution + c] = P(label 1) at x = −extent + (c + ½)·2·extent/resolution, y = extent − (r + ½)·2·extent/resolution (row 0 is the top). */
  values: number[];
}

/** Every reason the dataset options are refused: a known kind, count 4–1000 (integer), 0 ≤ noise ≤ 0.5, seed a 32-bit unsigned integer. */
export function validateDatasetOptions(kind: DatasetKind, options: DatasetOptions): EngineError<OptionErrorCode>[] {
  return [
    ...checkChoice('kind', kind, DATASET_KINDS),
    ...checkOptionNumber('count', options.count, COUNT_RANGE.min, COUNT_RANGE.max, { integer: true }),
    ...checkOptionNumber('noise', options.noise, NOISE_RANGE.min, NOISE_RANGE.max),
    ...checkOptionNumber('seed', options.seed, SEED_RANGE.min, SEED_RANGE.max, { integer: true }),
  ];
}

/** XOR: label 1 when x and y have opposite signs; |x|, |y| ∈ [0.1, 1] keeps a gap along the axes. */
function xorPoint(rng: Rng, label: 0 | 1): [number, number] {
  const sx = rng() < 0.5 ? -1 : 1;
  const sy = label === 1 ? -sx : sx;
  return [sx * uniform(rng, 0.1, 1), sy * uniform(rng, 0.1, 1)];
}

/** Circle: label 1 inside radius 0.5, label 0 on the ring 0.7 ≤ r ≤ 1. */
function circlePoint(rng: Rng, label: 0 | 1): [number, number] {
  const r = label === 1 ? uniform(rng, 0, 0.5) : uniform(rng, 0.7, 1);
  const angle = uniform(rng, 0, 2 * Math.PI);
  return [r * Math.cos(angle), r * Math.sin(angle)];
}

/** Spirals: arm `label` at t ∈ [0, 1) has r = 0.05 + 0.95t and angle 3.5πt + label·π, 1¾ turns each. */
function spiralPoint(t: number, label: 0 | 1): [number, number] {
  const r = 0.05 + 0.95 * t;
  const angle = 3.5 * Math.PI * t + label * Math.PI;
  return [r * Math.sin(angle), r * Math.cos(angle)];
}

/**
 * Seeded points with labels alternating 1, 0, 1, 0…, so the classes are balanced (within one point
 * for an odd count). Returns error records instead when an option is out of range.
 */
export function makeDataset(kind: DatasetKind, options: DatasetOptions): Dataset | { errors: EngineError<OptionErrorCode>[] } {
  const errors = validateDatasetOptions(kind, options);
  if (errors.length > 0) return { errors };
  const { count, noise, seed } = options;
  const rng = createRng(seed);
  const perArm = Math.ceil(count / 2);
  const points: DataPoint[] = Array.from({ length: count }, (_, i) => {
    const label: 0 | 1 = i % 2 === 0 ? 1 : 0;
    const [x, y] =
      kind === 'xor' ? xorPoint(rng, label) : kind === 'circle' ? circlePoint(rng, label) : spiralPoint(Math.floor(i / 2) / perArm, label);
    // The jitter is drawn even at noise 0 so that the noise slider scales it without moving the points underneath.
    return { x: x + noise * gaussian(rng), y: y + noise * gaussian(rng), label };
  });
  return { kind, count, noise, seed, points };
}

/** The network's input for a point: (x, y), or (x, y, x², y², xy) with quadratic features. */
export function features(x: number, y: number, quadratic: boolean): number[] {
  return quadratic ? [x, y, x * x, y * y, x * y] : [x, y];
}

/** Every reason the training options are refused: 0–4 hidden layers of 1–16 units, a known activation, 0 < η ≤ 10⁶, seed a 32-bit unsigned integer, at least one finite 0/1-labelled point. */
export function validateTrainingOptions(options: TrainingOptions): EngineError<OptionErrorCode>[] {
  const { hiddenLayers, activation, learningRate, seed, dataset } = options;
  const layerErrors: EngineError<OptionErrorCode>[] = !Array.isArray(hiddenLayers)
    ? [{ field: 'hiddenLayers', received: String(hiddenLayers), code: 'not-a-number' }]
    : hiddenLayers.length > MAX_HIDDEN_LAYERS
      ? [{ field: 'hiddenLayers', received: String(hiddenLayers), code: 'out-of-range' }]
      : hiddenLayers.flatMap((units, i) => checkOptionNumber(`hiddenLayers[${i}]`, units, HIDDEN_UNITS_RANGE.min, HIDDEN_UNITS_RANGE.max, { integer: true }));
  const datasetErrors: EngineError<OptionErrorCode>[] =
    !Array.isArray(dataset) || dataset.length === 0
      ? [{ field: 'dataset', received: String(dataset), code: 'empty' }]
      : dataset.some((p) => !Number.isFinite(p.x) || !Number.isFinite(p.y) || (p.label !== 0 && p.label !== 1))
        ? [{ field: 'dataset', received: 'point', code: 'not-a-number' }]
        : [];
  return [
    ...layerErrors,
    ...checkChoice('activation', activation, HIDDEN_ACTIVATIONS),
    ...checkOptionNumber('learningRate', learningRate, LEARNING_RATE_RANGE.min, LEARNING_RATE_RANGE.max, { openMin: true }),
    ...checkOptionNumber('seed', seed, SEED_RANGE.min, SEED_RANGE.max, { integer: true }),
    ...datasetErrors,
  ];
}

function trainingData(state: Pick<TrainingState, 'dataset' | 'spec'>) {
  const inputs = state.dataset.map((p) => features(p.x, p.y, state.spec.quadraticFeatures));
  const targets = state.dataset.map((p) => [p.label]);
  return { inputs, targets };
}

/**
 * Epoch 0: weights uniform in [−0.5, 0.5] as in the Playground, biases zero, seeded. The output is
 * one sigmoid unit with binary cross-entropy, so δ^L = a^L − y (document 001).
 */
export function createTrainingState(options: TrainingOptions): TrainingState | { errors: EngineError<OptionErrorCode>[] } {
  const errors = validateTrainingOptions(options);
  if (errors.length > 0) return { errors };
  const spec: TrainingSpec = {
    hiddenLayers: [...options.hiddenLayers],
    activation: options.activation,
    learningRate: options.learningRate,
    seed: options.seed,
    quadraticFeatures: options.quadraticFeatures ?? false,
  };
  const network: NetworkSpec = {
    inputSize: features(0, 0, spec.quadraticFeatures).length,
    layers: [
      ...spec.hiddenLayers.map((size) => ({ size, activation: { name: spec.activation } })),
      { size: 1, activation: { name: 'sigmoid' } },
    ],
    loss: 'binaryCrossEntropy',
  };
  const dataset = options.dataset.map(({ x, y, label }) => ({ x, y, label }));
  const params = initParams(network, createRng(spec.seed));
  const { inputs, targets } = trainingData({ dataset, spec });
  const loss = batchLoss(network, params, inputs, targets);
  return { spec, network, dataset, params, epoch: 0, loss, lossHistory: [loss], lossHistoryStride: 1, diverged: false };
}

function isFiniteStep(params: NetworkParams, loss: number): boolean {
  return Number.isFinite(loss) && params.weights.every((w) => w.flat().every(Number.isFinite)) && params.biases.flat().every(Number.isFinite);
}

/**
 * `epochs` full-batch gradient-descent steps (trainStep on the mean gradient of all points).
 * Returns a new state; the argument is not changed. Training stops with `diverged` set when the
 * loss passes DIVERGENCE_LOSS (that step is kept, so the blown-up boundary can be shown) or when a
 * step would produce a non-finite loss or weight (that step is discarded).
 */
export function trainEpochs(state: TrainingState, epochs: number): TrainingState {
  if (!Number.isInteger(epochs) || epochs < 0) throw new RangeError(`epochs must be a non-negative integer, got ${epochs}`);
  if (state.diverged || epochs === 0) return { ...state };
  const { inputs, targets } = trainingData(state);
  const options = { learningRate: state.spec.learningRate };
  let { params, epoch, loss, lossHistoryStride: stride } = state;
  let lossHistory = [...state.lossHistory];
  let diverged = false;
  for (let i = 0; i < epochs; i++) {
    const next = trainStep(state.network, params, inputs, targets, options);
    const nextLoss = batchLoss(state.network, next, inputs, targets);
    if (!isFiniteStep(next, nextLoss)) {
      diverged = true;
      break;
    }
    params = next;
    loss = nextLoss;
    epoch += 1;
    diverged = loss > DIVERGENCE_LOSS;
    if (epoch % stride === 0) lossHistory.push(loss);
    if (lossHistory.length > MAX_LOSS_HISTORY) {
      lossHistory = lossHistory.filter((_, index) => index % 2 === 0);
      stride *= 2;
    }
    if (diverged) break;
  }
  return { ...state, params, epoch, loss, lossHistory, lossHistoryStride: stride, diverged };
}

/** P(label 1 | x, y), the network's output for one point of the plane. */
export function predict(state: TrainingState, x: number, y: number): number {
  return forward(state.network, state.params, features(x, y, state.spec.quadraticFeatures)).output[0];
}

/** The output probability on a resolution × resolution grid of cell centres over [−1.2, 1.2]², row-major, top row first. */
export function predictionGrid(state: TrainingState, resolution: number): PredictionGrid {
  const { min, max } = GRID_RESOLUTION_RANGE;
  if (!Number.isInteger(resolution) || resolution < min || resolution > max) {
    throw new RangeError(`resolution must be an integer in [${min}, ${max}], got ${resolution}`);
  }
  const cell = (2 * GRID_EXTENT) / resolution;
  const values: number[] = [];
  for (let r = 0; r < resolution; r++) {
    const y = GRID_EXTENT - (r + 0.5) * cell;
    for (let c = 0; c < resolution; c++) values.push(predict(state, -GRID_EXTENT + (c + 0.5) * cell, y));
  }
  return { resolution, extent: GRID_EXTENT, values };
}

/** Fraction of points whose rounded prediction (P ≥ 0.5 ↦ 1) equals their label. */
export function accuracy(state: TrainingState): number {
  const correct = state.dataset.filter((p) => (predict(state, p.x, p.y) >= 0.5 ? 1 : 0) === p.label).length;
  return correct / state.dataset.length;
}
