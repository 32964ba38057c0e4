/**
 * The lab's URL fields (defaults are left out of links): lr, batch, hidden, epochs, train, seed.
 * Example: ?lr=0.5&hidden=30&train=2000. A value the settings fields would refuse is refused here too.
 */
import type { LabField, LabSettings } from '../../../engine/models/mnist-lab';
import { readUrlState, type FieldParser, type FieldParsers } from '../../shared/url-state';
import { DEFAULT_LAB_SETTINGS } from '../../../engine/models/mnist-lab';
import { parseLabField } from './settings';

export interface LabUrl {
  lr: number;
  batch: number;
  hidden: number;
  epochs: number;
  train: number;
  seed: number;
}

const SETTING_OF: Record<keyof LabUrl, LabField> = { lr: 'learningRate', batch: 'batchSize', hidden: 'hidden', epochs: 'epochs', train: 'trainSize', seed: 'seed' };

const numberParser = (name: LabField): FieldParser<number> => (raw) => {
  const result = parseLabField(name, raw);
  return 'error' in result ? { error: true } : result;
};

export const PARSERS = Object.fromEntries(Object.entries(SETTING_OF).map(([field, setting]) => [field, numberParser(setting)])) as FieldParsers<LabUrl>;

export function readLabUrl(query: URLSearchParams, prefix = ''): { settings: Partial<LabSettings>; ignored: string[] } {
  const { values, ignored } = readUrlState<LabUrl>(query, PARSERS, { prefix });
  const settings: Partial<LabSettings> = {};
  for (const [field, value] of Object.entries(values)) settings[SETTING_OF[field as keyof LabUrl]] = value as number;
  return { settings, ignored };
}

export function labUrlFields(settings: LabSettings): Record<keyof LabUrl, string | undefined> {
  const fields = {} as Record<keyof LabUrl, string | undefined>;
  for (const [field, key] of Object.entries(SETTING_OF) as [keyof LabUrl, LabField][]) {
    fields[field] = settings[key] === DEFAULT_LAB_SETTINGS[key] ? undefined : String(settings[key]);
  }
  return fields;
}
