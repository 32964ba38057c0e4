/**
 * Gradient descent (document 002 §7.2.5): analytic derivatives against finite differences, the
 * step-size stability boundary of the parabola, divergence reported as data, and the seeded
 * logistic-regression cost surface.
 */
import { describe, expect, it } from 'vitest';
import {
  contourLevels,
  costGrid,
  CURVE_IDS,
  CURVES,
  DEFAULT_DATASET_SEED,
  descend1d,
  descend2d,
  DIVERGENCE_BOUND,
  logisticCost,
  logisticGradient,
  makeLogisticDataset,
  sampleCurve,
  type CurveId,
  type Descent1dRun,
  type Descent2dRun,
  type DescentErrorCode,
  type LabelledPoint,
} from '../../src/engine/models/gradient-descent';
import type { Refusal } from '../../src/engine/core/validation';
import { createRng, uniform } from '../../src/engine/core/random';
import { centralDifference, relativeError } from './gradient-check';

function run1d(curve: CurveId, w0: number, alpha: number, steps: number, bound?: number): Descent1dRun {
  const run = descend1d(curve, w0, alpha, steps, bound === undefined ? {} : { bound });
  if (!run.ok) throw new Error(JSON.stringify(run.errors));
  return run;
}

function run2d(points: readonly LabelledPoint[], alpha: number, steps: number): Descent2dRun {
  const run = descend2d(points, { w0: 0, b0: 0 }, alpha, steps);
  if (!run.ok) throw new Error(JSON.stringify(run.errors));
  return run;
}

const allRecordValuesFinite = (records: object[]) =>
  records.every((record) => Object.values(record).every((value) => typeof value !== 'number' || Number.isFinite(value)));

