/**
 * How δ^l = ∂L/∂z^l changes size as backpropagation walks down a deep fully-connected network
 * (documents 001, 003 §5 and 004: vanishing and exploding gradients). One seeded network, one
 * seeded sample, one backward pass through the general engine; the result is plain data per layer.
 */
import { DEFAULT_LEAKY_ALPHA, type ActivationSpec } from '../core/activations';
import { backward, forward, initParams, type NetworkParams, type NetworkSpec } from '../core/network';
import { createRng, uniform } from '../core/random';
import { checkChoice, checkOptionNumber, type EngineError } from '../core/validation';

export type VanishingActivation = 'sigmoid' | 'tanh' | 'relu' | 'leakyRelu';
export const VANISHING_ACTIVATIONS: readonly VanishingActivation[] = ['sigmoid', 'tanh', 'relu', 'leakyRelu'];

export const DEPTH_RANGE = { min: 1, max: 30 } as const;
export const WIDTH_RANGE = { min: 1, max: 64 } as const;
/** Weight standard deviations above 10 only saturate or overflow faster; nothing new is shown. */
export const WEIGHT_SCALE_RANGE = { min: 0, max: 10 } as const;
export const SEED_RANGE = { min: 0, max: 0xffffffff } as const;

/** ‖δ^1‖/‖δ^L‖ below this is "vanishing": the first layer hears 100× less than the output. */
export const VANISHING_RATIO = 1e-2;
/** ‖δ^1‖/‖δ^L‖ above this is "exploding". */
export const EXPLODING_RATIO = 1e2;
/** Every reported magnitude is at most this, so a chart's log axis never meets Infinity. */
export const VALUE_CAP = 1e300;

export interface VanishingOptions {
  /** Number of hidden layers. */
  depth: number;
  /** Units in every hidden layer, in the input and in the output. */
  width: number;
  activation: VanishingActivation;
  /** Standard deviation of the initial weights: W ~ N(0, weightScale²). */
  weightScale: number;
  seed: number;
}

export type OptionErrorCode = 'not-a-number' | 'not-an-integer' | 'out-of-range' | 'unknown-choice';


export type GradientTrend = 'vanishing' | 'exploding' | 'stable';

export interface LayerGradient {
  /** l in z^l = W^l a^{l−1} + b^l: 1 is the first hidden layer, depth + 1 the output layer. */
  layer: number;
  /** k = L − l. */
  distanceFromOutput: number;
  /** ‖δ^l‖₂ */
  deltaNorm: number;
  /** (1/n) Σ_i |δ^l_i|, the size of the error signal one unit receives. */
  meanAbsDelta: number;
  /** ‖∂L/∂W^l‖_F = ‖δ^l (a^{l−1})ᵀ‖_F */
  gradientNorm: number;
  /** ‖W^l‖_F */
  weightNorm: number;
  /** (max f′)^k: 0.25^k for sigmoid, the per-layer shrink the documents quote, compounded. */
  slopeFactor: number;
  /** ‖δ^L‖₂ · Π_{i=l}^{L−1} (max f′_i · ‖W^{i+1}‖_F), an upper bound on ‖δ^l‖₂ that always holds. */
  bound: number;
}

export interface GradientProfile {
  /** Ordered from the output layer down to the first hidden layer. */
  layers: LayerGradient[];
  /** ‖δ^1‖₂ / ‖δ^L‖₂ */
  ratio: number;
  classification: GradientTrend;
  /** Some value was infinite, not a number or above VALUE_CAP and has been replaced by VALUE_CAP. */
  overflowed: boolean;
}

export interface DeepNetworkSetup {
  spec: NetworkSpec;
  params: NetworkParams;
  input: number[];
  target: number[];
}

export type VanishingResult = ({ options: VanishingOptions } & GradientProfile) | { errors: EngineError<OptionErrorCode>[] };

/** Every reason the options are refused: depth 1–30, width 1–64 (integers), a known activation, 0 < weightScale ≤ 10, seed a 32-bit unsigned integer. */
export function validateVanishingOptions(options: VanishingOptions): EngineError<OptionErrorCode>[] {
  const { depth, width, activation, weightScale, seed } = options;
  return [
    ...checkOptionNumber('depth', depth, DEPTH_RANGE.min, DEPTH_RANGE.max, { integer: true }),
    ...checkOptionNumber('width', width, WIDTH_RANGE.min, WIDTH_RANGE.max, { integer: true }),
    ...checkChoice('activation', activation, VANISHING_ACTIVATIONS),
    ...checkOptionNumber('weightScale', weightScale, WEIGHT_SCALE_RANGE.min, WEIGHT_SCALE_RANGE.max, { openMin: true }),
    ...checkOptionNumber('seed', seed, SEED_RANGE.min, SEED_RANGE.max, { integer: true }),
  ];
}

/**
 * The network: `depth` hidden layers of `width` units, then a linear output layer of `width`
 * units with loss ½‖a^L − y‖², so δ^L = a^L − y is the plain error and every shrink or growth
 * below it comes from the hidden layers. W ~ N(0, weightScale²), b = 0; input and target are
 * uniform in [−1, 1], all drawn from one seeded stream.
 */
