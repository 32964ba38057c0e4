/**
 * The page's end of the lab protocol: a Web Worker per network when the browser has them (the two
 * networks then train on two cores at once), otherwise one session for both on the main thread,
 * one short chunk per timer so the page stays usable.
 */
import { LAB_LOSSES } from '../../../engine/models/mnist-lab';
import { RelocatedWorker, timerChannel, type WorkerConstructor } from '../../shared/worker-url';
import { createLabSession, mergeReplies, type LabReply, type LabRequest } from './protocol';

/** A worker may keep the CPU for a few frames per reply; the main thread must give it back sooner. */
export const WORKER_BUDGET_MS = 60;
export const INLINE_BUDGET_MS = 12;

export interface LabChannel {
  readonly onWorker: boolean;
  post(request: LabRequest, transfer?: Transferable[]): void;
  close(): void;
}

/** Written out literally so the bundler emits the worker file (see shared/worker-url.ts). */
function newLabWorker(Worker: WorkerConstructor): Worker {
  return new Worker(new URL('./lab.worker.ts', import.meta.url), { type: 'module' });
}

function inlineChannel(onReply: (reply: LabReply) => void): LabChannel {
  const session = createLabSession();
  return { onWorker: false, ...timerChannel((request: LabRequest) => session.handle(request), onReply) };
}

/**
 * Each worker answers every request once and in order, so the i-th replies of all workers answer
 * the same request and are merged into one for the page.
 */
function workerChannel(workers: Worker[], onReply: (reply: LabReply) => void): LabChannel {
  const queues: LabReply[][] = workers.map(() => []);
  workers.forEach((worker, i) => {
    worker.onmessage = (event: MessageEvent<LabReply>) => {
      queues[i].push(event.data);
      if (queues.every((queue) => queue.length > 0)) onReply(mergeReplies(queues.map((queue) => queue.shift()!)));
    };
  });
  return {
    onWorker: true,
    post(request) {
      workers.forEach((worker, i) => {
        if (request.type === 'data') {
          // Every worker gets its own copy of the bytes; the last takes the original.
          const bytes = i === workers.length - 1 ? request.bytes : request.bytes.slice(0);
          worker.postMessage({ ...request, bytes }, { transfer: [bytes] });
        } else if (request.type === 'start') worker.postMessage({ ...request, losses: [LAB_LOSSES[i]] });
        else worker.postMessage(request);
      });
    },
    close: () => workers.forEach((worker) => worker.terminate()),
  };
}

export function openLabChannel(onReply: (reply: LabReply) => void, useWorker: boolean): LabChannel {
  if (!useWorker || typeof Worker === 'undefined') return inlineChannel(onReply);
  const workers: Worker[] = [];
  try {
    LAB_LOSSES.forEach(() => workers.push(newLabWorker(RelocatedWorker)));
  } catch {
    workers.forEach((worker) => worker.terminate());
    return inlineChannel(onReply);
  }
  return workerChannel(workers, onReply);
}

export const budgetFor = (channel: LabChannel) => (channel.onWorker ? WORKER_BUDGET_MS : INLINE_BUDGET_MS);
