/**
 * The decision-boundary trainer: seeded balanced datasets, XOR and the circle learned by one hidden
 * layer, XOR refused by a network without one (document 001's story), loss history, the heat-map
 * grid, divergence and the plain-data contract a Web Worker relies on.
 */
import { describe, expect, it } from 'vitest';
import {
  DIVERGENCE_LOSS,
  GRID_EXTENT,
  MAX_LOSS_HISTORY,
  accuracy,
  createTrainingState,
  makeDataset,
  predict,
  predictionGrid,
  trainEpochs,
  type DataPoint,
  type Dataset,
  type DatasetKind,
  type DatasetOptions,
  type TrainingOptions,
  type TrainingState,
} from '../../src/engine/models/decision-boundary';

function dataset(kind: DatasetKind, options: DatasetOptions): Dataset {
  const result = makeDataset(kind, options);
  if ('errors' in result) throw new Error(`refused: ${JSON.stringify(result.errors)}`);
  return result;
}

function state(options: TrainingOptions): TrainingState {
  const result = createTrainingState(options);
  if ('errors' in result) throw new Error(`refused: ${JSON.stringify(result.errors)}`);
  return result;
}

/** Trains in chunks, as a Worker would, until the accuracy target or the epoch limit. */
function trainUntil(start: TrainingState, target: number, maxEpochs: number, chunk = 50): TrainingState {
  let s = start;
  while (s.epoch < maxEpochs && accuracy(s) < target && !s.diverged) s = trainEpochs(s, chunk);
  return s;
}

const XOR = dataset('xor', { count: 100, noise: 0.05, seed: 1 }).points;
const CIRCLE = dataset('circle', { count: 100, noise: 0.05, seed: 1 }).points;
const KINDS: DatasetKind[] = ['xor', 'circle', 'spirals'];

describe('datasets', () => {
  it.each(KINDS)('%s: the same seed gives the same points, another seed different ones', (kind) => {
    const a = dataset(kind, { count: 60, noise: 0.1, seed: 7 });
    expect(dataset(kind, { count: 60, noise: 0.1, seed: 7 })).toEqual(a);
    expect(dataset(kind, { count: 60, noise: 0.1, seed: 8 }).points).not.toEqual(a.points);
  });

  it.each(KINDS)('%s: balanced classes and, without noise, inside [−1, 1]²', (kind) => {
    for (const count of [4, 101, 1000]) {
      const { points } = dataset(kind, { count, noise: 0, seed: 3 });
      expect(points).toHaveLength(count);
      const ones = points.filter((p) => p.label === 1).length;
      expect(ones).toBe(Math.ceil(count / 2));
      points.forEach((p) => {
        expect(Math.abs(p.x)).toBeLessThanOrEqual(1);
        expect(Math.abs(p.y)).toBeLessThanOrEqual(1);
      });
    }
  });

  it('labels follow each shape: xor by opposite signs, circle by radius, spirals by arm', () => {
    dataset('xor', { count: 200, noise: 0, seed: 2 }).points.forEach((p) => expect(p.label).toBe(p.x * p.y < 0 ? 1 : 0));
    dataset('circle', { count: 200, noise: 0, seed: 2 }).points.forEach((p) => expect(p.label).toBe(Math.hypot(p.x, p.y) <= 0.5 ? 1 : 0));
    const arms = dataset('spirals', { count: 200, noise: 0, seed: 2 }).points;
    for (let i = 0; i + 1 < arms.length; i += 2) {
      expect(arms[i + 1].x).toBeCloseTo(-arms[i].x, 12);
      expect(arms[i + 1].y).toBeCloseTo(-arms[i].y, 12);
    }
  });

  it.each(KINDS)('%s: noise adds Gaussian jitter of that standard deviation to the same underlying points', (kind) => {
    const clean = dataset(kind, { count: 1000, noise: 0, seed: 4 }).points;
    const low = dataset(kind, { count: 1000, noise: 0.1, seed: 4 }).points;
    const high = dataset(kind, { count: 1000, noise: 0.3, seed: 4 }).points;
    const jitter = low.flatMap((p, i) => [p.x - clean[i].x, p.y - clean[i].y]);
    high.forEach((p, i) => {
      expect(p.x - clean[i].x).toBeCloseTo(3 * jitter[2 * i], 12);
      expect(p.y - clean[i].y).toBeCloseTo(3 * jitter[2 * i + 1], 12);
    });
    const sd = Math.sqrt(jitter.reduce((sum, d) => sum + d * d, 0) / jitter.length);
    expect(sd).toBeGreaterThan(0.09);
    expect(sd).toBeLessThan(0.11);
  });

  it.each([
    ['xor', { count: 3 }, 'count:out-of-range'],
    ['xor', { count: 1001 }, 'count:out-of-range'],
    ['xor', { count: 10.5 }, 'count:not-an-integer'],
    ['circle', { noise: -0.1 }, 'noise:out-of-range'],
    ['circle', { noise: 0.51 }, 'noise:out-of-range'],
    ['circle', { noise: NaN }, 'noise:not-a-number'],
    ['spirals', { seed: -1 }, 'seed:out-of-range'],
    ['moons', {}, 'kind:unknown-choice'],
  ] as const)('%s %o → %s', (kind, options, code) => {
    const result = makeDataset(kind as DatasetKind, { count: 10, noise: 0, seed: 1, ...options });
    expect('errors' in result && result.errors.map((e) => `${e.field}:${e.code}`)).toEqual([code]);
  });
});

