/**
 * Activation functions. Each entry keeps its forward rule, its backward rule and their LaTeX
 * together, so a widget that plots f or f′ and the network that trains with it read one source.
 */

export type ActivationName = 'sigmoid' | 'tanh' | 'relu' | 'leakyRelu' | 'linear' | 'softmax';

export interface ActivationSpec {
  name: ActivationName;
  /** Slope for z < 0, used by leaky ReLU only. */
  alpha?: number;
}

export const DEFAULT_LEAKY_ALPHA = 0.01;

/** Where the allocation-free variants write: a plain array or a Float64Array. */
export type NumberBuffer = { [index: number]: number; readonly length: number };

export interface ScalarActivation {
  name: Exclude<ActivationName, 'softmax'>;
  tex: string;
  derivativeTex: string;
  /** f(z) */
  f(z: number, alpha: number): number;
  /** f′(z), given z and a = f(z) (sigmoid and tanh are cheapest written in a). */
  df(z: number, a: number, alpha: number): number;
}

/** Logistic sigmoid that never overflows: for z < 0 it uses e^z / (1 + e^z). */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

export const SCALAR_ACTIVATIONS: Record<ScalarActivation['name'], ScalarActivation> = {
  /** σ(z) = 1/(1+e^{-z}),  σ′(z) = σ(z)(1−σ(z)) */
  sigmoid: {
    name: 'sigmoid',
    tex: '\\sigma(z) = \\frac{1}{1+e^{-z}}',
    derivativeTex: "\\sigma'(z) = \\sigma(z)\\,(1-\\sigma(z))",
    f: (z) => sigmoid(z),
    df: (_z, a) => a * (1 - a),
  },
  /** tanh(z) = (e^z−e^{-z})/(e^z+e^{-z}),  tanh′(z) = 1 − tanh²(z) */
  tanh: {
    name: 'tanh',
    tex: '\\tanh(z) = \\frac{e^{z}-e^{-z}}{e^{z}+e^{-z}}',
    derivativeTex: "\\tanh'(z) = 1-\\tanh^2(z)",
    f: (z) => Math.tanh(z),
    df: (_z, a) => 1 - a * a,
  },
  /** ReLU(z) = max(0, z),  ReLU′(z) = 1 for z > 0 else 0 (0 is used at z = 0) */
  relu: {
    name: 'relu',
    tex: '\\mathrm{ReLU}(z) = \\max(0, z)',
    derivativeTex: "\\mathrm{ReLU}'(z) = \\begin{cases}1 & z>0\\\\0 & z\\le 0\\end{cases}",
    f: (z) => (z > 0 ? z : 0),
    df: (z) => (z > 0 ? 1 : 0),
  },
  /** LeakyReLU(z) = z for z ≥ 0 else αz,  derivative 1 or α */
  leakyRelu: {
    name: 'leakyRelu',
    tex: '\\mathrm{LeakyReLU}(z) = \\begin{cases}z & z\\ge 0\\\\ \\alpha z & z<0\\end{cases}',
    derivativeTex: "\\mathrm{LeakyReLU}'(z) = \\begin{cases}1 & z\\ge 0\\\\ \\alpha & z<0\\end{cases}",
    f: (z, alpha) => (z >= 0 ? z : alpha * z),
    df: (z, _a, alpha) => (z >= 0 ? 1 : alpha),
  },
  /** linear(z) = z,  derivative 1 */
  linear: {
    name: 'linear',
    tex: 'f(z) = z',
    derivativeTex: "f'(z) = 1",
    f: (z) => z,
    df: () => 1,
  },
};

/** Softmax S_i = e^{z_i} / Σ_j e^{z_j}, shifted by max z so large logits do not overflow. */
export function softmax(z: readonly number[]): number[] {
  return softmaxInto(z, new Array(z.length));
}

/** softmax(z) written into out (which may be z itself), for loops that must not allocate. */
export function softmaxInto<Out extends NumberBuffer>(z: ArrayLike<number>, out: Out): Out {
  let shift = -Infinity;
  for (let i = 0; i < z.length; i++) shift = Math.max(shift, z[i]);
  let total = 0;
  for (let i = 0; i < z.length; i++) {
    out[i] = Math.exp(z[i] - shift);
    total += out[i];
  }
  for (let i = 0; i < z.length; i++) out[i] = out[i] / total;
  return out;
}

/** Softmax Jacobian ∂S_i/∂z_j = S_i(δ_ij − S_j). */
export function softmaxJacobian(s: readonly number[]): number[][] {
  return s.map((si, i) => s.map((sj, j) => (i === j ? si * (1 - sj) : -si * sj)));
}

export const SOFTMAX_TEX = 'S_i = \\frac{e^{z_i}}{\\sum_{j=1}^{n} e^{z_j}}';
export const SOFTMAX_JACOBIAN_TEX =
  '\\frac{\\partial S_i}{\\partial z_j} = \\begin{cases} S_i(1-S_j) & i=j \\\\ -S_iS_j & i\\ne j\\end{cases}';

/** a = f(z) for a whole layer. */
export function activate(spec: ActivationSpec, z: readonly number[]): number[] {
  return activateInto(spec, z, new Array(z.length));
}

/** a = f(z) written into out, for loops that must not allocate. */
export function activateInto<Out extends NumberBuffer>(spec: ActivationSpec, z: ArrayLike<number>, out: Out): Out {
  if (spec.name === 'softmax') return softmaxInto(z, out);
  const activation = SCALAR_ACTIVATIONS[spec.name];
  const alpha = spec.alpha ?? DEFAULT_LEAKY_ALPHA;
  for (let i = 0; i < z.length; i++) out[i] = activation.f(z[i], alpha);
  return out;
}

/**
 * ∂L/∂z from ∂L/∂a for a whole layer: elementwise f′ for scalar activations, the Jacobian-vector
 * product Jᵀ·g for softmax (whose outputs all depend on every input).
 */
export function activationBackward(
  spec: ActivationSpec,
  z: readonly number[],
  a: readonly number[],
  gradA: readonly number[],
): number[] {
  return activationBackwardInto(spec, z, a, gradA, new Array(z.length));
}

/** activationBackward written into out (which may be gradA itself), for loops that must not allocate. */
export function activationBackwardInto<Out extends NumberBuffer>(
  spec: ActivationSpec,
  z: ArrayLike<number>,
  a: ArrayLike<number>,
  gradA: ArrayLike<number>,
  out: Out,
): Out {
  if (spec.name === 'softmax') {
    let dot = 0;
    for (let i = 0; i < a.length; i++) dot = dot + a[i] * gradA[i];
    for (let i = 0; i < a.length; i++) out[i] = a[i] * (gradA[i] - dot);
    return out;
  }
  const activation = SCALAR_ACTIVATIONS[spec.name];
  const alpha = spec.alpha ?? DEFAULT_LEAKY_ALPHA;
  for (let i = 0; i < z.length; i++) out[i] = activation.df(z[i], a[i], alpha) * gradA[i];
  return out;
}

/** f′(z) elementwise, for the scalar activations only. */
export function activationDerivative(spec: ActivationSpec, z: readonly number[]): number[] {
  if (spec.name === 'softmax') throw new Error('softmax has a Jacobian, not an elementwise derivative');
  const activation = SCALAR_ACTIVATIONS[spec.name];
  const alpha = spec.alpha ?? DEFAULT_LEAKY_ALPHA;
  return z.map((zi) => activation.df(zi, activation.f(zi, alpha), alpha));
}
