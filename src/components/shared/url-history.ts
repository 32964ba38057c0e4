/**
 * Writes a widget's settings into the address bar. replaceState, not pushState: every slider move
 * would otherwise become a Back-button stop.
 */
import { writeUrlState } from './url-state';

export function replaceUrlFields(fields: Record<string, string | undefined>, prefix = ''): void {
  const { pathname, search, hash } = window.location;
  const query = writeUrlState(new URLSearchParams(search), fields, prefix).toString();
  const next = `${pathname}${query ? `?${query}` : ''}${hash}`;
  if (next !== `${pathname}${search}${hash}`) window.history.replaceState(window.history.state, '', next);
}