describe('learning non-linear boundaries', () => {
  it.each([1, 2, 3])('xor with one tanh layer of 4 reaches 95%% within 600 epochs (init seed %i)', (seed) => {
    const trained = trainUntil(state({ hiddenLayers: [4], activation: 'tanh', learningRate: 1, seed, dataset: XOR }), 0.95, 600);
    expect(accuracy(trained)).toBeGreaterThanOrEqual(0.95);
    expect(trained.diverged).toBe(false);
  });

  it.each([1, 2])('circle with one tanh layer of 4 reaches 95%% within 800 epochs (init seed %i)', (seed) => {
    const trained = trainUntil(state({ hiddenLayers: [4], activation: 'tanh', learningRate: 1, seed, dataset: CIRCLE }), 0.95, 800);
    expect(accuracy(trained)).toBeGreaterThanOrEqual(0.95);
  });

  it('without a hidden layer xor stays at or below 75%: one line cannot separate it', () => {
    for (const seed of [1, 2]) {
      const trained = trainEpochs(state({ hiddenLayers: [], activation: 'tanh', learningRate: 1, seed, dataset: XOR }), 400);
      expect(accuracy(trained)).toBeLessThanOrEqual(0.75);
      expect(trained.loss).toBeGreaterThan(0.6);
    }
  });

  it('document 001’s hand-wired two-layer perceptron separates the XOR classes but outputs 1 for equal inputs (XNOR)', () => {
    const step = (g: number) => (g > 0 ? 1 : 0);
    const perceptron = (x1: number, x2: number) => {
      const h1 = step(x1 + x2 - 1);
      const h2 = step(x1 + x2 + 1);
      return step(2 * h1 - 2 * h2 + 1);
    };
    const inputs = [[1, 1], [1, -1], [-1, 1], [-1, -1]];
    expect(inputs.map(([a, b]) => perceptron(a, b))).toEqual([1, 0, 0, 1]);
    const xor = inputs.map(([a, b]) => (a !== b ? 1 : 0));
    expect(inputs.map(([a, b]) => 1 - perceptron(a, b))).toEqual(xor);
  });

  it('the xy feature makes xor linearly separable, so no hidden layer is needed', () => {
    const trained = trainUntil(state({ hiddenLayers: [], activation: 'tanh', learningRate: 1, seed: 1, dataset: XOR, quadraticFeatures: true }), 0.95, 400);
    expect(accuracy(trained)).toBeGreaterThanOrEqual(0.95);
    expect(trained.network.inputSize).toBe(5);
  });

  it('linear hidden layers add nothing: xor stays at or below 75%', () => {
    const trained = trainEpochs(state({ hiddenLayers: [8, 8], activation: 'linear', learningRate: 0.3, seed: 1, dataset: XOR }), 300);
    expect(accuracy(trained)).toBeLessThanOrEqual(0.75);
  });

  it('the loss history falls overall and records every epoch', () => {
    const trained = trainEpochs(state({ hiddenLayers: [4], activation: 'tanh', learningRate: 1, seed: 1, dataset: XOR }), 300);
    const history = trained.lossHistory;
    expect(history).toHaveLength(301);
    expect(trained.lossHistoryStride).toBe(1);
    expect(history[300]).toBe(trained.loss);
    expect(history[300]).toBeLessThan(0.3 * history[0]);
    const tenths = Array.from({ length: 11 }, (_, i) => history[i * 30]);
    expect(tenths[10]).toBeLessThan(tenths[5]);
    expect(tenths[5]).toBeLessThan(tenths[0]);
  });

  it('the history is thinned to every other entry instead of growing without bound', () => {
    const four: DataPoint[] = [
      { x: -0.5, y: -0.5, label: 0 },
      { x: 0.5, y: 0.5, label: 1 },
      { x: -0.5, y: 0.5, label: 0 },
      { x: 0.5, y: -0.5, label: 1 },
    ];
    const start = state({ hiddenLayers: [], activation: 'tanh', learningRate: 0.5, seed: 1, dataset: four });
    let s = start;
    const losses = [start.loss];
    for (let i = 0; i < 2500; i++) {
      s = trainEpochs(s, 1);
      losses.push(s.loss);
    }
    expect(s.epoch).toBe(2500);
    expect(s.lossHistory.length).toBeLessThanOrEqual(MAX_LOSS_HISTORY);
    expect(s.lossHistoryStride).toBe(4);
    s.lossHistory.forEach((loss, i) => expect(loss).toBe(losses[i * s.lossHistoryStride]));
    expect(trainEpochs(start, 2500)).toEqual(s);
  });
});

