/**
 * The messages between the page and the training worker, and the session that answers them. The
 * worker is a thin wrapper around createTrainingSession, and so is the no-Worker fallback, so both
 * run exactly this code and it can be tested without a browser.
 *
 * The page sends `init` (new network, epoch 0) and then `train` requests; every request gets one
 * reply carrying the request's generation, so the page can drop answers to requests it has since
 * abandoned (a reset while a chunk was being trained).
 */
import {
  accuracy, createTrainingState, predictionGrid, trainEpochs,
  type OptionErrorCode, type PredictionGrid, type TrainingOptions, type TrainingState,
} from '../../../engine/models/decision-boundary';
import type { EngineError } from '../../../engine/core/validation';

/** Heat-map cells per side: 40² forward passes per reply stay well under a frame even for 4×16 units. */
export const GRID_RESOLUTION = 40;

export type TrainerRequest =
  | { type: 'init'; generation: number; options: TrainingOptions }
  /** Up to `epochs` full-batch steps, stopping early once `budgetMs` have passed, so a reply comes back promptly however large the network. */
  | { type: 'train'; generation: number; epochs: number; budgetMs: number };

/** What the page shows after a request: everything but the weights. */
export interface TrainingSnapshot {
  epoch: number;
  loss: number;
  lossHistory: number[];
  lossHistoryStride: number;
  accuracy: number;
  diverged: boolean;
  grid: PredictionGrid;
}

export type TrainerFailure = 'invalid-options' | 'not-initialised' | 'bad-request';

export type TrainerReply =
  | { type: 'snapshot'; generation: number; snapshot: TrainingSnapshot }
  | { type: 'error'; generation: number; reason: TrainerFailure; errors: EngineError<OptionErrorCode>[] };

export function snapshotOf(state: TrainingState, resolution = GRID_RESOLUTION): TrainingSnapshot {
  return {
    epoch: state.epoch,
    loss: state.loss,
    lossHistory: state.lossHistory,
    lossHistoryStride: state.lossHistoryStride,
    accuracy: accuracy(state),
    diverged: state.diverged,
    grid: predictionGrid(state, resolution),
  };
}

/** Epoch 0 for the given options, computed where it is asked for (the page uses it for the first, server-rendered picture). */
export function initialSnapshot(options: TrainingOptions): TrainingSnapshot | { errors: EngineError<OptionErrorCode>[] } {
  const state = createTrainingState(options);
  return 'errors' in state ? state : snapshotOf(state);
}

export interface TrainingSession {
  handle(request: TrainerRequest): TrainerReply;
}

const isTrainRequest = (request: TrainerRequest): request is Extract<TrainerRequest, { type: 'train' }> =>
  request.type === 'train' && Number.isInteger(request.epochs) && request.epochs >= 1 && request.budgetMs >= 0;

/** Holds one network's training state between requests; `now` is injectable so tests control the time budget. */
export function createTrainingSession(now: () => number = () => performance.now()): TrainingSession {
  let state: TrainingState | undefined;
  let generation: number | undefined;

  const failure = (request: { generation?: unknown }, reason: TrainerFailure, errors: EngineError<OptionErrorCode>[] = []): TrainerReply => ({
    type: 'error',
    generation: typeof request.generation === 'number' ? request.generation : -1,
    reason,
    errors,
  });

  return {
    handle(request) {
      if (request?.type === 'init') {
        const created = createTrainingState(request.options);
        if ('errors' in created) {
          state = undefined;
          return failure(request, 'invalid-options', created.errors);
        }
        state = created;
        generation = request.generation;
        return { type: 'snapshot', generation: request.generation, snapshot: snapshotOf(state) };
      }
      if (!request || !isTrainRequest(request)) return failure(request ?? {}, 'bad-request');
      if (!state || request.generation !== generation) return failure(request, 'not-initialised');
      const start = now();
      for (let done = 0; done < request.epochs && !state.diverged; done++) {
        state = trainEpochs(state, 1);
        if (now() - start >= request.budgetMs) break;
      }
      return { type: 'snapshot', generation: request.generation, snapshot: snapshotOf(state) };
    },
  };
}
