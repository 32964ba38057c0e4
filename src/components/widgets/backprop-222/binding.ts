/**
 * How the 2-2-2 stepper's state meets the shared shell: query fields in and out (the step always
 * travels, so a link opens where the reader stands), reset, and the step commands.
 */
import { DOCUMENT_PARAMS, PARAM_NAMES, type Params222 } from '../../../engine/models/backprop222';
import { writeUrlState } from '../../shared/url-state';
import { modelBinding, walkingSteps, type ApplyOptions, type WidgetBinding } from '../../shared/widget-binding';
import type { Backprop222Model } from './model.svelte';
import { readBackprop222Url, resolveStep } from './url';

/** Applies query fields to the model (a link or a controller's setState); returns the refused "name=value" entries. */
export function applyQuery(model: Backprop222Model, query: URLSearchParams, options: ApplyOptions = {}): string[] {
  const { prefix = '' } = options;
  const { values, ignored } = readBackprop222Url(query, options);
  const { step, order, biases, ...params } = values;
  if (order) model.order = order;
  if (biases !== undefined) model.updateBiases = biases;
  if (Object.keys(params).length > 0) model.setParams(params as Partial<Params222>);
  // The step is resolved last: order and biases change which steps exist.
  if (step !== undefined) {
    const index = resolveStep(model.trace, step);
    if (index === undefined) ignored.push(`${prefix}step=${step}`);
    else model.stepper.goTo(index);
  }
  return ignored;
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

/** The model's settings as a query string (what status, links, embeds and exports carry). */
export function queryOf(model: Backprop222Model): string {
  return writeUrlState(new URLSearchParams(), urlFields(model)).toString();
}

export function backprop222Binding(model: Backprop222Model): WidgetBinding {
  const steps = walkingSteps(model.stepper, () => model.step.key, (reference) => resolveStep(model.trace, reference));
  return modelBinding('backprop-222', model, { apply: applyQuery, urlFields }, steps);
}