describe('convex curves', () => {
  it.each(CURVE_IDS.flatMap((id) => [-4, -1.3, 0, 0.7, 2.5, 6].map((w) => [id, w] as const)))('%s: dJ/dw at w = %d matches a central difference', (id, w) => {
    const curve = CURVES[id];
    expect(relativeError(curve.dJ(w), centralDifference(curve.J, w))).toBeLessThan(1e-6);
  });

  it.each(CURVE_IDS)('%s: the listed minimum has zero slope and is lower than its neighbours', (id) => {
    const { J, dJ, minimum } = CURVES[id];
    expect(dJ(minimum.w)).toBe(0);
    expect(J(minimum.w)).toBe(minimum.J);
    expect(J(minimum.w - 0.01)).toBeGreaterThan(minimum.J);
    expect(J(minimum.w + 0.01)).toBeGreaterThan(minimum.J);
  });

  it.each(CURVE_IDS)('%s is convex: every chord lies above the curve', (id) => {
    const { J } = CURVES[id];
    const rng = createRng(99);
    for (let i = 0; i < 50; i++) {
      const [p, q] = [uniform(rng, -8, 8), uniform(rng, -8, 8)];
      expect(J((p + q) / 2)).toBeLessThanOrEqual((J(p) + J(q)) / 2 + 1e-12);
    }
  });

  it.each(CURVE_IDS)('document 002: on %s, w above the optimum has a positive slope and moves down, and vice versa', (id) => {
    const { minimum } = CURVES[id];
    for (const offset of [-2, -0.5, 0.5, 2]) {
      const run = run1d(id, minimum.w + offset, 0.05, 1);
      expect(Math.sign(run.records[0].gradient)).toBe(Math.sign(offset));
      expect(Math.sign(run.records[1].w - run.records[0].w)).toBe(-Math.sign(offset));
    }
  });

  it('sampleCurve gives evenly spaced points on the curve', () => {
    const points = sampleCurve(CURVES.parabola, 0, 6, 7);
    expect(points.map((p) => p.w)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(points.map((p) => p.J)).toEqual([10, 5, 2, 1, 2, 5, 10]);
  });
});

describe('the parabola J = (w − 3)² + 1: stable iff α < 1', () => {
  it('each step multiplies the distance to the minimum by 1 − 2α', () => {
    for (const alpha of [0.1, 0.6, 0.99, 1.1]) {
      const run = run1d('parabola', 0, alpha, 10);
      run.records.slice(1).forEach((record, k) => {
        expect(record.w - 3).toBeCloseTo((1 - 2 * alpha) * (run.records[k].w - 3), 10);
      });
    }
  });

  it('α = 0.1 converges without overshooting, J never rising', () => {
    const run = run1d('parabola', 0, 0.1, 100);
    expect(run.outcome).toBe('converged');
    expect(run.overshoots).toBe(0);
    expect(run.records).toHaveLength(101);
    run.records.slice(1).forEach((record, k) => expect(record.J).toBeLessThanOrEqual(run.records[k].J));
    expect(run.records.at(-1)!.w).toBeCloseTo(3, 8);
  });

  it('α = 0.99 jumps across the minimum on every step but still converges', () => {
    const early = run1d('parabola', 0, 0.99, 50);
    expect(early.outcome).toBe('oscillating');
    expect(early.overshoots).toBe(50);
    const late = run1d('parabola', 0, 0.99, 2000);
    expect(late.outcome).toBe('converged');
    expect(late.overshoots).toBeGreaterThan(0);
    expect(late.records.at(-1)!.w).toBeCloseTo(3, 12);
  });

  it('α = 1 bounces between w0 and 6 − w0 for ever', () => {
    const run = run1d('parabola', 0, 1, 40);
    expect(run.outcome).toBe('oscillating');
    expect(new Set(run.records.map((r) => r.w))).toEqual(new Set([0, 6]));
  });

  it('α = 1.1 diverges: the run stops at the bound and reports it as data', () => {
    const run = run1d('parabola', 0, 1.1, 100);
    expect(run.outcome).toBe('diverged');
    expect(run.stopReason).toBe('bound');
    expect(run.records.length).toBeLessThan(101);
    expect(Math.abs(run.records.at(-1)!.w)).toBeGreaterThan(DIVERGENCE_BOUND);
    expect(Math.abs(run.records.at(-2)!.w)).toBeLessThanOrEqual(DIVERGENCE_BOUND);
    expect(allRecordValuesFinite(run.records)).toBe(true);
  });

  it.each([0.05, 0.5, 0.9, 0.999])('α = %d < 1 converges', (alpha) => {
    expect(run1d('parabola', -7, alpha, 20000).outcome).toBe('converged');
  });

  it.each([1.001, 1.5, 3, 1000])('α = %d > 1 diverges', (alpha) => {
    expect(run1d('parabola', -7, alpha, 100000).outcome).toBe('diverged');
  });

  it('a smaller bound (the edge of a plot) catches divergence sooner', () => {
    const run = run1d('parabola', 0, 1.1, 100, 20);
    expect(run.outcome).toBe('diverged');
    expect(run.records.length).toBeLessThan(15);
  });

  it('records carry the substituted update rule', () => {
    const run = run1d('parabola', 0, 0.1, 1);
    expect(run.records[0].texNumeric).toBe('w_0 = 0');
    expect(run.records[1].texNumeric).toBe('w_{1} = 0 - 0.1 \\times (-6) = 0.6');
  });
});

describe('the other curves', () => {
  it('log-cosh has |J′| < 1, so even α = 10 only oscillates and never diverges', () => {
    const run = run1d('log-cosh', 4, 10, 500);
    expect(run.outcome).toBe('oscillating');
    expect(run.stopReason).toBe('completed');
  });

  it('log-cosh converges for α < 2', () => {
    expect(run1d('log-cosh', 4, 1.5, 500).outcome).toBe('converged');
  });

  it('on the quartic the same α converges from a near start and diverges from a far one', () => {
    expect(run1d('quartic', 1.5, 0.5, 500).outcome).toBe('converged');
    expect(run1d('quartic', 5, 0.5, 500).outcome).toBe('diverged');
  });

  it('a still-moving run with a tiny α is reported as descending', () => {
    const run = run1d('parabola', 0, 0.001, 10);
    expect(run.outcome).toBe('descending');
  });

  it('an explosive run stops before any value overflows', () => {
    for (const id of CURVE_IDS) {
      const run = run1d(id, 100, 1000, 5000);
      expect(allRecordValuesFinite(run.records)).toBe(true);
      expect(JSON.parse(JSON.stringify(run))).toEqual(run);
    }
  });
});

describe('input validation', () => {
  const errorsOf = (result: Descent1dRun | Descent2dRun | Refusal<DescentErrorCode>) => {
    if (result.ok) throw new Error('expected an error record');
    return result.errors.map((e) => [e.field, e.code]);
  };

  it.each([
    [[NaN, 0.1, 10], ['w0', 'not-a-number']],
    [[Infinity, 0.1, 10], ['w0', 'not-finite']],
    [[1e9, 0.1, 10], ['w0', 'out-of-range']],
    [[0, NaN, 10], ['alpha', 'not-a-number']],
    [[0, -Infinity, 10], ['alpha', 'not-finite']],
    [[0, 0, 10], ['alpha', 'out-of-range']],
    [[0, -0.1, 10], ['alpha', 'out-of-range']],
    [[0, 0.1, 2.5], ['steps', 'not-an-integer']],
    [[0, 0.1, -1], ['steps', 'out-of-range']],
  ] as const)('descend1d(parabola, %s) gives the error record %s', ([w0, alpha, steps], expected) => {
    const result = descend1d('parabola', w0, alpha, steps);
    expect(errorsOf(result)).toEqual([expected]);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it('non-numbers and unknown curves are rejected too', () => {
    expect(errorsOf(descend1d('cubic' as CurveId, '1' as unknown as number, 0.1, 10))).toEqual([
      ['curve', 'unknown-curve'],
      ['w0', 'not-a-number'],
    ]);
  });

  it('a start outside a custom bound is rejected', () => {
    expect(errorsOf(descend1d('parabola', 50, 0.1, 10, { bound: 20 }))).toEqual([['w0', 'out-of-range']]);
  });

  it('descend2d rejects empty data, bad points and bad settings', () => {
    expect(errorsOf(descend2d([], { w0: 0, b0: 0 }, 0.1, 10))).toEqual([['data', 'empty-data']]);
    expect(errorsOf(descend2d([{ x: NaN, y: 1 }], { w0: 0, b0: Infinity }, 0.1, 10))).toEqual([
      ['data[0].x', 'not-a-number'],
      ['b0', 'not-finite'],
    ]);
  });
});

describe('one-feature logistic regression', () => {
  const data = makeLogisticDataset();
  const points = data.points;

  it('the dataset is determined by its seed', () => {
    expect(makeLogisticDataset(DEFAULT_DATASET_SEED)).toEqual(data);
    expect(makeLogisticDataset(123)).toEqual(makeLogisticDataset(123));
    expect(makeLogisticDataset(124).points).not.toEqual(makeLogisticDataset(123).points);
  });

  it('has 20 points with x in [−3, 3] and labels 0 or 1 from both classes', () => {
    expect(points).toHaveLength(20);
    for (const { x, y } of points) {
      expect(x).toBeGreaterThanOrEqual(-3);
      expect(x).toBeLessThan(3);
      expect([0, 1]).toContain(y);
    }
    expect(points.some((p) => p.y === 0) && points.some((p) => p.y === 1)).toBe(true);
  });

  it('is not separable by any threshold, so J has a finite minimum', () => {
    const separable = points.some(({ x: t }) =>
      [1, -1].some((direction) => points.every(({ x, y }) => (direction * (x - t) > 0 ? 1 : 0) === y || x === t)),
    );
    expect(separable).toBe(false);
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 8])('seed %i: dw and db match central differences', (seed) => {
    const rng = createRng(seed);
    const [w, b] = [uniform(rng, -3, 3), uniform(rng, -3, 3)];
    const { dw, db } = logisticGradient(points, w, b);
    expect(relativeError(dw, centralDifference((x) => logisticCost(points, x, b), w))).toBeLessThan(1e-6);
    expect(relativeError(db, centralDifference((x) => logisticCost(points, w, x), b))).toBeLessThan(1e-6);
  });

  it('J(w, b) is convex (document 002): the midpoint of any chord lies above the surface', () => {
    const rng = createRng(5);
    for (let i = 0; i < 100; i++) {
      const [w1, b1, w2, b2] = [uniform(rng, -5, 5), uniform(rng, -5, 5), uniform(rng, -5, 5), uniform(rng, -5, 5)];
      const mid = logisticCost(points, (w1 + w2) / 2, (b1 + b2) / 2);
      expect(mid).toBeLessThanOrEqual((logisticCost(points, w1, b1) + logisticCost(points, w2, b2)) / 2 + 1e-12);
    }
  });

  it('J at (0, 0) is ln 2 whatever the labels', () => {
    expect(logisticCost(points, 0, 0)).toBeCloseTo(Math.LN2, 14);
  });

  it('a small α lowers the cost on every step', () => {
    const run = run2d(points, 0.1, 500);
    expect(run.outcome).not.toBe('diverged');
    expect(run.overshoots).toBe(0);
    run.records.slice(1).forEach((record, k) => expect(record.J).toBeLessThan(run.records[k].J));
  });

  it('α = 1 converges to the minimum, where the gradient vanishes and the grid minimum is nearby', () => {
    const run = run2d(points, 1, 500);
    expect(run.outcome).toBe('converged');
    const last = run.records.at(-1)!;
    const grid = costGrid(points, [-2, 4], [-3, 3], 61);
    expect(Math.abs(last.w - grid.argmin.w)).toBeLessThanOrEqual(0.1);
    expect(Math.abs(last.b - grid.argmin.b)).toBeLessThanOrEqual(0.1);
    expect(last.J).toBeLessThanOrEqual(grid.min);
  });

  it('a very large α keeps jumping across the valley', () => {
    const run = run2d(points, 20, 500);
    expect(run.outcome).toBe('oscillating');
    expect(run.overshoots).toBeGreaterThan(0);
  });

  it('records follow w := w − α dw, b := b − α db and survive JSON unchanged', () => {
    const run = run2d(points, 0.5, 20);
    run.records.slice(1).forEach((record, k) => {
      const previous = run.records[k];
      expect(record.w).toBe(previous.w - 0.5 * previous.dw);
      expect(record.b).toBe(previous.b - 0.5 * previous.db);
    });
    expect(allRecordValuesFinite(run.records)).toBe(true);
    expect(JSON.parse(JSON.stringify(run))).toEqual(run);
  });

  it('a huge α stops as diverged or stays finite, never emitting NaN', () => {
    const run = descend2d(points, { w0: 50, b0: -50 }, 1000, 5000);
    expect(run.ok).toBe(true);
    if (run.ok) expect(allRecordValuesFinite(run.records)).toBe(true);
  });
});

describe('cost grid and contour levels', () => {
  const points = makeLogisticDataset().points;
  const grid = costGrid(points, [-2, 4], [-3, 3], 13);

  it('samples J on an evenly spaced grid, rows by b and columns by w', () => {
    expect(grid.wValues).toHaveLength(13);
    expect(grid.bValues).toHaveLength(13);
    expect(grid.wValues[0]).toBe(-2);
    expect(grid.wValues[12]).toBe(4);
    expect(grid.values).toHaveLength(13);
    expect(grid.values[3][7]).toBe(logisticCost(points, grid.wValues[7], grid.bValues[3]));
  });

  it('min, max and argmin describe the grid', () => {
    const flat = grid.values.flat();
    expect(grid.min).toBe(Math.min(...flat));
    expect(grid.max).toBe(Math.max(...flat));
    expect(logisticCost(points, grid.argmin.w, grid.argmin.b)).toBe(grid.min);
  });

  it('contour levels rise strictly inside (min, max); quadratic spacing crowds them near the minimum', () => {
    for (const spacing of ['linear', 'quadratic'] as const) {
      const levels = contourLevels(grid, 8, spacing);
      expect(levels).toHaveLength(8);
      expect(levels[0]).toBeGreaterThan(grid.min);
      expect(levels[7]).toBeLessThan(grid.max);
      levels.slice(1).forEach((level, k) => expect(level).toBeGreaterThan(levels[k]));
    }
    const linear = contourLevels(grid, 4, 'linear');
    const gaps = linear.slice(1).map((level, k) => level - linear[k]);
    for (const gap of gaps) expect(gap).toBeCloseTo((grid.max - grid.min) / 5, 12);
    const quadratic = contourLevels(grid, 4);
    expect(quadratic[1] - quadratic[0]).toBeLessThan(quadratic[3] - quadratic[2]);
  });

  it('a malformed grid request throws', () => {
    expect(() => costGrid(points, [-2, 4], [-3, 3], 1)).toThrow(RangeError);
    expect(() => costGrid(points, [4, -2], [-3, 3], 10)).toThrow(RangeError);
    expect(() => costGrid([], [-2, 4], [-3, 3], 10)).toThrow(RangeError);
    expect(() => contourLevels(grid, 0)).toThrow(RangeError);
  });
});
