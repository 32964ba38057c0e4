/**
 * Data for the logic-gates widget: one sigmoid neuron h = σ(θ0 + θ1x1 + θ2x2) as a logic gate
 * (document 000), the XNOR network built from three such neurons, and the two-layer step
 * perceptron of document 001. Each preset carries the truth table the document claims for it, so
 * the widget can show where the printed weights do not produce that table.
 * Refused input comes back as an error record, never as NaN; the caller words it for the reader.
 */
import { sigmoid } from '../core/activations';
import { affine, forward, type NetworkSpec } from '../core/network';
import type { EngineError } from '../core/validation';

export type Bit = 0 | 1;
export type Arity = 1 | 2;

/** Largest |θ| accepted: beyond it σ is flat at 0 or 1 and z could overflow to ±∞. */
export const THETA_LIMIT = 1000;

/** Refused fields: 'theta', 'arity', 'claimed', 'outputs' or a neuron name ('and', 'nor', 'or', 'h1', 'h2', 'o'); index is the entry inside θ. */
export type GateErrorCode = 'wrong-length' | 'not-finite' | 'out-of-range' | 'bad-arity';


export interface TruthRow {
  x1: number;
  /** null for a one-input gate. */
  x2: number | null;
  z: number;
  output: number;
  thresholded: Bit;
}

export interface Point {
  x1: number;
  x2: number;
}

export interface DecisionSegment {
  from: Point;
  to: Point;
  /** (θ1, θ2): points on the side this vector points to have z > 0, i.e. output > 0.5. */
  normal: Point;
}

/** The inputs of a truth table, in the order the document's tables list them. */
export function inputRows(arity: Arity): number[][] {
  return arity === 1 ? [[0], [1]] : [[0, 0], [0, 1], [1, 0], [1, 1]];
}

/** σ(z) ≥ 0.5 exactly when z ≥ 0; testing z avoids σ rounding to 0.5 for tiny negative z. */
export function threshold(z: number): Bit {
  return z >= 0 ? 1 : 0;
}

/** Checks that θ has `length` finite entries no larger than THETA_LIMIT in magnitude. */
export function validateTheta(theta: readonly number[], length: number, field = 'theta'): EngineError<GateErrorCode> | null {
  if (theta.length !== length) return { field, code: 'wrong-length', expected: length, received: theta.length };
  for (let index = 0; index < theta.length; index++) {
    if (!Number.isFinite(theta[index])) return { field, code: 'not-finite', index };
    if (Math.abs(theta[index]) > THETA_LIMIT) return { field, code: 'out-of-range', index };
  }
  return null;
}

/** z = θ0 + θ1x1 (+ θ2x2): the neuron as a one-row layer of the general engine. */
export function neuronZ(theta: readonly number[], inputs: readonly number[]): number {
  return affine([theta.slice(1)], [theta[0]], inputs)[0];
}

function neuronRow(theta: readonly number[], inputs: readonly number[]): TruthRow {
  const z = neuronZ(theta, inputs);
  return { x1: inputs[0], x2: inputs.length > 1 ? inputs[1] : null, z, output: sigmoid(z), thresholded: threshold(z) };
}

/** Rows {x1, x2, z = θ0 + θ1x1 + θ2x2, output = σ(z), thresholded = [σ(z) ≥ 0.5]} over all 0/1 inputs. */
export function truthTable(theta: readonly number[], arity: Arity): TruthRow[] | { error: EngineError<GateErrorCode> } {
  if (arity !== 1 && arity !== 2) return { error: { field: 'arity', code: 'bad-arity', received: arity } };
  const refused = validateTheta(theta, arity + 1);
  if (refused) return { error: refused };
  return inputRows(arity).map((inputs) => neuronRow(theta, inputs));
}

/** Rounding slack when intersecting with the square's edges, so a line through a corner keeps that corner. */
const EDGE_TOLERANCE = 1e-9;

function clampUnit(value: number): number {
  return Math.min(1, Math.max(0, value));
}

