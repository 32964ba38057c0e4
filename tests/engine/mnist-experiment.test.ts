/**
 * Document 001's MNIST experiment engine, exercised on seeded synthetic clusters in 16-D (fast and
 * deterministic), plus sanity checks on the committed results of `npm run mnist`.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LOSSES } from '../../src/engine/core/losses';
import {
  EXPERIMENT_LOSSES,
  MATLAB_SETTINGS,
  accuracyOf,
  argmax,
  documentCrossEntropy,
  downsampleCurve,
  epochBatches,
  experimentSpec,
  fitNormalizer,
  initialParams,
  layerSaturation,
  normalize,
  oneHot,
  outputMeans,
  permutation,
  predict,
  runExperiment,
  splitDataset,
  trainExperiment,
  type Dataset,
  type ExperimentSettings,
} from '../../src/engine/lessons/mnist-experiment';
import { backward, forward, initParams } from '../../src/engine/core/network';
import { createRng, gaussian } from '../../src/engine/core/random';

const DIM = 16;
const CLASSES = 4;

/** Four Gaussian clusters in 16-D around seeded centres, with an offset and scale far from 0/1. */
function clusters(count: number, seed: number): Dataset {
  const rng = createRng(seed);
  const centres = Array.from({ length: CLASSES }, () => Array.from({ length: DIM }, () => 2 * gaussian(rng)));
  const inputs: number[][] = [];
  const labels: number[] = [];
  for (let i = 0; i < count; i++) {
    const label = i % CLASSES;
    inputs.push(centres[label].map((c) => 5 + 3 * (c + 0.8 * gaussian(rng))));
    labels.push(label);
  }
  return { inputs, labels };
}

const SMALL: ExperimentSettings = { ...MATLAB_SETTINGS, architecture: [DIM, 8, CLASSES], batchSize: 20, epochs: 3 };
const data = clusters(300, 5);
const { train, test } = splitDataset(data, 200, createRng(9));

describe('helpers', () => {
  it('oneHot, argmax and accuracyOf', () => {
    expect(oneHot(2, 4)).toEqual([0, 0, 1, 0]);
    expect(argmax([0.1, 0.7, 0.2])).toBe(1);
    expect(argmax([0.5, 0.5, 0.1])).toBe(0);
    expect(accuracyOf([1, 2, 3, 0], [1, 2, 0, 0])).toBe(0.75);
    expect(accuracyOf([], [])).toBe(0);
    expect(() => accuracyOf([1], [1, 2])).toThrow();
  });

  it('permutation and splitDataset are seeded partitions', () => {
    const p = permutation(50, createRng(1));
    expect([...p].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(permutation(50, createRng(1))).toEqual(p);
    expect(permutation(50, createRng(2))).not.toEqual(p);
    expect(train.inputs).toHaveLength(200);
    expect(test.inputs).toHaveLength(100);
    const seen = new Set([...train.inputs, ...test.inputs]);
    expect(seen.size).toBe(300);
    expect(() => splitDataset(data, 300, createRng(1))).toThrow();
  });

  it('epochBatches pads like AnnTrain: N = ceil(m/B)·B, the first N − m samples repeated', () => {
    const batches = epochBatches(45, 20, createRng(3));
    expect(batches.map((b) => b.length)).toEqual([20, 20, 20]);
    const counts = new Array(45).fill(0);
    batches.flat().forEach((i) => counts[i]++);
    expect(counts.slice(0, 15).every((c) => c === 2)).toBe(true);
    expect(counts.slice(15).every((c) => c === 1)).toBe(true);
    expect(epochBatches(40, 20, createRng(3)).flat().sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i));
  });

  it('downsampleCurve keeps first and last and numbers iterations from 1', () => {
    const values = Array.from({ length: 321 }, (_, i) => i * i);
    const curve = downsampleCurve(values, 100);
    expect(curve).toHaveLength(100);
    expect(curve[0]).toEqual([1, 0]);
    expect(curve.at(-1)).toEqual([321, 320 * 320]);
    expect(downsampleCurve([3, 2, 1], 100)).toEqual([[1, 3], [2, 2], [3, 1]]);
  });
});

