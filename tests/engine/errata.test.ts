/**
 * Every erratum in src/content/errata/errata.yaml has a check here that recomputes its correct
 * value or formula with the engine. A check fails if `correct` is wrong (numbers are compared to
 * their printed precision) or if the printed value would in fact have been right.
 */
import { existsSync, readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { SCALAR_ACTIVATIONS, sigmoid } from '../../src/engine/core/activations';
import { DOCUMENT_PARAMS, replay } from '../../src/engine/models/backprop222';
import { buildPreset, reverseModeGradient } from '../../src/engine/models/computation-graph';
import { decimalsOf } from '../../src/engine/core/format';
import { DOCUMENT_PRESETS, DOCUMENT_PERCEPTRON, DOCUMENT_XNOR, CORRECTED_PRESETS, checkPreset, evaluateXnor, perceptronTable } from '../../src/engine/models/logic-gates';
import { productShape } from '../../src/engine/models/layer-shapes';
import { LOSSES } from '../../src/engine/core/losses';
import { backward, forward, initParams, type NetworkSpec } from '../../src/engine/core/network';
import { createRng, uniform } from '../../src/engine/core/random';
import { softmaxCrossEntropy, DOCUMENT_002_PRESET } from '../../src/engine/models/softmax-cross-entropy';
import { erratumSchema, type Erratum } from '../../src/content/schemas';
import { centralDifference, relativeError } from './gradient-check';

const ALL_ERRATA: Erratum[] = (load(readFileSync('src/content/errata/errata.yaml', 'utf8')) as unknown[]).map((entry) =>
  erratumSchema.parse(entry),
);
const THIS_FILE = 'tests/engine/errata.test.ts';
/** `test` is written "file › test name"; the errata checked in this file are those whose `test` names it. */
const testFileOf = (erratum: Erratum) => erratum.test.split(' › ')[0];
const ERRATA = ALL_ERRATA.filter((erratum) => testFileOf(erratum) === THIS_FILE);

/** The engine's value agrees with `printed` to the number of decimals `printed` shows. */
function agreesWith(value: number, printed: string): boolean {
  return Math.abs(value - Number(printed)) <= 0.5 * 10 ** -decimalsOf(printed) + 1e-15;
}
const numbersIn = (text: string) => [...text.matchAll(/-?\d+\.\d+/g)].map((m) => m[0]);
const stepValue = (key: string, order: 'textbook' | 'published' = 'textbook') =>
  replay(DOCUMENT_PARAMS, { order }).steps.find((s) => s.key === key)!.value;
const ok = <R>(result: R) => {
  if (typeof result === 'object' && result !== null && ('error' in result || 'errors' in result)) throw new Error(JSON.stringify(result));
  return result as Exclude<R, { error: unknown } | { errors: unknown }>;
};
const SAMPLE_Z = Array.from({ length: 41 }, (_, i) => -4 + i * 0.2);
const maxGap = (f: (z: number) => number, g: (z: number) => number) => Math.max(...SAMPLE_Z.map((z) => Math.abs(f(z) - g(z))));

/** One check per erratum id. */
const CHECKS: Record<string, (erratum: Erratum) => void> = {
  '003-out-o1-misprint': ({ printed, correct }) => {
    expect(agreesWith(stepValue('out_o1'), correct)).toBe(true);
    expect(agreesWith(stepValue('out_o1'), printed)).toBe(false);
  },
  '003-de-o2-dout-h1-rounding': ({ printed, correct }) => {
    expect(agreesWith(stepValue('dE_o2/dout_h1'), correct)).toBe(true);
    expect(agreesWith(stepValue('dE_o2/dout_h1'), printed)).toBe(false);
    expect(agreesWith(Number(stepValue('delta_o2').toFixed(9)) * DOCUMENT_PARAMS.w7, printed)).toBe(true);
  },
  '003-error-after-one-round': ({ printed, correct }) => {
    expect(agreesWith(stepValue('E_total_after_1'), correct)).toBe(true);
    expect(agreesWith(stepValue('E_total_after_1', 'published'), printed)).toBe(true);
    expect(agreesWith(stepValue('E_total_after_1'), printed)).toBe(false);
  },
  '003-error-after-10000-rounds': ({ printed, correct }) => {
    const keys = ['E_total_after_N', 'out_o1_after_N', 'out_o2_after_N'];
    numbersIn(correct).forEach((number, i) => expect(agreesWith(stepValue(keys[i]), number), keys[i]).toBe(true));
    numbersIn(printed).forEach((number, i) => {
      expect(agreesWith(stepValue(keys[i], 'published'), number)).toBe(true);
      expect(agreesWith(stepValue(keys[i]), number)).toBe(false);
    });
  },
  '003-delta-recursion-matrix-index': () => {
    // A 3-4-2 network in document 003's indexing: W^(1) is 4×3 (layer 1 → 2), W^(2) is 2×4 (layer 2 → 3).
    const w2 = { rows: 2, cols: 4 };
    const delta3 = { rows: 2, cols: 1 };
    const w3 = { rows: 3, cols: 2 };
    expect(productShape({ rows: w2.cols, cols: w2.rows }, delta3)).toEqual({ rows: 4, cols: 1 });
    expect(productShape({ rows: w3.cols, cols: w3.rows }, delta3)).toBeNull();
  },
  '003-output-delta-derivation-sign': () => {
    const spec: NetworkSpec = { inputSize: 2, layers: [{ size: 2, activation: { name: 'sigmoid' } }], loss: 'halfSumSquares' };
    const params = initParams(spec, createRng(21), { scale: 1 });
    const result = forward(spec, params, [0.6, -0.3]);
    const y = [0.1, 0.9];
    const delta = backward(spec, params, result, y).deltas[0];
    result.output.forEach((a, j) => {
      const boxed = (y[j] - a) * a * (1 - a);
      expect(boxed).toBeCloseTo(-delta[j], 14);
      expect(Math.abs(boxed - delta[j])).toBeGreaterThan(1e-3);
    });
  },
  '003-sigmoid-decay-factor': () => {
    const slope = (z: number) => SCALAR_ACTIVATIONS.sigmoid.df(z, sigmoid(z), 0);
    expect(slope(0)).toBe(0.25);
    expect(slope(1)).toBeCloseTo(0.196612, 6);
    expect(Math.max(...SAMPLE_Z.map(slope))).toBeLessThanOrEqual(0.25);
  },
  '003-leaky-relu-slope-sign': () => {
    const leaky = SCALAR_ACTIVATIONS.leakyRelu;
    expect(centralDifference((z) => leaky.f(z, 0.01), -2)).toBeCloseTo(0.01, 9);
  },
  '002-dj-dc': ({ printed, correct }) => {
    const graph = ok(buildPreset('J=3(a+bc)')).graph;
    const gradient = reverseModeGradient(graph);
    expect(gradient.c).toBe(Number(/= (\d+)/.exec(correct)![1]));
    expect(gradient.c).not.toBe(Number(/= (\d+)/.exec(printed)![1]));
    expect(gradient.c).toBeCloseTo(centralDifference((c) => 3 * (7 + 4 * c), 2), 6);
  },
  '002-dj-dw2-chain': () => {
    const graph = ok(buildPreset('logistic-regression')).graph;
    const gradient = reverseModeGradient(graph);
    const x = (id: string) => graph.nodes.find((node) => node.id === id)!.value;
    const dz = x('a') - x('y');
    expect(gradient.w2).toBeCloseTo(dz * x('x2'), 12);
    expect(gradient.w2).not.toBeCloseTo(dz * x('x1'), 6);
  },
  '002-cross-entropy-sign': ({ correct }) => {
    const result = ok(softmaxCrossEntropy(DOCUMENT_002_PRESET.logits, DOCUMENT_002_PRESET.targetIndex));
    expect(agreesWith(result.loss, numbersIn(correct).at(-1)!)).toBe(true);
    expect(result.loss).toBeGreaterThan(0);
  },
  '002-tanh-derivative-shallow': () => {
    const derivative = (z: number) => centralDifference(Math.tanh, z);
    expect(maxGap((z) => 1 - Math.tanh(z) ** 2, derivative)).toBeLessThan(1e-8);
    expect(maxGap((z) => (1 - Math.tanh(z)) ** 2, derivative)).toBeGreaterThan(0.3);
  },
  '002-tanh-derivative-table': () => {
    expect(maxGap((z) => 1 - Math.tanh(z) ** 2, (z) => centralDifference(Math.tanh, z))).toBeLessThan(1e-8);
  },
  '000-tanh-exponential-form': () => {
    expect(maxGap(Math.tanh, (z) => (1 - Math.exp(-2 * z)) / (1 + Math.exp(-2 * z)))).toBeLessThan(1e-12);
    expect(maxGap(Math.tanh, (z) => 2 * sigmoid(2 * z) - 1)).toBeLessThan(1e-12);
    expect(maxGap((z) => Math.tanh(z / 2), (z) => (1 - Math.exp(-z)) / (1 + Math.exp(-z)))).toBeLessThan(1e-12);
    expect((1 - Math.exp(-1)) / (1 + Math.exp(-1))).toBeCloseTo(0.462117, 6);
  },
  '000-log-loss-monotonic': () => {
    const loss = (h: number) => LOSSES.binaryCrossEntropy.value([h], [0]);
    const hs = Array.from({ length: 99 }, (_, i) => (i + 1) / 100);
    hs.slice(1).forEach((h, i) => expect(loss(h)).toBeGreaterThan(loss(hs[i])));
  },
  '000-mse-gradient-missing-1-over-m': () => {
    const rng = createRng(4);
    const xs = Array.from({ length: 6 }, () => uniform(rng, -2, 2));
    const ys = xs.map((x) => 3 * x - 1 + uniform(rng, -0.5, 0.5));
    const m = xs.length;
    const cost = (theta1: number) => xs.reduce((s, x, i) => s + (theta1 * x + 0.5 - ys[i]) ** 2, 0) / (2 * m);
    const theta1 = 1.2;
    const printed = xs.reduce((s, x, i) => s + (theta1 * x + 0.5 - ys[i]) * x, 0);
    const numeric = centralDifference(cost, theta1);
    expect(relativeError(printed / m, numeric)).toBeLessThan(1e-7);
    expect(relativeError(printed, numeric)).toBeGreaterThan(0.5);
  },
  '000-nor-preset': () => {
    const nor = (presets: typeof DOCUMENT_PRESETS) => ok(checkPreset(presets.find((p) => p.id === 'nor')!));
    expect(nor(DOCUMENT_PRESETS).matches).toBe(false);
    expect(nor(CORRECTED_PRESETS).matches).toBe(true);
    expect(CORRECTED_PRESETS.find((p) => p.id === 'nor')!.theta).toEqual([1, -2, -2]);
  },
  '000-xnor-network': () => {
    const evaluation = ok(evaluateXnor(DOCUMENT_XNOR));
    expect(evaluation.matchesContinuous).toBe(false);
    evaluation.rows.forEach((row) => expect(row.continuous.output).toBeCloseTo(sigmoid(1), 12));
  },
  '000-second-layer-input': () => {
    // Document 000's first table: a^[1] is (4,1), W^[2] is (4,1), so W^[2]T a^[1] is (1,1) = z^[2].
    expect(productShape({ rows: 1, cols: 4 }, { rows: 4, cols: 1 })).toEqual({ rows: 1, cols: 1 });
    expect(productShape({ rows: 1, cols: 4 }, { rows: 1, cols: 1 })).toBeNull();
  },
  '000-vectorised-layer-input': () => {
    const m = 5;
    expect(productShape({ rows: m, cols: 3 }, { rows: 3, cols: 4 })).toEqual({ rows: m, cols: 4 });
    expect(productShape({ rows: m, cols: 4 }, { rows: 3, cols: 4 })).toBeNull();
  },
  '001-xor-perceptron-computes-xnor': () => {
    const table = ok(perceptronTable(DOCUMENT_PERCEPTRON));
    expect(table.computes.id).toBe('xnor');
    table.rows.forEach((row) => expect(row.yO).toBe(row.x1 === row.x2 ? 1 : 0));
  },
  '001-weight-index': () => {
    // a_j = σ(Σ_k w_jk a_k + b_j): the row index of W is the receiving neuron.
    const spec: NetworkSpec = { inputSize: 3, layers: [{ size: 2, activation: { name: 'linear' } }], loss: 'mse' };
    const params = { weights: [[[1, 2, 3], [4, 5, 6]]], biases: [[0, 0]] };
    expect(forward(spec, params, [1, 0, 0]).output).toEqual([1, 4]);
  },
  '001-matlab-cross-entropy-loss': () => {
    const rng = createRng(12);
    const spec: NetworkSpec = { inputSize: 2, layers: [{ size: 3, activation: { name: 'sigmoid' } }], loss: 'crossEntropy' };
    const params = initParams(spec, rng, { scale: 1 });
    const target = [0, 1, 0];
    const result = forward(spec, params, [0.4, -0.7]);
    const delta = backward(spec, params, result, target).deltas[0];
    result.output.forEach((a, k) => {
      expect(delta[k]).toBeCloseTo(-target[k] * (1 - a), 12);
      if (target[k] === 0) expect(Math.abs(delta[k] - (a - target[k]))).toBeGreaterThan(1e-3);
    });
  },
  '000-cross-entropy-likelihood-factor': () => {
    const h = [0.2, 0.7, 0.1];
    const y = [0, 1, 0];
    const likelihood = h.reduce((product, hk, k) => product * hk ** y[k], 1);
    expect(likelihood).toBeCloseTo(0.7, 15);
    expect(-Math.log(likelihood)).toBeCloseTo(LOSSES.crossEntropy.value(h, y), 12);
    const printedRule = h.reduce((product, hk, k) => product * (y[k] === 1 ? hk : 0), 1);
    expect(printedRule).toBe(0);
  },
  '003-neuron-missing-bias': () => {
    const spec: NetworkSpec = { inputSize: 3, layers: [{ size: 1, activation: { name: 'sigmoid' } }], loss: 'mse' };
    const x = [0.5, -1, 2];
    const weights = [[[0.3, 0.1, -0.2]]];
    const withBias = forward(spec, { weights, biases: [[0.4]] }, x).output[0];
    const withoutBias = forward(spec, { weights, biases: [[0]] }, x).output[0];
    const z = 0.3 * 0.5 + 0.1 * -1 - 0.2 * 2;
    expect(withBias).toBeCloseTo(sigmoid(z + 0.4), 15);
    expect(Math.abs(withBias - withoutBias)).toBeGreaterThan(0.05);
  },
  '004-a0-shape': () => {
    // x (1,3) · θ^[0] (3,4) = a^[1] (1,4).
    expect(productShape({ rows: 1, cols: 3 }, { rows: 3, cols: 4 })).toEqual({ rows: 1, cols: 4 });
  },
  '004-row-gradient-transposes': () => {
    const a1 = { rows: 1, cols: 4 };
    const dz2 = { rows: 1, cols: 1 };
    const theta1 = { rows: 4, cols: 1 };
    expect(productShape({ rows: a1.cols, cols: a1.rows }, dz2)).toEqual(theta1);
    expect(productShape(dz2, a1)).toEqual({ rows: 1, cols: 4 });
    expect(productShape({ rows: 1, cols: 4 }, { rows: 1, cols: 3 })).toBeNull();
    expect(productShape({ rows: 3, cols: 1 }, { rows: 1, cols: 4 })).toEqual({ rows: 3, cols: 4 });
  },
  '004-last-hidden-layer-gradient': () => {
    const spec: NetworkSpec = {
      inputSize: 3,
      layers: [{ size: 4, activation: { name: 'sigmoid' } }, { size: 2, activation: { name: 'sigmoid' } }],
      loss: 'halfSumSquares',
    };
    const params = initParams(spec, createRng(8), { scale: 1 });
    const result = forward(spec, params, [0.2, -0.4, 0.9]);
    const target = [0.3, 0.8];
    const { deltas } = backward(spec, params, result, target);
    const a = result.layers[0].a;
    deltas[0].forEach((d, k) => {
      const back = params.weights[1].reduce((s, row, j) => s + row[k] * deltas[1][j], 0);
      expect(d).toBeCloseTo(back * a[k] * (1 - a[k]), 14);
    });
  },
};

describe('errata', () => {
  it('the list is not empty and ids are unique', () => {
    expect(ERRATA.length).toBeGreaterThan(20);
    expect(new Set(ALL_ERRATA.map((e) => e.id)).size).toBe(ALL_ERRATA.length);
  });

  it.each(ALL_ERRATA.map((e) => [e.id, e] as const))('%s names an existing test file that checks it', (id, erratum) => {
    const [file, name, ...rest] = erratum.test.split(' › ');
    expect(rest).toEqual([]);
    expect(name).toBe(id);
    expect(existsSync(file), file).toBe(true);
    expect(readFileSync(file, 'utf8')).toContain(`'${id}'`);
  });

  it.each(ERRATA.map((e) => [e.id, e] as const))('%s', (id, erratum) => {
    const check = CHECKS[id];
    expect(check, `no check for erratum ${id}`).toBeDefined();
    check(erratum);
  });

  it('every check belongs to an erratum', () => {
    expect(Object.keys(CHECKS).sort()).toEqual(ERRATA.map((e) => e.id).sort());
  });
});
