/**
 * Gradient descent as document 002 §7.2.5 states it: w := w − α dJ/dw and b := b − α dJ/db on a
 * convex cost. A run is a plain array of records, one per step; a widget shows records[index].
 * Divergence is reported as data, and no record ever holds NaN or Infinity.
 */
import { sigmoid } from '../core/activations';
import { texNumber } from '../core/format';
import { LOSSES } from '../core/losses';
import { createRng, uniform } from '../core/random';
import { checkBoundedNumber, describeReceived, type EngineError, type Refusal } from '../core/validation';

export type CurveId = 'parabola' | 'quartic' | 'log-cosh';

export interface ConvexCurve {
  id: CurveId;
  tex: string;
  derivativeTex: string;
  /** J(w) */
  J(w: number): number;
  /** dJ/dw */
  dJ(w: number): number;
  minimum: { w: number; J: number };
  /** Every α below this converges from every start; null when the safe α depends on the start. */
  stableAlphaBelow: number | null;
}

/** ln cosh x written as |x| + ln(1 + e^{−2|x|}) − ln 2, which cannot overflow. */
const logCosh = (x: number) => Math.abs(x) + Math.log1p(Math.exp(-2 * Math.abs(x))) - Math.LN2;

export const CURVES: Readonly<Record<CurveId, ConvexCurve>> = {
  /** J = (w − 3)² + 1,  J′ = 2(w − 3); w − 3 shrinks by (1 − 2α) each step, so α < 1 converges */
  parabola: {
    id: 'parabola',
    tex: 'J(w) = (w - 3)^2 + 1',
    derivativeTex: "J'(w) = 2(w - 3)",
    J: (w) => (w - 3) ** 2 + 1,
    dJ: (w) => 2 * (w - 3),
    minimum: { w: 3, J: 1 },
    stableAlphaBelow: 1,
  },
  /** J = (w − 1)⁴/4 + (w − 1)²/2 + 1,  J′ = (w − 1)³ + (w − 1); curvature grows with distance, so a far start can diverge */
  quartic: {
    id: 'quartic',
    tex: 'J(w) = \\tfrac{1}{4}(w - 1)^4 + \\tfrac{1}{2}(w - 1)^2 + 1',
    derivativeTex: "J'(w) = (w - 1)^3 + (w - 1)",
    J: (w) => (w - 1) ** 4 / 4 + (w - 1) ** 2 / 2 + 1,
    dJ: (w) => (w - 1) ** 3 + (w - 1),
    minimum: { w: 1, J: 1 },
    stableAlphaBelow: null,
  },
  /** J = ln cosh(w + 1) + 1,  J′ = tanh(w + 1); curvature ≤ 1 so α < 2 converges, and |J′| < 1 so no α diverges */
  'log-cosh': {
    id: 'log-cosh',
    tex: 'J(w) = \\ln\\cosh(w + 1) + 1',
    derivativeTex: "J'(w) = \\tanh(w + 1)",
    J: (w) => logCosh(w + 1) + 1,
    dJ: (w) => Math.tanh(w + 1),
    minimum: { w: -1, J: 1 },
    stableAlphaBelow: 2,
  },
};
export const CURVE_IDS: readonly CurveId[] = ['parabola', 'quartic', 'log-cosh'];

/** Points (w, J(w)) for drawing the curve. */
export function sampleCurve(curve: ConvexCurve, from: number, to: number, count: number): { w: number; J: number }[] {
  return Array.from({ length: count }, (_, i) => {
    const w = count === 1 ? from : from + ((to - from) * i) / (count - 1);
    return { w, J: curve.J(w) };
  });
}

/**
 * 'converged': the gradient is below tolerance at the last step. 'oscillating': not converged and
 * the last step reversed direction (it jumped across the minimum). 'descending': still moving
 * steadily towards the minimum. 'diverged': left the bounded region or overflowed, so the run stopped.
 */
export type DescentOutcome = 'converged' | 'oscillating' | 'descending' | 'diverged';
export type StopReason = 'completed' | 'bound' | 'non-finite';

/** By default a run stops as diverged once |w| or |b| exceeds this, far outside any plotted range. */
export const DIVERGENCE_BOUND = 1e4;
/** A run also stops as diverged once J exceeds this. */
export const COST_BOUND = 1e15;
/** |gradient| at or below which a run counts as converged. */
export const GRADIENT_TOLERANCE = 1e-6;
export const MAX_STEPS = 100000;
/** Starts are limited (and to the divergence bound when it is smaller) so that every run starts inside its bound. */
export const MAX_START_MAGNITUDE = 100;
export const MAX_ALPHA = 1000;

