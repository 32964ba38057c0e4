/**
 * The cost functions of document 000 (代价函数) on a whole data set: the mean squared error
 * J = (1/2m) Σ (h − y)², the log loss J = −(1/m) Σ [y ln h + (1 − y) ln(1 − h)], and the
 * likelihood they come from. A hypothesis is either linear, h = θᵀx, or logistic, h = σ(θᵀx), with
 * x₀ = 1 carrying the bias θ₀. Per-sample losses are read from losses.ts.
 */
import { sigmoid } from '../core/activations';
import { LOSSES } from '../core/losses';
import { EngineRangeError } from '../core/validation';

export type Hypothesis = 'linear' | 'logistic';
export type CostName = 'mse' | 'logLoss';

export interface Sample {
  /** Features x₁ … x_n (x₀ = 1 is added by the functions). */
  x: number[];
  y: number;
}

/** θᵀx with x₀ = 1: θ[0] is the bias. */
export function linearPart(theta: readonly number[], x: readonly number[]): number {
  if (theta.length !== x.length + 1) throw new EngineRangeError('theta', 'wrong-length', `θ needs ${x.length + 1} entries (bias first), got ${theta.length}`, { expected: x.length + 1, received: theta.length });
  return x.reduce((sum, xk, k) => sum + theta[k + 1] * xk, theta[0]);
}

/** h_θ(x): θᵀx or σ(θᵀx). */
export function hypothesis(kind: Hypothesis, theta: readonly number[], x: readonly number[]): number {
  const z = linearPart(theta, x);
  return kind === 'linear' ? z : sigmoid(z);
}

/** Squared-error loss of one prediction, ½(h − y)² (losses.ts halfSumSquares on one output). */
export const squaredError = (h: number, y: number) => LOSSES.halfSumSquares.value([h], [y]);
/** Log loss of one prediction, −[y ln h + (1 − y) ln(1 − h)] (losses.ts binaryCrossEntropy). */
export const logLoss = (h: number, y: number) => LOSSES.binaryCrossEntropy.value([h], [y]);
/** −ln h for y = 1 and −ln(1 − h) for y = 0: the two-case form before it is merged into one line. */
export const logLossByCase = (h: number, y: 0 | 1) => (y === 1 ? -Math.log(h) : -Math.log(1 - h));

/**
 * The same log loss read as a two-class cross-entropy: −Σ_k y_k ln h_k over the classes
 * (class 1 with probability h, class 0 with 1 − h) and the one-hot target (y, 1 − y).
 */
export const twoClassCrossEntropy = (h: number, y: number) => LOSSES.crossEntropy.value([h, 1 - h], [y, 1 - y]);

function checkData(kind: Hypothesis, name: CostName, data: readonly Sample[]) {
  if (data.length === 0) throw new EngineRangeError('data', 'empty-data', 'the data set is empty');
  // θᵀx is not a probability, so the log loss is undefined for a linear hypothesis.
  if (kind === 'linear' && name === 'logLoss') throw new EngineRangeError('name', 'unknown-choice', 'the log loss needs a logistic hypothesis', { received: name });
}

/** J(θ) averaged over the data: (1/2m) Σ (h − y)² or −(1/m) Σ [y ln h + (1 − y) ln(1 − h)]. */
export function cost(kind: Hypothesis, name: CostName, theta: readonly number[], data: readonly Sample[]): number {
  checkData(kind, name, data);
  const perSample = name === 'mse' ? squaredError : logLoss;
  return data.reduce((sum, { x, y }) => sum + perSample(hypothesis(kind, theta, x), y), 0) / data.length;
}

/**
 * ∂J/∂θ_n, analytically. Every case is (1/m) Σ (h − y) · g · x_n with x₀ = 1, where the extra factor
 * g is 1 except for the squared error on a sigmoid, where it is σ′ = h(1 − h). Linear MSE and
 * logistic log loss therefore have the same-looking formula (document 000) with different h.
 */
export function costGradient(kind: Hypothesis, name: CostName, theta: readonly number[], data: readonly Sample[]): number[] {
  checkData(kind, name, data);
  const gradient = new Array<number>(theta.length).fill(0);
  for (const { x, y } of data) {
    const h = hypothesis(kind, theta, x);
    let factor = h - y;
    if (kind === 'logistic' && name === 'mse') factor *= h * (1 - h);
    gradient[0] += factor;
    x.forEach((xk, k) => (gradient[k + 1] += factor * xk));
  }
  return gradient.map((value) => value / data.length);
}

/** The sum Σ (h − y) x_n without the 1/m, as document 000 prints the MSE gradient. */
export function gradientWithoutMean(kind: Hypothesis, name: CostName, theta: readonly number[], data: readonly Sample[]): number[] {
  return costGradient(kind, name, theta, data).map((value) => value * data.length);
}

/** P(y | x) = h if y = 1 else 1 − h, i.e. h^y (1 − h)^{1−y}. */
export const bernoulliProbability = (h: number, y: number) => h ** y * (1 - h) ** (1 - y);

export interface LikelihoodSummary {
  /** P(y⁽ⁱ⁾ | x⁽ⁱ⁾) for each sample. */
  probabilities: number[];
  /** L(θ) = Π P(y⁽ⁱ⁾ | x⁽ⁱ⁾). */
  likelihood: number;
  /** ln L(θ) = Σ ln P(y⁽ⁱ⁾ | x⁽ⁱ⁾). */
  logLikelihood: number;
  /** −ln L(θ), the summed log loss. */
  negativeLogLikelihood: number;
  /** −(1/m) ln L(θ), the cost J. */
  meanLoss: number;
}

/** Likelihood of labels y under predicted probabilities h (one per sample). */
export function likelihoodOf(h: readonly number[], y: readonly number[]): LikelihoodSummary {
  if (h.length === 0 || h.length !== y.length) throw new EngineRangeError('y', 'wrong-length', 'h and y must be non-empty and of equal length', { expected: h.length, received: y.length });
  const probabilities = h.map((hi, i) => bernoulliProbability(hi, y[i]));
  const likelihood = probabilities.reduce((product, p) => product * p, 1);
  const logLikelihood = probabilities.reduce((sum, p) => sum + Math.log(p), 0);
  return { probabilities, likelihood, logLikelihood, negativeLogLikelihood: -logLikelihood, meanLoss: -logLikelihood / h.length };
}

/** Coin-toss likelihood L(p) = p^heads (1 − p)^tails: the same data, read as a function of p. */
export const coinLikelihood = (p: number, heads: number, tails: number) => p ** heads * (1 - p) ** tails;
/** ln L(p) = heads · ln p + tails · ln(1 − p), which stays finite long after the product underflows. */
export const coinLogLikelihood = (p: number, heads: number, tails: number) => heads * Math.log(p) + tails * Math.log(1 - p);

/** The regression data of the lesson's MSE example (one feature). */
export const REGRESSION_EXAMPLE: readonly Sample[] = [
  { x: [0], y: 1 },
  { x: [1], y: 2.5 },
  { x: [2], y: 2.9 },
  { x: [3], y: 4.8 },
];
/** θ = (θ₀, θ₁) at which the lesson evaluates the MSE example. */
export const REGRESSION_THETA: readonly number[] = [0.5, 1];

/** Predicted probabilities and labels of the lesson's likelihood example. */
export const LIKELIHOOD_EXAMPLE = { h: [0.9, 0.2, 0.6, 0.3], y: [1, 0, 1, 1] } as const;
