/**
 * Reactive state of the general stepper: the network being replayed (the last description the
 * engine accepted), what the reader has typed, the mode and view, and the step on screen. The
 * engine computes the trace; predict mode decides which values may be seen yet.
 */
import {
  PRESETS,
  parseNetworkDescription,
  randomizeWeights,
  replayNetwork,
  type DescriptionError,
  type NetworkDescription,
  type PresetName,
  type StepperPhase,
  type StepperTrace,
} from '../../../engine/models/network-stepper';
import { nextSeed } from '../../shared/seed';
import { Stepper, type StepperAction } from '../../shared/stepper.svelte';
import { readTypedNumber, type TypedNumberError } from '../../shared/typed-number';
import { layersText, NUMBER_LIMIT, numberEntries, parseLayers, reshape, type NumberEntry } from './network-edit';
import { PredictSession } from './predict.svelte';
import type { StepperMode, StepperView } from './url';

export const PRESET_NAMES: readonly PresetName[] = ['doc003-222', 'doc004-341', 'doc002-shallow'];
/** The preset an embed page opens on. */
export const DEFAULT_PRESET: PresetName = PRESET_NAMES[0];
export const DEFAULT_SEED = 1;

export type RefusalCode = TypedNumberError | 'layers' | 'out-of-range' | 'not-positive';
export interface Refusal {
  name: string;
  raw: string;
  code: RefusalCode;
}

const copy = (description: NetworkDescription): NetworkDescription => structuredClone(description);
const textsOf = (description: NetworkDescription) => Object.fromEntries(numberEntries(description).map((entry) => [entry.name, String(entry.value)]));

function readNumber(name: string, raw: string): { value: number } | { error: RefusalCode } {
  const read = readTypedNumber(raw);
  if ('error' in read) return read;
  if (Math.abs(read.value) > NUMBER_LIMIT) return { error: 'out-of-range' };
  // A learning rate of zero or less freezes or reverses every update.
  if (name === 'lr' && read.value <= 0) return { error: 'not-positive' };
  return read;
}

export class NetworkStepperModel {
  readonly startPreset: PresetName;
  readonly startMode: StepperMode;
  preset = $state<PresetName>(DEFAULT_PRESET);
  description = $state<NetworkDescription>(copy(PRESETS[DEFAULT_PRESET]));
  seed = $state(DEFAULT_SEED);
  texts = $state<Record<string, string>>({});
  layersTyped = $state('');
  refusals = $state<Refusal[]>([]);
  engineError = $state<DescriptionError | undefined>(undefined);
  mode = $state<StepperMode>('watch');
  view = $state<StepperView>('scalar');
  readonly predict = new PredictSession();
  readonly stepper = new Stepper(() => this.trace.steps.length);

  readonly trace: StepperTrace = $derived(replayNetwork(this.description));
  readonly step = $derived(this.trace.steps[this.stepper.current]);
  /** Which network stored progress belongs to. */
  readonly fingerprint = $derived(JSON.stringify(this.description));
  /** The preset's own fingerprint, as the engine accepted it. */
  presetPrint = $state('');
  readonly isPreset = $derived(this.fingerprint === this.presetPrint);
  readonly entries: NumberEntry[] = $derived(numberEntries(this.description));
  readonly predicting = $derived(this.mode === 'predict');
  /** Whether the current step's value may be shown: always while watching, once answered while predicting. */
  readonly revealed = $derived(!this.predicting || this.predict.answered(this.step.key));
  /** Steps up to the current one whose values may be shown, by key. */
  readonly known = $derived(
    new Map(
      this.trace.steps
        .slice(0, this.stepper.current + 1)
        .filter((step) => !this.predicting || this.predict.answered(step.key))
        .map((step) => [step.key, step.value]),
    ),
  );

  constructor(startPreset: PresetName = DEFAULT_PRESET, startMode: StepperMode = 'watch') {
    this.startPreset = startPreset;
    this.startMode = startMode;
    this.setPreset(startPreset);
    this.mode = startMode;
  }

