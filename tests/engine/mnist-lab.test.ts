/**
 * The MNIST lab's engine: the fast dense trainer against the core network code (an independent,
 * plainly written implementation), the packed data format, digit centring, the weights file, and
 * the accuracy target on the real digits of the `mnist` package.
 */
import { describe, expect, it } from 'vitest';
import { forward, initParams, trainStep, type NetworkSpec } from '../../src/engine/core/network';
import { createRng, gaussian } from '../../src/engine/core/random';
import { centreDigit } from '../../src/engine/models/digit-centring';
import { createDenseNetwork, createWorkspace, fromNestedParams, predictOne, toNestedParams, trainBatch, type DenseLoss } from '../../src/engine/models/dense-sigmoid';
import { weightsFromJson, weightsToJson } from '../../src/engine/models/lab-weights';
import { DEFAULT_LAB_SETTINGS, createLabRun, labSettingRefusal, prepareLabData, trainToEnd } from '../../src/engine/models/mnist-lab';
import { decodeMnistPack, encodeMnistPack, packBytes } from '../../src/engine/models/mnist-pack';
import { parseCliArgs } from '../../scripts/mnist-cli';
import { labImages } from '../../scripts/mnist-data';

const SIZES = [12, 7, 5];
const specOf = (loss: DenseLoss): NetworkSpec => ({ inputSize: SIZES[0], layers: SIZES.slice(1).map((size) => ({ size, activation: { name: 'sigmoid' } })), loss });

describe('the fast dense trainer', () => {
  it.each(['halfSumSquares', 'binaryCrossEntropy'] as const)('%s: one batch step equals the core engine’s trainStep', (loss) => {
    const rng = createRng(3);
    const count = 9;
    const inputs = Array.from({ length: count }, () => Array.from({ length: SIZES[0] }, () => gaussian(rng)));
    const labels = inputs.map((_, i) => (i * 3) % SIZES[2]);
    const targets = labels.map((label) => Array.from({ length: SIZES[2] }, (_, k) => (k === label ? 1 : 0)));
    const start = initParams(specOf(loss), createRng(8), { scale: 0.5 });
    const expected = trainStep(specOf(loss), start, inputs, targets, { learningRate: 2 });
    const network = fromNestedParams(SIZES, start);
    const data = { pixels: Float64Array.from(inputs.flat()), labels: Uint8Array.from(labels), count, size: SIZES[0] };
    const order = Array.from({ length: count }, (_, i) => count - 1 - i);
    trainBatch(network, loss, 2, data, order, 0, count, createWorkspace(SIZES, count));
    const actual = toNestedParams(network);
    actual.weights.flat(2).forEach((w, i) => expect(w).toBeCloseTo(expected.weights.flat(2)[i], 12));
    actual.biases.flat().forEach((b, i) => expect(b).toBeCloseTo(expected.biases.flat()[i], 12));
    const x = inputs[0];
    predictOne(network, Float64Array.from(x)).forEach((a, k) => expect(a).toBeCloseTo(forward(specOf(loss), actual, x).output[k], 12));
  });

  it('draws the same initial weights as the core engine and is deterministic', () => {
    expect(toNestedParams(createDenseNetwork(SIZES, 5, 0.5))).toEqual(initParams(specOf('halfSumSquares'), createRng(5), { scale: 0.5 }));
  });

  it('validates the lab settings', () => {
    expect(labSettingRefusal('learningRate', 0)).toBe('out-of-range');
    expect(labSettingRefusal('batchSize', 2.5)).toBe('not-an-integer');
    expect(labSettingRefusal('hidden', Number.NaN)).toBe('not-a-number');
    expect(labSettingRefusal('trainSize', 8000)).toBeUndefined();
    expect(labSettingRefusal('trainSize', 8001)).toBe('out-of-range');
  });
});

describe('the packed data file', () => {
  const pixels = Uint8Array.from({ length: 3 * 784 }, (_, i) => i % 256);
  const labels = Uint8Array.from([3, 0, 9]);
  const bytes = encodeMnistPack(pixels, labels, 2);

  it('reads back what was written, with a 16-byte header', () => {
    expect(bytes.length).toBe(packBytes(3));
    expect(bytes.length).toBe(16 + 3 * 785);
    const decoded = decodeMnistPack(bytes);
    if ('problem' in decoded) throw new Error(decoded.problem);
    expect(decoded.pack).toMatchObject({ count: 3, trainCount: 2 });
    expect(Array.from(decoded.pack.labels)).toEqual([3, 0, 9]);
    expect(decoded.pack.pixels).toEqual(pixels);
  });

  it('names what is wrong with a damaged file', () => {
    const damaged = (change: (copy: Uint8Array) => Uint8Array) => decodeMnistPack(change(bytes.slice()));
    expect(damaged((b) => b.subarray(0, 10))).toEqual({ problem: 'too-short' });
    expect(damaged((b) => ((b[0] = 0x58), b))).toEqual({ problem: 'bad-magic' });
    expect(damaged((b) => ((b[4] = 2), b))).toEqual({ problem: 'bad-version' });
    expect(damaged((b) => ((b[5] = 27), b))).toEqual({ problem: 'bad-shape' });
    expect(damaged((b) => b.subarray(0, b.length - 1))).toEqual({ problem: 'wrong-length' });
    expect(damaged((b) => ((b[b.length - 1] = 10), b))).toEqual({ problem: 'bad-label' });
  });
});

