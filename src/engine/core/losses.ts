/**
 * Loss functions on one sample's output vector. Each keeps its value, its gradient with respect
 * to the output and its LaTeX together.
 */

export type LossName = 'halfSumSquares' | 'mse' | 'crossEntropy' | 'binaryCrossEntropy';

export interface Loss {
  name: LossName;
  tex: string;
  value(output: readonly number[], target: readonly number[]): number;
  /** ∂L/∂out_k */
  gradient(output: readonly number[], target: readonly number[]): number[];
  /** ∂L/∂out_k for one k, for loops that must not allocate; gradient() is this for every k. */
  gradientAt(output: ArrayLike<number>, target: ArrayLike<number>, k: number): number;
}

/** A loss from its value and one-component gradient; the whole gradient is derived, so both agree. */
function defineLoss(definition: Omit<Loss, 'gradient'>): Loss {
  return { ...definition, gradient: (o, t) => o.map((_, k) => definition.gradientAt(o, t, k)) };
}

/** Keeps log() finite when an output saturates at exactly 0 or 1. */
export const LOG_EPSILON = 1e-15;
const clampProbability = (p: number) => Math.min(1 - LOG_EPSILON, Math.max(LOG_EPSILON, p));

export const LOSSES: Record<LossName, Loss> = {
  /** E = Σ_k ½(t_k − o_k)²,  ∂E/∂o_k = o_k − t_k  (the documents' E_total) */
  halfSumSquares: defineLoss({
    name: 'halfSumSquares',
    tex: 'E = \\sum_k \\tfrac{1}{2}(t_k - o_k)^2',
    value: (o, t) => o.reduce((sum, ok, k) => sum + 0.5 * (t[k] - ok) ** 2, 0),
    gradientAt: (o, t, k) => o[k] - t[k],
  }),
  /** L = (1/n) Σ_k (o_k − t_k)²,  ∂L/∂o_k = 2(o_k − t_k)/n */
  mse: defineLoss({
    name: 'mse',
    tex: 'L = \\frac{1}{n}\\sum_k (o_k - t_k)^2',
    value: (o, t) => o.reduce((sum, ok, k) => sum + (ok - t[k]) ** 2, 0) / o.length,
    gradientAt: (o, t, k) => (2 * (o[k] - t[k])) / o.length,
  }),
  /** L = −Σ_k t_k ln o_k,  ∂L/∂o_k = −t_k/o_k  (pairs with softmax: δ = o − t) */
  crossEntropy: defineLoss({
    name: 'crossEntropy',
    tex: 'L = -\\sum_k t_k \\ln o_k',
    value: (o, t) => -o.reduce((sum, ok, k) => sum + (t[k] === 0 ? 0 : t[k] * Math.log(clampProbability(ok))), 0),
    gradientAt: (o, t, k) => -t[k] / clampProbability(o[k]),
  }),
  /** L = −Σ_k [t_k ln o_k + (1−t_k) ln(1−o_k)],  ∂L/∂o_k = (o_k − t_k)/(o_k(1−o_k))  (log loss) */
  binaryCrossEntropy: defineLoss({
    name: 'binaryCrossEntropy',
    tex: 'L = -\\sum_k \\left[t_k \\ln o_k + (1-t_k)\\ln(1-o_k)\\right]',
    value: (o, t) =>
      -o.reduce((sum, ok, k) => {
        const p = clampProbability(ok);
        return sum + t[k] * Math.log(p) + (1 - t[k]) * Math.log(1 - p);
      }, 0),
    gradientAt: (o, t, k) => {
      const p = clampProbability(o[k]);
      return (p - t[k]) / (p * (1 - p));
    },
  }),
};
