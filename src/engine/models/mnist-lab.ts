/**
 * The MNIST lab's training run: document 001's two networks (same seed, same batches, one trained
 * with ½Σ(a − y)² and one with the binary cross-entropy its code really trains) advanced a few
 * batches at a time, with per-epoch test results. Pure: the widget's worker, the CLI, the benchmark
 * and the tests all drive this code.
 */
import { createRng, type Rng } from '../core/random';
import {
  createDenseNetwork, createWorkspace, epochBatches, evaluate, trainBatch,
  type DenseLoss, type DenseNetwork, type Evaluation, type FlatDataset, type Workspace,
} from './dense-sigmoid';

export const LAB_LOSSES: readonly DenseLoss[] = ['halfSumSquares', 'binaryCrossEntropy'];
export const PIXELS = 784;
export const CLASSES = 10;
/** Document 001's initialisation: rand − 0.5. */
export const INIT_SCALE = 0.5;

export interface LabSettings {
  learningRate: number;
  batchSize: number;
  hidden: number;
  epochs: number;
  /** How many of the training images to use (the first ones of the training range). */
  trainSize: number;
  /** Initial weights from `seed`, batch order from seed + 1 (both networks alike). */
  seed: number;
}

/** Document 001's settings, five epochs of all 8000 training images. */
export const DEFAULT_LAB_SETTINGS: Readonly<LabSettings> = Object.freeze({ learningRate: 2, batchSize: 200, hidden: 100, epochs: 5, trainSize: 8000, seed: 2024 });

export type LabField = keyof LabSettings;
export const LAB_RANGES: Record<LabField, { min: number; max: number; integer: boolean; openMin?: boolean }> = {
  learningRate: { min: 0, max: 100, integer: false, openMin: true },
  batchSize: { min: 1, max: 2000, integer: true },
  hidden: { min: 1, max: 400, integer: true },
  epochs: { min: 1, max: 100, integer: true },
  trainSize: { min: 10, max: 8000, integer: true },
  seed: { min: 0, max: 0xffffffff, integer: true },
};

export type LabRefusal = 'not-a-number' | 'not-an-integer' | 'out-of-range';

/** Why the engine refuses a setting's value, or undefined when it accepts it. */
export function labSettingRefusal(field: LabField, value: number): LabRefusal | undefined {
  const range = LAB_RANGES[field];
  if (!Number.isFinite(value)) return 'not-a-number';
  if (range.integer && !Number.isInteger(value)) return 'not-an-integer';
  if (value > range.max || (range.openMin ? value <= range.min : value < range.min)) return 'out-of-range';
  return undefined;
}

export function labSettingsErrors(settings: LabSettings): { field: LabField; code: LabRefusal }[] {
  return (Object.keys(LAB_RANGES) as LabField[]).flatMap((field) => {
    const code = labSettingRefusal(field, settings[field]);
    return code ? [{ field, code }] : [];
  });
}

export interface Normalizer {
  mean: Float64Array;
  std: Float64Array;
  /** Features that never change in the training set (their std was replaced by 1). */
  constantFeatures: number[];
}

/** A standard deviation below this is treated as 1, so a pixel that never changes maps to 0. */
export const MIN_STD = 1e-8;

/**
 * μ_k = (1/n) Σ x_k and the sample standard deviation s_k = √(Σ(x_k − μ_k)²/(n − 1)) (MATLAB's std)
 * of every feature of `count` rows; s_k = 1 where the feature never changes.
 */
export function fitFlatNormalizer(values: ArrayLike<number>, count: number, size: number, scale = 1): Normalizer {
  const mean = new Float64Array(size);
  const variance = new Float64Array(size);
  for (let i = 0; i < count; i++) for (let k = 0; k < size; k++) mean[k] += values[i * size + k] * scale;
  for (let k = 0; k < size; k++) mean[k] /= count;
  for (let i = 0; i < count; i++) {
    for (let k = 0; k < size; k++) {
      const d = values[i * size + k] * scale - mean[k];
      variance[k] += d * d;
    }
  }
  const std = new Float64Array(size);
  const constantFeatures: number[] = [];
  for (let k = 0; k < size; k++) {
    const s = count > 1 ? Math.sqrt(variance[k] / (count - 1)) : 0;
    if (s >= MIN_STD) std[k] = s;
    else {
      std[k] = 1;
      constantFeatures.push(k);
    }
  }
  return { mean, std, constantFeatures };
}