export type DescentErrorCode = 'not-a-number' | 'not-finite' | 'out-of-range' | 'not-an-integer' | 'unknown-curve' | 'empty-data';

function collectErrors(checks: (EngineError<DescentErrorCode> | null)[]): Refusal<DescentErrorCode> | null {
  const errors = checks.filter((error): error is EngineError<DescentErrorCode> => error !== null);
  return errors.length > 0 ? { ok: false, errors } : null;
}

/** α must be positive: α ≤ 0 would stand still or climb. */
const checkAlpha = (alpha: unknown) => checkBoundedNumber('alpha', alpha, Number.MIN_VALUE, MAX_ALPHA);
const checkSteps = (steps: unknown) => checkBoundedNumber('steps', steps, 0, MAX_STEPS, true);
/** A widget may pass its own bound, e.g. so that leaving the plot counts as divergence. */
const checkBound = (bound: unknown) => checkBoundedNumber('bound', bound, 1, 1e6);
const checkStart = (field: string, value: unknown, bound: number) => {
  const limit = Number.isFinite(bound) ? Math.min(MAX_START_MAGNITUDE, bound) : MAX_START_MAGNITUDE;
  return checkBoundedNumber(field, value, -limit, limit);
};

const n = (value: number) => texNumber(value, { parenthesiseNegative: true });

export interface Descent1dRecord {
  step: number;
  w: number;
  J: number;
  /** dJ/dw at w. */
  gradient: number;
  /** The update that produced w, with numbers, e.g. w_1 = 0 - 0.1 \times (-6) = 0.6. */
  texNumeric: string;
}

export interface Descent1dRun {
  ok: true;
  curveId: CurveId;
  w0: number;
  alpha: number;
  requestedSteps: number;
  /** records[0] is the start; fewer than requestedSteps + 1 only when the run diverged. */
  records: Descent1dRecord[];
  outcome: DescentOutcome;
  /** Steps that reversed direction, i.e. jumped across the minimum. */
  overshoots: number;
  stopReason: StopReason;
}

const escapes = (bound: number, J: number, ...parameters: number[]) => J > COST_BOUND || parameters.some((value) => Math.abs(value) > bound);
const allFinite = (...values: number[]) => values.every(Number.isFinite);

function classify(converged: boolean, diverged: boolean, lastStepReversed: boolean): DescentOutcome {
  if (diverged) return 'diverged';
  if (converged) return 'converged';
  return lastStepReversed ? 'oscillating' : 'descending';
}

/** w := w − α J′(w) from w0 for a number of steps, stopping early only on divergence. */
export function descend1d(
  curveOrId: CurveId | ConvexCurve,
  w0: number,
  alpha: number,
  steps: number,
  options: { bound?: number } = {},
): Descent1dRun | Refusal<DescentErrorCode> {
  const { bound = DIVERGENCE_BOUND } = options;
  const curve = typeof curveOrId === 'string' ? (CURVES as Record<string, ConvexCurve | undefined>)[curveOrId] : curveOrId;
  const invalid = collectErrors([
    curve ? null : { field: 'curve', received: describeReceived(curveOrId), code: 'unknown-curve', message: `no curve ${describeReceived(curveOrId)}` },
    checkStart('w0', w0, bound),
    checkAlpha(alpha),
    checkSteps(steps),
    checkBound(bound),
  ]);
  if (invalid || !curve) return invalid!;

  const records: Descent1dRecord[] = [{ step: 0, w: w0, J: curve.J(w0), gradient: curve.dJ(w0), texNumeric: `w_0 = ${n(w0)}` }];
  let stopReason: StopReason = 'completed';
  let overshoots = 0;
  for (let step = 1; step <= steps; step++) {
    const previous = records[step - 1];
    const w = previous.w - alpha * previous.gradient;
    const J = curve.J(w);
    const gradient = curve.dJ(w);
    if (!allFinite(w, J, gradient)) {
      stopReason = 'non-finite';
      break;
    }
    if (Math.sign(gradient) * Math.sign(previous.gradient) < 0) overshoots++;
    records.push({
      step, w, J, gradient,
      texNumeric: `w_{${step}} = ${n(previous.w)} - ${n(alpha)} \\times ${n(previous.gradient)} = ${n(w)}`,
    });
    if (escapes(bound, J, w)) {
      stopReason = 'bound';
      break;
    }
  }
  const last = records[records.length - 1];
  const beforeLast = records[records.length - 2];
  const lastStepReversed = beforeLast !== undefined && Math.sign(last.gradient) * Math.sign(beforeLast.gradient) < 0;
  return {
    ok: true, curveId: curve.id, w0, alpha, requestedSteps: steps, records,
    outcome: classify(Math.abs(last.gradient) <= GRADIENT_TOLERANCE, stopReason !== 'completed', lastStepReversed),
    overshoots, stopReason,
  };
}

