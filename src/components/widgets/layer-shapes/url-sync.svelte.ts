/**
 * Keeps the layer-shapes widget and the address bar in step: read once on start, then every change
 * written back with history.replaceState.
 */
import { writeUrlState } from '../../shared/url-state';
import { DEFAULT_M, DEFAULT_SIZES, type LayerShapesModel } from './model.svelte';
import { readLayerShapesUrl, sizesText } from './url';

/**
 * Applies query fields to the model (the page's URL, or a controller's setState); returns the
 * "name=value" entries it had to ignore. With `strict`, names the widget does not know count as ignored.
 */
export function applyQuery(model: LayerShapesModel, query: URLSearchParams, options: { prefix?: string; strict?: boolean } = {}): string[] {
  const { prefix = '', strict = false } = options;
  const { values, ignored } = readLayerShapesUrl(query, prefix, strict);
  if (values.m !== undefined) model.setM(values.m);
  if (values.sizes) model.setSizes(values.sizes);
  if (values.all !== undefined) model.showAll = values.all;
  return ignored;
}

/** Applies the URL to the model; returns the "name=value" entries it had to ignore. */
export function applyUrl(model: LayerShapesModel, search: string, prefix = ''): string[] {
  return applyQuery(model, new URLSearchParams(search), { prefix });
}

/** The query fields that describe the model; defaults are left out so links stay short. */
export function urlFields(model: LayerShapesModel): Record<string, string | undefined> {
  return {
    m: model.m === DEFAULT_M ? undefined : String(model.m),
    sizes: sizesText(model.sizes) === sizesText(DEFAULT_SIZES) ? undefined : sizesText(model.sizes),
    all: model.showAll ? '1' : undefined,
  };
}

/** The model's state as an unprefixed query string (what status reports and embed links carry). */
export function queryOf(model: LayerShapesModel): string {
  return writeUrlState(new URLSearchParams(), urlFields(model)).toString();
}

export function writeUrl(model: LayerShapesModel, prefix = '') {
  const query = writeUrlState(new URLSearchParams(window.location.search), urlFields(model), prefix);
  const search = query.toString();
  const url = `${window.location.pathname}${search ? `?${search}` : ''}${window.location.hash}`;
  if (url !== `${window.location.pathname}${window.location.search}${window.location.hash}`) {
    window.history.replaceState(window.history.state, '', url);
  }
}
