/**
 * The messages between the lab and its training worker, and the session that answers them (the
 * worker is a thin wrapper around it; without Worker the same session runs on the main thread).
 *
 * The page sends the data file once (`data`, its bytes transferred, not copied), then `start` with
 * the settings and `train` requests, each answered by one small `progress` reply: where both runs
 * are, and the results of any epoch that ended. Weights travel only when an epoch ends, in
 * transferred buffers. Replies carry the request's generation so the page can drop stale ones.
 */
import type { DenseLoss } from '../../../engine/models/dense-sigmoid';
import {
  LAB_LOSSES, batchesPerEpoch, createLabRun, prepareLabData, runFinished, trainNextBatch,
  type EpochResult, type LabRun, type LabSettings,
} from '../../../engine/models/mnist-lab';
import { decodeMnistPack, type MnistPack, type PackProblem } from '../../../engine/models/mnist-pack';

/** Test images scored after every epoch: the whole test range. */
export const TEST_IMAGES = 2000;
/** Misclassified test digits reported per epoch and network (the gallery's size). */
export const MISTAKES_SHOWN = 24;

export interface NetworkWeights {
  weights: Float64Array[];
  biases: Float64Array[];
}

export interface EpochReport {
  loss: DenseLoss;
  epoch: number;
  trainLoss: number;
  trainAccuracy: number;
  testAccuracy: number;
  /** confusion[true][predicted] counts on the test images. */
  confusion: number[][];
  /** Test images (index into the test range) the network got wrong, with what it said. */
  mistakes: { index: number; predicted: number }[];
}

export interface RunPosition {
  loss: DenseLoss;
  epoch: number;
  batch: number;
  batches: number;
}

export type LabRequest =
  | { type: 'data'; bytes: ArrayBuffer }
  /** `losses`: the networks this session trains (both by default; a worker per network takes one). */
  | { type: 'start'; generation: number; settings: LabSettings; losses?: readonly DenseLoss[] }
  | { type: 'train'; generation: number; budgetMs: number };

export type LabReply =
  | { type: 'data-ready'; testCount: number }
  | { type: 'data-error'; problem: PackProblem }
  | { type: 'started'; generation: number; normalizer: { mean: Float64Array; std: Float64Array } }
  | {
      type: 'progress';
      generation: number;
      positions: RunPosition[];
      reports: EpochReport[];
      finished: boolean;
      /** The parameters of each network that ended an epoch in this chunk, after that epoch. */
      networks?: Partial<Record<DenseLoss, NetworkWeights>>;
    }
  | { type: 'refused'; generation: number; reason: 'no-data' | 'not-started' };

/** Buffers a reply hands over instead of copying. */
export function transferables(reply: LabReply): ArrayBuffer[] {
  if (reply.type === 'started') return [reply.normalizer.mean.buffer as ArrayBuffer, reply.normalizer.std.buffer as ArrayBuffer];
  if (reply.type !== 'progress' || !reply.networks) return [];
  return Object.values(reply.networks).flatMap((n) => (n ? [...n.weights, ...n.biases].map((array) => array.buffer as ArrayBuffer) : []));
}

/**
 * One reply from the replies of several sessions to the same request (a worker per network): their
 * progress side by side, finished when all are; a problem any of them reports wins.
 */
export function mergeReplies(replies: readonly LabReply[]): LabReply {
  const problem = replies.find((reply) => reply.type === 'data-error' || reply.type === 'refused');
  if (problem) return problem;
  const progress = replies.filter((reply) => reply.type === 'progress');
  if (progress.length !== replies.length) return replies[0];
  const networks = progress.reduce<Partial<Record<DenseLoss, NetworkWeights>>>((all, reply) => ({ ...all, ...reply.networks }), {});
  return {
    type: 'progress',
    generation: progress[0].generation,
    positions: progress.flatMap((reply) => reply.positions),
    reports: progress.flatMap((reply) => reply.reports),
    finished: progress.every((reply) => reply.finished),
    networks: Object.keys(networks).length > 0 ? networks : undefined,
  };
}

function reportOf(run: LabRun, result: EpochResult): EpochReport {
  const mistakes: EpochReport['mistakes'] = [];
  const { predictions, confusion, accuracy } = result.evaluation;
  for (let i = 0; i < predictions.length && mistakes.length < MISTAKES_SHOWN; i++) {
    if (predictions[i] !== run.test.labels[i]) mistakes.push({ index: i, predicted: predictions[i] });
  }
  return { loss: run.loss, epoch: result.epoch, trainLoss: result.loss, trainAccuracy: result.trainAccuracy, testAccuracy: accuracy, confusion, mistakes };
}

const copyNetwork = (run: LabRun): NetworkWeights => ({ weights: run.network.weights.map((w) => w.slice()), biases: run.network.biases.map((b) => b.slice()) });

export interface LabSession {
  handle(request: LabRequest): LabReply;
}

export function createLabSession(now: () => number = () => performance.now()): LabSession {
  let pack: MnistPack | undefined;
  let runs: LabRun[] = [];
  let generation = -1;

  return {
    handle(request) {
      if (request.type === 'data') {
        const decoded = decodeMnistPack(new Uint8Array(request.bytes));
        if ('problem' in decoded) return { type: 'data-error', problem: decoded.problem };
        pack = decoded.pack;
        return { type: 'data-ready', testCount: Math.min(TEST_IMAGES, pack.count - pack.trainCount) };
      }
      if (!pack) return { type: 'refused', generation: request.generation, reason: 'no-data' };
      if (request.type === 'start') {
        const { settings } = request;
        const testCount = Math.min(TEST_IMAGES, pack.count - pack.trainCount);
        const { train, test, normalizer } = prepareLabData(pack, Math.min(settings.trainSize, pack.trainCount), pack.trainCount, testCount);
        runs = (request.losses ?? LAB_LOSSES).map((loss) => createLabRun(loss, settings, train, test));
        generation = request.generation;
        return { type: 'started', generation, normalizer: { mean: normalizer.mean.slice(), std: normalizer.std.slice() } };
      }
      if (request.generation !== generation || runs.length === 0) return { type: 'refused', generation: request.generation, reason: 'not-started' };
      const start = now();
      const reports: EpochReport[] = [];
      // Batches alternate between the networks so they stay at the same point of training.
      while (!runs.every(runFinished) && now() - start < request.budgetMs) {
        for (const run of runs) {
          const result = trainNextBatch(run);
          if (result) reports.push(reportOf(run, result));
        }
      }
      const ended = runs.filter((run) => reports.some((report) => report.loss === run.loss));
      return {
        type: 'progress',
        generation,
        positions: runs.map((run) => ({ loss: run.loss, epoch: run.epoch, batch: run.batch, batches: batchesPerEpoch(run) })),
        reports,
        finished: runs.every(runFinished),
        networks: ended.length > 0 ? Object.fromEntries(ended.map((run) => [run.loss, copyNetwork(run)])) : undefined,
      };
    },
  };
}
