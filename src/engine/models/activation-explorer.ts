/**
 * Data for the activation-functions widget: sampled curves of f and f′, the z-intervals where a
 * function saturates, Maxout as the two-piece generalisation of (leaky) ReLU (document 003 §4), and
 * numeric checks of the identities the documents state, including the ones they print wrongly.
 * Refused input comes back as an error record, never as NaN; the caller words it for the reader.
 */
import { DEFAULT_LEAKY_ALPHA, SCALAR_ACTIVATIONS, sigmoid } from '../core/activations';
import type { EngineError } from '../core/validation';

export type ExplorerActivationName = 'sigmoid' | 'tanh' | 'relu' | 'leakyRelu' | 'maxout' | 'linear';

export const EXPLORER_ACTIVATIONS: readonly ExplorerActivationName[] = ['sigmoid', 'tanh', 'relu', 'leakyRelu', 'maxout', 'linear'];

/** The two affine pieces of a scalar Maxout unit: max(w1·x + b1, w2·x + b2). */
export interface MaxoutParams {
  w1: number;
  b1: number;
  w2: number;
  b2: number;
}

/** ReLU(x) = max(0·x + 0, 1·x + 0): document 003 §4's "w1, b1 = 0", with the second piece the identity. */
export const RELU_AS_MAXOUT: MaxoutParams = { w1: 0, b1: 0, w2: 1, b2: 0 };

/** LeakyReLU(x) = max(αx, x), which holds only for 0 ≤ α ≤ 1 (for α > 1 the max picks αx when x > 0). */
export function leakyReluAsMaxout(alpha: number): MaxoutParams {
  return { w1: alpha, b1: 0, w2: 1, b2: 0 };
}

export const MAXOUT_TEX = '\\mathrm{maxout}(x) = \\max(w_1 x + b_1,\\; w_2 x + b_2)';

/** Largest |z| a plotted range may reach; beyond it the grid step itself loses precision. */
export const RANGE_LIMIT = 1e6;
/** Largest |α| or Maxout weight/bias accepted, so that every plotted value stays finite. */
export const SETTING_LIMIT = 1000;
export const MIN_POINTS = 2;
export const MAX_POINTS = 2000;
/** |f′| below this counts as saturated, the shading default. */
export const DEFAULT_SATURATION_THRESHOLD = 0.05;
/** A stated identity "holds" when its two sides agree this closely at every sample point. */
export const IDENTITY_TOLERANCE = 1e-12;

/** Refused fields: 'name', 'from', 'to', 'points', 'alpha', 'w1'…'b2', 'threshold' or 'zs'. */
export type ExplorerErrorCode =
  | 'unknown-activation'
  | 'not-finite'
  | 'out-of-range'
  | 'inverted-range'
  | 'empty-range'
  | 'not-positive'
  | 'no-samples';


export interface ActivationSettings {
  /** Leaky ReLU slope for z < 0. */
  alpha?: number;
  maxout?: MaxoutParams;
}

export interface SampleOptions extends ActivationSettings {
  from: number;
  to: number;
  points: number;
}

export interface ActivationSamples {
  z: number[];
  f: number[];
  df: number[];
  /** z where f′ jumps inside the range, so a plot can break the f′ line there instead of joining it. */
  kinks: number[];
}

export interface ZInterval {
  from: number;
  to: number;
}

export interface ActivationValue {
  f: number;
  df: number;
}

/** Maxout f(x) = max(w1·x + b1, w2·x + b2), f′(x) = slope of the larger piece (the steeper one at a tie, i.e. the right derivative). */
export function maxoutAt(x: number, params: MaxoutParams): ActivationValue & { activePiece: 1 | 2 } {
  const first = params.w1 * x + params.b1;
  const second = params.w2 * x + params.b2;
  if (first > second) return { f: first, df: params.w1, activePiece: 1 };
  if (second > first) return { f: second, df: params.w2, activePiece: 2 };
  return params.w1 > params.w2 ? { f: first, df: params.w1, activePiece: 1 } : { f: second, df: params.w2, activePiece: 2 };
}

/** f(z) and f′(z) for one activation; α is the leaky ReLU slope, maxout the Maxout pieces. */
export function valueAt(
  name: ExplorerActivationName,
  z: number,
  alpha: number = DEFAULT_LEAKY_ALPHA,
  maxout: MaxoutParams = RELU_AS_MAXOUT,
): ActivationValue {
  if (name === 'maxout') {
    const { f, df } = maxoutAt(z, maxout);
    return { f, df };
  }
  const activation = SCALAR_ACTIVATIONS[name];
  const f = activation.f(z, alpha);
  return { f, df: activation.df(z, f, alpha) };
}