/** θ0 + θ1x1 + θ2x2 = 0 clipped to the unit square; null when it misses the square, only touches a corner, or θ1 = θ2 = 0. */
export function decisionLine(theta: readonly number[]): DecisionSegment | null | { error: EngineError<GateErrorCode> } {
  const refused = validateTheta(theta, 3);
  if (refused) return { error: refused };
  const [t0, t1, t2] = theta;
  const candidates: Point[] = [];
  for (const edge of [0, 1]) {
    if (t2 !== 0) candidates.push({ x1: edge, x2: -(t0 + t1 * edge) / t2 });
    if (t1 !== 0) candidates.push({ x1: -(t0 + t2 * edge) / t1, x2: edge });
  }
  const inside = candidates
    .filter((p) => p.x1 >= -EDGE_TOLERANCE && p.x1 <= 1 + EDGE_TOLERANCE && p.x2 >= -EDGE_TOLERANCE && p.x2 <= 1 + EDGE_TOLERANCE)
    .map((p) => ({ x1: clampUnit(p.x1), x2: clampUnit(p.x2) }));
  // A line through a corner meets two edges there; once repeats are dropped, what remains are its two ends.
  const distinct = inside.filter(
    (p, i) => inside.findIndex((q) => Math.abs(q.x1 - p.x1) <= EDGE_TOLERANCE && Math.abs(q.x2 - p.x2) <= EDGE_TOLERANCE) === i,
  );
  distinct.sort((p, q) => p.x1 - q.x1 || p.x2 - q.x2);
  if (distinct.length < 2) return null;
  return { from: distinct[0], to: distinct[distinct.length - 1], normal: { x1: t1, x2: t2 } };
}

/** x1 = −θ0/θ1, where a one-input neuron switches; null when θ1 = 0 or the point lies outside [0, 1]. */
export function decisionPoint(theta: readonly number[]): number | null | { error: EngineError<GateErrorCode> } {
  const refused = validateTheta(theta, 2);
  if (refused) return { error: refused };
  if (theta[1] === 0) return null;
  const x1 = -theta[0] / theta[1];
  return x1 >= 0 && x1 <= 1 ? x1 : null;
}

/** kθ: the same decision line, with every output pushed towards 0 or 1 as k grows. */
export function scaleTheta(theta: readonly number[], factor: number): number[] {
  return theta.map((t) => t * factor);
}

export type GateId = 'and' | 'or' | 'not' | 'nor';

export interface GatePreset {
  id: GateId;
  /** LaTeX of the Boolean function the preset is meant to compute. */
  tex: string;
  arity: Arity;
  theta: number[];
  /** The truth table the document states for it, in inputRows(arity) order. */
  claimed: Bit[];
}

/** The four single neurons exactly as document 000 prints them. */
export const DOCUMENT_PRESETS: readonly GatePreset[] = [
  { id: 'and', tex: 'x_1 \\ \\mathrm{AND}\\ x_2', arity: 2, theta: [-3, 2, 2], claimed: [0, 0, 0, 1] },
  { id: 'or', tex: 'x_1 \\ \\mathrm{OR}\\ x_2', arity: 2, theta: [-1, 2, 2], claimed: [0, 1, 1, 1] },
  { id: 'not', tex: '\\mathrm{NOT}\\ x_1', arity: 1, theta: [1, -2], claimed: [1, 0] },
  {
    id: 'nor',
    tex: '(\\mathrm{NOT}\\ x_1)\\ \\mathrm{AND}\\ (\\mathrm{NOT}\\ x_2)',
    arity: 2,
    theta: [3, -2, -2],
    claimed: [1, 0, 0, 0],
  },
];

/**
 * The same presets with (NOT x1) AND (NOT x2) fixed: θ0 = 1, not 3, so that one active input
 * (z = 1 − 2 = −1) already switches the neuron off.
 */
export const CORRECTED_PRESETS: readonly GatePreset[] = DOCUMENT_PRESETS.map((preset) =>
  preset.id === 'nor' ? { ...preset, theta: [1, -2, -2] } : preset,
);

export interface PresetCheckRow {
  inputs: number[];
  claimed: Bit;
  /** σ(z) itself, to show how far from 0 or 1 the neuron really is. */
  output: number;
  produced: Bit;
  matches: boolean;
}

export interface PresetCheck {
  id: GateId;
  rows: PresetCheckRow[];
  matches: boolean;
  /** max |σ(z) − claimed| over the rows: how far the raw outputs are from the 0/1 the table prints. */
  largestGap: number;
}

/** Per row: claimed bit, produced bit [σ(z) ≥ 0.5], and whether they agree; `matches` when every row does. */
export function checkPreset(preset: GatePreset): PresetCheck | { error: EngineError<GateErrorCode> } {
  const table = truthTable(preset.theta, preset.arity);
  if ('error' in table) return table;
  if (preset.claimed.length !== table.length) {
    return { error: { field: 'claimed', code: 'wrong-length', expected: table.length, received: preset.claimed.length } };
  }
  const rows = table.map((row, i) => ({
    inputs: row.x2 === null ? [row.x1] : [row.x1, row.x2],
    claimed: preset.claimed[i],
    output: row.output,
    produced: row.thresholded,
    matches: row.thresholded === preset.claimed[i],
  }));
  return {
    id: preset.id,
    rows,
    matches: rows.every((row) => row.matches),
    largestGap: Math.max(...rows.map((row) => Math.abs(row.output - row.claimed))),
  };
}