describe('centring a drawn digit as MNIST did', () => {
  it('scales the ink’s box to 20 pixels and puts its centre of mass at the middle', () => {
    const side = 100;
    const ink = new Float64Array(side * side);
    // A bar 10 wide and 50 tall in the top-left corner.
    for (let y = 5; y < 55; y++) for (let x = 2; x < 12; x++) ink[y * side + x] = 1;
    const { pixels, empty } = centreDigit(ink, side, side);
    expect(empty).toBe(false);
    const rows = new Set<number>();
    const columns = new Set<number>();
    let mass = 0, mx = 0, my = 0;
    pixels.forEach((v, i) => {
      if (v <= 0) return;
      rows.add(Math.floor(i / 28));
      columns.add(i % 28);
      mass += v;
      mx += v * ((i % 28) + 0.5);
      my += v * (Math.floor(i / 28) + 0.5);
    });
    expect(rows.size).toBe(20);
    expect(columns.size).toBe(4);
    expect(Math.abs(mx / mass - 14)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(my / mass - 14)).toBeLessThanOrEqual(0.5);
    expect(centreDigit(new Float64Array(side * side), side, side).empty).toBe(true);
  });
});

describe('the weights file', () => {
  const settings = { ...DEFAULT_LAB_SETTINGS, hidden: 3 };
  const networks = { halfSumSquares: createDenseNetwork([784, 3, 10], 1, 0.5), binaryCrossEntropy: createDenseNetwork([784, 3, 10], 2, 0.5) };
  const normalizer = { mean: new Float64Array(784).fill(0.1), std: new Float64Array(784).fill(1) };
  const json = weightsToJson({ settings, epochs: 2, normalizer, networks });

  it('loads back exactly what was saved', () => {
    const loaded = weightsFromJson(json);
    if ('problem' in loaded) throw new Error(loaded.problem);
    expect(loaded.weights.settings).toEqual(settings);
    expect(loaded.weights.epochs).toBe(2);
    expect(loaded.weights.networks.binaryCrossEntropy.weights[0]).toEqual(networks.binaryCrossEntropy.weights[0]);
  });

  it('refuses broken files with a reason', () => {
    const edit = (change: (raw: Record<string, any>) => void) => {
      const raw = JSON.parse(json);
      change(raw);
      return weightsFromJson(JSON.stringify(raw));
    };
    expect(weightsFromJson('{oops')).toEqual({ problem: 'not-json' });
    expect(edit((raw) => (raw.format = 'other'))).toEqual({ problem: 'wrong-format' });
    expect(edit((raw) => (raw.settings.hidden = 0))).toEqual({ problem: 'bad-settings' });
    expect(edit((raw) => (raw.normalizer.std[5] = 0))).toEqual({ problem: 'bad-normalizer' });
    expect(edit((raw) => (raw.networks.halfSumSquares.weights[0][7] = 'x'))).toEqual({ problem: 'bad-network' });
    expect(edit((raw) => raw.networks.binaryCrossEntropy.biases[1].pop())).toEqual({ problem: 'bad-network' });
  });
});

describe('the CLI arguments', () => {
  it('reads the options and refuses bad ones with one line', () => {
    expect(parseCliArgs(['--json', '--loss', 'mse', '--train', '500', '--test', '100', '--epochs', '2', '--seed', '7'])).toEqual({ loss: 'mse', train: 500, test: 100, epochs: 2, seed: 7 });
    for (const bad of [['--loss', 'l1'], ['--train', '0'], ['--test', '2001'], ['--epochs', '1.5'], ['--seed'], ['--what', '1']]) {
      const result = parseCliArgs(bad);
      expect('error' in result && !result.error.includes('\n')).toBe(true);
    }
  });
});

describe('document 001’s experiment on the real digits (issue #12’s targets)', () => {
  const images = labImages();
  const { train, test } = prepareLabData(images, 8000, images.trainCount, 2000);

  it('cross-entropy reaches at least 0.90 on the 2000 test images after 5 epochs on 8000, and beats squared error at every epoch', () => {
    const [mse, ce] = (['halfSumSquares', 'binaryCrossEntropy'] as const).map((loss) =>
      trainToEnd(createLabRun(loss, { ...DEFAULT_LAB_SETTINGS, epochs: 5 }, train, test)).map((r) => r.evaluation.accuracy),
    );
    expect(ce[4]).toBeGreaterThanOrEqual(0.9);
    ce.forEach((accuracy, epoch) => expect(accuracy).toBeGreaterThan(mse[epoch]));
  }, 120_000);
});
