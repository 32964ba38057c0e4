/**
 * Each operation of the stepper with its forward and backward rule and their LaTeX side by side, so
 * the numbers a step shows and the formula it prints come from one place. The numeric rules are the
 * core's (core/activations.ts, core/losses.ts); this file adds the per-unit LaTeX.
 */
import { DEFAULT_LEAKY_ALPHA, SCALAR_ACTIVATIONS, type ActivationSpec } from '../../core/activations';
import { texNumber } from '../../core/format';
import { LOSSES, type Loss, type LossName } from '../../core/losses';
import type { NetworkSpec } from '../../core/network';
import type { HiddenActivation, NetworkDescription, StepperLoss } from './types';

/** A number in a substituted formula: nine decimals, negatives in parentheses. */
export const num = (value: number) => texNumber(value, { parenthesiseNegative: true });
/** ∂top/∂bottom */
export const partial = (top: string, bottom: string) => `\\frac{\\partial ${top}}{\\partial ${bottom}}`;

export interface UnitActivation {
  core: ActivationSpec;
  /** out = f(net) */
  tex(net: string): string;
  texNumeric(net: number): string;
  /** ∂out/∂net as the document writes it (sigmoid and tanh in terms of out). */
  derivativeTex(net: string, out: string): string;
  derivativeNumeric(net: number, out: number): string;
  /** What the derivative step reads: sigmoid and tanh are written in out, the ReLUs in net. */
  derivativeReads: 'out' | 'net' | 'nothing';
}

const LEAKY = DEFAULT_LEAKY_ALPHA;

/** Hidden activations and the sigmoid output; leaky ReLU uses the core's slope 0.01 for net < 0. */
export const UNIT_ACTIVATIONS: Record<HiddenActivation, UnitActivation> = {
  /** out = 1/(1+e^{−net}),  ∂out/∂net = out(1 − out) */
  sigmoid: {
    core: { name: 'sigmoid' },
    derivativeReads: 'out',
    tex: (net) => `\\frac{1}{1+e^{-${net}}}`,
    texNumeric: (net) => `\\frac{1}{1+e^{-${num(net)}}}`,
    derivativeTex: (_net, out) => `${out}(1 - ${out})`,
    derivativeNumeric: (_net, out) => `${num(out)} \\times (1 - ${num(out)})`,
  },
  /** out = tanh(net),  ∂out/∂net = 1 − out² */
  tanh: {
    core: { name: 'tanh' },
    derivativeReads: 'out',
    tex: (net) => `\\tanh(${net})`,
    texNumeric: (net) => `\\tanh(${num(net)})`,
    derivativeTex: (_net, out) => `1 - (${out})^2`,
    derivativeNumeric: (_net, out) => `1 - ${num(out)}^2`,
  },
  /** out = max(0, net),  ∂out/∂net = 1 if net > 0 else 0 */
  relu: {
    core: { name: 'relu' },
    derivativeReads: 'net',
    tex: (net) => `\\max(0, ${net})`,
    texNumeric: (net) => `\\max(0, ${num(net)})`,
    derivativeTex: (net) => `\\begin{cases}1 & ${net} > 0\\\\0 & ${net} \\le 0\\end{cases}`,
    derivativeNumeric: (net) => (net > 0 ? `1 \\quad (${num(net)} > 0)` : `0 \\quad (${num(net)} \\le 0)`),
  },
  /** out = net if net ≥ 0 else 0.01·net,  ∂out/∂net = 1 if net ≥ 0 else 0.01 */
  'leaky-relu': {
    core: { name: 'leakyRelu', alpha: LEAKY },
    derivativeReads: 'net',
    tex: (net) => `\\begin{cases}${net} & ${net} \\ge 0\\\\${LEAKY}\\,${net} & ${net} < 0\\end{cases}`,
    texNumeric: (net) => (net >= 0 ? num(net) : `${LEAKY} \\times ${num(net)}`),
    derivativeTex: (net) => `\\begin{cases}1 & ${net} \\ge 0\\\\${LEAKY} & ${net} < 0\\end{cases}`,
    derivativeNumeric: (net) => (net >= 0 ? `1 \\quad (${num(net)} \\ge 0)` : `${LEAKY} \\quad (${num(net)} < 0)`),
  },
  /** out = net,  ∂out/∂net = 1 */
  linear: {
    core: { name: 'linear' },
    derivativeReads: 'nothing',
    tex: (net) => net,
    texNumeric: (net) => num(net),
    derivativeTex: () => '1',
    derivativeNumeric: () => '1',
  },
};

