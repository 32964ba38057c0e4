/**
 * The stepper's URL fields: preset (short name), step (1-based number or step key) and any input
 * value. Example: ?preset=J&c=3&step=reverse:dJ/dc
 */
import { GRAPH_PRESETS, PRESET_IDS, type GraphStep, type PresetId } from '../../../engine/models/computation-graph';
import { stepIndex } from '../../shared/step-reference';
import { readUrlState, type FieldParser, type FieldParsers } from '../../shared/url-state';
import { readTypedNumber } from '../../shared/typed-number';
import type { ApplyOptions } from '../../shared/widget-binding';

/** Preset ids hold "=", "(" and "+", which make links unreadable once percent-encoded. */
export const PRESET_SLUGS: Readonly<Record<PresetId, string>> = {
  'e=(a+b)(b+1)': 'e',
  'J=3(a+bc)': 'J',
  'logistic-regression': 'logistic',
};

export function presetFromSlug(raw: string): PresetId | undefined {
  const bySlug = PRESET_IDS.find((id) => PRESET_SLUGS[id] === raw);
  return bySlug ?? PRESET_IDS.find((id) => id === raw);
}

/** Every input id any preset uses; whether it belongs to the chosen preset is checked when applied. */
export const INPUT_FIELDS: readonly string[] = [...new Set(PRESET_IDS.flatMap((id) => GRAPH_PRESETS[id].inputs.map((input) => input.id)))];

export interface ComputationGraphUrl {
  preset: PresetId;
  step: string;
  [inputId: string]: number | string;
}

const numberParser: FieldParser<number> = (raw) => {
  const read = readTypedNumber(raw);
  return 'value' in read ? read : { error: true };
};

export const PARSERS = {
  preset: (raw: string) => {
    const id = presetFromSlug(raw);
    return id ? { value: id } : { error: true as const };
  },
  step: (raw: string) => (/^[\w:/>.-]{1,60}$/.test(raw) ? { value: raw } : { error: true as const }),
  ...Object.fromEntries(INPUT_FIELDS.map((name) => [name, numberParser])),
} as FieldParsers<ComputationGraphUrl>;

export function readComputationGraphUrl(query: URLSearchParams, options: ApplyOptions = {}) {
  return readUrlState<ComputationGraphUrl>(query, PARSERS, options);
}

/** A step reference as an index: "7" is the seventh step (1-based), "reverse:de/db" is that key. */
export const resolveStep = (steps: readonly GraphStep[], reference: string): number | undefined => stepIndex(steps, reference);
