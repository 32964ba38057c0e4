/**
 * Lesson calculator for loss/softmax-cross-entropy: a small softmax computed term by term, document
 * 002 §7.2.4's ten-class example (probabilities 0.10 … 0.10, true class 7 counted from 1), its loss,
 * the gradient p − y rebuilt from the softmax Jacobian by the chain rule and checked by finite
 * differences, and one gradient step on the logits. Pure functions, no DOM.
 */
import { softmax, softmaxJacobian } from '../core/activations';
import { DOCUMENT_002_PROBABILITIES, DOCUMENT_002_TARGET_INDEX, logSumExp } from '../models/softmax-cross-entropy';

export interface SoftmaxByHand {
  logits: number[];
  exps: number[];
  sum: number;
  probabilities: number[];
}

/** The site's small example (the document's own picture is not in the text): logits (3, 1, −3). */
export const SMALL_LOGITS: readonly number[] = [3, 1, -3];

export function softmaxByHand(logits: readonly number[] = SMALL_LOGITS): SoftmaxByHand {
  const exps = logits.map(Math.exp);
  const sum = exps.reduce((s, e) => s + e, 0);
  return { logits: [...logits], exps, sum, probabilities: exps.map((e) => e / sum) };
}

/** L(z) = −ln softmax(z)_t, computed stably as logsumexp(z) − z_t. */
export function crossEntropyOfLogits(logits: readonly number[], target: number): number {
  return logSumExp(logits) - logits[target];
}

export interface TenClass {
  probabilities: number[];
  /** Σ p_k: 1 */
  sum: number;
  /** 0-based index of the true class (6, i.e. the 7th). */
  targetIndex: number;
  target: number[];
  /** −y_k ln p_k for each k: all zero except the true class. */
  lossTerms: number[];
  loss: number;
  /** The same number with log base 10, for comparison. */
  lossLog10: number;
  /** The loss if the network had put its largest probability (0.20) on the true class. */
  lossIfLargest: number;
  /** Logits z_k = ln p_k that reproduce the probabilities. */
  logits: number[];
  /** softmax(logits): the probabilities again. */
  roundTrip: number[];
  /** 0-based argmax of p. */
  predictedIndex: number;
  /** p − y */
  gradient: number[];
  /** Σ (p − y): 0 */
  gradientSum: number;
  /** ∂L/∂z_j = Σ_k (∂L/∂p_k)(∂p_k/∂z_j) = −(1/p_t) ∂p_t/∂z_j, from the Jacobian. */
  chainRule: number[];
  /** Central differences of L with respect to each logit. */
  numeric: number[];
  jacobian: number[][];
}

export function tenClassExample(h = 1e-6): TenClass {
  const probabilities = [...DOCUMENT_002_PROBABILITIES];
  const t = DOCUMENT_002_TARGET_INDEX;
  const target = probabilities.map((_, k) => (k === t ? 1 : 0));
  const logits = probabilities.map(Math.log);
  const roundTrip = softmax(logits);
  const jacobian = softmaxJacobian(roundTrip);
  const loss = -Math.log(probabilities[t]);
  const gradient = probabilities.map((p, k) => p - target[k]);
  return {
    probabilities,
    sum: probabilities.reduce((s, p) => s + p, 0),
    targetIndex: t,
    target,
    lossTerms: probabilities.map((p, k) => (target[k] === 1 ? -Math.log(p) : 0)),
    loss,
    lossLog10: -Math.log10(probabilities[t]),
    lossIfLargest: -Math.log(Math.max(...probabilities)),
    logits,
    roundTrip,
    predictedIndex: probabilities.indexOf(Math.max(...probabilities)),
    gradient,
    gradientSum: gradient.reduce((s, g) => s + g, 0),
    chainRule: logits.map((_, j) => -(1 / roundTrip[t]) * jacobian[t][j]),
    numeric: logits.map((_, j) => {
      const moved = (d: number) => crossEntropyOfLogits(logits.map((z, k) => (k === j ? z + d : z)), t);
      return (moved(h) - moved(-h)) / (2 * h);
    }),
    jacobian,
  };
}

export interface LogitStep {
  learningRate: number;
  logits: number[];
  probabilities: number[];
  targetProbability: number;
  loss: number;
}

/** z := z − α (p − y) on the ten-class example, repeated `steps` times. */
export function logitSteps(learningRate: number, steps: number): LogitStep[] {
  const t = DOCUMENT_002_TARGET_INDEX;
  let logits = DOCUMENT_002_PROBABILITIES.map(Math.log);
  const out: LogitStep[] = [];
  for (let s = 0; s <= steps; s++) {
    const probabilities = softmax(logits);
    out.push({ learningRate, logits, probabilities, targetProbability: probabilities[t], loss: crossEntropyOfLogits(logits, t) });
    logits = logits.map((z, k) => z - learningRate * (probabilities[k] - (k === t ? 1 : 0)));
  }
  return out;
}

/** softmax(z + c) for a constant shift c: the same probabilities. */
export function shiftInvariance(logits: readonly number[], shift: number): number {
  const a = softmax(logits);
  const b = softmax(logits.map((z) => z + shift));
  return Math.max(...a.map((p, k) => Math.abs(p - b[k])));
}
