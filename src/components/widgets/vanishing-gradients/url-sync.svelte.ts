/** Reads the demo's settings from the address bar once, then keeps the address bar up to date. */
import { replaceUrlFields } from '../../shared/url-history';
import { writeUrlState } from '../../shared/url-state';
import type { VanishingModel } from './model.svelte';
import { readVanishingUrl, vanishingUrlFields } from './url';

/**
 * Applies query fields to the model (the address bar, or a controller's setState); returns the
 * "name=value" entries it had to ignore. Fields the demo does not know are left alone.
 */
export function applyQuery(model: VanishingModel, query: URLSearchParams, prefix = ''): string[] {
  const { options, ignored } = readVanishingUrl(query, prefix);
  if (Object.keys(options).length > 0) model.setOptions(options);
  return ignored;
}

/** Applies the URL to the model; returns the "name=value" entries it had to ignore. */
export function applyUrl(model: VanishingModel, location: Location, prefix = ''): string[] {
  return applyQuery(model, new URLSearchParams(location.search), prefix);
}

/** The model's settings as a query string without prefix (what links, embeds and the controller carry). */
export function queryOf(model: VanishingModel): string {
  return writeUrlState(new URLSearchParams(), vanishingUrlFields(model.options)).toString();
}

export function writeUrl(model: VanishingModel, prefix = ''): void {
  replaceUrlFields(vanishingUrlFields(model.options), prefix);
}
