/**
 * Number formatting shared by traces, widgets and exports. The documents print nine decimal
 * places (0.593269992), so that is the display precision; full precision stays in the data.
 */
export const DISPLAY_DECIMALS = 9;

/**
 * Plain-text form: nine decimals, trailing zeros dropped. Values too small to keep three significant
 * digits at nine decimals (below 1e-6), or too small for the requested decimals, use scientific notation.
 */
export function formatNumber(value: number, decimals = DISPLAY_DECIMALS): string {
  if (!Number.isFinite(value)) return value > 0 ? '∞' : value < 0 ? '−∞' : '—';
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude < Math.max(1e-6, 10 ** -decimals) || magnitude >= 1e9) {
    return value.toExponential(5).replace(/\.?0+e/, 'e');
  }
  return trimZeros(value.toFixed(decimals));
}

/** LaTeX form of formatNumber: 1.2e-7 becomes 1.2 \times 10^{-7}; negatives are parenthesised when asked. */
export function texNumber(value: number, options: { parenthesiseNegative?: boolean } = {}): string {
  const plain = formatNumber(value);
  const [mantissa, exponent] = plain.split('e');
  const tex = exponent === undefined ? mantissa : `${mantissa} \\times 10^{${Number(exponent)}}`;
  return options.parenthesiseNegative && value < 0 ? `(${tex})` : tex;
}

/** Rounds to a fixed number of decimals, as a printed figure is rounded. */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/** Decimal places in a printed figure such as "0.74136507" (8). */
export function decimalsOf(printed: string): number {
  const dot = printed.indexOf('.');
  return dot < 0 ? 0 : printed.length - dot - 1;
}

function trimZeros(fixed: string): string {
  return fixed.includes('.') ? fixed.replace(/0+$/, '').replace(/\.$/, '') : fixed;
}
