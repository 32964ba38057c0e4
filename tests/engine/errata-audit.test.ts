/**
 * Engine checks for the errata added by the second line-by-line audit of the five lecture notes
 * (issue #10). Like tests/engine/errata.test.ts, every erratum whose `test` field names this file
 * has exactly one check here; each check recomputes the corrected statement with the engine and
 * shows that the printed one does not hold.
 */
import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { SCALAR_ACTIVATIONS, sigmoid, softmax } from '../../src/engine/core/activations';
import { decimalsOf } from '../../src/engine/core/format';
import { LOSSES } from '../../src/engine/core/losses';
import {
  backward,
  batchLoss,
  forward,
  hiddenDelta,
  initParams,
  trainStep,
  type NetworkParams,
  type NetworkSpec,
} from '../../src/engine/core/network';
import { createRng, uniform } from '../../src/engine/core/random';
import { DOCUMENT_PARAMS, SPEC_222, replay } from '../../src/engine/models/backprop222';
import { productShape } from '../../src/engine/models/layer-shapes';
import { erratumSchema, type Erratum } from '../../src/content/schemas';
import { centralDifference } from './gradient-check';

const THIS_FILE = 'tests/engine/errata-audit.test.ts';
const ERRATA: Erratum[] = (load(readFileSync('src/content/errata/errata.yaml', 'utf8')) as unknown[])
  .map((entry) => erratumSchema.parse(entry))
  .filter((erratum) => erratum.test.split(' › ')[0] === THIS_FILE);

const agreesWith = (value: number, printed: string) =>
  Math.abs(value - Number(printed)) <= 0.5 * 10 ** -decimalsOf(printed) + 1e-15;
const stepValue = (key: string) => replay(DOCUMENT_PARAMS).steps.find((s) => s.key === key)!.value;
const sigmoidSlope = (z: number) => SCALAR_ACTIVATIONS.sigmoid.df(z, sigmoid(z), 0);

