/**
 * Types of the general step-through engine (issue #11). The contract with the widget is
 * /work/briefs/stepper-api.md; index.ts re-exports everything public.
 *
 * Key scheme (l is 1-based over weight layers, layer 1 = first hidden; j and k are 0-based, the
 * positions in the description's arrays, so `w[l][j][k]` is `weights[l − 1][j][k]`):
 * given values `x[k]`, `t[j]`, `w[l][j][k]`, `b[l][j]` (shared bias: `b[l]`), `lr`; steps
 * `net[l][j]`, `out[l][j]`, `E[j]`, `E_total`, `dE/dout[l][j]`, `dout/dnet[l][j]`, `delta[l][j]`,
 * `dnet[l][j]/dw[l][j][k]`, `dnet[l+1][i]/dout[l][j]`, `dE[i]/dnet[L][i]` and `dE[i]/dout[L-1][0]`
 * (one output's share, below a sigmoid output), `dE/dw[l][j][k]`, `dE/db[l][j]` (shared:
 * `dE/db[l]`), `w[l][j][k]'`, `b[l][j]'` (shared: `b[l]'`), `E_total_after_1`. LaTeX labels use
 * 1-based indices: w^{(l)}_{jk} with j and k counted from 1.
 * Exception: a 2-2-2 sigmoid network with shared biases and half-SSE (document 003's network) keeps
 * the document's names (i1, w5, net_h1, dE_total/dw5…): the same narration (narrate.ts) under
 * DOCUMENT_NAMING, which is backprop222.replay()'s trace step for step.
 */
import type { StepRecord } from '../../core/trace';

export type HiddenActivation = 'sigmoid' | 'tanh' | 'relu' | 'leaky-relu' | 'linear';
export type OutputActivation = 'sigmoid' | 'softmax';
export type StepperActivation = HiddenActivation | OutputActivation;
export type StepperLoss = 'half-sse' | 'mse' | 'cross-entropy';
export type StepperOrder = 'textbook' | 'published';

export const HIDDEN_ACTIVATIONS: readonly HiddenActivation[] = ['sigmoid', 'tanh', 'relu', 'leaky-relu', 'linear'];
export const OUTPUT_ACTIVATIONS: readonly OutputActivation[] = ['sigmoid', 'softmax'];
export const STEPPER_LOSSES: readonly StepperLoss[] = ['half-sse', 'mse', 'cross-entropy'];
export const STEPPER_ORDERS: readonly StepperOrder[] = ['textbook', 'published'];

/** Unit counts per layer are 1..MAX_UNITS; there are 1..MAX_WEIGHT_LAYERS weight layers. */
export const MAX_UNITS = 4;
export const MAX_WEIGHT_LAYERS = 4;
/** Largest magnitude of any number in a description (as for the 2-2-2 parameters). */
export const VALUE_LIMIT = 1000;

/** Exactly the CLI's JSON shape (issue #11). */
export interface NetworkDescription {
  /** Unit counts including the input layer, e.g. [3, 4, 1]: 2 to 5 entries, each 1..4. */
  layers: number[];
  /** One per weight layer; the last is the output ('sigmoid' | 'softmax'), earlier ones HiddenActivation. */
  activations: string[];
  loss: StepperLoss;
  /** weights[l][j][k]: unit k of layer l -> unit j of layer l + 1. */
  weights: number[][][];
  /** biases[l][j] for layer l + 1; with sharedBias all entries of a layer are equal. */
  biases: number[][];
  inputs: number[];
  targets: number[];
  lr: number;
  order: StepperOrder;
  sharedBias: boolean;
  /**
   * Whether the biases are trained too (default true). Document 003's 2-2-2 keeps them fixed, so its
   * preset sets false; with false the trace has no bias gradients or bias updates.
   */
  updateBiases?: boolean;
}

/** The first refused field, e.g. "weights[1][0][2]", "layers", "activations[0]", with an English message. */
export type DescriptionError = { field: string; message: string };

export type StepperPhase = 'forward' | 'loss' | 'backward-output' | 'backward-hidden' | 'update';

export interface StepperStep extends StepRecord {
  phase: StepperPhase;
  /** Weight layer this step belongs to (1-based layer index l of the key scheme), 0 for inputs/loss-wide steps. */
  layer: number;
  /**
   * Part of the diagram to highlight: 'unit:l:j' (l = 0 for inputs) | 'weight:l:j:k' | 'bias:l:j'
   * (a shared bias is 'bias:l:0') | 'network'.
   */
  subject: string;
}

export interface StepperTrace {
  description: NetworkDescription;
  steps: StepperStep[];
  summary: { E_total: number; E_total_after_1: number };
}

export type PresetName = 'doc003-222' | 'doc004-341' | 'doc002-shallow';
