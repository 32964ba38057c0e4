/**
 * The 3-4-1 lesson calculator (document 004): every gradient against central finite differences of
 * the loss, the update against w − α ∂L/∂w with ∂L/∂w taken numerically, the shapes of 004's row
 * layout, and agreement with the site's general column-form network.
 */
import { describe, expect, it } from 'vitest';
import {
  EXAMPLE_341,
  backward341,
  forward341,
  loss341,
  lossFromA1,
  lossFromZ1,
  lossFromZ2,
  parameterCount,
  update341,
  walkthrough341,
  type Params341,
} from '../../src/engine/lessons/binary-classifier-341';
import { backward, forward, type NetworkSpec } from '../../src/engine/core/network';
import { transpose, type Matrix } from '../../src/engine/core/matrix';
import { centralDifference } from './gradient-check';

const H = 1e-6;
const TOLERANCE = 1e-8;
const { x, y, params, learningRate } = EXAMPLE_341;
const walk = walkthrough341();
const g = walk.gradients;

type Key = keyof Params341;
const KEYS: Key[] = ['theta0', 'b0', 'theta1', 'b1'];
const GRADIENT_OF: Record<Key, Matrix> = { theta0: g.dTheta0, b0: g.db0, theta1: g.dTheta1, b1: g.db1 };

function withEntry(p: Params341, key: Key, i: number, j: number, value: number): Params341 {
  const copy: Params341 = { theta0: p.theta0.map((r) => [...r]), b0: p.b0.map((r) => [...r]), theta1: p.theta1.map((r) => [...r]), b1: p.b1.map((r) => [...r]) };
  copy[key][i][j] = value;
  return copy;
}

/** ∂L/∂p by central difference, for one entry of one parameter matrix. */
function numericGradient(key: Key, i: number, j: number): number {
  return centralDifference((v) => loss341(withEntry(params, key, i, j, v), x, y), params[key][i][j], H);
}

const entries = (m: Matrix) => m.flatMap((row, i) => row.map((_, j) => [i, j] as const));

describe('forward pass in document 004’s row layout', () => {
  it('has the shapes 004 states: x (1,3), θ[0] (3,4), a[1] (1,4), θ[1] (4,1), ŷ (1,1)', () => {
    expect(walk.shapes).toMatchObject({ x: '(1,3)', theta0: '(3,4)', b0: '(1,4)', z1: '(1,4)', a1: '(1,4)', theta1: '(4,1)', b1: '(1,1)', z2: '(1,1)', a2: '(1,1)' });
  });

  it('gives every gradient the shape of the quantity it belongs to', () => {
    expect(walk.shapes).toMatchObject({ dz2: '(1,1)', dTheta1: '(4,1)', db1: '(1,1)', da1: '(1,4)', dz1: '(1,4)', dTheta0: '(3,4)', db0: '(1,4)' });
  });

  it('computes z[1] = xθ[0] + b[0] entry by entry', () => {
    for (let j = 0; j < 4; j++) {
      const expected = x[0].reduce((s, xi, i) => s + xi * params.theta0[i][j], params.b0[0][j]);
      expect(walk.forward.z1[0][j]).toBeCloseTo(expected, 14);
      expect(walk.forward.a1[0][j]).toBeCloseTo(1 / (1 + Math.exp(-expected)), 14);
    }
  });

  it('counts 21 parameters', () => {
    expect(parameterCount(params)).toBe(21);
  });
});

