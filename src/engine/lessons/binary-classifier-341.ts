/**
 * Lesson calculator for backprop/binary-classifier-341: document 004's binary classifier with 3
 * inputs, 4 sigmoid hidden units and 1 sigmoid output, trained on the log loss, in the document's
 * row-vector layout (one sample is a row):
 *
 *   z^[1] = a^[0] θ^[0] + b^[0],  a^[1] = σ(z^[1]),  z^[2] = a^[1] θ^[1] + b^[1],  a^[2] = σ(z^[2])
 *   L = −y ln a^[2] − (1 − y) ln(1 − a^[2])
 *
 * with x = a^[0] (1,3), θ^[0] (3,4), b^[0] (1,4), θ^[1] (4,1), b^[1] (1,1). The document gives no
 * numbers, so EXAMPLE_341 is the site's own choice. The backward pass uses the products in the
 * shapes that match the parameters (erratum 004-row-gradient-transposes):
 *
 *   Δz^[2] = a^[2] − y,  Δθ^[1] = a^[1]ᵀ Δz^[2],  Δb^[1] = Δz^[2],  Δa^[1] = Δz^[2] θ^[1]ᵀ,
 *   Δz^[1] = Δa^[1] ⊙ a^[1](1 − a^[1]),  Δθ^[0] = a^[0]ᵀ Δz^[1],  Δb^[0] = Δz^[1].
 *
 * Pure functions on plain arrays; nothing here touches the DOM.
 */
import { sigmoid } from '../core/activations';
import { matmul, shapeOf, transpose, type Matrix } from '../core/matrix';
import { EXAMPLE_341, type Example341, type Params341 } from '../models/example-341';

export { EXAMPLE_341, type Example341, type Params341 };

export interface Forward341 {
  a0: Matrix;
  z1: Matrix;
  a1: Matrix;
  z2: Matrix;
  a2: Matrix;
  loss: number;
}

export interface Gradients341 {
  /** ∂L/∂a^[2] = −y/a + (1−y)/(1−a), (1,1). */
  da2: Matrix;
  /** ∂a^[2]/∂z^[2] = a^[2](1 − a^[2]), (1,1). */
  sigmoidSlope2: Matrix;
  /** Δz^[2] = a^[2] − y, (1,1). */
  dz2: Matrix;
  /** Δθ^[1] = a^[1]ᵀ Δz^[2], (4,1). */
  dTheta1: Matrix;
  /** Δb^[1] = Δz^[2], (1,1). */
  db1: Matrix;
  /** Δa^[1] = Δz^[2] θ^[1]ᵀ, (1,4). */
  da1: Matrix;
  /** a^[1](1 − a^[1]), (1,4). */
  sigmoidSlope1: Matrix;
  /** Δz^[1] = Δa^[1] ⊙ a^[1](1 − a^[1]), (1,4). */
  dz1: Matrix;
  /** Δθ^[0] = a^[0]ᵀ Δz^[1], (3,4). */
  dTheta0: Matrix;
  /** Δb^[0] = Δz^[1], (1,4). */
  db0: Matrix;
}

const addRow = (a: Matrix, b: Matrix): Matrix => a.map((row, i) => row.map((v, j) => v + b[i][j]));
const mapM = (a: Matrix, f: (v: number, i: number, j: number) => number): Matrix => a.map((row, i) => row.map((v, j) => f(v, i, j)));

/** Log loss −y ln a − (1−y) ln(1−a) written with log1p-free terms (a stays well inside (0,1) here). */
export function logLoss(a: number, y: number): number {
  return -y * Math.log(a) - (1 - y) * Math.log(1 - a);
}

/** L as a function of z^[2] alone (the part of the network above z^[2]). */
export function lossFromZ2(z2: number, y: number): number {
  return logLoss(sigmoid(z2), y);
}

/** L as a function of a^[1] alone, the output layer held fixed. */
export function lossFromA1(a1: Matrix, params: Params341, y: number): number {
  return lossFromZ2(addRow(matmul(a1, params.theta1), params.b1)[0][0], y);
}

/** L as a function of z^[1] alone. */
export function lossFromZ1(z1: Matrix, params: Params341, y: number): number {
  return lossFromA1(mapM(z1, sigmoid), params, y);
}

