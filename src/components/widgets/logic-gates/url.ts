/**
 * The logic-gates URL fields: preset, the gate weights t0 t1 t2 (θ0 θ1 θ2) and the XNOR mode.
 * Example: ?preset=nor&t0=1&t1=-2&t2=-2
 */
import { validateTheta } from '../../../engine/logic-gates';
import { readUrlState, type FieldParser, type FieldParsers } from '../../shared/url-state';
import { PRESET_IDS, type PresetId } from './presets';

export type XnorMode = 'continuous' | 'thresholded';
export const XNOR_MODES: readonly XnorMode[] = ['continuous', 'thresholded'];
export type ThetaErrorCode = 'empty' | 'not-a-number' | 'out-of-range';

/**
 * A number the reader typed: the typographic minus and full-width digits of Chinese input methods
 * are accepted; text that is a number but overflows a double (1e400) is "too large", not "not a number".
 */
function readNumber(raw: string): { value: number } | { error: 'empty' | 'not-a-number' | 'too-large' } {
  const text = raw
    .trim()
    .replace(/^[\u2212\uff0d]/, '-')
    .replace(/[\uff10-\uff19\uff0e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
  if (text === '') return { error: 'empty' };
  // Strict decimal syntax: no "0x10", "1,5" or "Infinity", which Number() would take.
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text)) return { error: 'not-a-number' };
  const value = Number(text);
  if (!Number.isFinite(value)) return { error: 'too-large' };
  return { value: value === 0 ? 0 : value };
}

/** One θ from text: a finite number within the engine's THETA_LIMIT. */
export function parseTheta(raw: string): { value: number } | { error: ThetaErrorCode } {
  const parsed = readNumber(raw);
  if ('error' in parsed) return { error: parsed.error === 'too-large' ? 'out-of-range' : parsed.error };
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

const PARSERS: FieldParsers<LogicGatesUrl> = {
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