describe('normalisation with the training statistics', () => {
  it('gives every training feature mean 0 and sample std 1', () => {
    const n = fitNormalizer(train.inputs);
    const z = normalize(train.inputs, n);
    for (let k = 0; k < DIM; k++) {
      const column = z.map((x) => x[k]);
      const mean = column.reduce((s, v) => s + v, 0) / column.length;
      const variance = column.reduce((s, v) => s + (v - mean) ** 2, 0) / (column.length - 1);
      expect(mean).toBeCloseTo(0, 10);
      expect(variance).toBeCloseTo(1, 10);
    }
  });

  it('applies the training μ, σ to other data and maps a constant feature to 0', () => {
    const inputs = [
      [1, 0, 4],
      [3, 0, 4],
    ];
    const n = fitNormalizer(inputs);
    expect(n.mean).toEqual([2, 0, 4]);
    expect(n.std[0]).toBeCloseTo(Math.SQRT2, 12);
    expect(n.std.slice(1)).toEqual([1, 1]);
    expect(n.constantFeatures).toEqual([1, 2]);
    expect(normalize([[2 + Math.SQRT2, 0.5, 4]], n)[0]).toEqual([expect.closeTo(1, 12), 0.5, 0]);
    expect(() => fitNormalizer([])).toThrow();
  });
});

describe('the two losses as the MATLAB code trains them', () => {
  it('cross_entropy branch: δ = a − y (binary cross-entropy), mse branch: δ = (a − y)·a(1 − a)', () => {
    const rng = createRng(4);
    const x = Array.from({ length: DIM }, () => gaussian(rng));
    const y = oneHot(1, CLASSES);
    for (const loss of EXPERIMENT_LOSSES) {
      const spec = experimentSpec(SMALL, loss);
      const params = initParams(spec, createRng(6), { scale: SMALL.initScale });
      const result = forward(spec, params, x);
      const delta = backward(spec, params, result, y).deltas[1];
      const a = result.output;
      const expected = a.map((ak, k) => (loss === 'binaryCrossEntropy' ? ak - y[k] : (ak - y[k]) * ak * (1 - ak)));
      delta.forEach((d, k) => expect(d).toBeCloseTo(expected[k], 12));
    }
  });

  it('documentCrossEntropy is −Σ y ln a per sample, smaller than the binary cross-entropy', () => {
    const a = [
      [0.2, 0.7, 0.1],
      [0.6, 0.3, 0.9],
    ];
    const y = [oneHot(1, 3), oneHot(0, 3)];
    expect(documentCrossEntropy(a, y)).toBeCloseTo(-(Math.log(0.7) + Math.log(0.6)) / 2, 12);
    const bce = (LOSSES.binaryCrossEntropy.value(a[0], y[0]) + LOSSES.binaryCrossEntropy.value(a[1], y[1])) / 2;
    expect(bce).toBeGreaterThan(documentCrossEntropy(a, y));
  });

  it('the MATLAB settings build a [784 100 10] all-sigmoid network', () => {
    const spec = experimentSpec(MATLAB_SETTINGS, 'halfSumSquares');
    expect(spec.inputSize).toBe(784);
    expect(spec.layers.map((l) => l.size)).toEqual([100, 10]);
    expect(spec.layers.every((l) => l.activation.name === 'sigmoid')).toBe(true);
    expect(MATLAB_SETTINGS).toMatchObject({ learningRate: 2, batchSize: 200, epochs: 1, initScale: 0.5 });
  });
});

