/**
 * How the activation explorer's state meets the shared shell: query fields in and out, and reset.
 * The explorer has no steps, so its controller refuses next/prev/first/last/goto.
 */
import { modelBinding, type ApplyOptions, type WidgetBinding } from '../../shared/widget-binding';
import type { ActivationExplorerModel } from './model.svelte';
import { DEFAULT_NAME, DEFAULT_SETTINGS, SETTING_FIELDS } from './settings';
import { readActivationUrl } from './url';

/**
 * Applies query fields to the model (the page's URL, or a controller's setState); returns the
 * "name=value" entries it had to ignore: malformed text, and values the engine refuses, which keep
 * their last valid value without leaving an error message under the field.
 */
export function applyQuery(model: ActivationExplorerModel, query: URLSearchParams, options: ApplyOptions = {}): string[] {
  const { prefix = '', strict = false } = options;
  const { values, ignored } = readActivationUrl(query, { prefix, strict });
  if (values.fn) model.setName(values.fn);
  // Field order matters: the range is settled before the reading point is read against it.
  for (const field of SETTING_FIELDS) {
    const raw = values[field];
    if (raw !== undefined) model.setText(field, raw);
  }
  for (const field of SETTING_FIELDS) {
    const raw = values[field];
    if (raw === undefined || !(field in model.errors)) continue;
    ignored.push(`${prefix}${field}=${raw}`);
    model.discardText(field);
  }
  return ignored;
}

/** The query fields that describe the model; defaults are left out so links stay short. */
export function urlFields(model: ActivationExplorerModel): Record<string, string | undefined> {
  const fields: Record<string, string | undefined> = { fn: model.name === DEFAULT_NAME ? undefined : model.name };
  for (const field of SETTING_FIELDS) {
    const value = model.settings[field];
    fields[field] = value === DEFAULT_SETTINGS[field] ? undefined : String(value);
  }
  return fields;
}

export function activationFunctionsBinding(model: ActivationExplorerModel): WidgetBinding {
  return modelBinding('activation-functions', model, { apply: applyQuery, urlFields });
}
