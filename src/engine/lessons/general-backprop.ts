/**
 * Helpers for the general backpropagation lesson, on top of network.ts: the batch gradient of
 * document 003 (1.6) with weight decay, finite-difference checks of single parameters, the
 * first-order change tr(Gᵀ dW) of the matrix-calculus route, the rows-of-samples gradients of
 * document 004, and the symmetry experiment (equal initial weights keep hidden units identical).
 */
import { activationDerivative } from '../core/activations';
import { fromColumns, matmul, maxAbsDifference, transpose, type Matrix } from '../core/matrix';
import { backward, batchLoss, cloneParams, forward, initParams, type NetworkParams, type NetworkSpec, type TrainOptions } from '../core/network';
import { NetworkTrainer } from '../core/trainer';
import { createRng, uniform } from '../core/random';
import { roundTo } from '../core/format';

export type ParameterRef = { kind: 'weight'; layer: number; row: number; col: number } | { kind: 'bias'; layer: number; row: number };

export interface BatchGradients {
  /** ∂J/∂W^l = (1/m) Σ_i δ^{l,i} (a^{l−1,i})ᵀ + λ W^l */
  weights: number[][][];
  /** ∂J/∂b^l = (1/m) Σ_i δ^{l,i} (no λ term: weight decay leaves the biases alone) */
  biases: number[][];
}

function copyParams(params: NetworkParams): NetworkParams {
  return {
    weights: params.weights.map((layer) => layer.map((row) => [...row])),
    biases: params.biases.map((layer) => [...layer]),
  };
}

/** Document 003 (1.6): the mean of the per-sample backprop gradients, plus λW for the weights. */
export function batchGradients(
  spec: NetworkSpec,
  params: NetworkParams,
  inputs: readonly (readonly number[])[],
  targets: readonly (readonly number[])[],
  weightDecay = 0,
): BatchGradients {
  const m = inputs.length;
  const weights = params.weights.map((layer) => layer.map((row) => row.map(() => 0)));
  const biases = params.biases.map((layer) => layer.map(() => 0));
  inputs.forEach((x, i) => {
    const g = backward(spec, params, forward(spec, params, x), targets[i]);
    g.weights.forEach((layer, l) => layer.forEach((row, j) => row.forEach((v, k) => (weights[l][j][k] += v / m))));
    g.biases.forEach((layer, l) => layer.forEach((v, j) => (biases[l][j] += v / m)));
  });
  params.weights.forEach((layer, l) => layer.forEach((row, j) => row.forEach((w, k) => (weights[l][j][k] += weightDecay * w))));
  return { weights, biases };
}

/** The value of one parameter. */
export function parameterValue(params: NetworkParams, ref: ParameterRef): number {
  return ref.kind === 'weight' ? params.weights[ref.layer][ref.row][ref.col] : params.biases[ref.layer][ref.row];
}

/** The parameters with one entry set to `value`. */
export function withParameter(params: NetworkParams, ref: ParameterRef, value: number): NetworkParams {
  const copy = copyParams(params);
  if (ref.kind === 'weight') copy.weights[ref.layer][ref.row][ref.col] = value;
  else copy.biases[ref.layer][ref.row] = value;
  return copy;
}

/** The entry of a BatchGradients for one parameter. */
export function gradientAt(gradients: BatchGradients, ref: ParameterRef): number {
  return ref.kind === 'weight' ? gradients.weights[ref.layer][ref.row][ref.col] : gradients.biases[ref.layer][ref.row];
}

/** Central difference [J(θ+h) − J(θ−h)] / 2h of the batch cost J (mean loss + (λ/2)ΣW²). */
export function finiteDifference(
  spec: NetworkSpec,
  params: NetworkParams,
  inputs: readonly (readonly number[])[],
  targets: readonly (readonly number[])[],
  ref: ParameterRef,
  weightDecay = 0,
  h = 1e-6,
): number {
  const value = parameterValue(params, ref);
  const cost = (v: number) => batchLoss(spec, withParameter(params, ref, v), inputs, targets, weightDecay);
  return (cost(value + h) - cost(value - h)) / (2 * h);
}

/**
 * The rate of change of the batch cost when the weight matrix of layer l moves along D, by a
 * central difference: [J(W^l + εD) − J(W^l − εD)] / 2ε. The matrix-calculus route predicts
 * tr((∂J/∂W^l)ᵀ D).
 */
export function directionalDerivative(
  spec: NetworkSpec,
  params: NetworkParams,
  inputs: readonly (readonly number[])[],
  targets: readonly (readonly number[])[],
  layer: number,
  direction: readonly (readonly number[])[],
  weightDecay = 0,
  epsilon = 1e-6,
): number {
  const moved = (sign: number) => {
    const copy = copyParams(params);
    copy.weights[layer] = copy.weights[layer].map((row, j) => row.map((w, k) => w + sign * epsilon * direction[j][k]));
    return batchLoss(spec, copy, inputs, targets, weightDecay);
  };
  return (moved(1) - moved(-1)) / (2 * epsilon);
}

/** A seeded direction with the shape of `like`, entries uniform in [−1, 1] rounded to one decimal. */
export function randomDirection(like: readonly (readonly number[])[], seed: number): Matrix {
  const rng = createRng(seed);
  return like.map((row) => row.map(() => roundTo(uniform(rng, -1, 1), 1)));
}