describe('initial parameters and saturation', () => {
  it('initialParams: weights in [−0.5, 0.5), biases 0, reproducible from the seed', () => {
    const p = initialParams(SMALL, 'halfSumSquares', 3);
    const weights = p.weights.flat(2);
    expect(weights).toHaveLength(DIM * 8 + 8 * CLASSES);
    expect(Math.min(...weights)).toBeGreaterThanOrEqual(-0.5);
    expect(Math.max(...weights)).toBeLessThan(0.5);
    expect(p.biases.flat().every((b) => b === 0)).toBe(true);
    expect(initialParams(SMALL, 'binaryCrossEntropy', 3)).toEqual(p);
  });

  it('layerSaturation measures the spread of z and the share of units with σ′(z) below the threshold', () => {
    const spec = experimentSpec({ ...SMALL, architecture: [2, 2] }, 'halfSumSquares');
    // z = (x₁, 10·x₂): the second unit saturates, the first does not.
    const params = { weights: [[[1, 0], [0, 10]]], biases: [[0, 0]] };
    const [layer] = layerSaturation(spec, params, [[0, 1], [0, -1]], 0.01);
    expect(layer.saturated).toBe(0.5);
    expect(layer.zStd).toBeCloseTo(Math.sqrt(50), 12);
    const wide = layerSaturation(experimentSpec(SMALL, 'halfSumSquares'), initialParams(SMALL, 'halfSumSquares', 3), normalize(train.inputs, fitNormalizer(train.inputs)));
    // Unit-variance inputs and U(−0.5, 0.5) weights: std(z) ≈ √(16 · 0.25/3) in the first layer.
    expect(wide[0].zStd).toBeGreaterThan(0.5 * Math.sqrt(16 / 12));
    expect(wide[0].zStd).toBeLessThan(2 * Math.sqrt(16 / 12));
  });
});

describe('training on synthetic clusters', () => {
  const runs = EXPERIMENT_LOSSES.map((loss) => runExperiment(train, test, loss, { seed: 11, settings: SMALL }));

  it.each(EXPERIMENT_LOSSES.map((loss, i) => [loss, i] as const))('%s: the loss falls and the clusters are learnt', (_loss, i) => {
    const { lossCurve, accuracy } = runs[i];
    expect(lossCurve).toHaveLength(SMALL.epochs * Math.ceil(200 / SMALL.batchSize));
    const head = lossCurve.slice(0, 3).reduce((s, v) => s + v, 0) / 3;
    const tail = lossCurve.slice(-3).reduce((s, v) => s + v, 0) / 3;
    expect(tail).toBeLessThan(0.5 * head);
    expect(accuracy).toBeGreaterThan(0.9);
    const { batchAccuracyCurve, documentLossCurve } = runs[i];
    expect(batchAccuracyCurve).toHaveLength(lossCurve.length);
    expect(documentLossCurve).toHaveLength(lossCurve.length);
    expect(batchAccuracyCurve.every((a) => a >= 0 && a <= 1)).toBe(true);
    expect(batchAccuracyCurve.at(-1)!).toBeGreaterThan(batchAccuracyCurve[0]);
  });

  it('accuracy is argmax agreement on the normalised test set', () => {
    const n = fitNormalizer(train.inputs);
    const record = trainExperiment({ inputs: normalize(train.inputs, n), labels: train.labels }, 'binaryCrossEntropy', { seed: 11, settings: SMALL });
    const spec = experimentSpec(SMALL, 'binaryCrossEntropy');
    const predictions = predict(spec, record.params, normalize(test.inputs, n));
    const manual = predictions.filter((p, i) => p === test.labels[i]).length / test.labels.length;
    expect(runs[1].accuracy).toBe(manual);
    expect(runs[1].lossCurve).toEqual(record.lossCurve);
  });

  it('is deterministic for a seed and changes with it', () => {
    const again = runExperiment(train, test, 'halfSumSquares', { seed: 11, settings: SMALL });
    expect(again).toEqual(runs[0]);
    const other = runExperiment(train, test, 'halfSumSquares', { seed: 12, settings: SMALL });
    expect(other.lossCurve).not.toEqual(runs[0].lossCurve);
  });

  it('onUpdate sees the initial and every updated parameter set; outputMeans splits target and others', () => {
    const n = fitNormalizer(train.inputs);
    const seen: number[] = [];
    let last: unknown;
    const record = trainExperiment({ inputs: normalize(train.inputs, n), labels: train.labels }, 'binaryCrossEntropy', {
      seed: 11,
      settings: SMALL,
      onUpdate: (update, params) => {
        seen.push(update);
        last = params;
      },
    });
    expect(seen).toEqual(Array.from({ length: record.lossCurve.length + 1 }, (_, i) => i));
    expect(last).toEqual(record.params);
    const spec = experimentSpec(SMALL, 'binaryCrossEntropy');
    const testInputs = normalize(test.inputs, n);
    const means = outputMeans(spec, record.params, testInputs, test.labels);
    let target = 0;
    let others = 0;
    testInputs.forEach((x, i) => forward(spec, record.params, x).output.forEach((a, k) => (k === test.labels[i] ? (target += a) : (others += a))));
    expect(means.target).toBeCloseTo(target / testInputs.length, 12);
    expect(means.others).toBeCloseTo(others / (testInputs.length * (CLASSES - 1)), 12);
    expect(means.target).toBeGreaterThan(0.5);
    expect(means.others).toBeLessThan(0.2);
  });

  it('rejects inputs of the wrong width', () => {
    expect(() => trainExperiment({ inputs: [[1, 2]], labels: [0] }, 'halfSumSquares', { seed: 1, settings: SMALL })).toThrow();
  });
});

