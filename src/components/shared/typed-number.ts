/**
 * The one reader of numbers a person types, in a form field or a link, with one set of messages.
 * Strict decimal syntax (no "0x10", "1,5" or "Infinity"); a number too large for a double (1e400)
 * is "too large" and one too small to tell from zero (1e-400) is "too small", never "not a number"
 * or a silent 0.
 */
import { fill, namespace, type Lang } from '../../i18n';
import type zhCN from '../../i18n/zh-CN/fields.json';

export type TypedNumberError = 'empty' | 'not-a-number' | 'too-large' | 'too-small';

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** Chinese input methods bring full-width digits, and pages print the typographic minus sign. */
function normalise(raw: string): string {
  return raw
    .trim()
    .replace(/^[\u2212\uff0d]/, '-')
    .replace(/[\uff10-\uff19\uff0e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

export function readTypedNumber(raw: string): { value: number } | { error: TypedNumberError } {
  const text = normalise(raw);
  if (text === '') return { error: 'empty' };
  if (!DECIMAL.test(text)) return { error: 'not-a-number' };
  const value = Number(text);
  if (!Number.isFinite(value)) return { error: 'too-large' };
  if (value === 0 && /[1-9]/.test(text.split(/e/i)[0])) return { error: 'too-small' };
  // −0 would print as "-0" in a link and read back oddly.
  return { value: value === 0 ? 0 : value };
}

export type FieldStrings = typeof zhCN;

/**
 * The reader-facing message for a refused number, after the field's label when one is given
 * ("读数点 z：“abc” 不是一个数。"); long text is shortened so the message stays one line.
 */
export function numberMessage(lang: Lang, error: TypedNumberError, text: string, label?: string): string {
  const strings = namespace<FieldStrings>(lang, 'fields');
  const shown = text.length > 24 ? `${text.slice(0, 23)}…` : text;
  const template = { empty: strings.empty, 'not-a-number': strings.notANumber, 'too-large': strings.tooLarge, 'too-small': strings.tooSmall }[error];
  const message = fill(template, { text: shown });
  return label === undefined ? message : fill(strings.labelled, { label, message });
}
