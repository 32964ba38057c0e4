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
}

/** Keeps log() finite when an output saturates at exactly 0 or 1. */
export const LOG_EPSILON = 1e-15;
const clampProbability = (p: number) => Math.min(1 - LOG_EPSILON, Math.max(LOG_EPSILON, p));

export const LOSSES: Record<LossName, Loss> = {
  /** E = Σ_k ½(t_k − o_k)²,  ∂E/∂o_k = o_k − t_k  (the documents' E_total) */
  halfSumSquares: {
    name: 'halfSumSquares',
    tex: 'E = \\sum_k \\tfrac{1}{2}(t_k - o_k)^2',
    value: (o, t) => o.reduce((sum, ok, k) => sum + 0.5 * (t[k] - ok) ** 2, 0),
    gradient: (o, t) => o.map((ok, k) => ok - t[k]),
  },
  /** L = (1/n) Σ_k (o_k − t_k)²,  ∂L/∂o_k = 2(o_k − t_k)/n */
  mse: {
    name: 'mse',
    tex: 'L = \\frac{1}{n}\\sum_k (o_k - t_k)^2',
    value: (o, t) => o.reduce((sum, ok, k) => sum + (ok - t[k]) ** 2, 0) / o.length,
    gradient: (o, t) => o.map((ok, k) => (2 * (ok - t[k])) / o.length),
  },
  /** L = −Σ_k t_k ln o_k,  ∂L/∂o_k = −t_k/o_k  (pairs with softmax: δ = o − t) */
  crossEntropy: {
    name: 'crossEntropy',
    tex: 'L = -\\sum_k t_k \\ln o_k',
    value: (o, t) => -o.reduce((sum, ok, k) => sum + (t[k] === 0 ? 0 : t[k] * Math.log(clampProbability(ok))), 0),
    gradient: (o, t) => o.map((ok, k) => -t[k] / clampProbability(ok)),
  },
  /** L = −Σ_k [t_k ln o_k + (1−t_k) ln(1−o_k)],  ∂L/∂o_k = (o_k − t_k)/(o_k(1−o_k))  (log loss) */
  binaryCrossEntropy: {
    name: 'binaryCrossEntropy',
    tex: 'L = -\\sum_k \\left[t_k \\ln o_k + (1-t_k)\\ln(1-o_k)\\right]',
    value: (o, t) =>
      -o.reduce((sum, ok, k) => {
        const p = clampProbability(ok);
        return sum + t[k] * Math.log(p) + (1 - t[k]) * Math.log(1 - p);
      }, 0),
    gradient: (o, t) =>
      o.map((ok, k) => {
        const p = clampProbability(ok);
        return (p - t[k]) / (p * (1 - p));
      }),
  },
};