export function buildDeepNetwork(options: VanishingOptions): DeepNetworkSetup {
  const { depth, width, activation, weightScale, seed } = options;
  const spec: NetworkSpec = {
    inputSize: width,
    layers: [
      ...Array.from({ length: depth }, () => ({ size: width, activation: { name: activation } })),
      { size: width, activation: { name: 'linear' } },
    ],
    loss: 'halfSumSquares',
  };
  const rng = createRng(seed);
  const params = initParams(spec, rng, { scale: weightScale, distribution: 'normal' });
  const input = Array.from({ length: width }, () => uniform(rng, -1, 1));
  const target = Array.from({ length: width }, () => uniform(rng, -1, 1));
  return { spec, params, input, target };
}

/** sup_z |f′(z)|: 1/4 for sigmoid (at z = 0), 1 for tanh, ReLU and linear, max(1, α) for leaky ReLU. */
export function maxDerivative(activation: ActivationSpec): number {
  if (activation.name === 'sigmoid') return 0.25;
  if (activation.name === 'leakyRelu') return Math.max(1, Math.abs(activation.alpha ?? DEFAULT_LEAKY_ALPHA));
  return 1;
}

/** ‖v‖₂ = m·sqrt(Σ (v_i/m)²) with m = max |v_i|, so squaring huge entries cannot overflow. */
export function euclideanNorm(values: readonly number[]): number {
  let largest = 0;
  for (const v of values) {
    if (Number.isNaN(v)) return NaN;
    largest = Math.max(largest, Math.abs(v));
  }
  if (largest === 0 || !Number.isFinite(largest)) return largest;
  let sum = 0;
  for (const v of values) sum += (v / largest) ** 2;
  return largest * Math.sqrt(sum);
}

/** Classifies ‖δ^1‖/‖δ^L‖ against VANISHING_RATIO and EXPLODING_RATIO. */
export function classifyRatio(ratio: number): GradientTrend {
  if (ratio < VANISHING_RATIO) return 'vanishing';
  if (ratio > EXPLODING_RATIO) return 'exploding';
  return 'stable';
}

/**
 * Per-layer sizes of δ and ∂L/∂W after one backward pass of network.ts.
 *
 * Why `bound` holds: δ^l = f′(z^l) ⊙ (W^{l+1})ᵀ δ^{l+1} and |f′| ≤ max f′, so
 * ‖δ^l‖₂ ≤ max f′ · ‖(W^{l+1})ᵀ δ^{l+1}‖₂ ≤ max f′ · ‖W^{l+1}‖₂ ‖δ^{l+1}‖₂ ≤ max f′ · ‖W^{l+1}‖_F ‖δ^{l+1}‖₂;
 * chaining from the output gives ‖δ^{L−k}‖₂ ≤ ‖δ^L‖₂ Π (max f′ · ‖W‖_F). The documents' 0.25^k
 * (`slopeFactor` for sigmoid) is this bound only when every ‖W‖₂ ≤ 1.
 */
export function gradientProfile(spec: NetworkSpec, params: NetworkParams, input: readonly number[], target: readonly number[]): GradientProfile {
  let overflowed = false;
  const capped = (value: number) => {
    if (Number.isFinite(value) && Math.abs(value) <= VALUE_CAP) return value;
    overflowed = true;
    return Number.isNaN(value) ? VALUE_CAP : Math.sign(value) * VALUE_CAP;
  };
  const result = forward(spec, params, input);
  const gradients = backward(spec, params, result, target);
  const count = spec.layers.length;

  const layers: LayerGradient[] = [];
  let slopeFactor = 1;
  let bound = 0;
  for (let l = count - 1; l >= 0; l--) {
    const delta = gradients.deltas[l];
    const deltaNorm = capped(euclideanNorm(delta));
    if (l === count - 1) {
      bound = deltaNorm;
    } else {
      const slope = maxDerivative(spec.layers[l].activation);
      slopeFactor *= slope;
      bound = capped(bound * slope * euclideanNorm(params.weights[l + 1].flat()));
    }
    const absSum = delta.reduce((sum, d) => sum + Math.abs(d), 0);
    layers.push({
      layer: l + 1,
      distanceFromOutput: count - 1 - l,
      deltaNorm,
      meanAbsDelta: capped(absSum / delta.length),
      gradientNorm: capped(euclideanNorm(gradients.weights[l].flat())),
      weightNorm: capped(euclideanNorm(params.weights[l].flat())),
      slopeFactor,
      bound,
    });
  }

  const outputNorm = layers[0].deltaNorm;
  const firstNorm = layers[layers.length - 1].deltaNorm;
  const ratio = outputNorm === 0 ? (firstNorm === 0 ? 1 : VALUE_CAP) : capped(firstNorm / outputNorm);
  return { layers, ratio, classification: classifyRatio(ratio), overflowed };
}

/** Validates the options, builds the seeded network and returns its gradient profile. */
export function vanishingGradients(options: VanishingOptions): VanishingResult {
  const errors = validateVanishingOptions(options);
  if (errors.length > 0) return { errors };
  const { spec, params, input, target } = buildDeepNetwork(options);
  return { options: { ...options }, ...gradientProfile(spec, params, input, target) };
}
