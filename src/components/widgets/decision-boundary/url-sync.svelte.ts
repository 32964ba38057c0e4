/** Reads the demo's settings from the address bar once, then keeps the address bar up to date. */
import { replaceUrlFields } from '../../shared/url-history';
import type { BoundaryModel } from './model.svelte';
import { boundaryUrlFields, readBoundaryUrl } from './url';

/** Applies the URL to the model; returns the "name=value" entries it had to ignore. */
export function applyUrl(model: BoundaryModel, location: Location, prefix = ''): string[] {
  const { settings, ignored } = readBoundaryUrl(new URLSearchParams(location.search), prefix);
  if (Object.keys(settings).length > 0) model.setSettings(settings);
  return ignored;
}

export function writeUrl(model: BoundaryModel, prefix = ''): void {
  replaceUrlFields(boundaryUrlFields(model.settings), prefix);
}
