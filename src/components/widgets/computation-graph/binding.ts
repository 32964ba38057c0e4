/**
 * How the computation-graph stepper's state meets the shared shell: preset, inputs and step in and
 * out of query fields, reset to the opening example, and the step commands over all three passes.
 */
import { PRESET_IDS } from '../../../engine/models/computation-graph';
import { writeUrlState } from '../../shared/url-state';
import { walkingSteps, type ApplyOptions, type WidgetBinding } from '../../shared/widget-binding';
import type { ComputationGraphModel } from './model.svelte';
import { INPUT_FIELDS, PRESET_SLUGS, readComputationGraphUrl, resolveStep } from './url';

/**
 * Applies query fields to the model (a link or a controller's setState); returns the "name=value"
 * entries it had to ignore: inputs the chosen preset does not have and values the engine refuses too.
 */
export function applyQuery(model: ComputationGraphModel, query: URLSearchParams, options: ApplyOptions = {}): string[] {
  const { prefix = '' } = options;
  const { values, ignored } = readComputationGraphUrl(query, options);
  const { preset, step, ...inputs } = values;
  if (preset) model.setPreset(preset);
  const own = new Set(model.graph.inputIds);
  const accepted: Record<string, number> = {};
  for (const [name, value] of Object.entries(inputs)) {
    if (own.has(name) && typeof value === 'number') accepted[name] = value;
    else ignored.push(`${prefix}${name}=${query.get(prefix + name)}`);
  }
  for (const refused of model.setValues(accepted)) ignored.push(`${prefix}${refused}=${query.get(prefix + refused)}`);
  if (step !== undefined) {
    const index = resolveStep(model.steps, step);
    if (index === undefined) ignored.push(`${prefix}step=${step}`);
    else model.stepper.goTo(index);
  }
  return ignored;
}

/** The address bar's fields; defaults, and the preset the widget opened with, are left out so links stay short. */
export function urlFields(model: ComputationGraphModel): Record<string, string | undefined> {
  const fields: Record<string, string | undefined> = {
    preset: model.presetId === model.startPreset ? undefined : PRESET_SLUGS[model.presetId],
    step: model.stepper.current === 0 ? undefined : String(model.stepper.current + 1),
  };
  for (const name of INPUT_FIELDS) {
    const input = model.preset.inputs.find((candidate) => candidate.id === name);
    const value = model.values[name];
    fields[name] = input && value !== input.defaultValue ? String(value) : undefined;
  }
  return fields;
}

/**
 * The state as a query string for status, links and embeds. Unlike the address bar, it names the
 * preset whenever it is not the first one, because an embed page opens on that.
 */
export function queryOf(model: ComputationGraphModel): string {
  const preset = model.presetId === PRESET_IDS[0] ? undefined : PRESET_SLUGS[model.presetId];
  return writeUrlState(new URLSearchParams(), { ...urlFields(model), preset }).toString();
}

export function computationGraphBinding(model: ComputationGraphModel): WidgetBinding {
  return {
    name: 'computation-graph',
    apply: (query, options) => applyQuery(model, query, options),
    urlFields: () => urlFields(model),
    query: () => queryOf(model),
    // The opening example with its document values, at the first step.
    reset: () => model.setPreset(model.startPreset),
    ...walkingSteps(model.stepper, () => model.step.key, (reference) => resolveStep(model.steps, reference)),
  };
}
