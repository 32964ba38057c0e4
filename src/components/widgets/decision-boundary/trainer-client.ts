/**
 * The page's end of the training protocol. Requests go to a Web Worker when the browser has one;
 * without Worker (server rendering, happy-dom tests) or when the worker fails to start, the same
 * session runs on the main thread, one small time-boxed chunk per setTimeout, so the page stays usable.
 */
import type { TrainingOptions } from '../../../engine/models/decision-boundary';
import { RelocatedWorker, timerChannel, type WorkerConstructor } from '../../shared/worker-url';
import { createTrainingSession, type TrainerReply, type TrainerRequest, type TrainingSession, type TrainingSnapshot } from './protocol';

export { workerUrl } from '../../shared/worker-url';

export interface TrainerChannel {
  post(request: TrainerRequest): void;
  close(): void;
}

type ReplyHandler = (reply: TrainerReply) => void;

/** A worker gets a frame's worth of time or more per chunk; the main thread must give control back sooner. */
export const WORKER_BUDGET_MS = 40;
export const INLINE_BUDGET_MS = 12;

export function inlineChannel(onReply: ReplyHandler, session: TrainingSession = createTrainingSession()): TrainerChannel {
  return timerChannel((request: TrainerRequest) => session.handle(request), onReply);
}

/**
 * The bundler builds and emits the worker file when it sees exactly
 * `new Worker(new URL('./training.worker.ts', import.meta.url), …)`, and rewrites the address in it;
 * the `Worker` here is a parameter so that the rewritten address still passes through RelocatedWorker.
 */
function newTrainingWorker(Worker: WorkerConstructor): Worker {
  return new Worker(new URL('./training.worker.ts', import.meta.url), { type: 'module' });
}

export function workerChannel(onReply: ReplyHandler, onFailure: () => void): TrainerChannel | undefined {
  if (typeof Worker === 'undefined') return undefined;
  let worker: Worker;
  try {
    worker = newTrainingWorker(RelocatedWorker);
  } catch {
    return undefined;
  }
  worker.onmessage = (event: MessageEvent<TrainerReply>) => onReply(event.data);
  worker.onerror = (event) => {
    event.preventDefault();
    onFailure();
  };
  return { post: (request) => worker.postMessage(request), close: () => worker.terminate() };
}

export interface TrainingClientOptions {
  onSnapshot: (snapshot: TrainingSnapshot) => void;
  onFailure?: (reply: Extract<TrainerReply, { type: 'error' }>) => void;
  /** Tests pass false to stay on the inline channel even where Worker exists. */
  useWorker?: boolean;
}

export class TrainingClient {
  #channel: TrainerChannel | undefined;
  #inline = false;
  #generation = 0;
  /** Requests of the current generation still waiting for a reply; replayed if the worker dies. */
  #unanswered: TrainerRequest[] = [];
  #lastInit: TrainerRequest | undefined;
  readonly #options: TrainingClientOptions;

  constructor(options: TrainingClientOptions) {
    this.#options = options;
  }

  get usesWorker(): boolean {
    return this.#channel !== undefined && !this.#inline;
  }

  /** Requests of the current generation not yet answered. */
  get pending(): number {
    return this.#unanswered.length;
  }

  /** A new network at epoch 0; replies to anything asked before are dropped. */
  restart(options: TrainingOptions) {
    this.invalidate();
    this.#lastInit = { type: 'init', generation: this.#generation, options };
    this.#send(this.#lastInit);
  }

  train(epochs: number) {
    this.#send({ type: 'train', generation: this.#generation, epochs, budgetMs: this.#inline ? INLINE_BUDGET_MS : WORKER_BUDGET_MS });
  }

  /** Forget requests in flight: their replies will be ignored. */
  invalidate() {
    this.#generation += 1;
    this.#unanswered = [];
  }

  close() {
    this.#channel?.close();
    this.#channel = undefined;
    this.#unanswered = [];
  }

  #send(request: TrainerRequest) {
    this.#unanswered.push(request);
    this.#connect().post(request);
  }

  #connect(): TrainerChannel {
    if (this.#channel) return this.#channel;
    const receive = (reply: TrainerReply) => this.#receive(reply);
    const worker = this.#options.useWorker === false ? undefined : workerChannel(receive, () => this.#fallBack());
    this.#inline = worker === undefined;
    this.#channel = worker ?? inlineChannel(receive);
    return this.#channel;
  }

  #fallBack() {
    this.#channel?.close();
    this.#inline = true;
    this.#channel = inlineChannel((reply) => this.#receive(reply));
    // The worker's network is gone with it: rebuild it here, then run what it left unanswered.
    const replay = this.#unanswered.filter((request) => request !== this.#lastInit);
    this.#unanswered = [];
    if (this.#lastInit?.generation === this.#generation) this.#send(this.#lastInit);
    replay.forEach((request) => this.#send(request.type === 'train' ? { ...request, budgetMs: INLINE_BUDGET_MS } : request));
  }

  #receive(reply: TrainerReply) {
    if (reply.generation !== this.#generation) return;
    this.#unanswered.shift();
    if (reply.type === 'snapshot') this.#options.onSnapshot(reply.snapshot);
    else this.#options.onFailure?.(reply);
  }
}
