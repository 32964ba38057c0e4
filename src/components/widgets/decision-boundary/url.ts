/**
 * The demo's URL fields (defaults are left out of links): data (xor|circle|spirals), count, noise,
 * dseed, layers ("4,4", or "none" for no hidden layer), act, lr, wseed, quad (1|0).
 * Example: ?data=circle&layers=none&quad=1
 */
import { DATASET_KINDS, HIDDEN_ACTIVATIONS, type DatasetKind, type HiddenActivation } from '../../../engine/models/decision-boundary';
import { parseBoolean, readUrlState, type FieldParser, type FieldParsers } from '../../shared/url-state';
import { DEFAULT_SETTINGS, defaultSettings, parseField, settingsErrors, type BoundarySettings, type TextField } from './fields';

export interface BoundaryUrl {
  data: DatasetKind;
  count: number;
  noise: number;
  dseed: number;
  layers: number[];
  act: HiddenActivation;
  lr: number;
  wseed: number;
  quad: boolean;
}

const NO_LAYERS = 'none';

const numberParser = (name: TextField): FieldParser<number> => (raw) => {
  const result = parseField(name, raw, defaultSettings());
  return 'error' in result ? { error: true } : result;
};

const choiceParser = <T extends string>(choices: readonly T[]): FieldParser<T> => (raw) =>
  (choices as readonly string[]).includes(raw) ? { value: raw as T } : { error: true };

export const parseLayers: FieldParser<number[]> = (raw) => {
  if (raw === NO_LAYERS) return { value: [] };
  if (!/^\d{1,3}(,\d{1,3})*$/.test(raw)) return { error: true };
  const layers = raw.split(',').map(Number);
  const refused = settingsErrors({ ...defaultSettings(), hiddenLayers: layers }).some((error) => error.name.startsWith('hiddenLayers'));
  return refused ? { error: true } : { value: layers };
};

export const PARSERS: FieldParsers<BoundaryUrl> = {
  data: choiceParser(DATASET_KINDS),
  count: numberParser('count'),
  noise: numberParser('noise'),
  dseed: numberParser('dataSeed'),
  layers: parseLayers,
  act: choiceParser(HIDDEN_ACTIVATIONS),
  lr: numberParser('learningRate'),
  wseed: numberParser('weightSeed'),
  quad: parseBoolean,
};

/** Which setting each URL field carries. */
const SETTING_OF: { [K in keyof BoundaryUrl]: keyof BoundarySettings } = {
  data: 'kind',
  count: 'count',
  noise: 'noise',
  dseed: 'dataSeed',
  layers: 'hiddenLayers',
  act: 'activation',
  lr: 'learningRate',
  wseed: 'weightSeed',
  quad: 'quadratic',
};

export function readBoundaryUrl(query: URLSearchParams, prefix = ''): { settings: Partial<BoundarySettings>; ignored: string[] } {
  const { values, ignored } = readUrlState<BoundaryUrl>(query, PARSERS, { prefix });
  const settings: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(values)) settings[SETTING_OF[field as keyof BoundaryUrl]] = value;
  return { settings: settings as Partial<BoundarySettings>, ignored };
}

const asText = (value: BoundarySettings[keyof BoundarySettings]): string =>
  Array.isArray(value) ? (value.length === 0 ? NO_LAYERS : value.join(',')) : typeof value === 'boolean' ? (value ? '1' : '0') : String(value);

export function boundaryUrlFields(settings: BoundarySettings): Record<keyof BoundaryUrl, string | undefined> {
  const fields = {} as Record<keyof BoundaryUrl, string | undefined>;
  for (const [field, key] of Object.entries(SETTING_OF) as [keyof BoundaryUrl, keyof BoundarySettings][]) {
    const text = asText(settings[key]);
    fields[field] = text === asText(DEFAULT_SETTINGS[key]) ? undefined : text;
  }
  return fields;
}
