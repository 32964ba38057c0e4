/** Reads the demo's settings from the address bar once, then keeps the address bar up to date. */
import { replaceUrlFields } from '../../shared/url-history';
import type { VanishingModel } from './model.svelte';
import { readVanishingUrl, vanishingUrlFields } from './url';

/** Applies the URL to the model; returns the "name=value" entries it had to ignore. */
export function applyUrl(model: VanishingModel, location: Location, prefix = ''): string[] {
  const { options, ignored } = readVanishingUrl(new URLSearchParams(location.search), prefix);
  if (Object.keys(options).length > 0) model.setOptions(options);
  return ignored;
}

export function writeUrl(model: VanishingModel, prefix = ''): void {
  replaceUrlFields(vanishingUrlFields(model.options), prefix);
}
