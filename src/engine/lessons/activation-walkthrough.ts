/**
 * Lesson calculator for activations/activation-functions: the numbers the lesson prints around its
 * widget. A table of σ, tanh, ReLU and leaky ReLU with their slopes; the derivative identities
 * σ′ = σ(1−σ) and tanh′ = 1 − tanh² checked against central differences; how fast the slopes
 * saturate; why outputs that are all positive give weight gradients of one sign (zero-centring);
 * a ReLU unit that dies after one large update; Maxout's special cases and its parameter count;
 * and document 001's tanh_opt, 1.7159·tanh(2x/3). Pure functions, no DOM.
 */
import { DEFAULT_LEAKY_ALPHA, SCALAR_ACTIVATIONS, sigmoid } from '../core/activations';
import { leakyReluAsMaxout, maxoutAt, RELU_AS_MAXOUT, type MaxoutParams } from '../models/activation-explorer';

const { tanh, relu, leakyRelu } = SCALAR_ACTIVATIONS;

export interface ActivationRow {
  z: number;
  sigmoid: number;
  dSigmoid: number;
  tanh: number;
  dTanh: number;
  relu: number;
  dRelu: number;
  leaky: number;
  dLeaky: number;
}

/** The z values of the lesson's comparison table. */
export const TABLE_POINTS: readonly number[] = [-5, -2, -1, 0, 1, 2, 5];

/** σ, tanh, ReLU, leaky ReLU (α = 0.01) and their derivatives at each z. */
export function activationTable(zs: readonly number[] = TABLE_POINTS, alpha = DEFAULT_LEAKY_ALPHA): ActivationRow[] {
  return zs.map((z) => {
    const s = sigmoid(z);
    const t = tanh.f(z, alpha);
    const r = relu.f(z, alpha);
    const l = leakyRelu.f(z, alpha);
    return {
      z,
      sigmoid: s,
      dSigmoid: s * (1 - s),
      tanh: t,
      dTanh: 1 - t * t,
      relu: r,
      dRelu: relu.df(z, r, alpha),
      leaky: l,
      dLeaky: leakyRelu.df(z, l, alpha),
    };
  });
}

/** Central difference (f(z+h) − f(z−h)) / 2h. */
export function centralSlope(f: (z: number) => number, z: number, h = 1e-5): number {
  return (f(z + h) - f(z - h)) / (2 * h);
}

export interface DerivativeCheck {
  z: number;
  /** The closed form: σ(1−σ) or 1 − tanh². */
  formula: number;
  /** The slope measured from the function alone. */
  numeric: number;
}

/** σ′(z) by the identity and by a central difference. */
export function sigmoidDerivativeCheck(z: number): DerivativeCheck {
  const s = sigmoid(z);
  return { z, formula: s * (1 - s), numeric: centralSlope(sigmoid, z) };
}

/** tanh′(z) by the identity and by a central difference. */
export function tanhDerivativeCheck(z: number): DerivativeCheck {
  const t = Math.tanh(z);
  return { z, formula: 1 - t * t, numeric: centralSlope(Math.tanh, z) };
}

/** tanh z next to 2σ(2z) − 1 (documents 000 and 003 state that they are equal). */
export function tanhAsScaledSigmoid(z: number): { tanh: number; scaledSigmoid: number } {
  return { tanh: Math.tanh(z), scaledSigmoid: 2 * sigmoid(2 * z) - 1 };
}

export interface SaturationRow {
  z: number;
  dSigmoid: number;
  /** σ′(z) as a fraction of σ′(0) = 0.25. */
  sigmoidShare: number;
  dTanh: number;
  /** tanh′(z) as a fraction of tanh′(0) = 1. */
  tanhShare: number;
}

/** How much of the peak slope σ and tanh keep as |z| grows. */
export function saturationTable(zs: readonly number[] = [0, 2, 5, 10]): SaturationRow[] {
  const peakSigmoid = sigmoid(0) * (1 - sigmoid(0));
  return zs.map((z) => {
    const s = sigmoid(z);
    const t = Math.tanh(z);
    return { z, dSigmoid: s * (1 - s), sigmoidShare: (s * (1 - s)) / peakSigmoid, dTanh: 1 - t * t, tanhShare: 1 - t * t };
  });
}

