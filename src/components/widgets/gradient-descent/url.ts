/**
 * The widget's URL fields: view, curve, alpha, w0, b0 (surface only), steps and n (the batch size).
 * Only the active view's settings are written. Example: ?curve=quartic&alpha=0.5&w0=5&steps=12
 */
import { CURVE_IDS, type CurveId } from '../../../engine/models/gradient-descent';
import { readUrlState, type FieldParser, type FieldParsers } from '../../shared/url-state';
import { readTypedNumber } from '../../shared/typed-number';
import { VIEWS, type DescentView } from './settings';

export interface GradientDescentUrl {
  view: DescentView;
  curve: CurveId;
  alpha: number;
  w0: number;
  b0: number;
  steps: number;
  n: number;
}

const numberParser: FieldParser<number> = (raw) => {
  const read = readTypedNumber(raw);
  return 'value' in read ? read : { error: true };
};

const wholeNumberParser: FieldParser<number> = (raw) =>
  /^\d{1,7}$/.test(raw.trim()) ? { value: Number(raw.trim()) } : { error: true };

const oneOf =
  <T extends string>(options: readonly T[]): FieldParser<T> =>
  (raw) =>
    (options as readonly string[]).includes(raw) ? { value: raw as T } : { error: true };

export const PARSERS: FieldParsers<GradientDescentUrl> = {
  view: oneOf(VIEWS),
  curve: oneOf(CURVE_IDS),
  alpha: numberParser,
  w0: numberParser,
  b0: numberParser,
  steps: wholeNumberParser,
  n: wholeNumberParser,
};

export function readGradientDescentUrl(query: URLSearchParams, options: { strict?: boolean; prefix?: string } = {}) {
  return readUrlState<GradientDescentUrl>(query, PARSERS, options);
}
