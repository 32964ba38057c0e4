/**
 * How the layer-shapes widget's state meets the shared shell: query fields in and out, and reset.
 * The widget has no steps, so its controller refuses next/prev/first/last/goto.
 */
import { modelBinding, type ApplyOptions, type WidgetBinding } from '../../shared/widget-binding';
import { DEFAULT_M, DEFAULT_SIZES, type LayerShapesModel } from './model.svelte';
import { readLayerShapesUrl, sizesText } from './url';

/**
 * Applies query fields to the model (the page's URL, or a controller's setState); returns the
 * "name=value" entries it had to ignore. With `strict`, names the widget does not know count as ignored.
 */
export function applyQuery(model: LayerShapesModel, query: URLSearchParams, options: ApplyOptions = {}): string[] {
  const { prefix = '', strict = false } = options;
  const { values, ignored } = readLayerShapesUrl(query, prefix, strict);
  if (values.m !== undefined) model.setM(values.m);
  if (values.sizes) model.setSizes(values.sizes);
  if (values.all !== undefined) model.showAll = values.all;
  return ignored;
}

/** The query fields that describe the model; defaults are left out so links stay short. */
export function urlFields(model: LayerShapesModel): Record<string, string | undefined> {
  return {
    m: model.m === DEFAULT_M ? undefined : String(model.m),
    sizes: sizesText(model.sizes) === sizesText(DEFAULT_SIZES) ? undefined : sizesText(model.sizes),
    all: model.showAll ? '1' : undefined,
  };
}

export function layerShapesBinding(model: LayerShapesModel): WidgetBinding {
  return modelBinding('layer-shapes', model, { apply: applyQuery, urlFields });
}
