/**
 * The general stepper's URL fields. A preset alone names a whole network; every other field
 * overrides one part of it. Lists travel with separators URLSearchParams leaves alone:
 * layers=3-4-1, act=tanh.sigmoid, numbers joined by "_" (weights row by row, layer by layer:
 * w[1][0][0]_w[1][0][1]_…). Example: ?preset=doc004-341&mode=predict&step=5
 */
import { PRESETS, type PresetName, type StepperLoss, type StepperOrder } from '../../../engine/models/network-stepper';
import { MAX_SEED } from '../../shared/seed';
import { stepIndex } from '../../shared/step-reference';
import { readTypedNumber } from '../../shared/typed-number';
import { parseBoolean, readUrlState, type FieldParser, type FieldParsers } from '../../shared/url-state';
import type { ApplyOptions } from '../../shared/widget-binding';
import { ACTIVATIONS, LOSSES, NUMBER_LIMIT, ORDERS, parseLayers, type Activation, type BiasMode } from './network-edit';

export type StepperMode = 'watch' | 'predict';
export type StepperView = 'scalar' | 'matrix';

export interface StepperUrl {
  preset: PresetName;
  layers: number[];
  act: Activation[];
  loss: StepperLoss;
  bias: BiasMode;
  /** Whether the round updates the biases too (document 003's 2-2-2 keeps them fixed). */
  biases: boolean;
  order: StepperOrder;
  lr: number;
  x: number[];
  t: number[];
  w: number[];
  b: number[];
  seed: number;
  step: string;
  mode: StepperMode;
  view: StepperView;
}

const REFUSED = { error: true } as const;
const choice =
  <T extends string>(choices: readonly T[]): FieldParser<T> =>
  (raw) =>
    (choices as readonly string[]).includes(raw) ? { value: raw as T } : REFUSED;

/** The most numbers one list may carry: 4 weight layers of 4 × 4. */
const MAX_LIST = 64;

export const parseNumberList: FieldParser<number[]> = (raw) => {
  const parts = raw.split('_');
  if (parts.length > MAX_LIST) return REFUSED;
  const values: number[] = [];
  for (const part of parts) {
    const read = readTypedNumber(part);
    if ('error' in read || Math.abs(read.value) > NUMBER_LIMIT) return REFUSED;
    values.push(read.value);
  }
  return { value: values };
};

const parseLearningRate: FieldParser<number> = (raw) => {
  const read = readTypedNumber(raw);
  return 'error' in read || read.value <= 0 || read.value > NUMBER_LIMIT ? REFUSED : read;
};

const parseSeed: FieldParser<number> = (raw) =>
  /^\d{1,10}$/.test(raw) && Number(raw) <= MAX_SEED ? { value: Number(raw) } : REFUSED;

export const PARSERS: FieldParsers<StepperUrl> = {
  preset: choice(Object.keys(PRESETS) as PresetName[]),
  layers: (raw) => {
    const layers = parseLayers(raw);
    return layers ? { value: layers } : REFUSED;
  },
  act: (raw) => {
    const names = raw.split('.');
    return names.length <= 4 && names.every((name) => (ACTIVATIONS as readonly string[]).includes(name))
      ? { value: names as Activation[] }
      : REFUSED;
  },
  loss: choice(LOSSES),
  bias: choice<BiasMode>(['shared', 'unit']),
  biases: parseBoolean,
  order: choice(ORDERS),
  lr: parseLearningRate,
  x: parseNumberList,
  t: parseNumberList,
  w: parseNumberList,
  b: parseNumberList,
  seed: parseSeed,
  step: (raw) => (/^[\w/'.[\]-]{1,40}$/.test(raw) ? { value: raw } : REFUSED),
  mode: choice<StepperMode>(['watch', 'predict']),
  view: choice<StepperView>(['scalar', 'matrix']),
};

export function readStepperUrl(query: URLSearchParams, options: ApplyOptions = {}) {
  return readUrlState<StepperUrl>(query, PARSERS, options);
}

export const resolveStep = (steps: readonly { key: string }[], reference: string): number | undefined => stepIndex(steps, reference);