/** XNOR = OR(AND(x1, x2), (NOT x1) AND (NOT x2)): two hidden neurons feeding one output neuron. */
export interface XnorNetwork {
  and: number[];
  nor: number[];
  or: number[];
}

/** Document 000's XNOR network, built from its own AND, (NOT x1)AND(NOT x2) and OR neurons. */
export const DOCUMENT_XNOR: Readonly<XnorNetwork> = { and: [-3, 2, 2], nor: [3, -2, -2], or: [-1, 2, 2] };

/** The same network with the corrected (NOT x1)AND(NOT x2) neuron. */
export const CORRECTED_XNOR: Readonly<XnorNetwork> = { and: [-3, 2, 2], nor: [1, -2, -2], or: [-1, 2, 2] };

/**
 * CORRECTED_XNOR with every θ ten times larger. Hidden outputs near 0.27 instead of 0 add up in the
 * OR neuron (2·0.27 + 2·0.27 > 1); at this scale they are below 10⁻⁴ and the continuous network works.
 */
export const SHARP_XNOR: Readonly<XnorNetwork> = {
  and: scaleTheta(CORRECTED_XNOR.and, 10),
  nor: scaleTheta(CORRECTED_XNOR.nor, 10),
  or: scaleTheta(CORRECTED_XNOR.or, 10),
};

export const XNOR_CLAIMED: readonly Bit[] = [1, 0, 0, 1];

export interface NeuronValues {
  z: number;
  output: number;
  thresholded: Bit;
}

export interface XnorRow {
  x1: number;
  x2: number;
  claimed: Bit;
  and: NeuronValues;
  nor: NeuronValues;
  /** OR fed the hidden σ values as they are. */
  continuous: NeuronValues;
  /** OR fed the hidden outputs thresholded to 0/1. */
  thresholdedHidden: NeuronValues;
  matchesContinuous: boolean;
  matchesThresholded: boolean;
}

export interface XnorEvaluation {
  rows: XnorRow[];
  matchesContinuous: boolean;
  matchesThresholded: boolean;
}

const XNOR_SPEC: NetworkSpec = {
  inputSize: 2,
  layers: [
    { size: 2, activation: { name: 'sigmoid' } },
    { size: 1, activation: { name: 'sigmoid' } },
  ],
  // Only the forward pass is used; a loss is required by the spec and never evaluated.
  loss: 'halfSumSquares',
};

function values(z: number): NeuronValues {
  return { z, output: sigmoid(z), thresholded: threshold(z) };
}

/** h = σ(θ_or · [1, σ(θ_and·x), σ(θ_nor·x)]) for every input, and again with the hidden σ thresholded first. */
export function evaluateXnor(network: XnorNetwork): XnorEvaluation | { error: EngineError<GateErrorCode> } {
  for (const field of ['and', 'nor', 'or'] as const) {
    const refused = validateTheta(network[field], 3, field);
    if (refused) return { error: refused };
  }
  const params = {
    weights: [[network.and.slice(1), network.nor.slice(1)], [network.or.slice(1)]],
    biases: [[network.and[0], network.nor[0]], [network.or[0]]],
  };
  const rows = inputRows(2).map(([x1, x2], i): XnorRow => {
    const pass = forward(XNOR_SPEC, params, [x1, x2]);
    const [zAnd, zNor] = pass.layers[0].z;
    const continuous = values(pass.layers[1].z[0]);
    const thresholdedHidden = values(neuronZ(network.or, [threshold(zAnd), threshold(zNor)]));
    return {
      x1,
      x2,
      claimed: XNOR_CLAIMED[i],
      and: values(zAnd),
      nor: values(zNor),
      continuous,
      thresholdedHidden,
      matchesContinuous: continuous.thresholded === XNOR_CLAIMED[i],
      matchesThresholded: thresholdedHidden.thresholded === XNOR_CLAIMED[i],
    };
  });
  return {
    rows,
    matchesContinuous: rows.every((row) => row.matchesContinuous),
    matchesThresholded: rows.every((row) => row.matchesThresholded),
  };
}

export type BooleanFunctionId =
  | 'false'
  | 'and'
  | 'x1-and-not-x2'
  | 'x1'
  | 'not-x1-and-x2'
  | 'x2'
  | 'xor'
  | 'or'
  | 'nor'
  | 'xnor'
  | 'not-x2'
  | 'x1-or-not-x2'
  | 'not-x1'
  | 'not-x1-or-x2'
  | 'nand'
  | 'true';

