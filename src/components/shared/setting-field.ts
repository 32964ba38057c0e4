/**
 * Typed settings checked by an engine validator, as the vanishing-gradients and decision-boundary
 * demos take them: the shared number reader first, then the engine's verdict on the value. Text
 * that is no usable number gets every number field's message; only the engine's refusals (not an
 * integer, out of range) use the widget's wording.
 */
import { fill, type Lang } from '../../i18n';
import { numberMessage, readTypedNumber, type TypedNumberError } from './typed-number';

/** What an engine validator may say about a number beyond what the reader already refuses. */
export type SettingRefusal = 'not-a-number' | 'empty' | 'not-an-integer' | 'out-of-range' | 'unknown-choice';

export interface SettingError<Name extends string> {
  name: Name;
  raw: string;
  code: TypedNumberError | SettingRefusal;
}

export interface SettingStrings<Name extends string> {
  errors: Record<Exclude<SettingRefusal, TypedNumberError>, string>;
  fieldNames: Record<Name, string>;
  /** Templates with {min} and {max}. */
  ranges: Record<Name, string>;
}

const PARSE_ERRORS: readonly string[] = ['empty', 'not-a-number', 'too-large', 'too-small'] satisfies TypedNumberError[];
const isParseError = (code: string): code is TypedNumberError => PARSE_ERRORS.includes(code);

/** Reads one typed setting; `refusal` is the engine's verdict on the number with the other settings as they are. */
export function readSetting<Name extends string>(
  name: Name,
  text: string,
  refusal: (value: number) => SettingRefusal | undefined,
): { value: number } | { error: SettingError<Name> } {
  const parsed = readTypedNumber(text);
  if ('error' in parsed) return { error: { name, raw: text, code: parsed.error } };
  const code = refusal(parsed.value);
  return code ? { error: { name, raw: text, code } } : { value: parsed.value };
}

export function settingMessage<Name extends string>(
  lang: Lang,
  strings: SettingStrings<Name>,
  ranges: Record<Name, { min: number; max: number }>,
  error: SettingError<Name>,
): string {
  const name = strings.fieldNames[error.name];
  if (isParseError(error.code)) return numberMessage(lang, error.code, error.raw, name);
  return fill(strings.errors[error.code], {
    name,
    raw: error.raw,
    range: fill(strings.ranges[error.name], ranges[error.name]),
  });
}
