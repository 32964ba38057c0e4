/**
 * The layer-shapes URL fields: m (samples), sizes (layer widths joined by "-") and all (show the
 * four layouts). Example: ?m=5&sizes=3-4-1&all=1
 */
import { validateSampleCount, validateSizes, type ShapeErrorCode } from '../../../engine/layer-shapes';
import { parseBoolean, readUrlState, type FieldParsers } from '../../shared/url-state';

export type DimensionErrorCode = 'empty' | 'not-a-number' | ShapeErrorCode;

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

/** A count from text: any number the reader types, then the engine's checks (integer, ≥ 1, ≤ MAX_DIMENSION). */
export function parseSampleCount(raw: string): { value: number } | { error: DimensionErrorCode } {
  const parsed = readNumber(raw);
  if ('error' in parsed) return parsed;
  const refused = validateSampleCount(parsed.value);
  return refused ? { error: refused.code } : parsed;
}

/** One layer width from text, checked by the engine like every other width. */
export function parseLayerSize(raw: string): { value: number } | { error: DimensionErrorCode } {
  const parsed = readNumber(raw);
  if ('error' in parsed) return parsed;
  const refused = validateSizes([parsed.value, 1]);
  return refused ? { error: refused.code } : parsed;
}

/** "3-4-1" → [3, 4, 1]; the whole list is refused when any width or the layer count is. */
export function parseSizes(raw: string): { value: number[] } | { error: DimensionErrorCode } {
  const parts = raw.split('-');
  const sizes: number[] = [];
  for (const part of parts) {
    const result = parseLayerSize(part);
    if ('error' in result) return result;
    sizes.push(result.value);
  }
  const refused = validateSizes(sizes);
  return refused ? { error: refused.code } : { value: sizes };
}

export interface LayerShapesUrl {
  m: number;
  sizes: number[];
  all: boolean;
}

const accept = <T>(result: { value: T } | { error: unknown }) => ('error' in result ? { error: true as const } : result);

const PARSERS: FieldParsers<LayerShapesUrl> = {
  m: (raw) => accept(parseSampleCount(raw)),
  sizes: (raw) => accept(parseSizes(raw)),
  all: parseBoolean,
};

/** With `strict`, names the widget does not know are reported too (see readUrlState). */
export function readLayerShapesUrl(query: URLSearchParams, prefix = '', strict = false) {
  return readUrlState<LayerShapesUrl>(query, PARSERS, { prefix, strict });
}

export const sizesText = (sizes: readonly number[]) => sizes.join('-');