describe('prediction grid and accuracy', () => {
  const trained = trainUntil(state({ hiddenLayers: [4], activation: 'tanh', learningRate: 1, seed: 1, dataset: CIRCLE }), 0.95, 800);

  it('has resolution² probabilities', () => {
    for (const resolution of [2, 7, 40]) {
      const grid = predictionGrid(trained, resolution);
      expect(grid.resolution).toBe(resolution);
      expect(grid.extent).toBe(GRID_EXTENT);
      expect(grid.values).toHaveLength(resolution * resolution);
      grid.values.forEach((v) => {
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(1);
      });
    }
    expect(() => predictionGrid(trained, 1)).toThrow(RangeError);
    expect(() => predictionGrid(trained, 2.5)).toThrow(RangeError);
  });

  it('is row-major with row 0 at the top and column 0 at the left, sampled at cell centres', () => {
    const slope = (wx: number, wy: number): TrainingState => ({ ...trained, ...state({ hiddenLayers: [], activation: 'tanh', learningRate: 1, seed: 1, dataset: CIRCLE }), params: { weights: [[[wx, wy]]], biases: [[0]] } });
    const rightward = predictionGrid(slope(5, 0), 4).values;
    const upward = predictionGrid(slope(0, 5), 4).values;
    expect(rightward[3]).toBeGreaterThan(0.5);
    expect(rightward[0]).toBeLessThan(0.5);
    expect(upward[0]).toBeGreaterThan(0.5);
    expect(upward[12]).toBeLessThan(0.5);
    expect(rightward[0]).toBeCloseTo(predict(slope(5, 0), -0.9, 0.9), 14);
  });

  it('after learning the circle the centre cell is class 1 and the ring cells left, right, top and bottom class 0', () => {
    const grid = predictionGrid(trained, 5).values;
    expect(grid[2 * 5 + 2]).toBeGreaterThan(0.9);
    for (const ring of [2 * 5 + 0, 2 * 5 + 4, 0 * 5 + 2, 4 * 5 + 2]) expect(grid[ring]).toBeLessThan(0.5);
  });
});

