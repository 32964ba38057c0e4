/**
 * How the general stepper's state meets the shared shell: a preset plus whatever differs from it
 * in and out of query fields, the mode and view, the step (always, so a link opens where the reader
 * stands), and step commands that predict mode may refuse.
 */
import { PRESETS, type NetworkDescription } from '../../../engine/models/network-stepper';
import { writeUrlState } from '../../shared/url-state';
import { modelBinding, type ApplyOptions, type StepCommand, type WidgetBinding } from '../../shared/widget-binding';
import { DEFAULT_PRESET, DEFAULT_SEED, type NetworkStepperModel } from './model.svelte';
import {
  biasMode, flatBiases, flatWeights, layersText, reshape, sameNumbers, withBiasMode, withFlatBiases, withFlatWeights,
} from './network-edit';
import { readStepperUrl, resolveStep, type StepperUrl } from './url';

/** Query fields that describe the network, in the order they are applied. */
const NETWORK_FIELDS = ['layers', 'act', 'loss', 'bias', 'biases', 'order', 'lr', 'x', 't', 'w', 'b'] as const;

/** The link's network fields over the preset; undefined when they do not fit together. */
function linkedNetwork(base: NetworkDescription, values: Partial<StepperUrl>, seed: number): NetworkDescription | undefined {
  let next: NetworkDescription | undefined = values.layers ? reshape(base, values.layers, seed) : base;
  if (values.act) next = values.act.length === next.layers.length - 1 ? { ...next, activations: values.act } : undefined;
  if (!next) return undefined;
  if (values.bias) next = withBiasMode(next, values.bias);
  next = { ...next, loss: values.loss ?? next.loss, order: values.order ?? next.order, lr: values.lr ?? next.lr };
  if (values.biases !== undefined) next = { ...next, updateBiases: values.biases };
  if (values.x) next = values.x.length === next.layers[0] ? { ...next, inputs: values.x } : undefined;
  if (next && values.t) next = values.t.length === next.layers.at(-1) ? { ...next, targets: values.t } : undefined;
  if (next && values.w) next = withFlatWeights(next, values.w);
  if (next && values.b) next = withFlatBiases(next, values.b);
  return next;
}

/** Applies query fields (a link or a controller's setState); returns the refused "name=value" entries. */
export function applyQuery(model: NetworkStepperModel, query: URLSearchParams, options: ApplyOptions = {}): string[] {
  const { prefix = '' } = options;
  const { values, ignored } = readStepperUrl(query, options);
  if (values.preset) model.setPreset(values.preset);
  if (values.seed !== undefined) model.seed = values.seed;
  const given = NETWORK_FIELDS.filter((name) => values[name] !== undefined);
  if (given.length > 0) {
    const network = linkedNetwork(model.description, values, model.seed);
    if (!network || !model.useStructure(network)) {
      for (const name of given) ignored.push(`${prefix}${name}=${query.get(prefix + name)}`);
    }
  }
  if (values.view) model.view = values.view;
  if (values.mode) model.mode = values.mode;
  if (model.predicting) model.restoreProgress();
  // The step comes last: the network decides which steps exist.
  if (values.step !== undefined) {
    const index = resolveStep(model.trace.steps, values.step);
    if (index === undefined) ignored.push(`${prefix}step=${values.step}`);
    else model.stepper.goTo(index);
  }
  return ignored;
}

/** Descriptions without the flag train their biases. */
const updatesBiases = (description: NetworkDescription) => description.updateBiases !== false;

const differs = (mine: readonly number[], preset: readonly number[], text: string) => (sameNumbers(mine, preset) ? undefined : text);

/** The network's fields that differ from its preset, so a preset's link stays short. */
export function networkFields(description: NetworkDescription, preset: NetworkDescription): Record<string, string | undefined> {
  const other = <T>(mine: T, theirs: T) => (mine === theirs ? undefined : String(mine));
  const joined = (numbers: readonly number[]) => numbers.join('_');
  return {
    layers: other(layersText(description.layers), layersText(preset.layers)),
    act: other(description.activations.join('.'), preset.activations.join('.')),
    loss: other(description.loss, preset.loss),
    bias: other(biasMode(description), biasMode(preset)),
    biases: other(updatesBiases(description) ? '1' : '0', updatesBiases(preset) ? '1' : '0'),
    order: other(description.order, preset.order),
    lr: other(description.lr, preset.lr),
    x: differs(description.inputs, preset.inputs, joined(description.inputs)),
    t: differs(description.targets, preset.targets, joined(description.targets)),
    w: differs(flatWeights(description), flatWeights(preset), joined(flatWeights(description))),
    b: differs(flatBiases(description), flatBiases(preset), joined(flatBiases(description))),
  };
}

/** The address bar's fields; the preset and mode the widget opened with are left out. */
export function urlFields(model: NetworkStepperModel): Record<string, string | undefined> {
  return {
    preset: model.preset === model.startPreset ? undefined : model.preset,
    ...networkFields(model.description, PRESETS[model.preset]),
    seed: model.seed === DEFAULT_SEED ? undefined : String(model.seed),
    step: String(model.stepper.current + 1),
    mode: model.mode === model.startMode ? undefined : model.mode,
    view: model.view === 'matrix' ? 'matrix' : undefined,
  };
}

/** The state for status, links and embeds: unlike the address bar, it names a preset and predict mode whenever an embed page would not open on them. */
export function queryOf(model: NetworkStepperModel): string {
  const fields = {
    ...urlFields(model),
    preset: model.preset === DEFAULT_PRESET ? undefined : model.preset,
    mode: model.predicting ? 'predict' : undefined,
  };
  return writeUrlState(new URLSearchParams(), fields).toString();
}

export function backpropStepperBinding(model: NetworkStepperModel): WidgetBinding {
  const step = (command: StepCommand): boolean => {
    if (command.command !== 'goto') return model.move(command.command);
    const index = resolveStep(model.trace.steps, String(command.step));
    return index !== undefined && model.goTo(index);
  };
  return modelBinding('backprop-stepper', model, { apply: applyQuery, urlFields }, {
    query: () => queryOf(model),
    position: () => ({ step: model.stepper.current + 1, count: model.stepper.count, key: model.step.key }),
    step,
  });
}
