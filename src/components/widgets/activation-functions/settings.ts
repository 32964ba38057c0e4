/** The explorer's settings a reader can change, their defaults, and the field names shared by the form and the link. */
import { DEFAULT_SATURATION_THRESHOLD, RELU_AS_MAXOUT, type ExplorerActivationName } from '../../../engine/models/activation-explorer';
import { DEFAULT_LEAKY_ALPHA } from '../../../engine/core/activations';

export const SETTING_FIELDS = ['alpha', 'w1', 'b1', 'w2', 'b2', 'from', 'to', 'threshold', 'z'] as const;
export type SettingField = (typeof SETTING_FIELDS)[number];
export type Settings = Record<SettingField, number>;

export const DEFAULT_NAME: ExplorerActivationName = 'sigmoid';
export const DEFAULT_SETTINGS: Settings = {
  alpha: DEFAULT_LEAKY_ALPHA,
  ...RELU_AS_MAXOUT,
  from: -6,
  to: 6,
  threshold: DEFAULT_SATURATION_THRESHOLD,
  z: 0,
};
