/**
 * The widget's URL fields: z (logits, comma-separated), t (0-based target class) and preset=002
 * (document 002's ten-class example, written instead of its long logits). Example: ?z=2,1,0.1&t=0
 * Here only the syntax is checked; the model applies the engine's limits.
 */
import { readTypedNumber } from '../../shared/typed-number';
import { readUrlState, type FieldParsers } from '../../shared/url-state';
import { MAX_CLASSES, MIN_CLASSES } from './model.svelte';

export interface SoftmaxUrl {
  z: number[];
  t: number;
  preset: '002';
}

export const PARSERS: FieldParsers<SoftmaxUrl> = {
  z: (raw) => {
    const parts = raw.split(',');
    if (parts.length < MIN_CLASSES || parts.length > MAX_CLASSES) return { error: true };
    const numbers = parts.map(readTypedNumber);
    return numbers.every((n): n is { value: number } => 'value' in n) ? { value: numbers.map((n) => n.value) } : { error: true };
  },
  t: (raw) => (/^\d{1,2}$/.test(raw) ? { value: Number(raw) } : { error: true }),
  preset: (raw) => (raw === '002' ? { value: '002' } : { error: true }),
};

export function readSoftmaxUrl(query: URLSearchParams, options: { strict?: boolean; prefix?: string } = {}) {
  return readUrlState<SoftmaxUrl>(query, PARSERS, options);
}
