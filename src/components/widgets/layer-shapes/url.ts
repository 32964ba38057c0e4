/**
 * The layer-shapes URL fields: m (samples), sizes (layer widths joined by "-") and all (show the
 * four layouts). Example: ?m=5&sizes=3-4-1&all=1
 */
import { validateSampleCount, validateSizes, type ShapeErrorCode } from '../../../engine/models/layer-shapes';
import { readTypedNumber, type TypedNumberError } from '../../shared/typed-number';
import { parseBoolean, readUrlState, type FieldParsers } from '../../shared/url-state';

/** Why a typed count was refused: it does not read as a number, or the engine refuses the number. */
export type DimensionProblem = { typed: TypedNumberError } | { shape: ShapeErrorCode };

function checked(raw: string, validate: (value: number) => ShapeErrorCode | undefined): { value: number } | { error: DimensionProblem } {
  const read = readTypedNumber(raw);
  if ('error' in read) return { error: { typed: read.error } };
  const refused = validate(read.value);
  return refused ? { error: { shape: refused } } : read;
}

/** A count from text: any number the reader types, then the engine's checks (integer, ≥ 1, ≤ MAX_DIMENSION). */
export function parseSampleCount(raw: string): { value: number } | { error: DimensionProblem } {
  return checked(raw, (value) => validateSampleCount(value)?.code);
}

/** One layer width from text, checked by the engine like every other width. */
export function parseLayerSize(raw: string): { value: number } | { error: DimensionProblem } {
  return checked(raw, (value) => validateSizes([value, 1])?.code);
}

/** "3-4-1" → [3, 4, 1]; the whole list is refused when any width or the layer count is. */
export function parseSizes(raw: string): { value: number[] } | { error: DimensionProblem } {
  const parts = raw.split('-');
  const sizes: number[] = [];
  for (const part of parts) {
    const result = parseLayerSize(part);
    if ('error' in result) return result;
    sizes.push(result.value);
  }
  const refused = validateSizes(sizes);
  return refused ? { error: { shape: refused.code } } : { value: sizes };
}

export interface LayerShapesUrl {
  m: number;
  sizes: number[];
  all: boolean;
}

const accept = <T>(result: { value: T } | { error: unknown }) => ('error' in result ? { error: true as const } : result);

export const PARSERS: FieldParsers<LayerShapesUrl> = {
  m: (raw) => accept(parseSampleCount(raw)),
  sizes: (raw) => accept(parseSizes(raw)),
  all: parseBoolean,
};

/** With `strict`, names the widget does not know are reported too (see readUrlState). */
export function readLayerShapesUrl(query: URLSearchParams, prefix = '', strict = false) {
  return readUrlState<LayerShapesUrl>(query, PARSERS, { prefix, strict });
}

export const sizesText = (sizes: readonly number[]) => sizes.join('-');