export interface RowFormGradients {
  /** Δz^{[l+1]} as 1×n rows: the transposes of the column-form δ^{l+1}. */
  dz: Matrix[];
  /** Δθ^{[l]} = a^{[l]T} Δz^{[l+1]}, shape (n^{[l]}, n^{[l+1]}): the transpose of ∂J/∂W^{l+1}. */
  dTheta: Matrix[];
  /** Δa^{[l]} = Δz^{[l+1]} θ^{[l]T}, shape (1, n^{[l]}). */
  da: Matrix[];
}

/**
 * One sample in document 004's layout: the sample is a row x (1, n), θ^{[l]} = (W^{l+1})ᵀ is
 * (n^{[l]}, n^{[l+1]}) and z^{[l+1]} = a^{[l]} θ^{[l]} + b. The gradients use the corrected products
 * (erratum 004-row-gradient-transposes); the hidden Δz multiplies Δa by f′(z) elementwise, so
 * softmax (which has no elementwise f′) is refused for hidden layers.
 */
export function rowFormGradients(spec: NetworkSpec, params: NetworkParams, input: readonly number[], target: readonly number[]): RowFormGradients {
  const result = forward(spec, params, input);
  const { deltas } = backward(spec, params, result, target);
  const theta = params.weights.map((w) => transpose(w));
  const count = spec.layers.length;
  const rowsA = [[...input], ...result.layers.map((layer) => layer.a)].map((a) => [a]);
  const dz: Matrix[] = new Array(count);
  const dTheta: Matrix[] = new Array(count);
  const da: Matrix[] = new Array(count);
  dz[count - 1] = [deltas[count - 1]];
  for (let l = count - 1; l >= 0; l--) {
    dTheta[l] = matmul(transpose(rowsA[l]), dz[l]);
    da[l] = matmul(dz[l], transpose(theta[l]));
    if (l > 0) {
      const slope = activationDerivative(spec.layers[l - 1].activation, result.layers[l - 1].z);
      dz[l - 1] = [da[l][0].map((g, k) => g * slope[k])];
    }
  }
  return { dz, dTheta, da };
}

/** Parameters with every weight of layer l equal to values[l] and every bias 0 (a symmetric start). */
export function constantParams(spec: NetworkSpec, values: readonly number[]): NetworkParams {
  let fanIn = spec.inputSize;
  const weights: number[][][] = [];
  const biases: number[][] = [];
  spec.layers.forEach((layer, l) => {
    weights.push(Array.from({ length: layer.size }, () => new Array(fanIn).fill(values[l])));
    biases.push(new Array(layer.size).fill(0));
    fanIn = layer.size;
  });
  return { weights, biases };
}

/** `steps` calls of trainStep on the same batch, on one trainer and one copy of the parameters. */
export function trainSteps(
  spec: NetworkSpec,
  params: NetworkParams,
  inputs: readonly (readonly number[])[],
  targets: readonly (readonly number[])[],
  options: TrainOptions,
  steps: number,
): NetworkParams {
  const current = cloneParams(params);
  const trainer = new NetworkTrainer(spec);
  for (let t = 0; t < steps; t++) trainer.step(current, inputs, targets, options);
  return current;
}

/**
 * How far apart the hidden units of layer l are: the largest difference between any unit's incoming
 * weights (a row of W^l) and unit 0's, together with its outgoing weights (a column of W^{l+1}) and
 * its bias. Zero means every unit of the layer computes the same function.
 */
export function hiddenUnitSpread(params: NetworkParams, layer: number): number {
  const incoming = params.weights[layer];
  const rowGap = maxAbsDifference(incoming, incoming.map(() => incoming[0]));
  const biasGap = Math.max(...params.biases[layer].map((b) => Math.abs(b - params.biases[layer][0])));
  const next = params.weights[layer + 1];
  const colGap = next ? maxAbsDifference(next, next.map((row) => row.map(() => row[0]))) : 0;
  return Math.max(rowGap, biasGap, colGap);
}

export interface GeneralDemo {
  spec: NetworkSpec;
  /** Seed 2024, weights N(0, 0.5²), biases 0. */
  params: NetworkParams;
  /** Four samples (columns of X in the lesson), inputs in [−1, 1], targets in [0.1, 0.9], two decimals. */
  inputs: number[][];
  targets: number[][];
  /** λ for the gradient checks. */
  weightDecay: number;
  learningRate: number;
  /** The symmetry experiment: every weight of layer l starts at symmetricStart[l]; trained without decay. */
  symmetricStart: number[];
  symmetryOptions: TrainOptions;
  symmetrySteps: number;
}

/** The lesson's 3-4-2 sigmoid network with the half-squared-error cost of document 003 (1.3). */
export function generalDemo(): GeneralDemo {
  const spec: NetworkSpec = {
    inputSize: 3,
    layers: [
      { size: 4, activation: { name: 'sigmoid' } },
      { size: 2, activation: { name: 'sigmoid' } },
    ],
    loss: 'halfSumSquares',
  };
  const params = initParams(spec, createRng(2024), { distribution: 'normal', scale: 0.5 });
  const dataRng = createRng(5);
  const inputs = Array.from({ length: 4 }, () => Array.from({ length: 3 }, () => roundTo(uniform(dataRng, -1, 1), 2)));
  const targets = Array.from({ length: 4 }, () => Array.from({ length: 2 }, () => roundTo(uniform(dataRng, 0.1, 0.9), 2)));
  return {
    spec,
    params,
    inputs,
    targets,
    weightDecay: 0.01,
    learningRate: 0.5,
    symmetricStart: [0.5, 0.5],
    symmetryOptions: { learningRate: 2 },
    symmetrySteps: 5000,
  };
}

/** The inputs of a batch as the columns of X (n_x, m). */
export function inputMatrix(inputs: readonly (readonly number[])[]): Matrix {
  return fromColumns(inputs);
}