describe('divergence', () => {
  it('an absurd learning rate is flagged as diverged and further training changes nothing', () => {
    for (const learningRate of [1e3, 1e6]) {
      const blown = trainEpochs(state({ hiddenLayers: [4], activation: 'tanh', learningRate, seed: 1, dataset: XOR }), 200);
      expect(blown.diverged).toBe(true);
      expect(blown.epoch).toBeLessThan(200);
      expect(blown.loss).toBeGreaterThan(DIVERGENCE_LOSS);
      expect(Number.isFinite(blown.loss)).toBe(true);
      expect(trainEpochs(blown, 100)).toEqual(blown);
      predictionGrid(blown, 10).values.forEach((v) => expect(Number.isFinite(v)).toBe(true));
    }
  });

  it('a workable learning rate is not flagged', () => {
    expect(trainEpochs(state({ hiddenLayers: [4], activation: 'tanh', learningRate: 3, seed: 1, dataset: XOR }), 200).diverged).toBe(false);
  });

  it('a step that would leave NaN weights is discarded', () => {
    const start = state({ hiddenLayers: [2], activation: 'relu', learningRate: 1, seed: 1, dataset: XOR });
    const poised: TrainingState = { ...start, params: { weights: [[[1e200, 1e200], [-1e200, 1e200]], [[1e200, 1e200]]], biases: [[0, 0], [0]] } };
    const after = trainEpochs(poised, 5);
    expect(after.diverged).toBe(true);
    expect(after.epoch).toBe(0);
    expect(after.params).toEqual(poised.params);
    after.lossHistory.forEach((loss) => expect(Number.isFinite(loss)).toBe(true));
  });
});

describe('plain data for a Worker', () => {
  const options: TrainingOptions = { hiddenLayers: [3, 2], activation: 'relu', learningRate: 0.5, seed: 5, dataset: XOR, quadraticFeatures: true };

  it('the same options give the same state; another seed different weights', () => {
    expect(state(options)).toEqual(state({ ...options }));
    expect(state({ ...options, seed: 6 }).params).not.toEqual(state(options).params);
  });

  it('survives a JSON round trip and structuredClone, and training goes on identically', () => {
    const s = trainEpochs(state(options), 20);
    const revived: TrainingState = JSON.parse(JSON.stringify(s));
    expect(revived).toEqual(s);
    expect(structuredClone(s)).toEqual(s);
    expect(trainEpochs(revived, 30)).toEqual(trainEpochs(s, 30));
  });

  it('trainEpochs leaves its argument untouched and rejects a bad epoch count', () => {
    const s = state(options);
    const snapshot = structuredClone(s);
    trainEpochs(s, 10);
    expect(s).toEqual(snapshot);
    expect(trainEpochs(s, 0)).toEqual(s);
    expect(() => trainEpochs(s, -1)).toThrow(RangeError);
    expect(() => trainEpochs(s, 1.5)).toThrow(RangeError);
  });

  it('createTrainingState refuses bad options with error records', () => {
    const codes = (override: Partial<Record<keyof TrainingOptions, unknown>>) => {
      const result = createTrainingState({ ...options, ...override } as TrainingOptions);
      return 'errors' in result ? result.errors.map((e) => `${e.field}:${e.code}`) : [];
    };
    expect(codes({ hiddenLayers: [1, 2, 3, 4, 5] })).toEqual(['hiddenLayers:out-of-range']);
    expect(codes({ hiddenLayers: [0] })).toEqual(['hiddenLayers[0]:out-of-range']);
    expect(codes({ hiddenLayers: [4, 17] })).toEqual(['hiddenLayers[1]:out-of-range']);
    expect(codes({ hiddenLayers: [2.5] })).toEqual(['hiddenLayers[0]:not-an-integer']);
    expect(codes({ activation: 'softmax' })).toEqual(['activation:unknown-choice']);
    expect(codes({ learningRate: 0 })).toEqual(['learningRate:out-of-range']);
    expect(codes({ learningRate: NaN })).toEqual(['learningRate:not-a-number']);
    expect(codes({ seed: 0.5 })).toEqual(['seed:not-an-integer']);
    expect(codes({ dataset: [] })).toEqual(['dataset:empty']);
    expect(codes({ dataset: [{ x: NaN, y: 0, label: 1 }] })).toEqual(['dataset:not-a-number']);
    expect(codes({ hiddenLayers: [], activation: 'sigmoid', learningRate: 10, seed: 0 })).toEqual([]);
    expect(codes({ hiddenLayers: [16, 16, 16, 16] })).toEqual([]);
  });
});
