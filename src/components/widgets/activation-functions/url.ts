/**
 * The explorer's URL fields: fn (activation), alpha, w1 b1 w2 b2 (Maxout), from, to (plotted range),
 * threshold (saturation) and z (reading point). Example: ?fn=leakyRelu&alpha=0.1&z=-2
 * Here only the syntax is checked; the model applies the engine's limits and reports what it refuses.
 */
import { EXPLORER_ACTIVATIONS, type ExplorerActivationName } from '../../../engine/models/activation-explorer';
import { readTypedNumber } from '../../shared/typed-number';
import { readUrlState, type FieldParser, type FieldParsers } from '../../shared/url-state';
import { SETTING_FIELDS, type SettingField } from './settings';

export type ActivationUrl = Record<SettingField, string> & { fn: ExplorerActivationName };

const numberText: FieldParser<string> = (raw) => ('error' in readTypedNumber(raw) ? { error: true } : { value: raw });

export const PARSERS = {
  fn: (raw: string) =>
    (EXPLORER_ACTIVATIONS as readonly string[]).includes(raw) ? { value: raw as ExplorerActivationName } : { error: true as const },
  ...Object.fromEntries(SETTING_FIELDS.map((field) => [field, numberText])),
} as FieldParsers<ActivationUrl>;

export function readActivationUrl(query: URLSearchParams, options: { strict?: boolean; prefix?: string } = {}) {
  return readUrlState<ActivationUrl>(query, PARSERS, options);
}