/** The forward pass of document 004 for one row x. */
export function forward341(params: Params341, x: Matrix, y: number): Forward341 {
  const z1 = addRow(matmul(x, params.theta0), params.b0);
  const a1 = mapM(z1, sigmoid);
  const z2 = addRow(matmul(a1, params.theta1), params.b1);
  const a2 = mapM(z2, sigmoid);
  return { a0: x.map((row) => [...row]), z1, a1, z2, a2, loss: logLoss(a2[0][0], y) };
}

/** L(params) for one sample: the function the gradients differentiate. */
export function loss341(params: Params341, x: Matrix, y: number): number {
  return forward341(params, x, y).loss;
}

/** Every gradient of document 004's derivation, in the shapes of the quantities they belong to. */
export function backward341(params: Params341, f: Forward341, y: number): Gradients341 {
  const a = f.a2[0][0];
  const da2 = [[-y / a + (1 - y) / (1 - a)]];
  const sigmoidSlope2 = [[a * (1 - a)]];
  // a − y rather than da2 · a(1−a): the same number, without the cancellation da2 suffers near saturation.
  const dz2 = [[a - y]];
  const dTheta1 = matmul(transpose(f.a1), dz2);
  const db1 = dz2.map((row) => [...row]);
  const da1 = matmul(dz2, transpose(params.theta1));
  const sigmoidSlope1 = mapM(f.a1, (v) => v * (1 - v));
  const dz1 = mapM(da1, (v, i, j) => v * sigmoidSlope1[i][j]);
  const dTheta0 = matmul(transpose(f.a0), dz1);
  const db0 = dz1.map((row) => [...row]);
  return { da2, sigmoidSlope2, dz2, dTheta1, db1, da1, sigmoidSlope1, dz1, dTheta0, db0 };
}

/** One gradient-descent step: every parameter p becomes p − α ∂L/∂p. */
export function update341(params: Params341, g: Gradients341, learningRate: number): Params341 {
  const step = (p: Matrix, d: Matrix) => mapM(p, (v, i, j) => v - learningRate * d[i][j]);
  return {
    theta0: step(params.theta0, g.dTheta0),
    b0: step(params.b0, g.db0),
    theta1: step(params.theta1, g.dTheta1),
    b1: step(params.b1, g.db1),
  };
}

export type ShapeText = `(${number},${number})`;
const shapeText = (m: Matrix): ShapeText => {
  const { rows, cols } = shapeOf(m);
  return `(${rows},${cols})`;
};

export interface Walkthrough341 {
  example: Example341;
  forward: Forward341;
  gradients: Gradients341;
  updated: Params341;
  /** The forward pass again with the updated parameters. */
  after: Forward341;
  /** Shapes of every quantity, as "(rows,cols)", read off the computed matrices. */
  shapes: Record<string, ShapeText>;
}

/** The whole lesson: forward, backward, one update and the forward pass after it. */
export function walkthrough341(example: Example341 = EXAMPLE_341): Walkthrough341 {
  const forward = forward341(example.params, example.x, example.y);
  const gradients = backward341(example.params, forward, example.y);
  const updated = update341(example.params, gradients, example.learningRate);
  const after = forward341(updated, example.x, example.y);
  const { params } = example;
  const shapes: Record<string, ShapeText> = {
    x: shapeText(example.x),
    theta0: shapeText(params.theta0),
    b0: shapeText(params.b0),
    z1: shapeText(forward.z1),
    a1: shapeText(forward.a1),
    theta1: shapeText(params.theta1),
    b1: shapeText(params.b1),
    z2: shapeText(forward.z2),
    a2: shapeText(forward.a2),
    dz2: shapeText(gradients.dz2),
    dTheta1: shapeText(gradients.dTheta1),
    db1: shapeText(gradients.db1),
    da1: shapeText(gradients.da1),
    dz1: shapeText(gradients.dz1),
    dTheta0: shapeText(gradients.dTheta0),
    db0: shapeText(gradients.db0),
  };
  return { example, forward, gradients, updated, after, shapes };
}

/** Number of trainable parameters: 3·4 + 4 + 4·1 + 1. */
export function parameterCount(params: Params341): number {
  return [params.theta0, params.b0, params.theta1, params.b1].reduce((sum, m) => sum + m.length * m[0].length, 0);
}
