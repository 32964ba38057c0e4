/**
 * Document 003's 2-2-2 network itself: its parameters and their names, the document's values, the
 * two update orders, N rounds of training on the allocation-free kernel, and the network as the
 * general engine and the general stepper describe it. The lesson's replay (backprop222.ts) and the
 * general stepper's 2-2-2 preset both build on this module, so a page with only one of them does
 * not load the other's narration.
 */
import { texNumber } from '../core/format';
import { forward, type NetworkParams, type NetworkSpec, type UpdateOrder } from '../core/network';
import type { StepRecord } from '../core/trace';
import { trainKernel222 } from './kernel222';
import type { NetworkDescription } from './network-stepper/types';

export const PARAM_NAMES = ['i1', 'i2', 'w1', 'w2', 'w3', 'w4', 'w5', 'w6', 'w7', 'w8', 'b1', 'b2', 't1', 't2', 'lr'] as const;
export type ParamName = (typeof PARAM_NAMES)[number];
export type Params222 = Record<ParamName, number>;

/** The document's inputs, initial weights, biases, targets and learning rate η. */
export const DOCUMENT_PARAMS: Readonly<Params222> = Object.freeze({
  i1: 0.05, i2: 0.1,
  w1: 0.15, w2: 0.2, w3: 0.25, w4: 0.3,
  w5: 0.4, w6: 0.45, w7: 0.5, w8: 0.55,
  b1: 0.35, b2: 0.6,
  t1: 0.01, t2: 0.99,
  lr: 0.5,
});

/**
 * 'textbook': the hidden deltas use the original w5..w8, as the document's hand calculation does.
 * 'published': w5..w8 are updated first and the hidden deltas read the new values; this is what
 * produced the document's figures after one round (0.291027924) and after 10000 rounds.
 */
export type Order222 = UpdateOrder;
export const ORDERS: readonly Order222[] = ['textbook', 'published'];

export type Phase = 'forward' | 'loss' | 'backward-output' | 'backward-hidden' | 'update';
export const PHASES: readonly Phase[] = ['forward', 'loss', 'backward-output', 'backward-hidden', 'update'];

/** The part of the network diagram a quantity belongs to. */
export type Subject = 'i1' | 'i2' | 'b1' | 'b2' | 'h1' | 'h2' | 'o1' | 'o2' | `w${1 | 2 | 3 | 4 | 5 | 6 | 7 | 8}` | 'network';

/** One quantity of the replay, with the part of the diagram it belongs to. */
export interface TraceStep extends StepRecord {
  phase: Phase;
  subject: Subject;
}

export interface ReplayOptions {
  order?: Order222;
  /** Also update b1 and b2 (the document leaves them fixed). */
  updateBiases?: boolean;
  /** Rounds for the E_total_after_N summary. */
  iterations?: number;
}

export interface TraceSummary {
  order: Order222;
  updateBiases: boolean;
  iterations: number;
  E_total: number;
  E_total_after_1: number;
  E_total_after_N: number;
  out_o1_after_N: number;
  out_o2_after_N: number;
}

export interface Trace {
  params: Params222;
  steps: TraceStep[];
  summary: TraceSummary;
}

export const DEFAULT_ITERATIONS = 10000;
export const MAX_ITERATIONS = 100000;

/** The 2-2-2 network as a general network spec: sigmoid layers, one shared bias each, E = Σ ½(t − o)². */
export const SPEC_222: NetworkSpec = {
  inputSize: 2,
  layers: [
    { size: 2, activation: { name: 'sigmoid' }, sharedBias: true },
    { size: 2, activation: { name: 'sigmoid' }, sharedBias: true },
  ],
  loss: 'halfSumSquares',
};

export function toNetworkParams(p: Params222): NetworkParams {
  return {
    weights: [
      [[p.w1, p.w2], [p.w3, p.w4]],
      [[p.w5, p.w6], [p.w7, p.w8]],
    ],
    biases: [[p.b1, p.b1], [p.b2, p.b2]],
  };
}

export function fromNetworkParams(network: NetworkParams, base: Params222): Params222 {
  const [[[w1, w2], [w3, w4]], [[w5, w6], [w7, w8]]] = network.weights;
  return { ...base, w1, w2, w3, w4, w5, w6, w7, w8, b1: network.biases[0][0], b2: network.biases[1][0] };
}

