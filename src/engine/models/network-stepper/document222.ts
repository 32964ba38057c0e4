/**
 * Document 003's 2-2-2 network (two sigmoid layers, one shared bias each, E = Σ ½(t − o)²) keeps
 * the document's names: the stepper narrates it under DOCUMENT_NAMING and adds where N rounds lead,
 * so the 2-2-2 preset is backprop222.replay()'s trace step for step (two narrations, one checked
 * against the other in tests/engine/network-stepper.test.ts).
 */
import { StepTraceBuilder } from '../../core/trace';
import {
  DEFAULT_ITERATIONS, DOCUMENT_PARAMS, descriptionOf222, train222, trainingResults,
  type Params222, type ReplayOptions, type TraceSummary, type TrainingRun,
} from '../network222';
import { DOCUMENT_NAMING } from './keys';
import { givenValuesNamed, narrateRound } from './narrate';
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

function addTrainingResults(t: StepTraceBuilder<StepperStep>, run: TrainingRun, iterations: number) {
  for (const { step, output } of trainingResults(run, iterations)) {
    t.add({ ...step, layer: output === undefined ? 0 : 2, subject: output === undefined ? 'network' : `unit:2:${output}` });
  }
}

/**
 * The 2-2-2 round narrated by the general stepper under the document's names, plus where N rounds
 * lead, with the general diagram subjects and layers (the 'doc003-222' preset of the stepper).
 */
function replayGeneral222(params: Params222 = DOCUMENT_PARAMS, options: ReplayOptions & { training?: TrainingRun } = {}): { steps: StepperStep[]; summary: TraceSummary } {
  const { order = 'textbook', updateBiases = false, training } = options;
  const iterations = options.iterations ?? (training ? training.errors.length - 1 : DEFAULT_ITERATIONS);
  if (training && (training.order !== order || training.updateBiases !== updateBiases || training.errors.length !== iterations + 1)) {
    throw new RangeError(`the training run given to replay is not the one for order ${order}, updateBiases ${updateBiases}, ${iterations} rounds`);
  }
  const p = { ...params };
  const description = descriptionOf222(p, order, updateBiases);
  const t = new StepTraceBuilder<StepperStep>(givenValuesNamed(description, DOCUMENT_NAMING));
  const { E_total, E_total_after_1 } = narrateRound(description, DOCUMENT_NAMING, t);
  const run = training ?? train222(p, { order, updateBiases, iterations });
  addTrainingResults(t, run, iterations);
  const value = (key: string) => t.value(key);
  return {
    steps: t.steps,
    summary: {
      order, updateBiases, iterations, E_total, E_total_after_1,
      E_total_after_N: value('E_total_after_N'),
      out_o1_after_N: value('out_o1_after_N'),
      out_o2_after_N: value('out_o2_after_N'),
    },
  };
}

export function replayDocument222(description: NetworkDescription): StepperTrace {
  const { steps, summary } = replayGeneral222(toParams222(description), { order: description.order, updateBiases: description.updateBiases ?? true });
  return { description, steps, summary: { E_total: summary.E_total, E_total_after_1: summary.E_total_after_1 } };
}
