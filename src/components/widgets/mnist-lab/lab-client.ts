/**
 * The page's end of the lab protocol: a Web Worker when the browser has one, otherwise the same
 * session on the main thread, one short chunk per timer so the page stays usable.
 */
import { RelocatedWorker, timerChannel, type WorkerConstructor } from '../../shared/worker-url';
import { createLabSession, type LabReply, type LabRequest } from './protocol';

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

export function openLabChannel(onReply: (reply: LabReply) => void, useWorker: boolean): LabChannel {
  if (!useWorker || typeof Worker === 'undefined') return inlineChannel(onReply);
  let worker: Worker;
  try {
    worker = newLabWorker(RelocatedWorker);
  } catch {
    return inlineChannel(onReply);
  }
  worker.onmessage = (event: MessageEvent<LabReply>) => onReply(event.data);
  return {
    onWorker: true,
    post: (request, transfer = []) => worker.postMessage(request, { transfer }),
    close: () => worker.terminate(),
  };
}

export const budgetFor = (channel: LabChannel) => (channel.onWorker ? WORKER_BUDGET_MS : INLINE_BUDGET_MS);
