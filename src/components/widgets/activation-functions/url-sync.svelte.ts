/**
 * Keeps the explorer and the address bar in step: the URL is read once on start, then every change
 * is written back with history.replaceState (no new history entry per slider move).
 */
import { writeUrlState } from '../../shared/url-state';
import type { ActivationExplorerModel } from './model.svelte';
import { DEFAULT_NAME, DEFAULT_SETTINGS, SETTING_FIELDS } from './settings';
import { readActivationUrl } from './url';

/**
 * Applies query fields to the model (the page's URL, or a controller's setState); returns the
 * "name=value" entries it had to ignore. With `strict`, names the widget does not know count as ignored.
 */
export function applyQuery(
  model: ActivationExplorerModel,
  query: URLSearchParams,
  options: { prefix?: string; strict?: boolean } = {},
): string[] {
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

/** Applies the URL to the model; returns the "name=value" entries it had to ignore. */
export function applyUrl(model: ActivationExplorerModel, search: string, prefix = ''): string[] {
  return applyQuery(model, new URLSearchParams(search), { prefix });
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

/** The model's settings as an unprefixed query string (what status reports and embed links carry). */
export function queryOf(model: ActivationExplorerModel): string {
  return writeUrlState(new URLSearchParams(), urlFields(model)).toString();
}

export function writeUrl(model: ActivationExplorerModel, prefix = '') {
  const query = writeUrlState(new URLSearchParams(window.location.search), urlFields(model), prefix);
  const search = query.toString();
  const url = `${window.location.pathname}${search ? `?${search}` : ''}${window.location.hash}`;
  if (url !== `${window.location.pathname}${window.location.search}${window.location.hash}`) {
    window.history.replaceState(window.history.state, '', url);
  }
}
