/**
 * Reading a number a reader typed, in a form field or a link. Strict decimal syntax (no "0x10",
 * "1,5" or "Infinity"), and a separate verdict for text that is a number but too large for a double
 * (1e400), so the message can say "too large" instead of "not a number".
 */

export type TypedNumberError = 'empty' | 'not-a-number' | 'too-large';

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

export function readTypedNumber(raw: string): { value: number } | { error: TypedNumberError } {
  // Chinese input methods bring full-width digits, and pages print the typographic minus sign.
  const text = raw
    .trim()
    .replace(/^[\u2212\uff0d]/, '-')
    .replace(/[\uff10-\uff19\uff0e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
  if (text === '') return { error: 'empty' };
  if (!DECIMAL.test(text)) return { error: 'not-a-number' };
  const value = Number(text);
  if (!Number.isFinite(value)) return { error: 'too-large' };
  // −0 would print as "-0" in a link and read back oddly.
  return { value: value === 0 ? 0 : value };
}
