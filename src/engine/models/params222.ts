/**
 * Reading 2-2-2 parameters from untrusted text (URL query, form fields, command-line flags).
 * Returns plain error records; the caller words them in the reader's language.
 */
import { parseDecimal } from '../core/parse';
import type { EngineError } from '../core/validation';
import { DEFAULT_ITERATIONS, DOCUMENT_PARAMS, MAX_ITERATIONS, ORDERS, PARAM_NAMES, type Order222, type ParamName, type Params222 } from './backprop222';

/** Largest magnitude accepted for any parameter: beyond it every sigmoid is flat and nothing is learned. */
export const PARAM_LIMIT = 1000;

/** field is the parameter's name (or 'iterations', 'order'); received is the refused text. */
export type ParamErrorCode = 'not-a-number' | 'out-of-range' | 'not-positive' | 'unknown-name' | 'not-an-integer' | 'unknown-order';


export function isParamName(name: string): name is ParamName {
  return (PARAM_NAMES as readonly string[]).includes(name);
}


/** Checks one parameter's text; returns its value or the reason it is refused. */
export function parseParam(name: ParamName, raw: string): { value: number } | { error: EngineError<ParamErrorCode> } {
  const value = parseDecimal(raw);
  if (value === undefined) return { error: { field: name, received: raw, code: 'not-a-number' } };
  if (Math.abs(value) > PARAM_LIMIT) return { error: { field: name, received: raw, code: 'out-of-range' } };
  if (name === 'lr' && value <= 0) return { error: { field: name, received: raw, code: 'not-positive' } };
  return { value };
}

/** Overrides base parameters with the given texts; refused entries keep the base value. */
export function parseParams222(
  entries: Iterable<[string, string]>,
  base: Params222 = DOCUMENT_PARAMS,
): { params: Params222; errors: EngineError<ParamErrorCode>[] } {
  const params = { ...base };
  const errors: EngineError<ParamErrorCode>[] = [];
  for (const [name, raw] of entries) {
    if (!isParamName(name)) {
      errors.push({ field: name, received: raw, code: 'unknown-name' });
      continue;
    }
    const result = parseParam(name, raw);
    if ('error' in result) errors.push(result.error);
    else params[name] = result.value;
  }
  return { params, errors };
}

export function parseIterations(raw: string): { value: number } | { error: EngineError<ParamErrorCode> } {
  const value = parseDecimal(raw);
  if (value === undefined || !Number.isInteger(value)) return { error: { field: 'iterations', received: raw, code: 'not-an-integer' } };
  if (value < 1 || value > MAX_ITERATIONS) return { error: { field: 'iterations', received: raw, code: 'out-of-range' } };
  return { value };
}

export function parseOrder(raw: string): { value: Order222 } | { error: EngineError<ParamErrorCode> } {
  return (ORDERS as readonly string[]).includes(raw)
    ? { value: raw as Order222 }
    : { error: { field: 'order', received: raw, code: 'unknown-order' } };
}

export { DEFAULT_ITERATIONS, parseDecimal };
