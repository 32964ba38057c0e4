/**
 * Keeps the stepper and the address bar in step: the URL is read once on start, then every change
 * of preset, input or step is written back with history.replaceState (no history entry per click).
 */
import { PRESET_IDS } from '../../../engine/computation-graph';
import { writeUrlState } from '../../shared/url-state';
import type { ComputationGraphModel } from './model.svelte';
import { INPUT_FIELDS, PRESET_SLUGS, readComputationGraphUrl, resolveStep } from './url';

/**
 * Applies query fields to the model (the URL reader and the controller's setState share this);
 * returns the "name=value" entries it had to ignore. With `strict`, unknown names are reported too.
 */
export function applyQuery(
  model: ComputationGraphModel,
  query: URLSearchParams,
  options: { prefix?: string; strict?: boolean } = {},
): string[] {
  const { prefix = '', strict = false } = options;
  const { values, ignored } = readComputationGraphUrl(query, { prefix, strict });
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

/** Applies the URL to the model; returns the "name=value" entries it had to ignore. */
export function applyUrl(model: ComputationGraphModel, location: Location, prefix = ''): string[] {
  return applyQuery(model, new URLSearchParams(location.search), { prefix });
}

/** The query fields that describe the model; defaults are left out so links stay short. */
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
 * The model's state as a query string for links, embeds and the controller. Unlike the address
 * bar, it names the preset whenever it is not the first one, because an embed page opens on that.
 */
export function queryOf(model: ComputationGraphModel): string {
  const preset = model.presetId === PRESET_IDS[0] ? undefined : PRESET_SLUGS[model.presetId];
  return writeUrlState(new URLSearchParams(), { ...urlFields(model), preset }).toString();
}

export function writeUrl(model: ComputationGraphModel, prefix = '') {
  const query = writeUrlState(new URLSearchParams(window.location.search), urlFields(model), prefix);
  const search = query.toString();
  const url = `${window.location.pathname}${search ? `?${search}` : ''}${window.location.hash}`;
  if (url !== `${window.location.pathname}${window.location.search}${window.location.hash}`) {
    window.history.replaceState(window.history.state, '', url);
  }
}
