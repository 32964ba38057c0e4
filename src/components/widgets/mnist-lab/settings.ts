/** The lab's typed settings: parsed by the shared number reader, judged by the engine's ranges. */
import { DEFAULT_LAB_SETTINGS, LAB_RANGES, labSettingRefusal, type LabField, type LabSettings } from '../../../engine/models/mnist-lab';
import { readSetting, type SettingError } from '../../shared/setting-field';

export const LAB_FIELDS: readonly LabField[] = ['learningRate', 'batchSize', 'hidden', 'epochs', 'trainSize', 'seed'];
export type LabFieldError = SettingError<LabField>;

export const defaultLabSettings = (): LabSettings => ({ ...DEFAULT_LAB_SETTINGS });
export const FIELD_RANGES: Record<LabField, { min: number; max: number }> = LAB_RANGES;

export function parseLabField(name: LabField, text: string): { value: number } | { error: LabFieldError } {
  return readSetting(name, text, (value) => labSettingRefusal(name, value));
}

export const textsOf = (settings: LabSettings) => Object.fromEntries(LAB_FIELDS.map((name) => [name, String(settings[name])])) as Record<LabField, string>;
