/**
 * Document 003's 2-2-2 network (two sigmoid layers, one shared bias each, E = Σ ½(t − o)²) keeps
 * the document's names and its narration: the general engine hands it to backprop222.replay(), so
 * the 2-2-2 preset is today's trace step for step, and adds the general `layer` and `subject`.
 */
import { replay, type Params222, type TraceStep } from '../backprop222';
import type { NetworkDescription, StepperStep, StepperTrace } from './types';

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

/** Document names to the general diagram scheme: w5 joins h1 (unit 0 of layer 1) to o1 (unit 0 of layer 2). */
const SUBJECTS: Record<TraceStep['subject'], string> = {
  i1: 'unit:0:0', i2: 'unit:0:1', h1: 'unit:1:0', h2: 'unit:1:1', o1: 'unit:2:0', o2: 'unit:2:1',
  w1: 'weight:1:0:0', w2: 'weight:1:0:1', w3: 'weight:1:1:0', w4: 'weight:1:1:1',
  w5: 'weight:2:0:0', w6: 'weight:2:0:1', w7: 'weight:2:1:0', w8: 'weight:2:1:1',
  b1: 'bias:1:0', b2: 'bias:2:0', network: 'network',
};
const BIAS_UPDATES: Record<string, string> = { "b1'": 'bias:1:0', "b2'": 'bias:2:0' };

function generalStep(step: TraceStep): StepperStep {
  const subject = BIAS_UPDATES[step.key] ?? SUBJECTS[step.subject];
  const match = /^(?:unit|weight|bias):(\d)/.exec(subject);
  const layer = step.phase === 'backward-hidden' ? 1 : step.key === 'E_total' || !match ? 0 : Number(match[1]);
  return { ...step, layer, subject };
}

export function replayDocument222(description: NetworkDescription): StepperTrace {
  const trace = replay(toParams222(description), { order: description.order, updateBiases: description.updateBiases ?? true });
  return {
    description,
    steps: trace.steps.map(generalStep),
    summary: { E_total: trace.summary.E_total, E_total_after_1: trace.summary.E_total_after_1 },
  };
}