export interface TrainingRun {
  order: Order222;
  updateBiases: boolean;
  /**
   * errors[r] is E_total after r rounds; errors[0] is the starting error. Typed arrays, as the kernel
   * writes them: copying 30,000 numbers into plain arrays cost a keystroke several milliseconds.
   */
  errors: Float64Array;
  /** outputHistory[2r] and outputHistory[2r + 1] are out_o1 and out_o2 after r rounds. */
  outputHistory: Float64Array;
  params: Params222;
  outputs: [number, number];
}

/**
 * N rounds of gradient descent on the single training pair. Runs on the allocation-free kernel,
 * which gives the general engine's numbers bit for bit (tests/engine/kernel222.test.ts).
 */
export function train222(p: Params222, options: ReplayOptions = {}): TrainingRun {
  const { order = 'textbook', updateBiases = false, iterations = DEFAULT_ITERATIONS } = options;
  const result = trainKernel222(p, { order, updateBiases, iterations });
  const [w1, w2, w3, w4, w5, w6, w7, w8] = result.weights;
  const [b1, b2] = result.biases;
  const last = 2 * iterations;
  return {
    order,
    updateBiases,
    errors: result.errors,
    outputHistory: result.outputs,
    params: { ...p, w1, w2, w3, w4, w5, w6, w7, w8, b1, b2 },
    outputs: [result.outputs[last], result.outputs[last + 1]],
  };
}

/** The error and outputs of a run after its first `rounds` rounds (a view of a prefix of the same run, not a copy). */
export function afterRounds(run: TrainingRun, rounds: number): { errors: Float64Array; error: number; outputs: [number, number] } {
  if (!Number.isInteger(rounds) || rounds < 0 || rounds >= run.errors.length) {
    throw new RangeError(`rounds must be an integer from 0 to ${run.errors.length - 1}, got ${rounds}`);
  }
  return {
    errors: run.errors.subarray(0, rounds + 1),
    error: run.errors[rounds],
    outputs: [run.outputHistory[2 * rounds], run.outputHistory[2 * rounds + 1]],
  };
}

/** The 2-2-2 network as a description of the general stepper (weights[l][j][k], shared biases). */
export function descriptionOf222(p: Params222, order: Order222, updateBiases: boolean): NetworkDescription {
  const { weights, biases } = toNetworkParams(p);
  return {
    layers: [2, 2, 2], activations: ['sigmoid', 'sigmoid'], loss: 'half-sse', weights, biases,
    inputs: [p.i1, p.i2], targets: [p.t1, p.t2], lr: p.lr, order, sharedBias: true, updateBiases,
  };
}

/** A step about where training leads: which output it concerns (undefined for the error), without diagram fields. */
export interface TrainingResult {
  step: Omit<TraceStep, 'index' | 'subject'>;
  output: 0 | 1 | undefined;
}

/**
 * The last steps of both 2-2-2 traces: out_o1 and out_o2 after N rounds, σ(net) of the trained
 * network, and E_total after N rounds, ½(t1 − out_o1)² + ½(t2 − out_o2)².
 */
export function trainingResults(run: TrainingRun, iterations: number): TrainingResult[] {
  const p = run.params;
  const n = (value: number) => texNumber(value, { parenthesiseNegative: true });
  const { z, a } = forward(SPEC_222, toNetworkParams(p), [p.i1, p.i2]).layers[1];
  const after = `^{(${iterations})}`;
  const outputs = (['o1', 'o2'] as const).map((output, k): TrainingResult => ({
    output: k as 0 | 1,
    step: {
      key: `out_${output}_after_N`, phase: 'forward',
      label: `out_{${output}}${after}`,
      tex: `\\frac{1}{1+e^{-net_{${output}}${after}}}`,
      texNumeric: `\\frac{1}{1+e^{-${n(z[k])}}}`,
      value: a[k],
      uses: [],
    },
  }));
  return [
    ...outputs,
    {
      output: undefined,
      step: {
        key: 'E_total_after_N', phase: 'loss',
        label: `E_{total}${after}`,
        tex: `\\tfrac{1}{2}(target_{o1} - out_{o1}${after})^2 + \\tfrac{1}{2}(target_{o2} - out_{o2}${after})^2`,
        texNumeric: `\\tfrac{1}{2}(${n(p.t1)} - ${n(a[0])})^2 + \\tfrac{1}{2}(${n(p.t2)} - ${n(a[1])})^2`,
        value: run.errors[run.errors.length - 1],
        uses: ['t1', 't2', 'out_o1_after_N', 'out_o2_after_N'],
      },
    },
  ];
}
