/**
 * The shallow network of document 002 §7.2.8, written exactly as its vectorised formulas: one tanh
 * hidden layer, one sigmoid output unit, log loss, m samples stacked as the columns of X (n_x, m)
 * and Y (1, m).
 *
 *   Z1 = W1 X + b1,  A1 = tanh(Z1),  Z2 = W2 A1 + b2,  A2 = σ(Z2)
 *   dZ2 = A2 − Y,  dW2 = (1/m) dZ2 A1ᵀ,  db2 = (1/m) Σ_cols dZ2
 *   dZ1 = W2ᵀ dZ2 ⊙ (1 − A1²),  dW1 = (1/m) dZ1 Xᵀ,  db1 = (1/m) Σ_cols dZ1
 *
 * The general engine (network.ts) computes the same network one sample at a time; the tests check
 * that both agree with each other and with finite differences.
 */
import { sigmoid } from '../core/activations';
import {
  addColumnVector,
  column,
  fromColumns,
  hadamard,
  mapMatrix,
  matmul,
  scale,
  subtract,
  sumRows,
  transpose,
  type Matrix,
} from '../core/matrix';
import { batchLoss, initParams, trainStep, type NetworkParams, type NetworkSpec } from '../core/network';
import { roundTo } from '../core/format';
import { createRng, uniform, type Rng } from '../core/random';

export interface ShallowParams {
  /** (n_h, n_x): row j is (w_j^{[1]})ᵀ, the weights of hidden neuron j. */
  W1: Matrix;
  /** (n_h) */
  b1: number[];
  /** (n_y, n_h) */
  W2: Matrix;
  /** (n_y) */
  b2: number[];
}

export interface ShallowForward {
  Z1: Matrix;
  A1: Matrix;
  Z2: Matrix;
  A2: Matrix;
}

export interface ShallowGradients {
  dZ2: Matrix;
  dW2: Matrix;
  db2: number[];
  dZ1: Matrix;
  dW1: Matrix;
  db1: number[];
}

/**
 * 'correct': tanh′ written as 1 − A1² (square, then subtract).
 * 'printed': (1 − A1)², the factor document 002 prints (erratum 002-tanh-derivative-shallow).
 */
export type TanhDerivativeForm = 'correct' | 'printed';

/** Z1 = W1 X + b1, A1 = tanh Z1, Z2 = W2 A1 + b2, A2 = σ(Z2). */
export function shallowForward(params: ShallowParams, X: Matrix): ShallowForward {
  const Z1 = addColumnVector(matmul(params.W1, X), params.b1);
  const A1 = mapMatrix(Z1, Math.tanh);
  const Z2 = addColumnVector(matmul(params.W2, A1), params.b2);
  const A2 = mapMatrix(Z2, sigmoid);
  return { Z1, A1, Z2, A2 };
}

/** One hidden neuron for one sample, the way §7.2.8 starts: z_j = (w_j)ᵀ x + b_j, a_j = tanh(z_j). */
export function hiddenNeuron(params: ShallowParams, j: number, x: readonly number[]): { z: number; a: number } {
  const z = params.W1[j].reduce((sum, w, k) => sum + w * x[k], params.b1[j]);
  return { z, a: Math.tanh(z) };
}

/** J = −(1/m) Σ [y ln a + (1−y) ln(1−a)] over the m columns. */
export function shallowCost(params: ShallowParams, X: Matrix, Y: Matrix): number {
  const { A2 } = shallowForward(params, X);
  const m = X[0].length;
  let total = 0;
  A2.forEach((row, i) =>
    row.forEach((a, j) => {
      const y = Y[i][j];
      total -= y * Math.log(a) + (1 - y) * Math.log(1 - a);
    }),
  );
  return total / m;
}

/** The backward pass of §7.2.8, in its vectorised form. */
export function shallowBackward(
  params: ShallowParams,
  X: Matrix,
  Y: Matrix,
  form: TanhDerivativeForm = 'correct',
): ShallowGradients {
  const m = X[0].length;
  const { A1, A2 } = shallowForward(params, X);
  const dZ2 = subtract(A2, Y);
  const dW2 = scale(matmul(dZ2, transpose(A1)), 1 / m);
  const db2 = sumRows(dZ2).map((s) => s / m);
  const tanhSlope = form === 'correct' ? mapMatrix(A1, (a) => 1 - a * a) : mapMatrix(A1, (a) => (1 - a) ** 2);
  const dZ1 = hadamard(matmul(transpose(params.W2), dZ2), tanhSlope);
  const dW1 = scale(matmul(dZ1, transpose(X)), 1 / m);
  const db1 = sumRows(dZ1).map((s) => s / m);
  return { dZ2, dW2, db2, dZ1, dW1, db1 };
}

/** One gradient-descent step: every parameter minus α times its gradient. */
export function shallowStep(params: ShallowParams, grads: ShallowGradients, learningRate: number): ShallowParams {
  return {
    W1: subtract(params.W1, scale(grads.dW1, learningRate)),
    b1: params.b1.map((b, j) => b - learningRate * grads.db1[j]),
    W2: subtract(params.W2, scale(grads.dW2, learningRate)),
    b2: params.b2.map((b, j) => b - learningRate * grads.db2[j]),
  };
}

