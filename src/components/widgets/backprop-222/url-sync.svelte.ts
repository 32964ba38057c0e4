/**
 * Keeps the stepper and the address bar in step: the URL is read once on start, then every change
 * of step or setting is written back with history.replaceState (no new history entries per click).
 */
import { DOCUMENT_PARAMS, PARAM_NAMES, type Params222 } from '../../../engine/backprop222';
import { stepFromHash, writeUrlState } from '../../shared/url-state';
import type { Backprop222Model } from './model.svelte';
import { readBackprop222Url, resolveStep } from './url';

/** Applies query fields to the model; returns the "name=value" entries it had to ignore. */
export function applyQuery(model: Backprop222Model, query: URLSearchParams, options: { strict?: boolean } = {}): string[] {
  const { values, ignored } = readBackprop222Url(query, options);
  const { step, order, biases, ...params } = values;
  if (order) model.order = order;
  if (biases !== undefined) model.updateBiases = biases;
  if (Object.keys(params).length > 0) model.setParams(params as Partial<Params222>);
  if (step !== undefined) {
    const index = resolveStep(model.trace, step);
    if (index === undefined) ignored.push(`step=${step}`);
    else model.stepper.goTo(index);
  }
  return ignored;
}

/** Applies the page's URL (query, or #step=K) to the model; returns what it had to ignore. */
export function applyUrl(model: Backprop222Model, location: Location, options: { strict?: boolean } = {}): string[] {
  const query = new URLSearchParams(location.search);
  const hashStep = stepFromHash(location.hash);
  if (!query.has('step') && hashStep !== undefined) query.set('step', hashStep);
  return applyQuery(model, query, options);
}

/** The query fields that describe the model; defaults are left out so links stay short. */
export function urlFields(model: Backprop222Model): Record<string, string | undefined> {
  const fields: Record<string, string | undefined> = {
    step: String(model.stepper.current + 1),
    order: model.order === 'textbook' ? undefined : model.order,
    biases: model.updateBiases ? '1' : undefined,
  };
  for (const name of PARAM_NAMES) {
    fields[name] = model.params[name] === DOCUMENT_PARAMS[name] ? undefined : String(model.params[name]);
  }
  return fields;
}

/** The model's settings as a query string (what links, embeds and exports carry). */
export function queryOf(model: Backprop222Model): string {
  return writeUrlState(new URLSearchParams(), urlFields(model)).toString();
}

export function writeUrl(model: Backprop222Model) {
  const query = writeUrlState(new URLSearchParams(window.location.search), urlFields(model));
  const search = query.toString();
  const hash = window.location.hash.startsWith('#step=') ? '' : window.location.hash;
  const url = `${window.location.pathname}${search ? `?${search}` : ''}${hash}`;
  if (url !== `${window.location.pathname}${window.location.search}${window.location.hash}`) {
    window.history.replaceState(window.history.state, '', url);
  }
}
