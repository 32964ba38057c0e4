/**
 * Data for the softmax-cross-entropy widget: logits → softmax probabilities, a one-hot target, the
 * cross-entropy loss, its gradient p − y with respect to the logits, and the softmax Jacobian.
 * Refused input comes back as an error record, never as NaN; the caller words it for the reader.
 */
import { sigmoid, softmax, softmaxJacobian } from '../core/activations';
import type { EngineError } from '../core/validation';

/** Largest |logit| accepted: differences of logits, and so the loss, stay finite and exact enough to plot. */
export const LOGIT_LIMIT = 1e6;

export const CROSS_ENTROPY_TEX = 'L = -\\sum_k y_k \\ln p_k';
export const CROSS_ENTROPY_GRADIENT_TEX = '\\frac{\\partial L}{\\partial z_k} = p_k - y_k';

/** Document 002 §7.2.4's ten-class example: the printed probabilities, target class 6 (0-based). */
export const DOCUMENT_002_PROBABILITIES: readonly number[] = [0.1, 0.05, 0.15, 0.1, 0.05, 0.2, 0.1, 0.05, 0.1, 0.1];
export const DOCUMENT_002_TARGET_INDEX = 6;

/** The widget's preset: logits z_k = ln p_k, whose softmax is the document's probabilities again. */
export const DOCUMENT_002_PRESET: { logits: number[]; targetIndex: number } = {
  logits: DOCUMENT_002_PROBABILITIES.map(Math.log),
  targetIndex: DOCUMENT_002_TARGET_INDEX,
};

/** Refused fields: 'logits', 'probabilities' (index: the offending entry) or 'targetIndex'. */
export type SoftmaxInputErrorCode = 'empty' | 'not-finite' | 'out-of-range' | 'not-positive' | 'target-not-integer' | 'target-out-of-range';


export interface SoftmaxCrossEntropyResult {
  logits: number[];
  /** p_k = e^{z_k} / Σ_j e^{z_j} */
  probabilities: number[];
  /** y_k = 1 at the target class, 0 elsewhere */
  target: number[];
  targetIndex: number;
  /** −y_k ln p_k, the terms of the loss (document 002 writes their sum out class by class) */
  lossTerms: number[];
  /** L = −Σ_k y_k ln p_k = −ln p_target */
  loss: number;
  /** ∂L/∂z_k = p_k − y_k */
  gradient: number[];
  /** ∂p_i/∂z_j = p_i(δ_ij − p_j) */
  jacobian: number[][];
  /** argmax_k p_k, the first one on ties */
  predictedIndex: number;
}

/** Softmax, cross-entropy L = −Σ y_k ln p_k against a one-hot target, ∂L/∂z = p − y and ∂p_i/∂z_j. */
export function softmaxCrossEntropy(logits: readonly number[], targetIndex: number): SoftmaxCrossEntropyResult | { error: EngineError<SoftmaxInputErrorCode> } {
  const refused = checkLogits(logits) ?? checkTarget(targetIndex, logits.length);
  if (refused) return { error: refused };
  const probabilities = softmax(logits);
  const target = logits.map((_, k) => (k === targetIndex ? 1 : 0));
  // ln p_k = z_k − ln Σ e^{z_j} stays finite even when p_k underflows to 0, where ln p_k would be −∞.
  const logNormaliser = logSumExp(logits);
  const lossTerms = logits.map((zk, k) => (k === targetIndex ? logNormaliser - zk : 0));
  return {
    logits: [...logits],
    probabilities,
    target,
    targetIndex,
    lossTerms,
    loss: lossTerms[targetIndex],
    gradient: probabilities.map((pk, k) => pk - target[k]),
    jacobian: softmaxJacobian(probabilities),
    predictedIndex: probabilities.indexOf(Math.max(...probabilities)),
  };
}

/** ln Σ_j e^{z_j} = m + ln Σ_j e^{z_j − m} with m = max z, so no term overflows. */
export function logSumExp(z: readonly number[]): number {
  const shift = Math.max(...z);
  return shift + Math.log(z.reduce((sum, zj) => sum + Math.exp(zj - shift), 0));
}

/** Logits z_k = ln p_k; softmax(z) = p / Σp, so any positive p works and a distribution comes back unchanged. */
export function fromProbabilities(probabilities: readonly number[]): number[] | { error: EngineError<SoftmaxInputErrorCode> } {
  if (probabilities.length === 0) return { error: { field: 'probabilities', code: 'empty' } };
  const notFinite = probabilities.findIndex((p) => !Number.isFinite(p));
  if (notFinite >= 0) return { error: { field: 'probabilities', code: 'not-finite', index: notFinite } };
  const notPositive = probabilities.findIndex((p) => p <= 0);
  if (notPositive >= 0) return { error: { field: 'probabilities', code: 'not-positive', index: notPositive } };
  return probabilities.map(Math.log);
}

/** With two classes softmax([z1, z2])₀ = e^{z1}/(e^{z1} + e^{z2}) = σ(z1 − z2): softmax reduces to the logistic sigmoid (document 000). */
export function softmaxTwoClassAsSigmoid(z1: number, z2: number): { softmaxFirst: number; sigmoidOfDifference: number } {
  return { softmaxFirst: softmax([z1, z2])[0], sigmoidOfDifference: sigmoid(z1 - z2) };
}

function checkLogits(logits: readonly number[]): EngineError<SoftmaxInputErrorCode> | undefined {
  if (logits.length === 0) return { field: 'logits', code: 'empty' };
  const notFinite = logits.findIndex((z) => !Number.isFinite(z));
  if (notFinite >= 0) return { field: 'logits', code: 'not-finite', index: notFinite };
  const tooLarge = logits.findIndex((z) => Math.abs(z) > LOGIT_LIMIT);
  if (tooLarge >= 0) return { field: 'logits', code: 'out-of-range', index: tooLarge };
  return undefined;
}

function checkTarget(targetIndex: number, classes: number): EngineError<SoftmaxInputErrorCode> | undefined {
  if (!Number.isInteger(targetIndex)) return { field: 'targetIndex', code: 'target-not-integer' };
  if (targetIndex < 0 || targetIndex >= classes) return { field: 'targetIndex', code: 'target-out-of-range' };
  return undefined;
}
