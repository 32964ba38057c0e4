/**
 * Oracle for the general backpropagation lesson: the batch gradient with weight decay (document
 * 003 (1.6)) against finite differences and trainStep, the trace identity dJ = tr(Gᵀ dW), the
 * rows-of-samples gradients of document 004, and symmetry under equal initial weights.
 */
import { describe, expect, it } from 'vitest';
import {
  batchGradients,
  constantParams,
  directionalDerivative,
  finiteDifference,
  generalDemo,
  gradientAt,
  hiddenUnitSpread,
  inputMatrix,
  randomDirection,
  rowFormGradients,
  trainSteps,
  type ParameterRef,
} from '../../src/engine/lessons/general-backprop';
import { maxAbsDifference, shapeOf, traceInner, transpose } from '../../src/engine/core/matrix';
import { backward, batchLoss, forward, initParams, trainStep, type NetworkSpec } from '../../src/engine/core/network';
import { createRng, uniform } from '../../src/engine/core/random';
import { formatNumber } from '../../src/engine/core/format';
import { relativeError } from './gradient-check';

const demo = generalDemo();

const SPECS: [string, NetworkSpec][] = [
  ['lesson 3-4-2 sigmoid, ½‖a−y‖²', demo.spec],
  [
    '2-5-3-2 tanh/relu/sigmoid, log loss',
    {
      inputSize: 2,
      layers: [
        { size: 5, activation: { name: 'tanh' } },
        { size: 3, activation: { name: 'relu' } },
        { size: 2, activation: { name: 'sigmoid' } },
      ],
      loss: 'binaryCrossEntropy',
    },
  ],
  [
    '4-3-3 sigmoid/softmax, cross-entropy',
    { inputSize: 4, layers: [{ size: 3, activation: { name: 'sigmoid' } }, { size: 3, activation: { name: 'softmax' } }], loss: 'crossEntropy' },
  ],
];

function data(spec: NetworkSpec, seed: number, m: number) {
  const rng = createRng(seed);
  const out = spec.layers[spec.layers.length - 1];
  const inputs = Array.from({ length: m }, () => Array.from({ length: spec.inputSize }, () => uniform(rng, -1, 1)));
  const targets = Array.from({ length: m }, (_, i) =>
    out.activation.name === 'softmax' ? Array.from({ length: out.size }, (_, k) => (k === i % out.size ? 1 : 0)) : Array.from({ length: out.size }, () => uniform(rng, 0.1, 0.9)),
  );
  return { inputs, targets };
}

describe.each(SPECS)('%s', (_name, spec) => {
  const params = spec === demo.spec ? demo.params : initParams(spec, createRng(3), { scale: 1 });
  const { inputs, targets } = spec === demo.spec ? demo : data(spec, 4, 5);

  it.each([0, 0.01, 0.3])('every batch gradient matches a finite difference (λ = %s)', (lambda) => {
    const grads = batchGradients(spec, params, inputs, targets, lambda);
    params.weights.forEach((layer, l) =>
      layer.forEach((row, j) =>
        row.forEach((_, k) => {
          const ref: ParameterRef = { kind: 'weight', layer: l, row: j, col: k };
          const numeric = finiteDifference(spec, params, inputs, targets, ref, lambda);
          expect(relativeError(gradientAt(grads, ref), numeric), `W${l + 1}[${j}][${k}]`).toBeLessThan(1e-6);
        }),
      ),
    );
    params.biases.forEach((layer, l) =>
      layer.forEach((_, j) => {
        const ref: ParameterRef = { kind: 'bias', layer: l, row: j };
        const numeric = finiteDifference(spec, params, inputs, targets, ref, lambda);
        expect(relativeError(gradientAt(grads, ref), numeric), `b${l + 1}[${j}]`).toBeLessThan(1e-6);
      }),
    );
  });

  it('weight decay adds λW to the weight gradients and nothing to the bias gradients', () => {
    const plain = batchGradients(spec, params, inputs, targets, 0);
    const decayed = batchGradients(spec, params, inputs, targets, 0.2);
    decayed.weights.forEach((layer, l) =>
      layer.forEach((row, j) => row.forEach((g, k) => expect(g - plain.weights[l][j][k]).toBeCloseTo(0.2 * params.weights[l][j][k], 14))),
    );
    expect(decayed.biases).toEqual(plain.biases);
  });

  it('trainStep is W − α(mean gradient + λW), b − α(mean gradient)', () => {
    const lambda = 0.05;
    const alpha = 0.3;
    const grads = batchGradients(spec, params, inputs, targets, lambda);
    const next = trainStep(spec, params, inputs, targets, { learningRate: alpha, weightDecay: lambda });
    next.weights.forEach((layer, l) =>
      layer.forEach((row, j) => row.forEach((w, k) => expect(w).toBeCloseTo(params.weights[l][j][k] - alpha * grads.weights[l][j][k], 14))),
    );
    next.biases.forEach((layer, l) => layer.forEach((b, j) => expect(b).toBeCloseTo(params.biases[l][j] - alpha * grads.biases[l][j], 14)));
  });

  it('the first-order change of J along D is tr((∂J/∂W)ᵀ D)', () => {
    const grads = batchGradients(spec, params, inputs, targets, 0.01);
    params.weights.forEach((w, l) => {
      const D = randomDirection(w, 10 + l);
      const numeric = directionalDerivative(spec, params, inputs, targets, l, D, 0.01);
      expect(relativeError(traceInner(grads.weights[l], D), numeric)).toBeLessThan(1e-6);
    });
  });

  it('rows-of-samples gradients are the transposes of the column ones', () => {
    if (spec.layers.slice(0, -1).some((layer) => layer.activation.name === 'softmax')) return;
    inputs.forEach((x, i) => {
      const rows = rowFormGradients(spec, params, x, targets[i]);
      const cols = backward(spec, params, forward(spec, params, x), targets[i]);
      cols.weights.forEach((g, l) => {
        expect(shapeOf(rows.dTheta[l])).toEqual(shapeOf(transpose(g)));
        expect(maxAbsDifference(rows.dTheta[l], transpose(g))).toBeLessThan(1e-15);
        expect(maxAbsDifference(rows.dz[l], [cols.deltas[l]])).toBeLessThan(1e-15);
      });
    });
  });
});