describe('every gradient against finite differences', () => {
  it('Δz[2] = a[2] − y is ∂L/∂z[2], and equals Δa[2] · a[2](1 − a[2])', () => {
    const numeric = centralDifference((z) => lossFromZ2(z, y), walk.forward.z2[0][0], H);
    expect(Math.abs(g.dz2[0][0] - numeric)).toBeLessThan(TOLERANCE);
    expect(g.dz2[0][0]).toBeCloseTo(g.da2[0][0] * g.sigmoidSlope2[0][0], 14);
    expect(g.dz2[0][0]).toBeCloseTo(walk.forward.a2[0][0] - y, 15);
  });

  it('Δa[2] is ∂L/∂a[2]', () => {
    const numeric = centralDifference((a) => -y * Math.log(a) - (1 - y) * Math.log(1 - a), walk.forward.a2[0][0], H);
    expect(Math.abs(g.da2[0][0] - numeric)).toBeLessThan(1e-7);
  });

  it('Δa[1] = Δz[2] θ[1]ᵀ is ∂L/∂a[1]', () => {
    for (let j = 0; j < 4; j++) {
      const numeric = centralDifference((v) => lossFromA1([walk.forward.a1[0].map((a, k) => (k === j ? v : a))], params, y), walk.forward.a1[0][j], H);
      expect(Math.abs(g.da1[0][j] - numeric)).toBeLessThan(TOLERANCE);
    }
  });

  it('Δz[1] = Δa[1] ⊙ a[1](1 − a[1]) is ∂L/∂z[1]', () => {
    for (let j = 0; j < 4; j++) {
      const numeric = centralDifference((v) => lossFromZ1([walk.forward.z1[0].map((z, k) => (k === j ? v : z))], params, y), walk.forward.z1[0][j], H);
      expect(Math.abs(g.dz1[0][j] - numeric)).toBeLessThan(TOLERANCE);
    }
  });

  it.each(KEYS)('every entry of Δ%s matches the central difference of L', (key) => {
    for (const [i, j] of entries(params[key])) {
      expect(Math.abs(GRADIENT_OF[key][i][j] - numericGradient(key, i, j)), `${key}[${i}][${j}]`).toBeLessThan(TOLERANCE);
    }
  });

  it('also holds for a negative label and other numbers', () => {
    const p: Params341 = { ...params, b1: [[-0.7]] };
    const f = forward341(p, [[1.5, 0.2, -0.4]], 0);
    const gg = backward341(p, f, 0);
    for (const [i, j] of entries(p.theta0)) {
      const numeric = centralDifference((v) => loss341(withEntry(p, 'theta0', i, j, v), [[1.5, 0.2, -0.4]], 0), p.theta0[i][j], H);
      expect(Math.abs(gg.dTheta0[i][j] - numeric)).toBeLessThan(TOLERANCE);
    }
  });
});

describe('the gradient-descent step', () => {
  it.each(KEYS)('%s becomes p − α ∂L/∂p with ∂L/∂p taken numerically', (key) => {
    for (const [i, j] of entries(params[key])) {
      const expected = params[key][i][j] - learningRate * numericGradient(key, i, j);
      expect(Math.abs(walk.updated[key][i][j] - expected), `${key}[${i}][${j}]`).toBeLessThan(1e-8);
    }
  });

  it('lowers the loss and moves ŷ towards y', () => {
    expect(walk.after.loss).toBeLessThan(walk.forward.loss);
    expect(Math.abs(walk.after.a2[0][0] - y)).toBeLessThan(Math.abs(walk.forward.a2[0][0] - y));
  });

  it('does not change its input', () => {
    const before = JSON.stringify(EXAMPLE_341);
    update341(params, g, learningRate);
    walkthrough341();
    expect(JSON.stringify(EXAMPLE_341)).toBe(before);
  });
});

describe('agreement with the general network (column form, W = θᵀ)', () => {
  const spec: NetworkSpec = {
    inputSize: 3,
    layers: [
      { size: 4, activation: { name: 'sigmoid' } },
      { size: 1, activation: { name: 'sigmoid' } },
    ],
    loss: 'binaryCrossEntropy',
  };
  const columnParams = { weights: [transpose(params.theta0), transpose(params.theta1)], biases: [params.b0[0], params.b1[0]] };
  const result = forward(spec, columnParams, x[0]);
  const back = backward(spec, columnParams, result, [y]);

  it('has the same outputs and loss', () => {
    expect(result.output[0]).toBeCloseTo(walk.forward.a2[0][0], 14);
    result.layers[0].a.forEach((a, j) => expect(a).toBeCloseTo(walk.forward.a1[0][j], 14));
  });

  it('has δ = Δzᵀ and ∂L/∂W = Δθᵀ', () => {
    back.deltas[0].forEach((d, j) => expect(d).toBeCloseTo(g.dz1[0][j], 14));
    expect(back.deltas[1][0]).toBeCloseTo(g.dz2[0][0], 14);
    transpose(back.weights[0]).forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(g.dTheta0[i][j], 14)));
    transpose(back.weights[1]).forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(g.dTheta1[i][j], 14)));
  });
});