/** Points z_i = from + (to − from)·i/(n − 1), i = 0…n−1, with n clamped to [MIN_POINTS, MAX_POINTS]; f and f′ at each. */
export function sampleActivation(name: ExplorerActivationName, options: SampleOptions): ActivationSamples | { error: EngineError<ExplorerErrorCode> } {
  const refused = checkName(name) ?? checkRange(options) ?? checkSettings(options) ?? checkFinite('points', options.points);
  if (refused) return { error: refused };
  const { from, to } = options;
  const alpha = options.alpha ?? DEFAULT_LEAKY_ALPHA;
  const maxout = options.maxout ?? RELU_AS_MAXOUT;
  const count = Math.min(MAX_POINTS, Math.max(MIN_POINTS, Math.round(options.points)));
  const z = Array.from({ length: count }, (_, i) => (i === count - 1 ? to : from + ((to - from) * i) / (count - 1)));
  const values = z.map((zi) => valueAt(name, zi, alpha, maxout));
  return { z, f: values.map((v) => v.f), df: values.map((v) => v.df), kinks: kinksIn(name, { from, to }, alpha, maxout) };
}

/** z where f′ is discontinuous inside [from, to]: 0 for (leaky) ReLU, (b2 − b1)/(w1 − w2) for Maxout. */
export function kinksIn(name: ExplorerActivationName, range: ZInterval, alpha: number = DEFAULT_LEAKY_ALPHA, maxout: MaxoutParams = RELU_AS_MAXOUT): number[] {
  const inside = (z: number) => z >= range.from && z <= range.to;
  if (name === 'relu' || (name === 'leakyRelu' && alpha !== 1)) return inside(0) ? [0] : [];
  if (name === 'maxout' && maxout.w1 !== maxout.w2) {
    const crossing = (maxout.b2 - maxout.b1) / (maxout.w1 - maxout.w2);
    return inside(crossing) ? [crossing] : [];
  }
  return [];
}

/** Grid cells searched for saturation boundaries; every activation here changes state at most twice, so none is missed. */
const SATURATION_GRID_CELLS = 2000;
const BISECTION_STEPS = 200;

/** The z-intervals of [from, to] where |f′(z)| < threshold, boundaries refined by bisection. */
export function saturationIntervals(
  name: ExplorerActivationName,
  range: ZInterval,
  threshold: number = DEFAULT_SATURATION_THRESHOLD,
  settings: ActivationSettings = {},
): { intervals: ZInterval[] } | { error: EngineError<ExplorerErrorCode> } {
  const refused = checkName(name) ?? checkRange(range) ?? checkSettings(settings) ?? checkThreshold(threshold);
  if (refused) return { error: refused };
  const alpha = settings.alpha ?? DEFAULT_LEAKY_ALPHA;
  const maxout = settings.maxout ?? RELU_AS_MAXOUT;
  const saturated = (z: number) => Math.abs(valueAt(name, z, alpha, maxout).df) < threshold;
  const gridPoint = (i: number) => (i === SATURATION_GRID_CELLS ? range.to : range.from + ((range.to - range.from) * i) / SATURATION_GRID_CELLS);

  const intervals: ZInterval[] = [];
  let start: number | undefined = saturated(range.from) ? range.from : undefined;
  let previous = range.from;
  for (let i = 1; i <= SATURATION_GRID_CELLS; i++) {
    const current = gridPoint(i);
    const isSaturated = saturated(current);
    if (isSaturated !== (start !== undefined)) {
      const boundary = bisectBoundary(saturated, previous, current);
      if (start === undefined) start = boundary;
      else {
        intervals.push({ from: start, to: boundary });
        start = undefined;
      }
    }
    previous = current;
  }
  if (start !== undefined) intervals.push({ from: start, to: range.to });
  return { intervals };
}

