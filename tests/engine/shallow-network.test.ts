/**
 * Oracle for the shallow-network lesson (document 002 §7.2.8): the vectorised formulas agree with
 * the general engine sample by sample, with its trainStep gradients and with finite differences;
 * the printed tanh factor (1 − A1)² does not.
 */
import { describe, expect, it } from 'vitest';
import { backward, forward } from '../../src/engine/core/network';
import { column, maxAbsDifference } from '../../src/engine/core/matrix';
import { createRng, uniform } from '../../src/engine/core/random';
import {
  hiddenNeuron,
  initShallowParams,
  networkCost,
  networkGradients,
  shallowBackward,
  shallowCost,
  shallowDemo,
  shallowFiniteDifference,
  shallowForward,
  shallowSpec,
  shallowStep,
  toNetworkParams,
  trainShallow,
  type ShallowParams,
} from '../../src/engine/lessons/shallow-network';
import { formatNumber } from '../../src/engine/core/format';
import { relativeError } from './gradient-check';

/** Random problems of several sizes, plus the lesson's own example. */
function problem(seed: number, nx: number, nh: number, m: number) {
  const rng = createRng(seed);
  const params = initShallowParams(nx, nh, rng, 1);
  params.b1 = params.b1.map(() => uniform(rng, -0.5, 0.5));
  params.b2 = [uniform(rng, -0.5, 0.5)];
  const X = Array.from({ length: nx }, () => Array.from({ length: m }, () => uniform(rng, -2, 2)));
  const Y = [Array.from({ length: m }, () => (rng() < 0.5 ? 0 : 1))];
  return { params, X, Y };
}

const demo = shallowDemo();
const CASES: [string, { params: ShallowParams; X: number[][]; Y: number[][] }][] = [
  ['lesson 2-3-1, 4 samples', demo],
  ['2-3-1, 7 samples', problem(1, 2, 3, 7)],
  ['3-5-1, 4 samples', problem(2, 3, 5, 4)],
  ['4-2-1, 1 sample', problem(3, 4, 2, 1)],
];

describe.each(CASES)('%s', (_name, { params, X, Y }) => {
  const m = X[0].length;
  const spec = shallowSpec(X.length, params.W1.length);
  const net = toNetworkParams(params);
  const fwd = shallowForward(params, X);
  const grads = shallowBackward(params, X, Y);

  it('has the shapes of §7.2.8', () => {
    expect([fwd.Z1.length, fwd.Z1[0].length]).toEqual([params.W1.length, m]);
    expect([fwd.A2.length, fwd.A2[0].length]).toEqual([1, m]);
    expect([grads.dW1.length, grads.dW1[0].length]).toEqual([params.W1.length, X.length]);
    expect([grads.dW2.length, grads.dW2[0].length]).toEqual([1, params.W1.length]);
    expect(grads.db1).toHaveLength(params.W1.length);
  });

  it('column j of the vectorised forward pass is the general engine on sample j', () => {
    for (let j = 0; j < m; j++) {
      const result = forward(spec, net, column(X, j));
      result.layers[0].z.forEach((z, i) => expect(fwd.Z1[i][j]).toBeCloseTo(z, 14));
      result.layers[0].a.forEach((a, i) => expect(fwd.A1[i][j]).toBeCloseTo(a, 14));
      expect(fwd.A2[0][j]).toBeCloseTo(result.output[0], 14);
      // and hidden neuron i alone: z = w_iᵀ x + b_i
      result.layers[0].z.forEach((z, i) => expect(hiddenNeuron(params, i, column(X, j)).z).toBeCloseTo(z, 14));
    }
  });

  it('dZ columns are the general engine deltas', () => {
    for (let j = 0; j < m; j++) {
      const { deltas } = backward(spec, net, forward(spec, net, column(X, j)), column(Y, j));
      expect(grads.dZ2[0][j]).toBeCloseTo(deltas[1][0], 14);
      deltas[0].forEach((d, i) => expect(grads.dZ1[i][j]).toBeCloseTo(d, 14));
    }
  });

  it('the cost and the gradients equal the general engine (trainStep)', () => {
    expect(shallowCost(params, X, Y)).toBeCloseTo(networkCost(params, X, Y), 14);
    const fromNetwork = networkGradients(params, X, Y);
    expect(maxAbsDifference(grads.dW1, fromNetwork.dW1)).toBeLessThan(1e-14);
    expect(maxAbsDifference(grads.dW2, fromNetwork.dW2)).toBeLessThan(1e-14);
    expect(maxAbsDifference([grads.db1], [fromNetwork.db1])).toBeLessThan(1e-14);
    expect(maxAbsDifference([grads.db2], [fromNetwork.db2])).toBeLessThan(1e-14);
  });

  it('every gradient matches a finite difference', () => {
    (['W1', 'W2'] as const).forEach((name) =>
      params[name].forEach((row, r) =>
        row.forEach((_, c) => {
          const numeric = shallowFiniteDifference(params, X, Y, { name, row: r, col: c });
          const analytic = name === 'W1' ? grads.dW1[r][c] : grads.dW2[r][c];
          expect(relativeError(analytic, numeric), `${name}[${r}][${c}]`).toBeLessThan(1e-5);
        }),
      ),
    );
    (['b1', 'b2'] as const).forEach((name) =>
      params[name].forEach((_, r) => {
        const numeric = shallowFiniteDifference(params, X, Y, { name, row: r });
        const analytic = name === 'b1' ? grads.db1[r] : grads.db2[r];
        expect(relativeError(analytic, numeric), `${name}[${r}]`).toBeLessThan(1e-5);
      }),
    );
  });

  it('the printed factor (1 − A1)² gives a different, wrong dW1', () => {
    const printed = shallowBackward(params, X, Y, 'printed');
    expect(printed.dW2).toEqual(grads.dW2);
    expect(maxAbsDifference(printed.dW1, grads.dW1)).toBeGreaterThan(1e-4);
  });
});