/** (x·scale − μ)/σ for rows [from, from + count) of `values`, as a new flat array. */
export function normalizeRows(values: ArrayLike<number>, from: number, count: number, normalizer: Normalizer, scale = 1): Float64Array {
  const size = normalizer.mean.length;
  const out = new Float64Array(count * size);
  for (let i = 0; i < count; i++) {
    const src = (from + i) * size;
    for (let k = 0; k < size; k++) out[i * size + k] = (values[src + k] * scale - normalizer.mean[k]) / normalizer.std[k];
  }
  return out;
}

/** Raw grey levels of both ranges, rows side by side (the packed file's layout). */
export interface RawImages {
  /** count × 784 grey levels, 0..255. */
  pixels: Uint8Array;
  labels: Uint8Array;
}

/** The training rows [0, trainSize) and test rows [testStart, testStart + testSize), normalised with the training statistics. */
export function prepareLabData(images: RawImages, trainSize: number, testStart: number, testSize: number): { train: FlatDataset; test: FlatDataset; normalizer: Normalizer } {
  const normalizer = fitFlatNormalizer(images.pixels, trainSize, PIXELS, 1 / 255);
  return {
    normalizer,
    train: { pixels: normalizeRows(images.pixels, 0, trainSize, normalizer, 1 / 255), labels: images.labels.slice(0, trainSize), count: trainSize, size: PIXELS },
    test: { pixels: normalizeRows(images.pixels, testStart, testSize, normalizer, 1 / 255), labels: images.labels.slice(testStart, testStart + testSize), count: testSize, size: PIXELS },
  };
}

export interface EpochResult {
  epoch: number;
  /** Mean trained loss over the epoch's batches (each measured before its update). */
  loss: number;
  /** Share of training samples classified correctly just before their batch's update. */
  trainAccuracy: number;
  evaluation: Evaluation;
}

export interface LabRun {
  loss: DenseLoss;
  settings: LabSettings;
  network: DenseNetwork;
  train: FlatDataset;
  test: FlatDataset;
  /** Epochs finished so far. */
  epoch: number;
  /** Next batch of the current epoch. */
  batch: number;
  batches: number[][];
  batchRng: Rng;
  workspace: Workspace;
  evalWorkspace: Workspace;
  lossSum: number;
  correct: number;
  seen: number;
}

const EVAL_CAPACITY = 250;

export function createLabRun(loss: DenseLoss, settings: LabSettings, train: FlatDataset, test: FlatDataset): LabRun {
  const sizes = [PIXELS, settings.hidden, CLASSES];
  const batchRng = createRng(settings.seed + 1);
  return {
    loss, settings, train, test,
    network: createDenseNetwork(sizes, settings.seed, INIT_SCALE),
    epoch: 0, batch: 0,
    batches: epochBatches(train.count, settings.batchSize, batchRng),
    batchRng,
    workspace: createWorkspace(sizes, settings.batchSize),
    evalWorkspace: createWorkspace(sizes, EVAL_CAPACITY),
    lossSum: 0, correct: 0, seen: 0,
  };
}

export const runFinished = (run: LabRun) => run.epoch >= run.settings.epochs;

/** Batches per epoch: ⌈m/B⌉. */
export const batchesPerEpoch = (run: LabRun) => run.batches.length;

/** Trains the next batch; when it ends an epoch, scores the test set and returns that epoch's result. */
export function trainNextBatch(run: LabRun): EpochResult | undefined {
  if (runFinished(run)) return undefined;
  const indices = run.batches[run.batch];
  const stats = trainBatch(run.network, run.loss, run.settings.learningRate, run.train, indices, 0, indices.length, run.workspace);
  run.lossSum += stats.loss;
  run.correct += stats.correct;
  run.seen += indices.length;
  run.batch++;
  if (run.batch < run.batches.length) return undefined;
  const result: EpochResult = {
    epoch: run.epoch + 1,
    loss: run.lossSum / run.batches.length,
    trainAccuracy: run.correct / run.seen,
    evaluation: evaluate(run.network, run.test, run.evalWorkspace),
  };
  run.epoch++;
  run.batch = 0;
  run.lossSum = 0;
  run.correct = 0;
  run.seen = 0;
  if (!runFinished(run)) run.batches = epochBatches(run.train.count, run.settings.batchSize, run.batchRng);
  return result;
}

/** Trains a whole run; `onEpoch` sees each epoch's result (the CLI times epochs with it). */
export function trainToEnd(run: LabRun, onEpoch?: (result: EpochResult) => void): EpochResult[] {
  const results: EpochResult[] = [];
  while (!runFinished(run)) {
    const result = trainNextBatch(run);
    if (result) {
      results.push(result);
      onEpoch?.(result);
    }
  }
  return results;
}