/** Indexed by the outputs on (0,0), (0,1), (1,0), (1,1) read as a binary number, first row most significant. */
const BOOLEAN_FUNCTIONS: readonly BooleanFunctionId[] = [
  'false', 'and', 'x1-and-not-x2', 'x1', 'not-x1-and-x2', 'x2', 'xor', 'or',
  'nor', 'xnor', 'not-x2', 'x1-or-not-x2', 'not-x1', 'not-x1-or-x2', 'nand', 'true',
];

export interface BooleanFunction {
  id: BooleanFunctionId;
  /** A single threshold neuron can compute it: all but XOR and XNOR. */
  linearlySeparable: boolean;
}

/** Names the two-input Boolean function with the given outputs on (0,0), (0,1), (1,0), (1,1). */
export function identifyBooleanFunction(outputs: readonly Bit[]): BooleanFunction | { error: EngineError<GateErrorCode> } {
  if (outputs.length !== 4) return { error: { field: 'outputs', code: 'wrong-length', expected: 4, received: outputs.length } };
  const id = BOOLEAN_FUNCTIONS[outputs.reduce<number>((code, bit) => code * 2 + bit, 0)];
  return { id, linearlySeparable: id !== 'xor' && id !== 'xnor' };
}

/** Step activation of document 001's perceptron: y = 1 if G ≥ 0 else 0. */
export function step(g: number): Bit {
  return g >= 0 ? 1 : 0;
}

/** One step unit: G = w1·x1 + w2·x2 + b. */
export interface StepUnit {
  w: [number, number];
  b: number;
}

export interface StepPerceptron {
  h1: StepUnit;
  h2: StepUnit;
  o: StepUnit;
}

/** Document 001: G_h1 = x1 + x2 − 1, G_h2 = x1 + x2 + 1, G_o = 2·y_h1 − 2·y_h2 + 1. */
export const DOCUMENT_PERCEPTRON: Readonly<StepPerceptron> = {
  h1: { w: [1, 1], b: -1 },
  h2: { w: [1, 1], b: 1 },
  o: { w: [2, -2], b: 1 },
};

/** The document's network with the output unit negated, G_o = −2·y_h1 + 2·y_h2 − 1: this one computes XOR. */
export const XOR_PERCEPTRON: Readonly<StepPerceptron> = {
  h1: DOCUMENT_PERCEPTRON.h1,
  h2: DOCUMENT_PERCEPTRON.h2,
  o: { w: [-2, 2], b: -1 },
};

/** The ±1 inputs, in the order the document works them: (1,1) first, then (1,−1). */
export const BIPOLAR_INPUTS: readonly [number, number][] = [[1, 1], [1, -1], [-1, 1], [-1, -1]];

export interface PerceptronRow {
  x1: number;
  x2: number;
  gH1: number;
  yH1: Bit;
  gH2: number;
  yH2: Bit;
  /** Computed from the hidden outputs, which is why the document writes it G_o(y_h1, y_h2). */
  gO: number;
  yO: Bit;
}

export interface PerceptronTable {
  rows: PerceptronRow[];
  /** Reading input +1 as true and −1 as false, outputs ordered (F,F), (F,T), (T,F), (T,T). */
  computes: BooleanFunction;
}

/** Every G and y of the two-layer step perceptron for the four ±1 inputs. */
export function perceptronTable(network: StepPerceptron = DOCUMENT_PERCEPTRON): PerceptronTable | { error: EngineError<GateErrorCode> } {
  for (const field of ['h1', 'h2', 'o'] as const) {
    const unit = network[field];
    const refused = validateTheta([unit.b, ...unit.w], 3, field);
    if (refused) return { error: refused };
  }
  const g = (unit: StepUnit, a: number, b: number) => neuronZ([unit.b, ...unit.w], [a, b]);
  const rows = BIPOLAR_INPUTS.map(([x1, x2]): PerceptronRow => {
    const gH1 = g(network.h1, x1, x2);
    const gH2 = g(network.h2, x1, x2);
    const yH1 = step(gH1);
    const yH2 = step(gH2);
    const gO = g(network.o, yH1, yH2);
    return { x1, x2, gH1, yH1, gH2, yH2, gO, yO: step(gO) };
  });
  const outputOn = (x1: number, x2: number) => rows.find((row) => row.x1 === x1 && row.x2 === x2)!.yO;
  const computes = identifyBooleanFunction([outputOn(-1, -1), outputOn(-1, 1), outputOn(1, -1), outputOn(1, 1)]);
  if ('error' in computes) return computes;
  return { rows, computes };
}