/** Where predicate(z) changes between lo and hi (predicate(lo) ≠ predicate(hi)), to the last representable step. */
function bisectBoundary(predicate: (z: number) => boolean, lo: number, hi: number): number {
  const atLo = predicate(lo);
  for (let step = 0; step < BISECTION_STEPS; step++) {
    const mid = (lo + hi) / 2;
    if (mid === lo || mid === hi) break;
    if (predicate(mid) === atLo) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** Peak of σ′(z) = σ(z)(1 − σ(z)), found by bisecting σ″(z) = σ′(z)(1 − 2σ(z)) for its sign change. */
export function sigmoidDerivativeMaximum(): { z: number; value: number } {
  const sigmoidDerivative = (z: number) => sigmoid(z) * (1 - sigmoid(z));
  const secondDerivative = (z: number) => sigmoidDerivative(z) * (1 - 2 * sigmoid(z));
  // The bracket is lopsided so that no midpoint lands on the peak by symmetry: the search has to find it.
  let lo = -8;
  let hi = 5;
  for (let step = 0; step < BISECTION_STEPS; step++) {
    const mid = (lo + hi) / 2;
    if (mid === lo || mid === hi) break;
    const slope = secondDerivative(mid);
    if (slope === 0) {
      lo = hi = mid;
      break;
    }
    if (slope > 0) lo = mid;
    else hi = mid;
  }
  const z = (lo + hi) / 2;
  return { z, value: sigmoidDerivative(z) };
}

export type IdentityId =
  | 'tanh-as-scaled-sigmoid'
  | 'tanh-exponential-form'
  | 'tanh-exponential-form-as-printed-000'
  | 'sigmoid-derivative'
  | 'tanh-derivative'
  | 'tanh-derivative-as-printed-002';

export interface IdentityCheck {
  id: IdentityId;
  lhsTex: string;
  rhsTex: string;
  /** Where a document states it: seed file number and section. */
  source: string;
  /** False for the forms a document prints wrongly; they are listed so the widget can show how far off they are. */
  expectedToHold: boolean;
  /** max over the sample points of |lhs(z) − rhs(z)| */
  maxDeviation: number;
  /** The sample point where that maximum occurs. */
  worstZ: number;
  holds: boolean;
}

interface IdentityDefinition {
  id: IdentityId;
  lhsTex: string;
  rhsTex: string;
  source: string;
  expectedToHold: boolean;
  lhs(z: number): number;
  rhs(z: number): number;
}

/** e^{−|z|}: the closed forms below are written in it (odd ones at |z|, sign restored) so none overflows for large |z|. */
const decay = (z: number) => Math.exp(-Math.abs(z));

const IDENTITIES: IdentityDefinition[] = [
  {
    id: 'tanh-as-scaled-sigmoid',
    lhsTex: '\\tanh(z)',
    rhsTex: '2\\sigma(2z) - 1',
    source: '000 激活函数 → Tanh; 003 §4',
    expectedToHold: true,
    lhs: Math.tanh,
    rhs: (z) => 2 * sigmoid(2 * z) - 1,
  },
  {
    id: 'tanh-exponential-form',
    lhsTex: '\\tanh(z)',
    rhsTex: '\\frac{1 - e^{-2z}}{1 + e^{-2z}}',
    source: '002 §7.2.6.1 (as (e^z − e^{−z})/(e^z + e^{−z})); the corrected right-hand side of 000 激活函数 → Tanh',
    expectedToHold: true,
    lhs: Math.tanh,
    rhs: (z) => (Math.sign(z) * (1 - decay(2 * z))) / (1 + decay(2 * z)),
  },
  {
    id: 'tanh-exponential-form-as-printed-000',
    lhsTex: '\\tanh(z)',
    rhsTex: '\\frac{1 - e^{-z}}{1 + e^{-z}}',
    source: '000 激活函数 → Tanh (printed; it equals tanh(z/2))',
    expectedToHold: false,
    lhs: Math.tanh,
    rhs: (z) => (Math.sign(z) * (1 - decay(z))) / (1 + decay(z)),
  },
  {
    id: 'sigmoid-derivative',
    lhsTex: '\\frac{e^{-z}}{(1 + e^{-z})^2}',
    rhsTex: '\\sigma(z)\\,(1 - \\sigma(z))',
    source: '002 §7.2.6.1; 003 (1.13)',
    expectedToHold: true,
    // σ′ is even, so the quotient-rule derivative can be evaluated at −|z| where e^{−|z|} cannot overflow.
    lhs: (z) => decay(z) / (1 + decay(z)) ** 2,
    rhs: (z) => SCALAR_ACTIVATIONS.sigmoid.df(z, sigmoid(z), DEFAULT_LEAKY_ALPHA),
  },
  {
    id: 'tanh-derivative',
    lhsTex: '\\operatorname{sech}^2(z)',
    rhsTex: '1 - \\tanh^2(z)',
    source: '002 §7.2.6.1 (printed "1-(g(z))^21")',
    expectedToHold: true,
    lhs: (z) => 1 / Math.cosh(z) ** 2,
    rhs: (z) => SCALAR_ACTIVATIONS.tanh.df(z, Math.tanh(z), DEFAULT_LEAKY_ALPHA),
  },
  {
    id: 'tanh-derivative-as-printed-002',
    lhsTex: '\\operatorname{sech}^2(z)',
    rhsTex: '(1 - \\tanh(z))^2',
    source: '002 §7.2.8 dZ^{[1]} (printed (1 − A^{[1]})^2)',
    expectedToHold: false,
    lhs: (z) => 1 / Math.cosh(z) ** 2,
    rhs: (z) => (1 - Math.tanh(z)) ** 2,
  },
];

/** For each identity, max_z |lhs(z) − rhs(z)| over the given points; holds when ≤ IDENTITY_TOLERANCE. */
export function identityChecks(zs: readonly number[]): IdentityCheck[] | { error: EngineError<ExplorerErrorCode> } {
  if (zs.length === 0) return { error: { field: 'zs', code: 'no-samples' } };
  if (!zs.every(Number.isFinite)) return { error: { field: 'zs', code: 'not-finite' } };
  return IDENTITIES.map(({ lhs, rhs, ...identity }) => {
    const { deviation, at } = maxDeviation(zs, lhs, rhs);
    return { ...identity, maxDeviation: deviation, worstZ: at, holds: deviation <= IDENTITY_TOLERANCE };
  });
}

export interface MaxoutSpecialCase {
  id: 'relu' | 'leakyRelu';
  params: MaxoutParams;
  /** max over the sample points of |maxout(x) − f(x)| */
  maxDeviation: number;
  holds: boolean;
}

/** How closely Maxout with the special-case pieces reproduces ReLU and leaky ReLU(α) at the given points. */
export function maxoutSpecialCases(zs: readonly number[], alpha: number = DEFAULT_LEAKY_ALPHA): MaxoutSpecialCase[] | { error: EngineError<ExplorerErrorCode> } {
  if (zs.length === 0) return { error: { field: 'zs', code: 'no-samples' } };
  if (!zs.every(Number.isFinite)) return { error: { field: 'zs', code: 'not-finite' } };
  const refused = checkSettings({ alpha });
  if (refused) return { error: refused };
  const cases: [MaxoutSpecialCase['id'], MaxoutParams][] = [
    ['relu', RELU_AS_MAXOUT],
    ['leakyRelu', leakyReluAsMaxout(alpha)],
  ];
  return cases.map(([id, params]) => {
    const { deviation } = maxDeviation(
      zs,
      (x) => maxoutAt(x, params).f,
      (x) => SCALAR_ACTIVATIONS[id].f(x, alpha),
    );
    return { id, params, maxDeviation: deviation, holds: deviation <= IDENTITY_TOLERANCE };
  });
}

function maxDeviation(zs: readonly number[], lhs: (z: number) => number, rhs: (z: number) => number): { deviation: number; at: number } {
  let deviation = 0;
  let at = zs[0];
  for (const z of zs) {
    const gap = Math.abs(lhs(z) - rhs(z));
    if (gap > deviation) {
      deviation = gap;
      at = z;
    }
  }
  return { deviation, at };
}

function checkName(name: string): EngineError<ExplorerErrorCode> | undefined {
  return (EXPLORER_ACTIVATIONS as readonly string[]).includes(name) ? undefined : { field: 'name', code: 'unknown-activation' };
}

function checkFinite(field: string, value: number): EngineError<ExplorerErrorCode> | undefined {
  return Number.isFinite(value) ? undefined : { field, code: 'not-finite' };
}

function checkThreshold(threshold: number): EngineError<ExplorerErrorCode> | undefined {
  return checkFinite('threshold', threshold) ?? (threshold > 0 ? undefined : { field: 'threshold', code: 'not-positive' });
}

function checkRange({ from, to }: ZInterval): EngineError<ExplorerErrorCode> | undefined {
  const refused = checkFinite('from', from) ?? checkFinite('to', to);
  if (refused) return refused;
  if (Math.abs(from) > RANGE_LIMIT) return { field: 'from', code: 'out-of-range' };
  if (Math.abs(to) > RANGE_LIMIT) return { field: 'to', code: 'out-of-range' };
  if (from > to) return { field: 'to', code: 'inverted-range' };
  if (from === to) return { field: 'to', code: 'empty-range' };
  return undefined;
}

function checkSettings(settings: ActivationSettings): EngineError<ExplorerErrorCode> | undefined {
  const entries: [string, number | undefined][] = [
    ['alpha', settings.alpha],
    ['w1', settings.maxout?.w1],
    ['b1', settings.maxout?.b1],
    ['w2', settings.maxout?.w2],
    ['b2', settings.maxout?.b2],
  ];
  for (const [field, value] of entries) {
    if (value === undefined) continue;
    if (!Number.isFinite(value)) return { field, code: 'not-finite' };
    if (Math.abs(value) > SETTING_LIMIT) return { field, code: 'out-of-range' };
  }
  return undefined;
}
