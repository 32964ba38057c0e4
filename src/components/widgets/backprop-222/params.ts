/**
 * Reading one 2-2-2 parameter, typed into its field or carried by a link: the shared number reader
 * first, then the widget's own limits. Parse errors are worded by the shared messages; the limits
 * keep the widget's wording.
 */
import type { ParamName } from '../../../engine/models/backprop222';
import { PARAM_LIMIT } from '../../../engine/models/params222';
import { fill, type Lang, type Strings } from '../../../i18n';
import { numberMessage, readTypedNumber, type TypedNumberError } from '../../shared/typed-number';

export type ParamErrorCode = TypedNumberError | 'out-of-range' | 'not-positive';

/** A refused field text, in the engine's error-record shape; its codes add the shared reader's. */
export interface ParamFieldError {
  field: ParamName;
  received: string;
  code: ParamErrorCode;
}

export const PARAM_LABELS: Record<ParamName, string> = {
  i1: 'i₁', i2: 'i₂', w1: 'w₁', w2: 'w₂', w3: 'w₃', w4: 'w₄', w5: 'w₅', w6: 'w₆', w7: 'w₇', w8: 'w₈',
  b1: 'b₁', b2: 'b₂', t1: 'target o₁', t2: 'target o₂', lr: 'η',
};

export function readParam(name: ParamName, raw: string): { value: number } | { error: ParamErrorCode } {
  const read = readTypedNumber(raw);
  if ('error' in read) return read;
  if (Math.abs(read.value) > PARAM_LIMIT) return { error: 'out-of-range' };
  // The learning rate scales every update; zero or less would freeze or reverse learning.
  if (name === 'lr' && read.value <= 0) return { error: 'not-positive' };
  return read;
}

export function paramMessage(lang: Lang, strings: Strings['backprop222'], error: ParamFieldError): string {
  const name = PARAM_LABELS[error.field];
  if (error.code === 'out-of-range' || error.code === 'not-positive') return fill(strings.errors[error.code], { name, raw: error.received });
  return numberMessage(lang, error.code, error.received, name);
}