describe('symmetry', () => {
  const { spec, inputs, targets } = demo;

  it.each([
    ['equal weights 0.5', demo.symmetricStart],
    ['all zeros', [0, 0]],
    ['different constants per layer', [-0.3, 0.8]],
  ])('%s: hidden units stay identical through training', (_name, start) => {
    const trained = trainSteps(spec, constantParams(spec, start), inputs, targets, { learningRate: 1, weightDecay: 0.01 }, 300);
    expect(hiddenUnitSpread(trained, 0)).toBe(0);
    inputs.forEach((x) => {
      const a = forward(spec, trained, x).layers[0].a;
      a.forEach((value) => expect(value).toBe(a[0]));
    });
  });

  it('zero weights leave W¹ unchanged by the first step (δ¹ = (W²)ᵀδ² ⊙ f′ = 0)', () => {
    const once = trainStep(spec, constantParams(spec, [0, 0]), inputs, targets, { learningRate: 1 });
    once.weights[0].flat().forEach((w) => expect(w).toBe(0));
    expect(once.weights[1].flat().some((w) => w !== 0)).toBe(true);
  });

  it('random initial weights differ, and the lesson setting fits far better than the symmetric start', () => {
    expect(hiddenUnitSpread(demo.params, 0)).toBeGreaterThan(0.1);
    const symmetric = trainSteps(spec, constantParams(spec, demo.symmetricStart), inputs, targets, demo.symmetryOptions, demo.symmetrySteps);
    const random = trainSteps(spec, demo.params, inputs, targets, demo.symmetryOptions, demo.symmetrySteps);
    expect(hiddenUnitSpread(symmetric, 0)).toBe(0);
    expect(batchLoss(spec, symmetric, inputs, targets)).toBeGreaterThan(0.005);
    expect(batchLoss(spec, random, inputs, targets)).toBeLessThan(1e-6);
  });
});

describe('the lesson example', () => {
  it('backs the statements the lesson makes about its numbers', () => {
    const grads = batchGradients(demo.spec, demo.params, demo.inputs, demo.targets, demo.weightDecay);
    const data = batchGradients(demo.spec, demo.params, demo.inputs, demo.targets, 0);
    const refs: ParameterRef[] = [
      { kind: 'weight', layer: 1, row: 0, col: 2 },
      { kind: 'weight', layer: 0, row: 2, col: 0 },
      { kind: 'bias', layer: 0, row: 1 },
    ];
    // the table's last two rows agree at the nine decimals shown
    refs.forEach((ref) =>
      expect(formatNumber(gradientAt(grads, ref))).toBe(formatNumber(finiteDifference(demo.spec, demo.params, demo.inputs, demo.targets, ref, demo.weightDecay))),
    );
    // W¹₃₁: the decay term is larger than the data term and of the opposite sign, so it flips the gradient
    const dataTerm = data.weights[0][2][0];
    const decayTerm = demo.weightDecay * demo.params.weights[0][2][0];
    expect(Math.sign(dataTerm)).toBe(-Math.sign(decayTerm));
    expect(Math.abs(decayTerm)).toBeGreaterThan(Math.abs(dataTerm));
    expect(Math.sign(grads.weights[0][2][0])).toBe(-Math.sign(dataTerm));
    // δ¹ of the first sample is several times smaller than δ²
    const { deltas } = backward(demo.spec, demo.params, forward(demo.spec, demo.params, demo.inputs[0]), demo.targets[0]);
    expect(3 * Math.max(...deltas[0].map(Math.abs))).toBeLessThan(Math.min(...deltas[1].map(Math.abs)));
  });

  it('is a 3-4-2 network on four samples with targets inside (0, 1)', () => {
    expect(shapeOf(inputMatrix(demo.inputs))).toEqual({ rows: 3, cols: 4 });
    expect(demo.params.weights.map((w) => shapeOf(w))).toEqual([
      { rows: 4, cols: 3 },
      { rows: 2, cols: 4 },
    ]);
    demo.targets.flat().forEach((t) => {
      expect(t).toBeGreaterThan(0);
      expect(t).toBeLessThan(1);
    });
  });
});

describe('candidate erratum (reported, not in errata.yaml): document 003 §3.3, derivation of δ^(n_l−1)', () => {
  it('the boxed term (y_j − f(z_j))·f′(z_j) is −δ_j, not δ_j: d/dz ½(y − f)² = −(y − f)f′', () => {
    const result = forward(demo.spec, demo.params, demo.inputs[0]);
    const { deltas } = backward(demo.spec, demo.params, result, demo.targets[0]);
    const a = result.output;
    const boxed = a.map((ak, k) => (demo.targets[0][k] - ak) * ak * (1 - ak));
    boxed.forEach((b, k) => {
      expect(b).toBeCloseTo(-deltas[1][k], 15);
      expect(Math.abs(b - deltas[1][k])).toBeGreaterThan(0.1);
    });
  });
});
