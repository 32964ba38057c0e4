/**
 * The reader's settings for the decision-boundary demo: defaults, typed-field parsing checked by the
 * engine's own validators, and the hidden-layer editing steps.
 */
import {
  COUNT_RANGE, HIDDEN_UNITS_RANGE, LEARNING_RATE_RANGE, MAX_HIDDEN_LAYERS, NOISE_RANGE, SEED_RANGE,
  validateDatasetOptions, validateTrainingOptions,
  type DatasetKind, type HiddenActivation, type OptionErrorCode, type TrainingOptions,
} from '../../../engine/models/decision-boundary';
import { readSetting, type SettingError } from '../../shared/setting-field';

export interface BoundarySettings {
  kind: DatasetKind;
  count: number;
  noise: number;
  dataSeed: number;
  /** Units per hidden layer, input side first; [] means no hidden layer. */
  hiddenLayers: number[];
  activation: HiddenActivation;
  learningRate: number;
  weightSeed: number;
  quadratic: boolean;
}

/** XOR learned by one hidden layer of four tanh units: about 150 epochs to 95 % with these seeds. */
export const DEFAULT_SETTINGS: Readonly<BoundarySettings> = Object.freeze({
  kind: 'xor',
  count: 200,
  noise: 0.1,
  dataSeed: 1,
  hiddenLayers: [4],
  activation: 'tanh',
  learningRate: 1,
  weightSeed: 1,
  quadratic: false,
});

export const defaultSettings = (): BoundarySettings => ({ ...DEFAULT_SETTINGS, hiddenLayers: [...DEFAULT_SETTINGS.hiddenLayers] });

export type TextField = 'count' | 'noise' | 'dataSeed' | 'learningRate' | 'weightSeed';
export const DATASET_FIELDS: readonly TextField[] = ['count', 'noise', 'dataSeed'];
export const NETWORK_FIELDS: readonly TextField[] = ['learningRate', 'weightSeed'];
export const TEXT_FIELDS: readonly TextField[] = [...DATASET_FIELDS, ...NETWORK_FIELDS];

export const FIELD_RANGES: Record<TextField, { min: number; max: number }> = {
  count: COUNT_RANGE,
  noise: NOISE_RANGE,
  dataSeed: SEED_RANGE,
  learningRate: LEARNING_RATE_RANGE,
  weightSeed: SEED_RANGE,
};

export type FieldError = SettingError<TextField>;

/** The engine's options for the settings, given the dataset's points. */
export function trainingOptions(settings: BoundarySettings, dataset: TrainingOptions['dataset']): TrainingOptions {
  return {
    hiddenLayers: [...settings.hiddenLayers],
    activation: settings.activation,
    learningRate: settings.learningRate,
    seed: settings.weightSeed,
    dataset,
    quadraticFeatures: settings.quadratic,
  };
}

/** A stand-in point: the network checks need some data, and only the field's own verdict is read. */
const PROBE = [{ x: 0, y: 0, label: 0 as const }];

/** Every reason the engine would refuse these settings, under the names of this widget's fields. */
export function settingsErrors(settings: BoundarySettings): { name: string; code: OptionErrorCode }[] {
  const dataset = validateDatasetOptions(settings.kind, { count: settings.count, noise: settings.noise, seed: settings.dataSeed });
  const network = validateTrainingOptions(trainingOptions(settings, PROBE));
  return [
    ...dataset.map((error) => ({ name: error.field === 'seed' ? 'dataSeed' : error.field, code: error.code })),
    ...network.map((error) => ({ name: error.field === 'seed' ? 'weightSeed' : error.field, code: error.code })),
  ];
}

export function parseField(name: TextField, text: string, current: BoundarySettings): { value: number } | { error: FieldError } {
  return readSetting(name, text, (value) => settingsErrors({ ...current, [name]: value }).find((error) => error.name === name)?.code);
}

export const canAddLayer = (layers: readonly number[]) => layers.length < MAX_HIDDEN_LAYERS;
export const canRemoveLayer = (layers: readonly number[]) => layers.length > 0;
export const canAddUnit = (units: number) => units < HIDDEN_UNITS_RANGE.max;
export const canRemoveUnit = (units: number) => units > HIDDEN_UNITS_RANGE.min;

/** A new layer copies the width of the last one (or starts at 4), as the Playground does. */
export function withLayerAdded(layers: readonly number[]): number[] {
  return canAddLayer(layers) ? [...layers, layers.at(-1) ?? 4] : [...layers];
}

export function withUnitsChanged(layers: readonly number[], index: number, change: 1 | -1): number[] {
  const units = layers[index] + change;
  return units >= HIDDEN_UNITS_RANGE.min && units <= HIDDEN_UNITS_RANGE.max ? layers.map((u, i) => (i === index ? units : u)) : [...layers];
}
