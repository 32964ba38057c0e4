/** Words a refused field text for the reader, from the model's error record. */
import { RANGE_LIMIT, SETTING_LIMIT } from '../../../engine/models/activation-explorer';
import type { Lang } from '../../../i18n';
import { refusedFieldMessage } from '../../shared/refused-field';
import type { ActivationExplorerModel } from './model.svelte';
import type { SettingField } from './settings';
import type { ActivationStrings } from './strings';

const RANGE_FIELDS: readonly SettingField[] = ['from', 'to', 'z'];

export function fieldError(
  model: ActivationExplorerModel,
  field: SettingField,
  label: string,
  strings: ActivationStrings,
  lang: Lang,
): string | undefined {
  const error = model.errors[field];
  if (!error) return undefined;
  const limit = RANGE_FIELDS.includes(field) ? RANGE_LIMIT : SETTING_LIMIT;
  return refusedFieldMessage(lang, strings, { ...error, label, limit, kept: model.settings[field] });
}
