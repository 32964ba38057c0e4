/** Labels a logit field and words a refused logit text for the reader, from the model's error record. */
import { LOGIT_LIMIT } from '../../../engine/models/softmax-cross-entropy';
import { fill, type Lang } from '../../../i18n';
import { refusedFieldMessage } from '../../shared/refused-field';
import type { SoftmaxModel } from './model.svelte';
import { subscript, type SoftmaxStrings } from './strings';

export const logitLabel = (strings: SoftmaxStrings, index: number) => fill(strings.logitLabel, { k: subscript(index) });

export function logitError(model: SoftmaxModel, index: number, strings: SoftmaxStrings, lang: Lang): string | undefined {
  const error = model.errors[index];
  if (!error) return undefined;
  return refusedFieldMessage(lang, strings, { ...error, label: logitLabel(strings, index), limit: LOGIT_LIMIT, kept: model.logits[index] });
}
