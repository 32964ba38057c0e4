/**
 * Geometry for the explorer's two panels: axis domains, the curve path broken at kinks, and the
 * one-sided values either side of a kink. Pure functions so they are tested without a DOM.
 */
import { niceTicks } from '../../shared/chart';

export const PANEL_PADDING = { left: 60, right: 16, top: 16, bottom: 44 } as const;

/**
 * The viewBox follows the panel's real width up to a cap, so tick text keeps its pixel size on a
 * phone, and grows (for a projector) only beyond the cap. Before it is measured (SSR) it is 480.
 */
export function panelSize(measuredWidth: number): { width: number; height: number } {
  const width = measuredWidth > 0 ? Math.round(Math.min(560, Math.max(300, measuredWidth))) : 480;
  return { width, height: Math.round(Math.max(190, width * 0.44)) };
}

export interface Axis {
  low: number;
  high: number;
  ticks: number[];
}

/** A value axis that always shows 0 (so the sign of f′ is visible), widens a flat curve and ends on ticks. */
export function valueAxis(values: readonly number[]): Axis {
  let low = Math.min(0, ...values);
  let high = Math.max(0, ...values);
  if (high - low === 0) {
    low -= 1;
    high += 1;
  }
  const ticks = niceTicks(low, high, 4);
  const step = ticks.length > 1 ? ticks[1] - ticks[0] : high - low;
  const slack = step * 1e-9;
  while (ticks[0] > low + slack) ticks.unshift(Number((ticks[0] - step).toPrecision(12)));
  while (ticks[ticks.length - 1] < high - slack) ticks.push(Number((ticks[ticks.length - 1] + step).toPrecision(12)));
  return { low: ticks[0], high: ticks[ticks.length - 1], ticks };
}

export function zAxis(from: number, to: number): Axis {
  return { low: from, high: to, ticks: niceTicks(from, to, 6).filter((tick) => tick >= from && tick <= to) };
}

/**
 * SVG path through (z_i, y_i), lifted at every break: a segment never crosses a break, and a sample
 * lying exactly on one is left out (its value belongs to one side only; the panel marks it as a dot).
 */
export function curvePath(
  z: readonly number[],
  y: readonly number[],
  breaks: readonly number[],
  sx: (value: number) => number,
  sy: (value: number) => number,
): string {
  const parts: string[] = [];
  let penDown = false;
  for (let i = 0; i < z.length; i++) {
    if (breaks.includes(z[i])) {
      penDown = false;
      continue;
    }
    if (penDown && breaks.some((k) => z[i - 1] < k && k < z[i])) penDown = false;
    parts.push(`${penDown ? 'L' : 'M'}${sx(z[i]).toFixed(2)},${sy(y[i]).toFixed(2)}`);
    penDown = true;
  }
  return parts.join(' ');
}

export interface KinkEnds {
  z: number;
  /** y at the nearest sample left of the kink, and right of it (piecewise-linear functions: the one-sided limits). */
  left: number | undefined;
  right: number | undefined;
}

export function kinkEnds(z: readonly number[], y: readonly number[], kink: number): KinkEnds {
  let leftIndex = -1;
  let rightIndex = -1;
  for (let i = 0; i < z.length; i++) {
    if (z[i] < kink) leftIndex = i;
    else if (z[i] > kink && rightIndex < 0) rightIndex = i;
  }
  return { z: kink, left: leftIndex >= 0 ? y[leftIndex] : undefined, right: rightIndex >= 0 ? y[rightIndex] : undefined };
}

/** Tick text short enough for a phone: plain up to 10⁵, then a two-digit mantissa. */
export function tickText(value: number): string {
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude >= 1e5 || magnitude < 1e-4) return value.toExponential(1).replace('.0e', 'e').replace('e+', 'e');
  return String(Number(value.toPrecision(6))).replace('-', '−');
}
