/**
 * How the logic-gates widget's state meets the shared shell: query fields in and out, and reset.
 * The widget has no steps, so its controller refuses next/prev/first/last/goto.
 */
import { writeUrlState } from '../../shared/url-state';
import type { ApplyOptions, WidgetBinding } from '../../shared/widget-binding';
import type { LogicGatesModel } from './model.svelte';
import { documentGate, isGate, type PresetId } from './presets';
import { THETA_FIELDS, readLogicGatesUrl } from './url';

/**
 * Applies query fields to the model (the page's URL, or a controller's setState); returns the
 * "name=value" entries it had to ignore. With `strict`, names the widget does not know count as ignored.
 * A new gate preset starts from the document's θ; θ fields alone adjust the gate shown.
 */
export function applyQuery(model: LogicGatesModel, query: URLSearchParams, options: ApplyOptions = {}): string[] {
  const { prefix = '', strict = false } = options;
  const { values, ignored } = readLogicGatesUrl(query, prefix, strict);
  const preset = values.preset ?? model.preset;
  const given = THETA_FIELDS.map((field) => values[field]);
  const refuse = (index: number) => ignored.push(`${prefix}${THETA_FIELDS[index]}=${query.get(prefix + THETA_FIELDS[index])}`);
  if (isGate(preset)) {
    const theta = [...(values.preset === undefined ? model.theta : documentGate(preset).theta)];
    given.forEach((value, index) => {
      if (value === undefined) return;
      // A one-input gate has no θ2; a stray t2 is reported rather than silently dropped.
      if (index < theta.length) theta[index] = value;
      else refuse(index);
    });
    if (values.preset !== undefined || given.some((value) => value !== undefined)) model.select(preset, theta);
  } else {
    given.forEach((value, index) => value !== undefined && refuse(index));
    model.select(preset);
  }
  if (values.mode) model.mode = values.mode;
  return ignored;
}

/** The query fields that describe the model; defaults are left out so links stay short. */
export function urlFields(model: LogicGatesModel, defaultPreset: PresetId): Record<string, string | undefined> {
  const gate = isGate(model.preset);
  const fields: Record<string, string | undefined> = {
    preset: model.preset === defaultPreset ? undefined : model.preset,
    mode: model.view === 'xnor' && model.mode !== 'continuous' ? model.mode : undefined,
  };
  THETA_FIELDS.forEach((field, index) => {
    const value = model.theta[index];
    fields[field] = gate && !model.isDocumentTheta && value !== undefined ? String(value) : undefined;
  });
  return fields;
}

/**
 * The model's state as an unprefixed query string (what status reports and embed links carry). It is
 * written against the AND default of a fresh widget (and of the embed page), so it names the preset
 * even when a lesson starts the widget on another.
 */
export function queryOf(model: LogicGatesModel): string {
  return writeUrlState(new URLSearchParams(), urlFields(model, 'and')).toString();
}

export function logicGatesBinding(model: LogicGatesModel, initialPreset: PresetId = 'and'): WidgetBinding {
  return {
    name: 'logic-gates',
    apply: (query, options) => applyQuery(model, query, options),
    urlFields: () => urlFields(model, initialPreset),
    query: () => queryOf(model),
    reset: () => model.reset(initialPreset),
  };
}