describe('committed results of npm run mnist (src/content/data/mnist-results.json)', () => {
  const results = JSON.parse(readFileSync(new URL('../../src/content/data/mnist-results.json', import.meta.url), 'utf8'));

  it('were produced with the engine defaults (document 001 settings)', () => {
    expect(results.settings).toEqual(MATLAB_SETTINGS);
    expect(results.trainSize + results.testSize).toBe(10000);
    expect(results.updates).toBe(Math.ceil(results.trainSize / MATLAB_SETTINGS.batchSize) * MATLAB_SETTINGS.epochs);
    expect(results.results.map((r: { loss: string }) => r.loss)).toEqual(EXPERIMENT_LOSSES);
  });

  it('hold plausible accuracies and downsampled loss curves', () => {
    const all = [...results.results, ...results.matchedUpdates.results];
    for (const r of all) {
      expect(r.accuracy).toBeGreaterThan(0.5);
      expect(r.accuracy).toBeLessThan(1);
      expect(r.lossCurve.length).toBeLessThanOrEqual(100);
      expect(r.lossCurve[0][0]).toBe(1);
      for (const [, v] of r.lossCurve) expect(Number.isFinite(v) && v > 0).toBe(true);
    }
    expect(results.matchedUpdates.results.at(-1).lossCurve.at(-1)[0]).toBe(results.matchedUpdates.updates);
  });

  it('record saturation and batch accuracy in the shape the lesson reads', () => {
    expect(results.saturationProbe.images).toBeGreaterThan(0);
    expect(results.constantPixels).toBeGreaterThanOrEqual(0);
    expect(results.seedSweep).toHaveLength(5);
    for (const r of results.results) {
      for (const key of ['saturationBefore', 'saturationAfter']) {
        expect(r[key]).toHaveLength(2);
        for (const layer of r[key]) expect(layer.saturated).toBeGreaterThanOrEqual(0);
      }
      expect(r.batchAccuracyCurve).toHaveLength(r.lossCurve.length);
      expect(r.documentLossCurve).toHaveLength(r.lossCurve.length);
      expect(r.outputMeans.map((m: { update: number }) => m.update)).toEqual([0, 1, 2, 3, 5, 10, 20, 40]);
    }
    for (const r of results.matchedUpdates.results) expect(r.outputMeans.at(-1).update).toBe(results.matchedUpdates.updates);
  });

  // Every sentence of deep/mnist-experiment.mdx that interprets the data is checked here, so a
  // re-run that changed the picture would fail instead of leaving the prose wrong.
  it('back the lesson’s claims', () => {
    const [mse, ce] = results.results;
    const [mse8, ce8] = results.matchedUpdates.results;
    // Cross-entropy beats MSE in every recorded run.
    expect(ce.accuracy).toBeGreaterThan(mse.accuracy);
    for (const run of results.seedSweep) expect(run.binaryCrossEntropy).toBeGreaterThan(run.halfSumSquares);
    expect(ce8.accuracy).toBeGreaterThan(mse8.accuracy);
    // Longer training helps MSE most, so the gap narrows.
    expect(mse8.accuracy).toBeGreaterThan(mse.accuracy);
    expect(ce8.accuracy - mse8.accuracy).toBeLessThan(ce.accuracy - mse.accuracy);
    // With about as many updates as the document, both are close to but below 0.8798 / 0.9277.
    expect(mse8.accuracy).toBeLessThan(0.8798);
    expect(ce8.accuracy).toBeLessThan(0.9277);
    expect(0.8798 - mse8.accuracy).toBeLessThan(0.03);
    expect(0.9277 - ce8.accuracy).toBeLessThan(0.03);
    // MSE varies far more across seeds than cross-entropy.
    const spread = (key: string) => {
      const values = results.seedSweep.map((run: Record<string, number>) => run[key]);
      return Math.max(...values) - Math.min(...values);
    };
    expect(spread('halfSumSquares')).toBeGreaterThan(2 * spread('binaryCrossEntropy'));
    // A large share of hidden units starts on the flat part of the sigmoid (same for both losses).
    expect(mse.saturationBefore[0].saturated).toBeGreaterThan(0.3);
    expect(mse.saturationBefore).toEqual(ce.saturationBefore);
    // MSE: within three batches the loss nears the all-zero answer (0.5) and then falls slowly.
    expect(mse.lossCurve[2][1]).toBeLessThan(0.5);
    expect(mse.lossCurve[2][1]).toBeGreaterThan(0.4);
    expect(mse.lossCurve.at(-1)[1]).toBeGreaterThan(0.2);
    // Mean outputs: equal at the start, all pushed down in the first updates, then cross-entropy
    // lifts the correct class far faster; MSE still trails after the long run.
    const at = (run: { outputMeans: { update: number; target: number; others: number }[] }, update: number) =>
      run.outputMeans.find((m) => m.update === update)!;
    expect(at(mse, 0)).toEqual(at(ce, 0));
    for (const run of [mse, ce]) {
      expect(at(run, 3).target).toBeLessThan(at(run, 0).target);
      expect(at(run, 3).others).toBeLessThan(at(run, 0).others);
      expect(at(run, results.updates).target).toBeGreaterThan(at(run, 3).target);
    }
    expect(at(ce, 1).target).toBeLessThan(at(ce, 0).target);
    expect(at(mse, results.updates).target).toBeLessThan(at(ce, results.updates).target);
    expect(at(mse, results.updates).target).toBeLessThan(0.5);
    const long = results.matchedUpdates.updates;
    expect(at(mse8, long).target).toBeLessThan(at(ce8, long).target);
    // Cross-entropy: both curves jump after the first update, and the recorded −Σ y ln a is the smaller.
    expect(ce.lossCurve[1][1]).toBeGreaterThan(ce.lossCurve[0][1]);
    expect(ce.documentLossCurve[1][1]).toBeGreaterThan(ce.documentLossCurve[0][1]);
    ce.lossCurve.forEach(([, v]: number[], i: number) => expect(ce.documentLossCurve[i][1]).toBeLessThanOrEqual(v));
  });
});
