/**
 * Document 003's 2-2-2 network (two sigmoid layers, one shared bias each, E = Σ ½(t − o)²) keeps
 * the document's names: the stepper replays it as backprop222 does (the same narration under
 * DOCUMENT_NAMING, plus where N rounds lead), so the 2-2-2 preset is today's trace step for step.
 */
import { replayGeneral222, type Params222 } from '../backprop222';
import type { NetworkDescription, StepperTrace } from './types';

/** Whether a description is document 003's network shape, narrated with the document's names. */
export function isDocument222(d: NetworkDescription): boolean {
  return (
    d.layers.length === 3 && d.layers.every((size) => size === 2) &&
    d.activations[0] === 'sigmoid' && d.activations[1] === 'sigmoid' &&
    d.loss === 'half-sse' && d.sharedBias
  );
}

export function toParams222(d: NetworkDescription): Params222 {
  const [[[w1, w2], [w3, w4]], [[w5, w6], [w7, w8]]] = d.weights;
  return {
    i1: d.inputs[0], i2: d.inputs[1],
    w1, w2, w3, w4, w5, w6, w7, w8,
    b1: d.biases[0][0], b2: d.biases[1][0],
    t1: d.targets[0], t2: d.targets[1],
    lr: d.lr,
  };
}

export function replayDocument222(description: NetworkDescription): StepperTrace {
  const { steps, summary } = replayGeneral222(toParams222(description), { order: description.order, updateBiases: description.updateBiases ?? true });
  return { description, steps, summary: { E_total: summary.E_total, E_total_after_1: summary.E_total_after_1 } };
}
