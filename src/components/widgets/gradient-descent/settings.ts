/**
 * What the gradient-descent widget shows by default and how far its plots reach. The plotted
 * ranges frame each curve's minimum; VIEW_BOUND makes a run that leaves the neighbourhood of the
 * plots count as diverged (the engine's `bound` option) instead of running on off-screen.
 */
import type { CurveId } from '../../../engine/models/gradient-descent';

export type DescentView = 'curve' | 'surface';
export const VIEWS: readonly DescentView[] = ['curve', 'surface'];

export const VIEW_BOUND = 100;
/** Largest "run N steps" batch; larger numbers of steps are reached by pressing again. */
export const MAX_BATCH = 1000;
export const DEFAULT_BATCH = 10;

/** The learning-rate slider moves on a log scale, 10^ALPHA_SLIDER_LOG[0] … 10^ALPHA_SLIDER_LOG[1]. */
export const ALPHA_SLIDER_LOG: readonly [number, number] = [-3, 2];

export interface CurveView {
  wRange: [number, number];
  start: number;
}

export const CURVE_VIEWS: Readonly<Record<CurveId, CurveView>> = {
  parabola: { wRange: [-1.5, 7.5], start: 0 },
  quartic: { wRange: [-2, 4], start: 3 },
  'log-cosh': { wRange: [-7, 5], start: 3 },
};

export const CURVE_DEFAULTS = { curveId: 'parabola' as CurveId, alpha: 0.1 };

export const SURFACE_VIEW = {
  wRange: [-2, 4] as [number, number],
  bRange: [-3, 3] as [number, number],
  resolution: 41,
  levels: 9,
};

export const SURFACE_DEFAULTS = { alpha: 1, w0: -1.5, b0: 2.5 };

/** Evenly spaced indices of a long path, always keeping the first and the last point. */
export function thinIndices(length: number, maxPoints: number): number[] {
  if (length <= maxPoints) return Array.from({ length }, (_, i) => i);
  const stride = (length - 1) / (maxPoints - 1);
  return Array.from({ length: maxPoints }, (_, k) => Math.round(k * stride));
}

/** The drawing width for a measured container: its own width within sensible limits, or a default before mount. */
export function plotWidth(measured: number, fallback: number): number {
  return measured > 0 ? Math.round(Math.min(720, Math.max(280, measured))) : fallback;
}
