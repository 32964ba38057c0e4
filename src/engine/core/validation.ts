/**
 * Refused input, in one shape for every model and calculator: the field that was refused and a code
 * from one vocabulary. Widgets and the command line word the code in the reader's language, so the
 * engine never has to return NaN, or a sentence, for input it cannot use.
 */

export type EngineErrorCode =
  | 'empty'
  | 'empty-data'
  | 'no-samples'
  | 'not-a-number'
  | 'not-finite'
  | 'not-an-integer'
  | 'not-positive'
  | 'out-of-range'
  | 'too-large'
  | 'inverted-range'
  | 'empty-range'
  | 'too-few-layers'
  | 'too-many-layers'
  | 'wrong-length'
  | 'bad-arity'
  | 'target-not-integer'
  | 'target-out-of-range'
  | 'unknown-activation'
  | 'unknown-choice'
  | 'unknown-convention'
  | 'unknown-curve'
  | 'unknown-input'
  | 'unknown-name'
  | 'unknown-order'
  | 'unknown-preset';

/**
 * One refused input. A model narrows Code to the codes it can produce, so a widget's message table
 * keyed by code stays exhaustive.
 */
export interface EngineError<Code extends EngineErrorCode = EngineErrorCode> {
  /** Which input was refused, e.g. 'alpha', 'theta', 'sizes', 'hiddenLayers[1]', 'logits'. */
  field: string;
  code: Code;
  /** Position of the refused entry when the field is a list. */
  index?: number;
  /** What was refused: the value as text (NaN and Infinity do not survive JSON), or a length for 'wrong-length'. */
  received?: string | number;
  /** The length a 'wrong-length' field must have. */
  expected?: number;
  /** An English sentence for logs and thrown errors; readers see the widget's own wording of code. */
  message?: string;
}

/** A value as text for an error record: numbers as written, strings quoted, anything else by its type. */
export function describeReceived(value: unknown): string {
  return typeof value === 'number' ? String(value) : typeof value === 'string' ? JSON.stringify(value) : typeof value;
}

/**
 * null when value is a number in [low, high] (a whole number if integer is set), else why not, with
 * an English message. NaN and ±Infinity get codes of their own.
 */
export function checkBoundedNumber(field: string, value: unknown, low: number, high: number): EngineError<'not-a-number' | 'not-finite' | 'out-of-range'> | null;
export function checkBoundedNumber(field: string, value: unknown, low: number, high: number, integer: boolean): EngineError<'not-a-number' | 'not-finite' | 'not-an-integer' | 'out-of-range'> | null;
export function checkBoundedNumber(field: string, value: unknown, low: number, high: number, integer = false): EngineError<'not-a-number' | 'not-finite' | 'not-an-integer' | 'out-of-range'> | null {
  const received = describeReceived(value);
  if (typeof value !== 'number' || Number.isNaN(value)) {
    return { field, received, code: 'not-a-number', message: `${field} must be a number, got ${received}` };
  }
  if (!Number.isFinite(value)) return { field, received, code: 'not-finite', message: `${field} must be finite, got ${received}` };
  if (integer && !Number.isInteger(value)) return { field, received, code: 'not-an-integer', message: `${field} must be a whole number, got ${received}` };
  if (value < low || value > high) {
    return { field, received, code: 'out-of-range', message: `${field} must lie in [${low}, ${high}], got ${received}` };
  }
  return null;
}

/**
 * [] when value is a finite number in [min, max] (or (min, max] with openMin), else the reason. For
 * option sets checked all at once, where anything not finite counts as not a number.
 */
export function checkOptionNumber(
  field: string,
  value: unknown,
  min: number,
  max: number,
  options: { integer?: boolean; openMin?: boolean } = {},
): EngineError<'not-a-number' | 'not-an-integer' | 'out-of-range'>[] {
  const received = String(value);
  if (typeof value !== 'number' || !Number.isFinite(value)) return [{ field, received, code: 'not-a-number' }];
  if (options.integer && !Number.isInteger(value)) return [{ field, received, code: 'not-an-integer' }];
  const belowMin = options.openMin ? value <= min : value < min;
  return belowMin || value > max ? [{ field, received, code: 'out-of-range' }] : [];
}

/** [] when value is one of the choices, else the reason. */
export function checkChoice<T>(field: string, value: unknown, choices: readonly T[]): EngineError<'unknown-choice'>[] {
  return choices.includes(value as T) ? [] : [{ field, received: String(value), code: 'unknown-choice' }];
}

/** Every reason a computation refused its input, for results that otherwise carry ok: true and their data. */
export interface Refusal<Code extends EngineErrorCode = EngineErrorCode> {
  ok: false;
  errors: EngineError<Code>[];
}

/**
 * What a lesson calculator throws: its inputs are fixed by the lesson rather than typed by a reader,
 * so a refusal is a bug in the page, yet it carries the same record a widget would receive.
 */
export class EngineRangeError extends RangeError {
  readonly error: EngineError;

  constructor(field: string, code: EngineErrorCode, message: string, detail: Pick<EngineError, 'index' | 'received' | 'expected'> = {}) {
    super(message);
    this.name = 'EngineRangeError';
    this.error = { field, code, ...detail, message };
  }
}
