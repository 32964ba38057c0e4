/**
 * Shared by the network-stepper tests: seeded random descriptions of every allowed shape, the loss
 * as an independent function of the parameters (core forward pass and core losses), and reading a
 * trace by the general key scheme also when the 2-2-2 trace uses the document's names.
 */
import { LOSSES } from '../../src/engine/core/losses';
import { forward, type NetworkParams } from '../../src/engine/core/network';
import { uniform, type Rng } from '../../src/engine/core/random';
import {
  toNetworkSpec,
  type HiddenActivation,
  type NetworkDescription,
  type OutputActivation,
  type StepperLoss,
  type StepperOrder,
  type StepperTrace,
} from '../../src/engine/models/network-stepper';

export interface Variant {
  layers: number[];
  hidden: HiddenActivation[];
  output: OutputActivation;
  loss: StepperLoss;
  order: StepperOrder;
  sharedBias: boolean;
}

/** Random weights, biases and inputs in [−1, 1]; targets valid for the loss (a distribution for softmax with cross-entropy). */
export function randomDescription(rng: Rng, v: Variant, scale = 1): NetworkDescription {
  const draw = () => uniform(rng, -scale, scale);
  const L = v.layers.length - 1;
  const outputs = v.layers[L];
  let targets = Array.from({ length: outputs }, () => (v.loss === 'cross-entropy' ? rng() : draw()));
  if (v.loss === 'cross-entropy' && v.output === 'softmax') {
    const sum = targets.reduce((a, b) => a + b, 0);
    targets = targets.map((t) => t / sum);
    targets[outputs - 1] = 1 - targets.slice(0, -1).reduce((a, b) => a + b, 0);
  }
  return {
    layers: v.layers,
    activations: [...v.hidden, v.output],
    loss: v.loss,
    weights: v.layers.slice(1).map((size, l) => Array.from({ length: size }, () => Array.from({ length: v.layers[l] }, draw))),
    biases: v.layers.slice(1).map((size) => {
      const shared = draw();
      return Array.from({ length: size }, () => (v.sharedBias ? shared : draw()));
    }),
    inputs: Array.from({ length: v.layers[0] }, draw),
    targets,
    lr: 0.5,
    order: v.order,
    sharedBias: v.sharedBias,
  };
}

/** E_total for the given parameters, from the core forward pass and the core loss. */
export function lossOf(d: NetworkDescription, params: NetworkParams): number {
  const spec = toNetworkSpec(d);
  return LOSSES[spec.loss].value(forward(spec, params, d.inputs).output, d.targets);
}

export function paramsOf(d: NetworkDescription): NetworkParams {
  return { weights: d.weights.map((m) => m.map((r) => [...r])), biases: d.biases.map((r) => [...r]) };
}

const DOCUMENT_WEIGHTS = ['w[1][0][0]', 'w[1][0][1]', 'w[1][1][0]', 'w[1][1][1]', 'w[2][0][0]', 'w[2][0][1]', 'w[2][1][0]', 'w[2][1][1]'];

/** The document's name for a general key of the 2-2-2 network (w[2][0][1] is w6, dE/db[1] is dE_total/db1). */
export function documentKey(key: string): string {
  const updated = key.endsWith("'") ? "'" : '';
  const base = updated ? key.slice(0, -1) : key;
  const gradient = base.startsWith('dE/d');
  const name = gradient ? base.slice(4) : base;
  const weight = DOCUMENT_WEIGHTS.indexOf(name);
  const bias = /^b\[(\d)\]$/.exec(name);
  const document = weight >= 0 ? `w${weight + 1}` : bias ? `b${bias[1]}` : name;
  return `${gradient ? 'dE_total/d' : ''}${document}${updated}`;
}

/** A step's value by general key; for a trace in the document's names the key is translated. */
export function valueAt(trace: StepperTrace, key: string): number {
  const found = trace.steps.find((step) => step.key === key) ?? trace.steps.find((step) => step.key === documentKey(key));
  if (!found) throw new Error(`no step ${key}`);
  return found.value;
}

/** valueAt with the steps indexed once, for tests that read every parameter of many traces. */
export function valueLookup(trace: StepperTrace): (key: string) => number {
  const values = new Map(trace.steps.map((step) => [step.key, step.value]));
  return (key) => {
    const value = values.get(key) ?? values.get(documentKey(key));
    if (value === undefined) throw new Error(`no step ${key}`);
    return value;
  };
}
