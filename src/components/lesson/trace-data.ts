/** Build-time access to the 2-2-2 traces for lesson prose: each order is replayed once per build. */
import { DOCUMENT_PARAMS, replay, type Order222, type Trace, type TraceStep } from '../../engine/models/backprop222';

const cache = new Map<Order222, Trace>();

export function documentTrace(order: Order222 = 'textbook'): Trace {
  let trace = cache.get(order);
  if (!trace) {
    trace = replay(DOCUMENT_PARAMS, { order });
    cache.set(order, trace);
  }
  return trace;
}

export function documentStep(key: string, order: Order222 = 'textbook'): TraceStep {
  const step = documentTrace(order).steps.find((s) => s.key === key);
  if (!step) throw new Error(`lesson refers to unknown trace key "${key}"`);
  return step;
}
