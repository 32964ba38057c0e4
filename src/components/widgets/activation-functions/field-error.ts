/** Words a refused field text for the reader, from the model's error record. */
import { RANGE_LIMIT, SETTING_LIMIT } from '../../../engine/activation-explorer';
import { fill } from '../../../i18n';
import type { ActivationExplorerModel } from './model.svelte';
import type { SettingField } from './settings';
import type { ActivationStrings } from './strings';

const RANGE_FIELDS: readonly SettingField[] = ['from', 'to', 'z'];

export function fieldError(model: ActivationExplorerModel, field: SettingField, label: string, strings: ActivationStrings): string | undefined {
  const error = model.errors[field];
  if (!error) return undefined;
  const limit = RANGE_FIELDS.includes(field) ? RANGE_LIMIT : SETTING_LIMIT;
  const message = fill(strings.errors[error.code], { label, raw: error.raw, limit: limit.toLocaleString('en') });
  return `${message} ${fill(strings.errorKept, { value: String(model.settings[field]) })}`;
}
