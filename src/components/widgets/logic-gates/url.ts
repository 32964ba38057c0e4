/**
 * The logic-gates URL fields: preset, the gate weights t0 t1 t2 (θ0 θ1 θ2) and the XNOR mode.
 * Example: ?preset=nor&t0=1&t1=-2&t2=-2
 */
import { validateTheta } from '../../../engine/models/logic-gates';
import { readTypedNumber, type TypedNumberError } from '../../shared/typed-number';
import { readUrlState, type FieldParser, type FieldParsers } from '../../shared/url-state';
import { PRESET_IDS, type PresetId } from './presets';

export type XnorMode = 'continuous' | 'thresholded';
export const XNOR_MODES: readonly XnorMode[] = ['continuous', 'thresholded'];
export type ThetaErrorCode = TypedNumberError | 'out-of-range';

/** One θ from text: a finite number within the engine's THETA_LIMIT. */
export function parseTheta(raw: string): { value: number } | { error: ThetaErrorCode } {
  const parsed = readTypedNumber(raw);
  if ('error' in parsed) return { error: parsed.error };
  const { value } = parsed;
  const refused = validateTheta([value], 1);
  if (refused) return { error: refused.code === 'out-of-range' ? 'out-of-range' : 'not-a-number' };
  return { value };
}

export interface LogicGatesUrl {
  preset: PresetId;
  t0: number;
  t1: number;
  t2: number;
  mode: XnorMode;
}

const thetaField: FieldParser<number> = (raw) => {
  const result = parseTheta(raw);
  return 'error' in result ? { error: true } : result;
};

export const PARSERS: FieldParsers<LogicGatesUrl> = {
  preset: (raw) => ((PRESET_IDS as readonly string[]).includes(raw) ? { value: raw as PresetId } : { error: true }),
  t0: thetaField,
  t1: thetaField,
  t2: thetaField,
  mode: (raw) => ((XNOR_MODES as readonly string[]).includes(raw) ? { value: raw as XnorMode } : { error: true }),
};

export const THETA_FIELDS = ['t0', 't1', 't2'] as const;

/** With `strict`, names the widget does not know are reported too (see readUrlState). */
export function readLogicGatesUrl(query: URLSearchParams, prefix = '', strict = false) {
  return readUrlState<LogicGatesUrl>(query, PARSERS, { prefix, strict });
}
