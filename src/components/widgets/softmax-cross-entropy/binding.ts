/**
 * How the softmax / cross-entropy widget's state meets the shared shell: query fields in and out,
 * and reset. The widget has no steps, so its controller refuses next/prev/first/last/goto.
 */
import { modelBinding, type ApplyOptions, type WidgetBinding } from '../../shared/widget-binding';
import type { SoftmaxModel } from './model.svelte';
import { readSoftmaxUrl } from './url';

/**
 * Applies query fields to the model (the page's URL, or a controller's setState); returns the
 * "name=value" entries it had to ignore, including logits and targets the engine refuses.
 * preset=002 loads document 002's example first, so z and t may then change it.
 */
export function applyQuery(model: SoftmaxModel, query: URLSearchParams, options: ApplyOptions = {}): string[] {
  const { prefix = '', strict = false } = options;
  const { values, ignored } = readSoftmaxUrl(query, { prefix, strict });
  const refuse = (name: string) => ignored.push(`${prefix}${name}=${query.get(prefix + name)}`);
  if (values.preset) model.loadPreset();
  if (values.z) {
    const { z, t } = values;
    const target = t !== undefined && t < z.length ? t : Math.min(model.targetIndex, z.length - 1);
    if (!model.setAll(z, target)) refuse('z');
  }
  if (values.t !== undefined && values.t !== model.targetIndex && !model.setTarget(values.t)) refuse('t');
  return ignored;
}

/** The query fields that describe the model; the defaults are left out and the preset is named, so links stay short. */
export function urlFields(model: SoftmaxModel): Record<string, string | undefined> {
  if (model.isPreset) return { preset: '002', z: undefined, t: undefined };
  if (model.isDefault) return { preset: undefined, z: undefined, t: undefined };
  return { preset: undefined, z: model.logits.map(String).join(','), t: String(model.targetIndex) };
}

export function softmaxCrossEntropyBinding(model: SoftmaxModel): WidgetBinding {
  return modelBinding('softmax-cross-entropy', model, { apply: applyQuery, urlFields });
}