  setPreset(name: PresetName) {
    this.preset = name;
    this.useStructure(copy(PRESETS[name]));
    this.presetPrint = this.fingerprint;
    this.stepper.first();
    if (this.predicting) this.restoreProgress();
  }

  /** Takes a description whose arrays changed shape or meaning: the typed texts start again from it. */
  useStructure(candidate: NetworkDescription): boolean {
    if (!this.accept(candidate)) return false;
    this.texts = textsOf(this.description);
    this.layersTyped = layersText(this.description.layers);
    this.refusals = [];
    return true;
  }

  /** The engine's verdict on a candidate; a refused one leaves the last valid network in place. */
  private accept(candidate: NetworkDescription): boolean {
    const parsed = parseNetworkDescription(candidate);
    if ('error' in parsed) {
      this.engineError = parsed.error;
      return false;
    }
    this.engineError = undefined;
    this.description = parsed.value;
    // Answers belong to one network: another one starts from its own stored progress, if any.
    if (this.predicting) this.predict.restore(this.preset, this.fingerprint);
    return true;
  }

  private refuse(name: string, raw: string, code?: RefusalCode) {
    const others = this.refusals.filter((refusal) => refusal.name !== name);
    this.refusals = code === undefined ? others : [...others, { name, raw, code }];
  }

  setLayers(text: string) {
    this.layersTyped = text;
    const layers = parseLayers(text);
    this.refuse('layers', text, layers ? undefined : 'layers');
    if (layers) {
      const typed = this.layersTyped;
      if (this.useStructure(reshape(this.description, layers, this.seed))) this.layersTyped = typed;
    }
  }

  /** Takes the text of one number field; a refused value is reported and the last valid one stays. */
  setNumber(name: string, text: string) {
    this.texts[name] = text;
    const read = readNumber(name, text);
    this.refuse(name, text, 'error' in read ? read.error : undefined);
    const entry = this.entries.find((candidate) => candidate.name === name);
    if ('value' in read && entry) this.accept(entry.set(this.description, read.value));
  }

  randomize() {
    this.seed = nextSeed(this.seed);
    this.useStructure(randomizeWeights(this.description, this.seed));
  }

  /** Where a move would land; in predict mode the student may not go past a step not yet answered or revealed. */
  mayGo(index: number): boolean {
    return !this.predicting || index <= this.stepper.current || this.predict.answered(this.step.key);
  }

  goTo = (index: number): boolean => {
    if (!this.mayGo(index)) return false;
    this.stepper.goTo(index);
    this.saveProgress();
    return true;
  };

  move = (action: StepperAction): boolean => {
    const { current, count } = this.stepper;
    const target = { first: 0, prev: current - 1, next: current + 1, last: count - 1 }[action];
    return this.goTo(Math.min(Math.max(target, 0), Math.max(count - 1, 0)));
  };

  jumpToPhase(phase: StepperPhase) {
    const index = this.trace.steps.findIndex((step) => step.phase === phase);
    if (index >= 0) this.goTo(index);
  }

  setMode(mode: StepperMode) {
    this.mode = mode;
    if (mode === 'predict') this.restoreProgress(true);
  }

  check(typed: string) {
    this.predict.check(this.step, typed);
    this.saveProgress();
  }

  reveal() {
    this.predict.reveal(this.step);
    this.saveProgress();
  }

  /** Takes this preset's stored answers; with `keepStep` the step on screen stays, otherwise the stored one comes back. */
  restoreProgress(keepStep = false): void {
    const step = this.predict.restore(this.preset, this.fingerprint);
    if (!keepStep && step !== undefined) this.stepper.goTo(step);
  }

  saveProgress() {
    if (this.predicting) this.predict.save(this.preset, this.fingerprint, this.stepper.current);
  }

  clearProgress() {
    this.predict.clear(this.preset);
    this.stepper.first();
  }

  /** The state the widget opens with: its starting preset and mode, the first step. */
  reset() {
    this.seed = DEFAULT_SEED;
    this.view = 'scalar';
    this.mode = this.startMode;
    this.setPreset(this.startPreset);
  }
}
