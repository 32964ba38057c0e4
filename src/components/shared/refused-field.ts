/**
 * The message under a refused number field, for widgets that keep the last valid value (the
 * activation explorer and the softmax widget): what was wrong with the text, then the value still in
 * use. A widget words its own limits; a text that is no usable number at all gets the shared wording.
 */
import { fill, type Lang } from '../../i18n';
import { numberMessage, type TypedNumberError } from './typed-number';

export interface RefusedField<Code extends string> {
  code: Code | TypedNumberError;
  raw: string;
  /** The field's label, for messages that name it. */
  label: string;
  /** The largest magnitude the widget accepts, for "out of range" messages. */
  limit: number;
  /** The value the widget goes on using. */
  kept: number;
}

export interface RefusalStrings<Code extends string> {
  /** The widget's messages for its own limits by error code, templates with {label}, {raw} and {limit}. */
  errors: Record<Exclude<Code, TypedNumberError>, string>;
  /** The sentence about the value still in use, a template with {value}. */
  errorKept: string;
}

export function refusedFieldMessage<Code extends string>(lang: Lang, strings: RefusalStrings<Code>, field: RefusedField<Code>): string {
  const own = (strings.errors as Partial<Record<string, string>>)[field.code];
  const reason =
    own === undefined
      ? numberMessage(lang, field.code as TypedNumberError, field.raw, field.label)
      : fill(own, { label: field.label, raw: field.raw, limit: field.limit.toLocaleString('en') });
  return `${reason} ${fill(strings.errorKept, { value: String(field.kept) })}`;
}