export interface LabelledPoint {
  x: number;
  y: 0 | 1;
}

export interface LogisticDataset {
  seed: number;
  points: LabelledPoint[];
  /** The rule the labels were drawn from: P(y = 1 | x) = σ(w·x + b). */
  rule: { w: number; b: number };
}

export interface DatasetOptions {
  count?: number;
  xRange?: [number, number];
  rule?: { w: number; b: number };
}

export const DEFAULT_DATASET_SEED = 7;
/** Features are bounded so that w·x stays finite for every w inside the divergence bound. */
export const MAX_FEATURE_MAGNITUDE = 1e6;

/**
 * One-feature points with x uniform in xRange and y = 1 with probability σ(w·x + b). Drawing labels
 * from a probability rather than a threshold mixes the classes near the boundary, so the data are
 * not separable and the mean log loss has a finite minimum.
 */
export function makeLogisticDataset(seed = DEFAULT_DATASET_SEED, options: DatasetOptions = {}): LogisticDataset {
  const { count = 20, xRange = [-3, 3], rule = { w: 1.5, b: 0.5 } } = options;
  const rng = createRng(seed);
  const points = Array.from({ length: count }, (): LabelledPoint => {
    const x = uniform(rng, xRange[0], xRange[1]);
    return { x, y: rng() < sigmoid(rule.w * x + rule.b) ? 1 : 0 };
  });
  return { seed, points, rule: { ...rule } };
}

const logLoss = LOSSES.binaryCrossEntropy;

/** J(w, b) = (1/m) Σ L(σ(w x_i + b), y_i), the mean log loss. */
export function logisticCost(points: readonly LabelledPoint[], w: number, b: number): number {
  return points.reduce((sum, { x, y }) => sum + logLoss.value([sigmoid(w * x + b)], [y]), 0) / points.length;
}

/** dw = (1/m) Σ (a_i − y_i) x_i,  db = (1/m) Σ (a_i − y_i), with a_i = σ(w x_i + b). */
export function logisticGradient(points: readonly LabelledPoint[], w: number, b: number): { dw: number; db: number } {
  let dw = 0;
  let db = 0;
  for (const { x, y } of points) {
    const dz = sigmoid(w * x + b) - y;
    dw += dz * x;
    db += dz;
  }
  return { dw: dw / points.length, db: db / points.length };
}

export interface Descent2dRecord {
  step: number;
  w: number;
  b: number;
  J: number;
  dw: number;
  db: number;
  /** The update that produced (w, b), with numbers. */
  texNumeric: string;
}

export interface Descent2dRun {
  ok: true;
  start: { w0: number; b0: number };
  alpha: number;
  requestedSteps: number;
  records: Descent2dRecord[];
  outcome: DescentOutcome;
  /** Steps whose direction turned by more than 90° from the previous step's. */
  overshoots: number;
  stopReason: StopReason;
}

