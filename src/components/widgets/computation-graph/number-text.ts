/**
 * Reads a number a reader typed. Only plain decimals are accepted ("0.5", "-1e-3", "−2"), so that
 * "0x10", "1,5" or "Infinity" are refused with a reason instead of silently becoming a value.
 */
export type NumberTextIssue = 'empty' | 'not-a-number' | 'not-finite';

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

export function readNumberText(raw: string): { value: number } | { issue: NumberTextIssue } {
  // Chinese input methods and copied formulas often give a typographic minus.
  const text = raw.trim().replace(/^[\u2212\u2013]/, '-');
  if (text === '') return { issue: 'empty' };
  if (!DECIMAL.test(text)) return { issue: 'not-a-number' };
  const value = Number(text);
  return Number.isFinite(value) ? { value } : { issue: 'not-finite' };
}