/** Through n sigmoid layers the slopes multiply: at best 0.25ⁿ. */
export function bestSigmoidChain(layers: number): number {
  return 0.25 ** layers;
}

export interface ZeroCentring {
  /** Pre-activations of the previous layer, symmetric around 0. */
  zs: number[];
  sigmoidOutputs: number[];
  tanhOutputs: number[];
  sigmoidMean: number;
  tanhMean: number;
  /** ∂L/∂w_k = δ · x_k with the sigmoid outputs as x, for δ = +delta and δ = −delta. */
  gradientsPositiveDelta: number[];
  gradientsNegativeDelta: number[];
  /** The same with the tanh outputs as x: signs mixed. */
  tanhGradients: number[];
}

/** Symmetric inputs through σ and tanh; what the next neuron's weight gradients look like. */
export function zeroCentring(zs: readonly number[] = [-1.5, -0.5, 0.5, 1.5], delta = 0.3): ZeroCentring {
  const sigmoidOutputs = zs.map(sigmoid);
  const tanhOutputs = zs.map(Math.tanh);
  const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
  return {
    zs: [...zs],
    sigmoidOutputs,
    tanhOutputs,
    sigmoidMean: mean(sigmoidOutputs),
    tanhMean: mean(tanhOutputs),
    gradientsPositiveDelta: sigmoidOutputs.map((x) => delta * x),
    gradientsNegativeDelta: sigmoidOutputs.map((x) => -delta * x),
    tanhGradients: tanhOutputs.map((x) => delta * x),
  };
}

/** Mean of σ(z) and of tanh(z) over a grid symmetric around 0: exactly 0.5 and 0. */
export function symmetricMeans(limit = 4, count = 81): { sigmoidMean: number; tanhMean: number } {
  const zs = Array.from({ length: count }, (_, i) => -limit + (2 * limit * i) / (count - 1));
  return {
    sigmoidMean: zs.reduce((s, z) => s + sigmoid(z), 0) / count,
    tanhMean: zs.reduce((s, z) => s + Math.tanh(z), 0) / count,
  };
}

export interface DyingRelu {
  inputs: number[][];
  w: number[];
  b: number;
  /** z = w·x + b for every input, before the update. */
  zBefore: number[];
  activeBefore: number;
  /** The large gradient on b that arrives once, and the learning rate. */
  biasGradient: number;
  learningRate: number;
  bAfter: number;
  zAfter: number[];
  activeAfter: number;
  /** Largest z over the inputs after the update (negative: the unit is dead on all of them). */
  maxZAfter: number;
  /** Σ over inputs of |∂L/∂w| and |∂L/∂b| for any upstream gradient: zero once dead. */
  gradientAfter: { w: number[]; b: number };
}

/**
 * A ReLU unit with two inputs. One update with a large gradient on its bias (from a big error at a
 * high learning rate) pushes b so far down that w·x + b < 0 for every input: ReLU′ = 0 everywhere,
 * so no later example can move w or b again. Upstream gradient 1 is used for the "after" sums.
 */
export function dyingRelu(): DyingRelu {
  const inputs = [
    [1, 0.5],
    [-0.5, 1],
    [0.8, -0.6],
    [-1, -1],
  ];
  const w = [0.6, 0.4];
  const b = 0.2;
  const biasGradient = 3;
  const learningRate = 1;
  const zOf = (bias: number) => inputs.map(([x1, x2]) => w[0] * x1 + w[1] * x2 + bias);
  const zBefore = zOf(b);
  const bAfter = b - learningRate * biasGradient;
  const zAfter = zOf(bAfter);
  const slopeAfter = zAfter.map((z) => relu.df(z, relu.f(z, 0), 0));
  return {
    inputs,
    w,
    b,
    zBefore,
    activeBefore: zBefore.filter((z) => z > 0).length,
    biasGradient,
    learningRate,
    bAfter,
    zAfter,
    activeAfter: zAfter.filter((z) => z > 0).length,
    maxZAfter: Math.max(...zAfter),
    gradientAfter: {
      w: [0, 1].map((k) => inputs.reduce((s, x, i) => s + Math.abs(slopeAfter[i] * x[k]), 0)),
      b: slopeAfter.reduce((s, d) => s + Math.abs(d), 0),
    },
  };
}

