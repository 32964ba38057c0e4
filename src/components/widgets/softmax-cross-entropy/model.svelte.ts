/**
 * Reactive state of the softmax / cross-entropy widget. The engine computes probabilities, loss,
 * gradient and Jacobian; this module keeps the logits the reader typed, the target class, and why a
 * text was refused. State only ever holds logits the engine has accepted.
 */
import { formatNumber } from '../../../engine/core/format';
import {
  DOCUMENT_002_PRESET,
  softmaxCrossEntropy,
  softmaxTwoClassAsSigmoid,
  type SoftmaxCrossEntropyResult,
  type SoftmaxInputErrorCode,
} from '../../../engine/models/softmax-cross-entropy';
import type { EngineError } from '../../../engine/core/validation';
import { readTypedNumber, type TypedNumberError } from '../../shared/typed-number';

export const MIN_CLASSES = 2;
/** Enough for document 002's ten classes and a little more; beyond it the Jacobian stops fitting a page. */
export const MAX_CLASSES = 12;
export const DEFAULT_LOGITS: readonly number[] = [2, 1, 0.1];
export const DEFAULT_TARGET = 0;

export interface LogitError {
  code: TypedNumberError | SoftmaxInputErrorCode;
  raw: string;
}

/** Field text for a logit set by a button or link: nine decimals, as the documents print. */
const textOf = (logit: number) => formatNumber(logit);

function accepted(result: SoftmaxCrossEntropyResult | { error: EngineError<SoftmaxInputErrorCode> }): SoftmaxCrossEntropyResult {
  if ('error' in result) throw new Error(`softmax widget state was refused by the engine: ${JSON.stringify(result.error)}`);
  return result;
}

const sameLogits = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((value, k) => value === b[k]);

export class SoftmaxModel {
  logits = $state<number[]>([...DEFAULT_LOGITS]);
  texts = $state<string[]>(DEFAULT_LOGITS.map(textOf));
  errors = $state<(LogitError | undefined)[]>(DEFAULT_LOGITS.map(() => undefined));
  targetIndex = $state(DEFAULT_TARGET);

  readonly result: SoftmaxCrossEntropyResult = $derived(accepted(softmaxCrossEntropy(this.logits, this.targetIndex)));
  readonly twoClass = $derived(softmaxTwoClassAsSigmoid(this.logits[0], this.logits[1]));
  /** Σ_j ∂p_i/∂z_j per row, shown as the visible check that each row of the Jacobian sums to 0. */
  readonly rowSums = $derived(this.result.jacobian.map((row) => row.reduce((sum, entry) => sum + entry, 0)));
  readonly classCount = $derived(this.logits.length);
  readonly isPreset = $derived(this.targetIndex === DOCUMENT_002_PRESET.targetIndex && sameLogits(this.logits, DOCUMENT_002_PRESET.logits));
  readonly isDefault = $derived(this.targetIndex === DEFAULT_TARGET && sameLogits(this.logits, DEFAULT_LOGITS));
  readonly hasErrors = $derived(this.errors.some((error) => error !== undefined));

  /** Takes the text of one logit field; a refused text is recorded and the last valid logit stays. */
  setText(index: number, raw: string): boolean {
    this.texts[index] = raw;
    const parsed = readTypedNumber(raw);
    if ('error' in parsed) return this.refuse(index, parsed.error, raw);
    const candidate = this.logits.map((value, k) => (k === index ? parsed.value : value));
    const result = softmaxCrossEntropy(candidate, this.targetIndex);
    if ('error' in result) return this.refuse(index, result.error.code, raw);
    this.logits = candidate;
    this.errors[index] = undefined;
    return true;
  }

  setTarget(index: number): boolean {
    if ('error' in softmaxCrossEntropy(this.logits, index)) return false;
    this.targetIndex = index;
    return true;
  }

  addClass() {
    if (this.logits.length >= MAX_CLASSES) return;
    this.logits = [...this.logits, 0];
    this.texts = [...this.texts, textOf(0)];
    this.errors = [...this.errors, undefined];
  }

  removeClass() {
    if (this.logits.length <= MIN_CLASSES) return;
    this.targetIndex = Math.min(this.targetIndex, this.logits.length - 2);
    this.logits = this.logits.slice(0, -1);
    this.texts = this.texts.slice(0, -1);
    this.errors = this.errors.slice(0, -1);
  }

  /** Replaces every logit and the target at once (preset, reset, link); false, and nothing changes, if the engine refuses them. */
  setAll(logits: readonly number[], targetIndex: number): boolean {
    if (logits.length < MIN_CLASSES || logits.length > MAX_CLASSES) return false;
    if ('error' in softmaxCrossEntropy(logits, targetIndex)) return false;
    this.logits = [...logits];
    this.texts = logits.map(textOf);
    this.errors = logits.map(() => undefined);
    this.targetIndex = targetIndex;
    return true;
  }

  loadPreset() {
    this.setAll(DOCUMENT_002_PRESET.logits, DOCUMENT_002_PRESET.targetIndex);
  }

  reset() {
    this.setAll(DEFAULT_LOGITS, DEFAULT_TARGET);
  }

  private refuse(index: number, code: LogitError['code'], raw: string): false {
    this.errors[index] = { code, raw };
    return false;
  }
}