/** The same network for the general engine: tanh hidden layer, sigmoid output, log loss. */
export function shallowSpec(inputSize: number, hiddenSize: number, outputSize = 1): NetworkSpec {
  return {
    inputSize,
    layers: [
      { size: hiddenSize, activation: { name: 'tanh' } },
      { size: outputSize, activation: { name: 'sigmoid' } },
    ],
    loss: 'binaryCrossEntropy',
  };
}

export function toNetworkParams(params: ShallowParams): NetworkParams {
  return {
    weights: [params.W1.map((row) => [...row]), params.W2.map((row) => [...row])],
    biases: [[...params.b1], [...params.b2]],
  };
}

export function fromNetworkParams(params: NetworkParams): ShallowParams {
  return {
    W1: params.weights[0].map((row) => [...row]),
    b1: [...params.biases[0]],
    W2: params.weights[1].map((row) => [...row]),
    b2: [...params.biases[1]],
  };
}

/** Seeded initial parameters from the general engine's initParams (weights uniform in [−scale, scale], biases 0). */
export function initShallowParams(inputSize: number, hiddenSize: number, rng: Rng, scaleValue = 0.5, outputSize = 1): ShallowParams {
  return fromNetworkParams(initParams(shallowSpec(inputSize, hiddenSize, outputSize), rng, { scale: scaleValue }));
}

/** The general engine's batch cost for the same data (mean log loss over the columns of X). */
export function networkCost(params: ShallowParams, X: Matrix, Y: Matrix): number {
  const spec = shallowSpec(X.length, params.W1.length, params.W2.length);
  const inputs = X[0].map((_, j) => column(X, j));
  const targets = Y[0].map((_, j) => column(Y, j));
  return batchLoss(spec, toNetworkParams(params), inputs, targets);
}

/**
 * The gradients the general engine uses, read off one trainStep with learning rate 1 and no weight
 * decay: gradient = old parameter − new parameter (the mean over the samples of the per-sample
 * backward pass of network.ts).
 */
export function networkGradients(params: ShallowParams, X: Matrix, Y: Matrix): Pick<ShallowGradients, 'dW1' | 'db1' | 'dW2' | 'db2'> {
  const spec = shallowSpec(X.length, params.W1.length, params.W2.length);
  const inputs = X[0].map((_, j) => column(X, j));
  const targets = Y[0].map((_, j) => column(Y, j));
  const before = toNetworkParams(params);
  const after = fromNetworkParams(trainStep(spec, before, inputs, targets, { learningRate: 1 }));
  return {
    dW1: subtract(params.W1, after.W1),
    db1: params.b1.map((b, j) => b - after.b1[j]),
    dW2: subtract(params.W2, after.W2),
    db2: params.b2.map((b, j) => b - after.b2[j]),
  };
}

/** Central-difference estimate of ∂J/∂(one parameter), J the vectorised cost. */
export function shallowFiniteDifference(
  params: ShallowParams,
  X: Matrix,
  Y: Matrix,
  which: { name: 'W1' | 'W2'; row: number; col: number } | { name: 'b1' | 'b2'; row: number },
  h = 1e-6,
): number {
  const at = (delta: number): number => {
    const copy: ShallowParams = {
      W1: params.W1.map((row) => [...row]),
      b1: [...params.b1],
      W2: params.W2.map((row) => [...row]),
      b2: [...params.b2],
    };
    if (which.name === 'W1' || which.name === 'W2') copy[which.name][which.row][which.col] += delta;
    else copy[which.name][which.row] += delta;
    return shallowCost(copy, X, Y);
  };
  return (at(h) - at(-h)) / (2 * h);
}

export interface ShallowDemo {
  X: Matrix;
  Y: Matrix;
  params: ShallowParams;
  learningRate: number;
}

/**
 * The lesson's 2-3-1 example: four samples with inputs drawn from seed 31 in [−2, 2] and rounded
 * to one decimal, label 1 when x₁x₂ > 0 (an XOR-like pattern a single sigmoid unit cannot fit),
 * and initial weights from seed 11, uniform in [−0.5, 0.5], biases 0.
 */
export function shallowDemo(): ShallowDemo {
  const dataRng = createRng(31);
  const samples = Array.from({ length: 4 }, () => [roundTo(uniform(dataRng, -2, 2), 1), roundTo(uniform(dataRng, -2, 2), 1)]);
  const X = fromColumns(samples);
  const Y = [samples.map(([x1, x2]) => (x1 * x2 > 0 ? 1 : 0))];
  return { X, Y, params: initShallowParams(2, 3, createRng(11), 0.5), learningRate: 0.5 };
}

/** `steps` full-batch gradient-descent steps with the vectorised formulas (and the given tanh′ form). */
export function trainShallow(
  params: ShallowParams,
  X: Matrix,
  Y: Matrix,
  learningRate: number,
  steps: number,
  form: TanhDerivativeForm = 'correct',
): ShallowParams {
  let current = params;
  for (let t = 0; t < steps; t++) current = shallowStep(current, shallowBackward(current, X, Y, form), learningRate);
  return current;
}