/** Batch gradient descent on the mean log loss: w := w − α dw, b := b − α db. */
export function descend2d(
  points: readonly LabelledPoint[],
  start: { w0: number; b0: number },
  alpha: number,
  steps: number,
  options: { bound?: number } = {},
): Descent2dRun | Refusal<DescentErrorCode> {
  const { bound = DIVERGENCE_BOUND } = options;
  const invalid = collectErrors([
    points.length > 0 ? null : { field: 'data', received: '0 points', code: 'empty-data', message: 'the dataset is empty' },
    ...points.flatMap((point, i) => [checkBoundedNumber(`data[${i}].x`, point.x, -MAX_FEATURE_MAGNITUDE, MAX_FEATURE_MAGNITUDE), checkBoundedNumber(`data[${i}].y`, point.y, 0, 1)]),
    checkStart('w0', start.w0, bound),
    checkStart('b0', start.b0, bound),
    checkAlpha(alpha),
    checkSteps(steps),
    checkBound(bound),
  ]);
  if (invalid) return invalid;

  const recordAt = (step: number, w: number, b: number, texNumeric: string): Descent2dRecord => ({
    step, w, b, J: logisticCost(points, w, b), ...logisticGradient(points, w, b), texNumeric,
  });
  const records = [recordAt(0, start.w0, start.b0, `(w_0, b_0) = (${n(start.w0)}, ${n(start.b0)})`)];
  const turnsBack = (a: Descent2dRecord, b: Descent2dRecord) => a.dw * b.dw + a.db * b.db < 0;
  let stopReason: StopReason = 'completed';
  let overshoots = 0;
  for (let step = 1; step <= steps; step++) {
    const previous = records[step - 1];
    const w = previous.w - alpha * previous.dw;
    const b = previous.b - alpha * previous.db;
    const record = recordAt(
      step, w, b,
      `w_{${step}} = ${n(previous.w)} - ${n(alpha)} \\times ${n(previous.dw)} = ${n(w)},\\quad ` +
        `b_{${step}} = ${n(previous.b)} - ${n(alpha)} \\times ${n(previous.db)} = ${n(b)}`,
    );
    if (!allFinite(record.w, record.b, record.J, record.dw, record.db)) {
      stopReason = 'non-finite';
      break;
    }
    if (turnsBack(record, previous)) overshoots++;
    records.push(record);
    if (escapes(bound, record.J, w, b)) {
      stopReason = 'bound';
      break;
    }
  }
  const last = records[records.length - 1];
  const beforeLast = records[records.length - 2];
  return {
    ok: true, start: { ...start }, alpha, requestedSteps: steps, records,
    outcome: classify(Math.hypot(last.dw, last.db) <= GRADIENT_TOLERANCE, stopReason !== 'completed', beforeLast !== undefined && turnsBack(last, beforeLast)),
    overshoots, stopReason,
  };
}

export interface CostGrid {
  /** Column coordinates. */
  wValues: number[];
  /** Row coordinates. */
  bValues: number[];
  /** values[row][column] = J(wValues[column], bValues[row]). */
  values: number[][];
  min: number;
  max: number;
  /** The grid point with the smallest J. */
  argmin: { w: number; b: number };
}

export const MAX_GRID_RESOLUTION = 400;

const linspace = ([from, to]: readonly [number, number], count: number) =>
  Array.from({ length: count }, (_, i) => from + ((to - from) * i) / (count - 1));

/** J on a resolution × resolution grid over wRange × bRange, for a contour plot. Throws on a malformed grid. */
export function costGrid(
  points: readonly LabelledPoint[],
  wRange: readonly [number, number],
  bRange: readonly [number, number],
  resolution: number,
): CostGrid {
  if (!Number.isInteger(resolution) || resolution < 2 || resolution > MAX_GRID_RESOLUTION) {
    throw new RangeError(`resolution must be a whole number in [2, ${MAX_GRID_RESOLUTION}], got ${resolution}`);
  }
  if (![...wRange, ...bRange].every(Number.isFinite) || wRange[0] >= wRange[1] || bRange[0] >= bRange[1]) {
    throw new RangeError(`ranges must be finite and increasing, got w ${wRange} and b ${bRange}`);
  }
  if (points.length === 0) throw new RangeError('the dataset is empty');
  const wValues = linspace(wRange, resolution);
  const bValues = linspace(bRange, resolution);
  const values = bValues.map((b) => wValues.map((w) => logisticCost(points, w, b)));
  let min = Infinity;
  let max = -Infinity;
  let argmin = { w: wValues[0], b: bValues[0] };
  values.forEach((row, i) =>
    row.forEach((value, j) => {
      if (value < min) {
        min = value;
        argmin = { w: wValues[j], b: bValues[i] };
      }
      max = Math.max(max, value);
    }),
  );
  return { wValues, bValues, values, min, max, argmin };
}

/**
 * `count` contour levels strictly between the grid's min and max. 'quadratic' spaces them as
 * min + (max − min)(k/(count+1))², which draws evenly spaced rings around a bowl-shaped minimum.
 */
export function contourLevels(grid: Pick<CostGrid, 'min' | 'max'>, count: number, spacing: 'linear' | 'quadratic' = 'quadratic'): number[] {
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`count must be a positive whole number, got ${count}`);
  return Array.from({ length: count }, (_, i) => {
    const fraction = (i + 1) / (count + 1);
    return grid.min + (grid.max - grid.min) * (spacing === 'quadratic' ? fraction ** 2 : fraction);
  });
}
