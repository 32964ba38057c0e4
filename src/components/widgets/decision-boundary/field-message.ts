import { fill } from '../../../i18n';
import { FIELD_RANGES, type FieldError, type TextField } from './fields';
import type { BoundaryStrings } from './strings';

/** The reader-facing message for a refused field, or undefined when the field is fine. */
export function fieldMessage(errors: readonly FieldError[], name: TextField, strings: BoundaryStrings): string | undefined {
  const error = errors.find((candidate) => candidate.name === name);
  if (!error) return undefined;
  return fill(strings.errors[error.code], {
    name: strings.fieldNames[name],
    raw: error.raw,
    range: fill(strings.ranges[name], FIELD_RANGES[name]),
  });
}