describe('the lesson example', () => {
  it('is four samples, labels 1 when x1·x2 > 0, both classes present', () => {
    expect(demo.X).toEqual([
      [0.7, 1, -0.3, -1.7],
      [1.3, -1.8, -0.6, 1.7],
    ]);
    expect(demo.Y).toEqual([[1, 0, 1, 0]]);
    expect(demo.params.b1).toEqual([0, 0, 0]);
  });

  it('a step lowers the cost, and training with the correct formula fits the data', () => {
    const before = shallowCost(demo.params, demo.X, demo.Y);
    const after = shallowCost(shallowStep(demo.params, shallowBackward(demo.params, demo.X, demo.Y), demo.learningRate), demo.X, demo.Y);
    expect(after).toBeLessThan(before);
    const trained = trainShallow(demo.params, demo.X, demo.Y, demo.learningRate, 1000);
    expect(shallowCost(trained, demo.X, demo.Y)).toBeLessThan(0.01);
    shallowForward(trained, demo.X).A2[0].forEach((a, j) => expect(Math.round(a)).toBe(demo.Y[0][j]));
  });

  it('training with the printed factor does not fit it', () => {
    const p = trainShallow(demo.params, demo.X, demo.Y, demo.learningRate, 1000, 'printed');
    expect(shallowCost(p, demo.X, demo.Y)).toBeGreaterThan(0.6);
  });
});

describe('statements the lesson makes about its numbers', () => {
  const g = shallowBackward(demo.params, demo.X, demo.Y);
  const gNet = networkGradients(demo.params, demo.X, demo.Y);

  it('the spot-check table agrees at the nine decimals shown', () => {
    const rows: [number, number, number][] = [
      [g.dW1[0][1], gNet.dW1[0][1], shallowFiniteDifference(demo.params, demo.X, demo.Y, { name: 'W1', row: 0, col: 1 })],
      [g.dW1[2][0], gNet.dW1[2][0], shallowFiniteDifference(demo.params, demo.X, demo.Y, { name: 'W1', row: 2, col: 0 })],
      [g.dW2[0][2], gNet.dW2[0][2], shallowFiniteDifference(demo.params, demo.X, demo.Y, { name: 'W2', row: 0, col: 2 })],
      [g.db1[2], gNet.db1[2], shallowFiniteDifference(demo.params, demo.X, demo.Y, { name: 'b1', row: 2 })],
    ];
    rows.forEach((row) => row.forEach((value) => expect(formatNumber(value)).toBe(formatNumber(row[0]))));
  });

  it('the data are not linearly separable: the segment joining the positives crosses the one joining the negatives', () => {
    const pts = demo.X[0].map((x, j) => [x, demo.X[1][j]]);
    const pos = pts.filter((_, j) => demo.Y[0][j] === 1);
    const neg = pts.filter((_, j) => demo.Y[0][j] === 0);
    const cross = (o: number[], a: number[], b: number[]) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
    expect(Math.sign(cross(pos[0], pos[1], neg[0]))).toBe(-Math.sign(cross(pos[0], pos[1], neg[1])));
    expect(Math.sign(cross(neg[0], neg[1], pos[0]))).toBe(-Math.sign(cross(neg[0], neg[1], pos[1])));
  });

  it('dZ2 alternates in sign with the labels; the initial cost is near ln 2', () => {
    g.dZ2[0].forEach((d, j) => expect(Math.sign(d)).toBe(demo.Y[0][j] === 1 ? -1 : 1));
    expect(Math.abs(shallowCost(demo.params, demo.X, demo.Y) - Math.LN2)).toBeLessThan(0.01);
  });

  it('the printed factor changes every entry of dW1 and flips the sign of dW1[2][1] only', () => {
    const printed = shallowBackward(demo.params, demo.X, demo.Y, 'printed');
    printed.dW1.forEach((row, r) => row.forEach((v, c) => expect(v).not.toBeCloseTo(g.dW1[r][c], 4)));
    const flipped = printed.dW1.flatMap((row, r) => row.map((v, c) => (Math.sign(v) !== Math.sign(g.dW1[r][c]) ? `${r}${c}` : ''))).filter(Boolean);
    expect(flipped).toEqual(['21']);
  });

  it('after 1000 printed steps: the first two hidden units have large weights, W2 shrinks, the cost sits at ln 2', () => {
    const p = trainShallow(demo.params, demo.X, demo.Y, demo.learningRate, 1000, 'printed');
    expect(Math.min(...p.W1.slice(0, 2).flat().map(Math.abs))).toBeGreaterThan(4);
    p.W2.flat().forEach((w) => expect(Math.abs(w)).toBeLessThan(0.01));
    expect(Math.abs(shallowCost(p, demo.X, demo.Y) - Math.LN2)).toBeLessThan(0.001);
    shallowForward(p, demo.X).A2[0].forEach((a) => expect(Math.abs(a - 0.5)).toBeLessThan(0.01));
  });
});
