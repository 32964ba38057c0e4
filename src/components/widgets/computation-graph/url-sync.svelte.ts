/**
 * Keeps the stepper and the address bar in step: the URL is read once on start, then every change
 * of preset, input or step is written back with history.replaceState (no history entry per click).
 */
import { writeUrlState } from '../../shared/url-state';
import type { ComputationGraphModel } from './model.svelte';
import { INPUT_FIELDS, PRESET_SLUGS, readComputationGraphUrl, resolveStep } from './url';

/** Applies the URL to the model; returns the "name=value" entries it had to ignore. */
export function applyUrl(model: ComputationGraphModel, location: Location, prefix = ''): string[] {
  const query = new URLSearchParams(location.search);
  const { values, ignored } = readComputationGraphUrl(query, { prefix });
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

export function writeUrl(model: ComputationGraphModel, prefix = '') {
  const query = writeUrlState(new URLSearchParams(window.location.search), urlFields(model), prefix);
  const search = query.toString();
  const url = `${window.location.pathname}${search ? `?${search}` : ''}${window.location.hash}`;
  if (url !== `${window.location.pathname}${window.location.search}${window.location.hash}`) {
    window.history.replaceState(window.history.state, '', url);
  }
}
