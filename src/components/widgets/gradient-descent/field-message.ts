/**
 * The reader-facing message for a refused setting. A text that does not read as a number gets the
 * site's shared wording; the limits are this widget's own and say what range is allowed.
 */
import { MAX_ALPHA } from '../../../engine/models/gradient-descent';
import { fill, type Lang } from '../../../i18n';
import { numberMessage, type TypedNumberError } from '../../shared/typed-number';
import type { FieldError, FieldIssue, FieldName } from './model.svelte';
import { MAX_BATCH, VIEW_BOUND } from './settings';
import type { GdStrings } from './strings';

const LIMITS: Record<FieldName, number> = { alpha: MAX_ALPHA, w0: VIEW_BOUND, b0: VIEW_BOUND, batch: MAX_BATCH };
const TYPED_ERRORS: readonly string[] = ['empty', 'not-a-number', 'too-large', 'too-small'] satisfies TypedNumberError[];

const isTypedError = (issue: FieldIssue): issue is TypedNumberError => TYPED_ERRORS.includes(issue);

export const fieldLabel = (field: FieldName, strings: GdStrings): string =>
  ({ alpha: strings.alpha, w0: strings.startW, b0: strings.startB, batch: strings.batch })[field];

export function fieldMessage(error: FieldError, strings: GdStrings, lang: Lang): string {
  if (isTypedError(error.issue)) return numberMessage(lang, error.issue, error.raw, fieldLabel(error.field, strings));
  return fill(strings.errors[error.issue], {
    name: fieldLabel(error.field, strings),
    raw: error.raw,
    range: fill(strings.ranges[error.field], { max: LIMITS[error.field] }),
  });
}