/** Leaky ReLU at a negative z: value αz and slope α (positive). */
export function leakyAt(z: number, alpha = DEFAULT_LEAKY_ALPHA): { value: number; slope: number } {
  const value = leakyRelu.f(z, alpha);
  return { value, slope: leakyRelu.df(z, value, alpha) };
}

export interface MaxoutExample {
  x: number;
  params: MaxoutParams;
  pieces: [number, number];
  value: number;
  slope: number;
  activePiece: 1 | 2;
}

/** Maxout max(w1 x + b1, w2 x + b2) at one x, with both pieces shown. */
export function maxoutExample(x: number, params: MaxoutParams): MaxoutExample {
  const result = maxoutAt(x, params);
  return {
    x,
    params,
    pieces: [params.w1 * x + params.b1, params.w2 * x + params.b2],
    value: result.f,
    slope: result.df,
    activePiece: result.activePiece,
  };
}

/** The largest |Maxout(ReLU setting) − ReLU| and |Maxout(leaky setting) − leaky ReLU| over the points. */
export function maxoutSpecialCaseGap(zs: readonly number[] = TABLE_POINTS, alpha = DEFAULT_LEAKY_ALPHA): { relu: number; leaky: number } {
  return {
    relu: Math.max(...zs.map((z) => Math.abs(maxoutAt(z, RELU_AS_MAXOUT).f - relu.f(z, alpha)))),
    leaky: Math.max(...zs.map((z) => Math.abs(maxoutAt(z, leakyReluAsMaxout(alpha)).f - leakyRelu.f(z, alpha)))),
  };
}

/** Parameters of one unit with n inputs: w and b for ReLU-type units, twice that for a two-piece Maxout. */
export function parametersPerUnit(inputs: number): { single: number; maxout: number } {
  return { single: inputs + 1, maxout: 2 * (inputs + 1) };
}

/** Document 001's tanh_opt: f(x) = 1.7159 · tanh(2x/3). */
export const TANH_OPT_SCALE = 1.7159;
export const TANH_OPT_SLOPE = 2 / 3;

export function tanhOpt(x: number): number {
  return TANH_OPT_SCALE * Math.tanh(TANH_OPT_SLOPE * x);
}

/** f′(x) = 1.7159 · (2/3) · (1 − tanh²(2x/3)), by the chain rule. */
export function tanhOptDerivative(x: number): number {
  const t = Math.tanh(TANH_OPT_SLOPE * x);
  return TANH_OPT_SCALE * TANH_OPT_SLOPE * (1 - t * t);
}

/** Document 001's MATLAB form, from the output a alone: 1.7159 · 2/3 · (1 − a² / 1.7159²). */
export function tanhOptDerivativeFromOutput(a: number): number {
  return TANH_OPT_SCALE * TANH_OPT_SLOPE * (1 - (a * a) / TANH_OPT_SCALE ** 2);
}

export interface TanhOptFacts {
  /** f(1) and f(−1): the constants are chosen so that these are ±1 (to four decimals). */
  atOne: number;
  atMinusOne: number;
  /** f′(0) = 1.7159 · 2/3, the steepest slope. */
  slopeAtZero: number;
  /** The output range (−1.7159, 1.7159). */
  limit: number;
  /** f′(x) at x = 1 by the chain rule, by 001's output form and by a central difference. */
  slopeAtOne: { chain: number; fromOutput: number; numeric: number };
}

export function tanhOptFacts(): TanhOptFacts {
  return {
    atOne: tanhOpt(1),
    atMinusOne: tanhOpt(-1),
    slopeAtZero: tanhOptDerivative(0),
    limit: TANH_OPT_SCALE,
    slopeAtOne: { chain: tanhOptDerivative(1), fromOutput: tanhOptDerivativeFromOutput(tanhOpt(1)), numeric: centralSlope(tanhOpt, 1) },
  };
}