const CHECKS: Record<string, (erratum: Erratum) => void> = {
  '000-cross-entropy-output-index': () => {
    // 3 features, 4 classes: k runs over the network's outputs, not over the features.
    const spec: NetworkSpec = {
      inputSize: 3,
      layers: [{ size: 5, activation: { name: 'sigmoid' } }, { size: 4, activation: { name: 'softmax' } }],
      loss: 'crossEntropy',
    };
    const params = initParams(spec, createRng(31), { scale: 1 });
    const xs = [[0.2, -0.5, 0.9], [1.1, 0.3, -0.4]];
    const ys = [[0, 0, 1, 0], [1, 0, 0, 0]];
    const corrected = -xs.reduce((sum, x, i) => {
      const h = forward(spec, params, x).output;
      return sum + ys[i].reduce((s, yk, k) => s + yk * Math.log(h[k]), 0);
    }, 0);
    expect(corrected / xs.length).toBeCloseTo(batchLoss(spec, params, xs, ys), 12);
    // The printed x_k^{(i)} would need a fourth feature for k = 4; a sample has only three.
    expect(ys[0].length).toBe(4);
    expect(xs[0][3]).toBeUndefined();
  },

  '000-relu-hidden-units': () => {
    const rng = createRng(17);
    const samples = Array.from({ length: 60 }, () => [uniform(rng, -1, 1), uniform(rng, -1, 1)]);
    const reluLayer = (size: number): NetworkSpec => ({ inputSize: 2, layers: [{ size, activation: { name: 'relu' } }], loss: 'mse' });
    const initWithBias = (spec: NetworkSpec) => {
      const params = initParams(spec, rng, { scale: 1 });
      return { ...params, biases: params.biases.map((layer) => layer.map(() => uniform(rng, -0.5, 0.5))) };
    };
    // Wide: every sample keeps some active units.
    const wide = reluLayer(64);
    const wideParams = initWithBias(wide);
    const activeCounts = samples.map((x) => forward(wide, wideParams, x).layers[0].z.filter((z) => z > 0).length);
    expect(Math.min(...activeCounts)).toBeGreaterThan(8);
    // Deep but one unit wide: a sample the first unit rejects gets no gradient in any hidden weight.
    const deep: NetworkSpec = {
      inputSize: 2,
      layers: [...Array.from({ length: 6 }, () => ({ size: 1, activation: { name: 'relu' as const } })), { size: 1, activation: { name: 'linear' } }],
      loss: 'halfSumSquares',
    };
    const deepParams = initParams(deep, createRng(3), { scale: 1 });
    const rejected = samples.filter((x) => forward(deep, deepParams, x).layers[0].z[0] < 0);
    expect(rejected.length).toBeGreaterThan(5);
    for (const x of rejected) {
      const gradients = backward(deep, deepParams, forward(deep, deepParams, x), [1]);
      expect(gradients.weights.slice(0, 6).flat(2).every((g) => g === 0)).toBe(true);
    }
  },

  '001-one-hot-index': () => {
    const a = softmax([0.3, 1.2, -0.4, 0.8]);
    const i = 1;
    const corrected = a.map((_, j) => (j === i ? 1 : 0));
    expect(LOSSES.crossEntropy.value(a, corrected)).toBeCloseTo(-Math.log(a[i]), 12);
    // Taken literally, "y_i = 0" for the true class leaves no term at all.
    const literal = a.map(() => 0);
    expect(Math.abs(LOSSES.crossEntropy.value(a, literal))).toBe(0);
  },

  '001-sigma-prime-transcription': () => {
    const spec: NetworkSpec = {
      inputSize: 3,
      layers: [{ size: 4, activation: { name: 'sigmoid' } }, { size: 2, activation: { name: 'sigmoid' } }],
      loss: 'halfSumSquares',
    };
    const params = initParams(spec, createRng(44), { scale: 1 });
    const result = forward(spec, params, [0.7, -0.2, 0.5]);
    const { deltas } = backward(spec, params, result, [0.1, 0.9]);
    const back = result.layers[0].z.map((_, k) => params.weights[1].reduce((s, row, j) => s + row[k] * deltas[1][j], 0));
    result.layers[0].z.forEach((z, k) => {
      expect(deltas[0][k]).toBeCloseTo(back[k] * sigmoidSlope(z), 14);
      expect(Math.abs(deltas[0][k] - back[k] * sigmoid(z))).toBeGreaterThan(1e-4);
    });
  },

  '002-derivative-notation': () => {
    const f = (a: number) => 4 * a;
    expect(centralDifference(f, 2)).toBeCloseTo(4, 8);
    expect(f(2) / 0.001).toBeCloseTo(8000, 8);
    // f(a)/da has no limit: it grows without bound as da shrinks.
    expect(f(2) / 1e-6).toBeGreaterThan(f(2) / 1e-3);
  },

  '002-global-minimum': () => {
    // One ReLU hidden unit, one linear output, data y = x. The unit rejects every sample.
    const spec: NetworkSpec = {
      inputSize: 1,
      layers: [{ size: 1, activation: { name: 'relu' } }, { size: 1, activation: { name: 'linear' } }],
      loss: 'halfSumSquares',
    };
    const xs = [[1], [2], [3]];
    const ys = [[1], [2], [3]];
    const stuck: NetworkParams = { weights: [[[-1]], [[1]]], biases: [[0], [2]] };
    const next = trainStep(spec, stuck, xs, ys, { learningRate: 0.1 });
    expect(next).toEqual(stuck);
    expect(batchLoss(spec, stuck, xs, ys)).toBeCloseTo(1 / 3, 12);
    const fit: NetworkParams = { weights: [[[1]], [[1]]], biases: [[0], [0]] };
    expect(batchLoss(spec, fit, xs, ys)).toBe(0);
  },

  '003-input-hidden-heading': () => {
    // One hidden layer: the weights w1…w4 belong to the first layer, whose inputs are i1, i2.
    expect(SPEC_222.layers.length).toBe(2);
    expect(SPEC_222.inputSize).toBe(2);
    expect(stepValue('dnet_h1/dw1')).toBe(DOCUMENT_PARAMS.i1);
    expect(stepValue('dE_total/dw1')).toBeCloseTo(stepValue('delta_h1') * DOCUMENT_PARAMS.i1, 15);
  },

  '003-e-o2-called-output': () => {
    const eO2 = stepValue('E_o2');
    const outO2 = stepValue('out_o2');
    expect(agreesWith(eO2, '0.023560026')).toBe(true);
    expect(agreesWith(outO2, '0.772928465')).toBe(true);
    expect(eO2).toBeCloseTo(0.5 * (DOCUMENT_PARAMS.t2 - outO2) ** 2, 15);
  },

  '003-hadamard-matlab-operator': () => {
    const layer = { size: 3, activation: { name: 'sigmoid' as const } };
    const z = [0.4, -1.1, 2];
    const values = { z, a: z.map(sigmoid) };
    const nextWeights = [[0.2, -0.3, 0.5], [0.7, 0.1, -0.4]];
    const nextDelta = [0.05, -0.12];
    const back = [0, 1, 2].map((k) => nextWeights.reduce((s, row, j) => s + row[k] * nextDelta[j], 0));
    const delta = hiddenDelta(layer, values, nextWeights, nextDelta);
    expect(delta).toHaveLength(3);
    delta.forEach((d, k) => expect(d).toBeCloseTo(back[k] * sigmoidSlope(z[k]), 15));
    // A matrix product ("*" or "·") of the two column vectors is a single number, not this vector.
    expect(productShape({ rows: 3, cols: 1 }, { rows: 3, cols: 1 })).toBeNull();
    expect(productShape({ rows: 1, cols: 3 }, { rows: 3, cols: 1 })).toEqual({ rows: 1, cols: 1 });
  },

  '004-model-sum-indices': () => {
    // Row convention of document 004: x (1,3) · θ^[0] (3,4) gives four different hidden units.
    expect(productShape({ rows: 1, cols: 3 }, { rows: 3, cols: 4 })).toEqual({ rows: 1, cols: 4 });
    const rng = createRng(9);
    const theta0 = Array.from({ length: 3 }, () => Array.from({ length: 4 }, () => uniform(rng, -1, 1)));
    const b0 = Array.from({ length: 4 }, () => uniform(rng, -1, 1));
    const x = [0.5, -0.8, 0.3];
    const spec: NetworkSpec = { inputSize: 3, layers: [{ size: 4, activation: { name: 'sigmoid' } }], loss: 'mse' };
    const engine = forward(spec, { weights: [[0, 1, 2, 3].map((j) => theta0.map((row) => row[j]))], biases: [b0] }, x).output;
    engine.forEach((aj, j) => expect(aj).toBeCloseTo(sigmoid(x.reduce((s, xi, i) => s + theta0[i][j] * xi, b0[j])), 14));
    expect(new Set(engine.map((a) => a.toFixed(9))).size).toBe(4);
    // With a single index (3 weights, one bias) every hidden unit computes the same number.
    const printed = Array.from({ length: 4 }, () => sigmoid(x.reduce((s, xi, i) => s + theta0[i][0] * xi, b0[0])));
    expect(new Set(printed.map((a) => a.toFixed(9))).size).toBe(1);
  },
};

