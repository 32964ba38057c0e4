/**
 * Keeps the widget and the address bar in step: the URL is read once on start, then every change
 * is written back with history.replaceState.
 */
import { writeUrlState } from '../../shared/url-state';
import type { SoftmaxModel } from './model.svelte';
import { readSoftmaxUrl } from './url';

/**
 * Applies query fields to the model (the page's URL, or a controller's setState); returns the
 * "name=value" entries it had to ignore. With `strict`, names the widget does not know count as ignored.
 */
export function applyQuery(model: SoftmaxModel, query: URLSearchParams, options: { prefix?: string; strict?: boolean } = {}): string[] {
  const { prefix = '', strict = false } = options;
  const { values, ignored } = readSoftmaxUrl(query, { prefix, strict });
  const refuse = (name: string) => ignored.push(`${prefix}${name}=${query.get(prefix + name)}`);
  if (values.preset) model.loadPreset();
  if (values.z) {
    const { z, t } = values;
    const target = t !== undefined && t < z.length ? t : Math.min(model.targetIndex, z.length - 1);
    if (!model.setAll(z, target)) refuse('z');
  }
  if (values.t !== undefined && values.t !== model.targetIndex && !model.setTarget(values.t)) refuse('t');
  return ignored;
}

/** Applies the URL to the model; returns the "name=value" entries it had to ignore. */
export function applyUrl(model: SoftmaxModel, search: string, prefix = ''): string[] {
  return applyQuery(model, new URLSearchParams(search), { prefix });
}

/** The query fields that describe the model; the defaults are left out and the preset is named, so links stay short. */
export function urlFields(model: SoftmaxModel): Record<string, string | undefined> {
  if (model.isPreset) return { preset: '002', z: undefined, t: undefined };
  if (model.isDefault) return { preset: undefined, z: undefined, t: undefined };
  return { preset: undefined, z: model.logits.map(String).join(','), t: String(model.targetIndex) };
}

/** The model's state as an unprefixed query string (what status reports and embed links carry). */
export function queryOf(model: SoftmaxModel): string {
  return writeUrlState(new URLSearchParams(), urlFields(model)).toString();
}

export function writeUrl(model: SoftmaxModel, prefix = '') {
  const query = writeUrlState(new URLSearchParams(window.location.search), urlFields(model), prefix);
  const search = query.toString();
  const url = `${window.location.pathname}${search ? `?${search}` : ''}${window.location.hash}`;
  if (url !== `${window.location.pathname}${window.location.search}${window.location.hash}`) {
    window.history.replaceState(window.history.state, '', url);
  }
}