/** f(net) of one unit with the core's rule. */
export function activateUnit(activation: UnitActivation, net: number): number {
  const rule = SCALAR_ACTIVATIONS[activation.core.name as keyof typeof SCALAR_ACTIVATIONS];
  return rule.f(net, activation.core.alpha ?? LEAKY);
}

/** f′(net) of one unit with the core's rule. */
export function unitDerivative(activation: UnitActivation, net: number, out: number): number {
  const rule = SCALAR_ACTIVATIONS[activation.core.name as keyof typeof SCALAR_ACTIVATIONS];
  return rule.df(net, out, activation.core.alpha ?? LEAKY);
}

export interface UnitLoss {
  core: Loss;
  /** E_j, one output's term; E_total is their sum. */
  term(out: number, target: number, outputs: number): number;
  termTex(target: string, out: string, outputs: number): string;
  /** ∂E_total/∂out_j; unused where δ = out − t is one step. */
  gradient(outputs: ArrayLike<number>, targets: ArrayLike<number>, j: number): number;
  gradientTex(target: string, out: string, outputs: number): string;
}

/**
 * Cross-entropy is the binary log loss for a single sigmoid output (document 004) and −Σ t ln o
 * otherwise; MSE divides by the number of outputs.
 */
export function coreLossName(loss: StepperLoss, output: string, outputs: number): LossName {
  if (loss === 'half-sse') return 'halfSumSquares';
  if (loss === 'mse') return 'mse';
  return output === 'sigmoid' && outputs === 1 ? 'binaryCrossEntropy' : 'crossEntropy';
}

const UNIT_LOSSES: Record<LossName, Omit<UnitLoss, 'core' | 'gradient'> & Partial<Pick<UnitLoss, 'gradient'>>> = {
  /** E_j = ½(t_j − out_j)²,  ∂E/∂out_j = −(t_j − out_j) (computed as printed, so −0 stays −0 as in the 2-2-2 replay) */
  halfSumSquares: {
    term: (o, t) => LOSSES.halfSumSquares.value([o], [t]),
    gradient: (o, t, j) => -(t[j] - o[j]),
    termTex: (t, o) => `\\tfrac{1}{2}(${t} - ${o})^2`,
    gradientTex: (t, o) => `-(${t} - ${o})`,
  },
  /** E_j = (1/n)(t_j − out_j)²,  ∂E/∂out_j = (2/n)(out_j − t_j) */
  mse: {
    term: (o, t, n) => LOSSES.mse.value([o], [t]) / n,
    termTex: (t, o, n) => `\\tfrac{1}{${n}}(${t} - ${o})^2`,
    gradientTex: (t, o, n) => `\\tfrac{2}{${n}}(${o} - ${t})`,
  },
  /** E_j = −t_j ln out_j,  ∂E/∂out_j = −t_j/out_j */
  crossEntropy: {
    term: (o, t) => LOSSES.crossEntropy.value([o], [t]),
    termTex: (t, o) => `-${t} \\ln ${o}`,
    gradientTex: (t, o) => `-\\frac{${t}}{${o}}`,
  },
  /** E = −[t ln out + (1 − t) ln(1 − out)],  ∂E/∂out = (out − t)/(out(1 − out)) */
  binaryCrossEntropy: {
    term: (o, t) => LOSSES.binaryCrossEntropy.value([o], [t]),
    termTex: (t, o) => `-[${t} \\ln ${o} + (1 - ${t}) \\ln(1 - ${o})]`,
    gradientTex: (t, o) => `\\frac{${o} - ${t}}{${o}(1 - ${o})}`,
  },
};

export function unitLoss(name: LossName): UnitLoss {
  const core = LOSSES[name];
  return { core, gradient: core.gradientAt, ...UNIT_LOSSES[name] };
}

/** Sigmoid with the log loss and softmax with cross-entropy: δ = out − t in one step (document 001). */
export function hasCombinedDelta(lossName: LossName, output: string): boolean {
  return (output === 'sigmoid' && lossName === 'binaryCrossEntropy') || (output === 'softmax' && lossName === 'crossEntropy');
}

/** The description as a core NetworkSpec, for forward passes and the trainer. */
export function toNetworkSpec(description: NetworkDescription): NetworkSpec {
  const { layers, activations, loss, sharedBias } = description;
  const output = activations[activations.length - 1];
  return {
    inputSize: layers[0],
    layers: activations.map((name, l) => ({
      size: layers[l + 1],
      activation: name === 'softmax' ? { name: 'softmax' } : UNIT_ACTIVATIONS[name as HiddenActivation].core,
      sharedBias,
    })),
    loss: coreLossName(loss, output, layers[layers.length - 1]),
  };
}
