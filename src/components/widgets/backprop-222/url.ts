/**
 * The stepper's URL fields: step (1-based number or step key), order, biases, and any of the
 * parameters i1 … lr. Example: ?step=17&order=published&w1=0.2
 */
import { ORDERS, PARAM_NAMES, type Order222, type ParamName, type Params222, type Trace } from '../../../engine/models/backprop222';
import { stepIndex } from '../../shared/step-reference';
import { parseBoolean, readUrlState, type FieldParser, type FieldParsers } from '../../shared/url-state';
import type { ApplyOptions } from '../../shared/widget-binding';
import { readParam } from './params';

export interface Backprop222Url extends Partial<Params222> {
  step: string;
  order: Order222;
  biases: boolean;
}

const paramParser = (name: ParamName): FieldParser<number> => (raw) => {
  const result = readParam(name, raw);
  return 'error' in result ? { error: true } : result;
};

export const PARSERS = {
  step: (raw: string) => (/^[\w/'.-]{1,40}$/.test(raw) ? { value: raw } : { error: true as const }),
  order: (raw: string) => ((ORDERS as readonly string[]).includes(raw) ? { value: raw as Order222 } : { error: true as const }),
  biases: parseBoolean,
  ...Object.fromEntries(PARAM_NAMES.map((name) => [name, paramParser(name)])),
} as FieldParsers<Backprop222Url>;

export function readBackprop222Url(query: URLSearchParams, options: ApplyOptions = {}) {
  return readUrlState<Backprop222Url>(query, PARSERS, options);
}

/** A step reference from the URL as an index into the trace: "17" is step 17 (1-based), "w5'" is that key. */
export const resolveStep = (trace: Trace, reference: string): number | undefined => stepIndex(trace.steps, reference);