describe('errata from the second audit (engine checks)', () => {
  it('this file checks some errata', () => {
    expect(ERRATA.length).toBeGreaterThan(5);
  });

  it.each(ERRATA.map((e) => [e.id, e] as const))('%s', (id, erratum) => {
    const check = CHECKS[id];
    expect(check, `no check for erratum ${id}`).toBeDefined();
    check(erratum);
  });

  it('every check belongs to an erratum that names this file', () => {
    expect(Object.keys(CHECKS).sort()).toEqual(ERRATA.map((e) => e.id).sort());
  });
});

/** The first decimal place at which two numbers in [0, 1) differ. */
function firstDifferingDecimal(a: number, b: number): number {
  for (let d = 1; d <= 15; d++) if (Math.floor(a * 10 ** d) !== Math.floor(b * 10 ** d)) return d;
  return Infinity;
}

describe('statements about the two update orders (backprop/worked-example, 003-error-after-10000-rounds)', () => {
  const textbook = replay(DOCUMENT_PARAMS, { order: 'textbook' });
  const published = replay(DOCUMENT_PARAMS, { order: 'published' });
  const at = (trace: typeof textbook, key: string) => trace.steps.find((s) => s.key === key)!.value;

  it.each([
    ['E_total_after_1', 7],
    ['E_total_after_N', 7],
    ['out_o1_after_N', 6],
    ['out_o2_after_N', 6],
  ] as const)('%s first differs at decimal place %i', (key, place) => {
    expect(firstDifferingDecimal(at(textbook, key), at(published, key))).toBe(place);
  });

  it('the outputs after 10000 rounds differ by about 1.4e-6', () => {
    for (const key of ['out_o1_after_N', 'out_o2_after_N']) {
      expect(Math.abs(at(textbook, key) - at(published, key))).toBeGreaterThan(1.35e-6);
      expect(Math.abs(at(textbook, key) - at(published, key))).toBeLessThan(1.5e-6);
    }
  });

  it('the lesson and the erratum state those places', () => {
    const lesson = readFileSync('src/content/docs/backprop/worked-example.mdx', 'utf8');
    expect(lesson).toContain('一轮之后的误差从小数点后第七位起才不同');
    expect(lesson).toContain('两个输出从第六位起不同（相差约 $1.4\\times10^{-6}$），误差从第七位起不同');
    expect(lesson).not.toContain('第五、六位');
    const erratum = erratumSchema.parse(
      (load(readFileSync('src/content/errata/errata.yaml', 'utf8')) as unknown[]).find((e) => (e as Erratum).id === '003-error-after-10000-rounds'),
    );
    expect(erratum.explanation).toContain('输出从小数点后第六位起才不同，误差从第七位起才不同');
  });
});
