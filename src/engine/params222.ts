/**
 * Reading 2-2-2 parameters from untrusted text (URL query, form fields, command-line flags).
 * Returns plain error records; the caller words them in the reader's language.
 */
import { parseDecimal } from './parse';
import { DEFAULT_ITERATIONS, DOCUMENT_PARAMS, MAX_ITERATIONS, ORDERS, PARAM_NAMES, type Order222, type ParamName, type Params222 } from './backprop222';

/** Largest magnitude accepted for any parameter: beyond it every sigmoid is flat and nothing is learned. */
export const PARAM_LIMIT = 1000;

export type ParamErrorCode = 'not-a-number' | 'out-of-range' | 'not-positive' | 'unknown-name' | 'not-an-integer' | 'unknown-order';

export interface ParamError {
  name: string;
  raw: string;
  code: ParamErrorCode;
}

export function isParamName(name: string): name is ParamName {
  return (PARAM_NAMES as readonly string[]).includes(name);
}


/** Checks one parameter's text; returns its value or the reason it is refused. */
export function parseParam(name: ParamName, raw: string): { value: number } | { error: ParamError } {
  const value = parseDecimal(raw);
  if (value === undefined) return { error: { name, raw, code: 'not-a-number' } };
  if (Math.abs(value) > PARAM_LIMIT) return { error: { name, raw, code: 'out-of-range' } };
  if (name === 'lr' && value <= 0) return { error: { name, raw, code: 'not-positive' } };
  return { value };
}

/** Overrides base parameters with the given texts; refused entries keep the base value. */
export function parseParams222(
  entries: Iterable<[string, string]>,
  base: Params222 = DOCUMENT_PARAMS,
): { params: Params222; errors: ParamError[] } {
  const params = { ...base };
  const errors: ParamError[] = [];
  for (const [name, raw] of entries) {
    if (!isParamName(name)) {
      errors.push({ name, raw, code: 'unknown-name' });
      continue;
    }
    const result = parseParam(name, raw);
    if ('error' in result) errors.push(result.error);
    else params[name] = result.value;
  }
  return { params, errors };
}

export function parseIterations(raw: string): { value: number } | { error: ParamError } {
  const value = parseDecimal(raw);
  if (value === undefined || !Number.isInteger(value)) return { error: { name: 'iterations', raw, code: 'not-an-integer' } };
  if (value < 1 || value > MAX_ITERATIONS) return { error: { name: 'iterations', raw, code: 'out-of-range' } };
  return { value };
}

export function parseOrder(raw: string): { value: Order222 } | { error: ParamError } {
  return (ORDERS as readonly string[]).includes(raw)
    ? { value: raw as Order222 }
    : { error: { name: 'order', raw, code: 'unknown-order' } };
}

export { DEFAULT_ITERATIONS, parseDecimal };
