/**
 * The reader's settings for the gradient-size demo: defaults, field-by-field parsing of typed text
 * (the engine's validator decides what is allowed) and the seed and weight-scale shortcuts.
 */
import {
  DEPTH_RANGE, SEED_RANGE, WEIGHT_SCALE_RANGE, WIDTH_RANGE, validateVanishingOptions,
  type VanishingOptions,
} from '../../../engine/models/vanishing-gradients';
import { readSetting, type SettingError } from '../../shared/setting-field';

export type NumericField = 'depth' | 'width' | 'weightScale' | 'seed';
export const NUMERIC_FIELDS: readonly NumericField[] = ['depth', 'width', 'weightScale', 'seed'];

export const FIELD_RANGES: Record<NumericField, { min: number; max: number }> = {
  depth: DEPTH_RANGE,
  width: WIDTH_RANGE,
  weightScale: WEIGHT_SCALE_RANGE,
  seed: SEED_RANGE,
};

/** Sigmoid, ten layers of eight, N(0, 1) weights: the documents' setting, and clearly vanishing. */
export const DEFAULT_OPTIONS: Readonly<VanishingOptions> = { depth: 10, width: 8, activation: 'sigmoid', weightScale: 1, seed: 1 };

export type FieldError = SettingError<NumericField>;

/** The value of one typed field, checked together with the other current settings. */
export function parseField(name: NumericField, text: string, current: VanishingOptions): { value: number } | { error: FieldError } {
  return readSetting(name, text, (value) => validateVanishingOptions({ ...current, [name]: value }).find((error) => error.field === name)?.code);
}

export type ScalePreset = 'xavier' | 'he';
export const SCALE_PRESETS: readonly ScalePreset[] = ['xavier', 'he'];

/**
 * Standard deviations that keep the signal's size from layer to layer: √(1/n) (Xavier/Glorot, for
 * tanh) and √(2/n) (He, for ReLU, which zeroes half its inputs). Four significant digits keep the
 * field and the link readable.
 */
export function presetScale(preset: ScalePreset, width: number): number {
  const gain = preset === 'he' ? 2 : 1;
  return Number(Math.sqrt(gain / width).toPrecision(4));
}
