/**
 * Logistic regression on m samples with n features, written twice as document 002 §7.2.7 does:
 * once as the per-sample loop (accumulate dz, dw, db, then divide by m) and once vectorised with
 * X of shape (n, m): Z = wᵀX + b, A = σ(Z), dZ = A − Y, dW = (1/m) X dZᵀ, db = (1/m) Σ dZ.
 * The two must agree to rounding; tests also check them against finite differences and network.ts.
 */
import { sigmoid } from '../core/activations';
import { LOSSES } from '../core/losses';
import { matmul, shapePair, transpose, type Matrix } from '../core/matrix';
import { EngineRangeError } from '../core/validation';

export interface LogisticProblem {
  /** X[feature][sample]: one column per sample, shape (n, m). */
  X: Matrix;
  /** Labels, one per sample (length m), each 0 or 1. */
  Y: number[];
  /** Weights, one per feature (length n). */
  w: number[];
  b: number;
}

/**
 * The lesson's worked example: n = 2 features, m = 3 samples. The first column (x₁, x₂) = (1, 2)
 * with y = 1 and w = (0.5, −0.25), b = 0.1 is the logistic-regression preset of the computation-graph
 * widget, so z⁽¹⁾ = 0.1 there and here.
 */
export const LOGISTIC_EXAMPLE: Readonly<LogisticProblem> = {
  X: [
    [1, 2, -1],
    [2, -1, 0.5],
  ],
  Y: [1, 0, 1],
  w: [0.5, -0.25],
  b: 0.1,
};

function checkProblem({ X, Y, w }: LogisticProblem): { n: number; m: number } {
  const [n, m] = shapePair(X);
  if (n === 0 || m === 0) throw new EngineRangeError('X', 'empty', 'X must have at least one feature and one sample');
  if (X.some((row) => row.length !== m)) throw new EngineRangeError('X', 'wrong-length', 'every row of X must hold m values', { expected: m });
  if (w.length !== n) throw new EngineRangeError('w', 'wrong-length', `w has ${w.length} entries but X has ${n} features`, { expected: n, received: w.length });
  if (Y.length !== m) throw new EngineRangeError('Y', 'wrong-length', `Y has ${Y.length} labels but X has ${m} samples`, { expected: m, received: Y.length });
  if (Y.some((y) => y !== 0 && y !== 1)) throw new EngineRangeError('Y', 'unknown-choice', 'labels must be 0 or 1');
  return { n, m };
}

const logLoss = (a: number, y: number) => LOSSES.binaryCrossEntropy.value([a], [y]);

/** Column i of X: the features of sample i. */
export const sampleOf = (X: readonly (readonly number[])[], i: number): number[] => X.map((row) => row[i]);

export interface LoopSample {
  x: number[];
  y: number;
  z: number;
  a: number;
  loss: number;
  dz: number;
  /** x·dz, this sample's contribution to dw before dividing by m. */
  dw: number[];
}

export interface LogisticGradient {
  J: number;
  /** dJ/dw, length n. */
  dw: number[];
  db: number;
}

export interface LoopResult extends LogisticGradient {
  samples: LoopSample[];
  /** The sums before the final division by m. */
  sums: { J: number; dw: number[]; db: number };
}

/** The per-sample loop of §7.2.7: accumulate J, dw and db over the samples, then divide by m. */
export function loopGradient(problem: LogisticProblem): LoopResult {
  const { n, m } = checkProblem(problem);
  const { X, Y, w, b } = problem;
  let J = 0;
  const dw = new Array<number>(n).fill(0);
  let db = 0;
  const samples: LoopSample[] = [];
  for (let i = 0; i < m; i++) {
    const x = sampleOf(X, i);
    const z = w.reduce((sum, wk, k) => sum + wk * x[k], b);
    const a = sigmoid(z);
    const loss = logLoss(a, Y[i]);
    const dz = a - Y[i];
    J += loss;
    x.forEach((xk, k) => (dw[k] += xk * dz));
    db += dz;
    samples.push({ x, y: Y[i], z, a, loss, dz, dw: x.map((xk) => xk * dz) });
  }
  return { J: J / m, dw: dw.map((value) => value / m), db: db / m, samples, sums: { J, dw: [...dw], db } };
}

export interface VectorisedResult extends LogisticGradient {
  /** Z = wᵀX + b, shape (1, m). */
  Z: Matrix;
  /** A = σ(Z), shape (1, m). */
  A: Matrix;
  /** dZ = A − Y, shape (1, m). */
  dZ: Matrix;
  /** dW = (1/m) X dZᵀ, shape (n, 1). */
  dW: Matrix;
}

/** The vectorised form of §7.2.7: whole-matrix operations, no loop over samples in the formulas. */
export function vectorisedGradient(problem: LogisticProblem): VectorisedResult {
  const { m } = checkProblem(problem);
  const { X, Y, w, b } = problem;
  const W = w.map((value) => [value]); // (n, 1)
  const Z = matmul(transpose(W), X).map((row) => row.map((value) => value + b)); // (1, m), b broadcast
  const A = Z.map((row) => row.map(sigmoid));
  const dZ = A.map((row) => row.map((a, i) => a - Y[i]));
  const dW = matmul(X, transpose(dZ)).map((row) => row.map((value) => value / m)); // (n, 1)
  const db = dZ[0].reduce((sum, value) => sum + value, 0) / m;
  const J = A[0].reduce((sum, a, i) => sum + logLoss(a, Y[i]), 0) / m;
  return { Z, A, dZ, dW, J, dw: dW.map((row) => row[0]), db };
}

/** J(w, b) = (1/m) Σ L(σ(wᵀx⁽ⁱ⁾ + b), y⁽ⁱ⁾), for finite-difference checks. */
export function logisticCost(problem: LogisticProblem): number {
  return loopGradient(problem).J;
}

/** One gradient-descent step w := w − α dw, b := b − α db with the vectorised gradient. */
export function gradientStep(problem: LogisticProblem, alpha: number): LogisticProblem {
  const { dw, db } = vectorisedGradient(problem);
  return { ...problem, w: problem.w.map((wk, k) => wk - alpha * dw[k]), b: problem.b - alpha * db };
}

export interface TrainingRecord {
  step: number;
  w: number[];
  b: number;
  J: number;
}

/** `steps` gradient-descent steps from the problem's w and b; records[0] is the start. */
export function train(problem: LogisticProblem, alpha: number, steps: number): TrainingRecord[] {
  if (!Number.isInteger(steps) || steps < 0) throw new EngineRangeError('steps', 'not-an-integer', `steps must be a whole number, got ${steps}`, { received: String(steps) });
  if (!(alpha > 0) || !Number.isFinite(alpha)) throw new EngineRangeError('alpha', 'not-positive', `alpha must be positive, got ${alpha}`, { received: String(alpha) });
  const records: TrainingRecord[] = [{ step: 0, w: [...problem.w], b: problem.b, J: logisticCost(problem) }];
  let current = problem;
  for (let step = 1; step <= steps; step++) {
    current = gradientStep(current, alpha);
    records.push({ step, w: [...current.w], b: current.b, J: logisticCost(current) });
  }
  return records;
}
