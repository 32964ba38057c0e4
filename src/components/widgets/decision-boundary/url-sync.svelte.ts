/** Reads the demo's settings from the address bar once, then keeps the address bar up to date. */
import { replaceUrlFields } from '../../shared/url-history';
import { writeUrlState } from '../../shared/url-state';
import type { BoundaryModel } from './model.svelte';
import { boundaryUrlFields, readBoundaryUrl } from './url';

/**
 * Applies query fields to the model (the address bar, or a controller's setState); returns the
 * "name=value" entries it had to ignore. Fields the demo does not know are left alone. Any valid
 * field resets training, as changing a setting by hand does.
 */
export function applyQuery(model: BoundaryModel, query: URLSearchParams, prefix = ''): string[] {
  const { settings, ignored } = readBoundaryUrl(query, prefix);
  if (Object.keys(settings).length > 0) model.setSettings(settings);
  return ignored;
}

/** Applies the URL to the model; returns the "name=value" entries it had to ignore. */
export function applyUrl(model: BoundaryModel, location: Location, prefix = ''): string[] {
  return applyQuery(model, new URLSearchParams(location.search), prefix);
}

/** The model's settings as a query string without prefix (what links, embeds and the controller carry). */
export function queryOf(model: BoundaryModel): string {
  return writeUrlState(new URLSearchParams(), boundaryUrlFields(model.settings)).toString();
}

export function writeUrl(model: BoundaryModel, prefix = ''): void {
  replaceUrlFields(boundaryUrlFields(model.settings), prefix);
}
