/**
 * How the gradient-size demo's settings meet the shared shell: query fields in and out, and reset.
 * The demo has no steps, so its controller refuses next/prev/first/last/goto.
 */
import { unknownFields } from '../../shared/url-state';
import type { ApplyOptions, WidgetBinding } from '../../shared/widget-binding';
import type { VanishingModel } from './model.svelte';
import { PARSERS, readVanishingUrl, vanishingUrlFields } from './url';

/**
 * Applies query fields to the model (a link, or a controller's setState); returns the "name=value"
 * entries it had to ignore. With `strict` (setState), names the demo does not know are refused too.
 */
function applyQuery(model: VanishingModel, query: URLSearchParams, options: ApplyOptions = {}): string[] {
  const { options: settings, ignored } = readVanishingUrl(query, options.prefix);
  if (Object.keys(settings).length > 0) model.setOptions(settings);
  return options.strict ? [...ignored, ...unknownFields(query, Object.keys(PARSERS), options.prefix)] : ignored;
}

export function vanishingGradientsBinding(model: VanishingModel): WidgetBinding {
  return {
    name: 'vanishing-gradients',
    apply: (query, options) => applyQuery(model, query, options),
    urlFields: () => vanishingUrlFields(model.options),
    reset: () => model.reset(),
  };
}
