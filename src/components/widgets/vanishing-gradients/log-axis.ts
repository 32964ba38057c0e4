/**
 * The vertical log axis of the gradient chart, in powers of ten. The bars always fit; the
 * reference lines may reach far beyond them (a loose bound can sit 60 decades up), so they are
 * allowed only a limited margin and the chart says when they were cut off.
 */
export interface LogAxis {
  /** log10 of the axis ends. */
  low: number;
  high: number;
  /** Exponents that get a tick and a label, bottom first. */
  ticks: number[];
  /** Some reference value lies outside [10^low, 10^high]. */
  clipped: boolean;
}

export const LINE_MARGIN_DECADES = 8;
const MAX_TICKS = 8;

const positiveLogs = (values: readonly number[]) => values.filter((v) => v > 0 && Number.isFinite(v)).map(Math.log10);

export function logAxis(bars: readonly number[], references: readonly number[] = []): LogAxis {
  const barLogs = positiveLogs(bars);
  const referenceLogs = positiveLogs(references);
  const all = barLogs.length > 0 ? barLogs : referenceLogs.length > 0 ? referenceLogs : [0];
  let low = Math.floor(Math.min(...all));
  let high = Math.ceil(Math.max(...all));
  if (high - low < 2) {
    low -= 1;
    high += 1;
  }
  const referenceLow = Math.floor(Math.min(high, ...referenceLogs));
  const referenceHigh = Math.ceil(Math.max(low, ...referenceLogs));
  const clipped = referenceLow < low - LINE_MARGIN_DECADES || referenceHigh > high + LINE_MARGIN_DECADES;
  low = Math.max(Math.min(low, referenceLow), low - LINE_MARGIN_DECADES);
  high = Math.min(Math.max(high, referenceHigh), high + LINE_MARGIN_DECADES);
  const step = Math.max(1, Math.ceil((high - low) / MAX_TICKS));
  const ticks: number[] = [];
  for (let e = high; e >= low; e -= step) ticks.unshift(e);
  return { low, high, ticks, clipped };
}

const SUPERSCRIPTS: Record<string, string> = { '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };

/** 10^−5 written as "10⁻⁵" (plain text works in SVG, titles and screen readers). */
export function powerOfTen(exponent: number): string {
  return `10${String(exponent).replace(/[-0-9]/g, (ch) => SUPERSCRIPTS[ch])}`;
}

/**
 * A magnitude for display: plain decimals between 0.001 and 10 000, otherwise "3.21 × 10⁻⁷".
 * Never "NaN" or "Infinity": those come out as "—" and "∞" (the engine caps values anyway).
 */
export function formatMagnitude(value: number, digits = 3): string {
  if (Number.isNaN(value)) return '—';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  const sign = value < 0 ? '−' : '';
  if (magnitude >= 1e-3 && magnitude < 1e4) return sign + String(Number(magnitude.toPrecision(digits)));
  const exponent = Math.floor(Math.log10(magnitude));
  let mantissa = Number((magnitude / 10 ** exponent).toPrecision(digits));
  let shown = exponent;
  if (mantissa >= 10) {
    mantissa /= 10;
    shown += 1;
  }
  return `${sign}${mantissa === 1 ? '' : `${mantissa} × `}${powerOfTen(shown)}`;
}
