/**
 * Reactive state of the computation-graph stepper. The engine builds the graph and all three step
 * lists; this module keeps the reader's preset, inputs and the index of the step on screen.
 */
import {
  GRAPH_PRESETS, PRESET_IDS, buildPreset, edgeVisitCounts, forwardModeSteps, forwardSteps, reverseModeSteps,
  type ComputationGraph, type GraphErrorCode, type GraphStep, type PresetId,
} from '../../../engine/models/computation-graph';
import { Stepper } from '../../shared/stepper.svelte';
import { readTypedNumber, type TypedNumberError } from '../../shared/typed-number';

export type InputIssue = TypedNumberError | Exclude<GraphErrorCode, 'unknown-preset' | 'unknown-input'>;

export interface InputError {
  inputId: string;
  raw: string;
  issue: InputIssue;
}

/** A place to jump to: the forward values, the reverse pass, or one forward-mode pass (one per input). */
export type PhaseChoice = 'forward' | 'reverse' | `forward-mode:${string}`;

export const phaseOf = (step: GraphStep): PhaseChoice => (step.phase === 'forward-mode' ? `forward-mode:${step.wrt}` : step.phase);

const defaultsOf = (presetId: PresetId) =>
  Object.fromEntries(GRAPH_PRESETS[presetId].inputs.map((input) => [input.id, input.defaultValue]));
const textsOf = (values: Record<string, number>) =>
  Object.fromEntries(Object.entries(values).map(([id, value]) => [id, String(value)]));

function graphOf(presetId: PresetId, values: Record<string, number>): ComputationGraph {
  const result = buildPreset(presetId, values);
  if (result.ok) return result.graph;
  // Values are checked before they are stored, so this only guards against a programming error.
  const fallback = buildPreset(presetId);
  if (!fallback.ok) throw new Error(`preset ${presetId} does not build`);
  return fallback.graph;
}

export class ComputationGraphModel {
  presetId = $state<PresetId>(PRESET_IDS[0]);
  values = $state<Record<string, number>>(defaultsOf(PRESET_IDS[0]));
  texts = $state<Record<string, string>>(textsOf(defaultsOf(PRESET_IDS[0])));
  errors = $state<InputError[]>([]);
  readonly stepper = new Stepper(() => this.steps.length);

  /** The example the widget opened with; links leave it out. */
  readonly startPreset: PresetId;

  constructor(presetId: PresetId = PRESET_IDS[0]) {
    this.startPreset = presetId;
    if (presetId !== this.presetId) this.setPreset(presetId);
  }

  readonly preset = $derived(GRAPH_PRESETS[this.presetId]);
  readonly graph: ComputationGraph = $derived(graphOf(this.presetId, this.values));
  /** Forward values, then the reverse pass, then one forward-mode pass per input; keys are unique across all. */
  readonly steps: GraphStep[] = $derived([
    ...forwardSteps(this.graph),
    ...reverseModeSteps(this.graph),
    ...forwardModeSteps(this.graph),
  ]);
  readonly step: GraphStep = $derived(this.steps[this.stepper.current]);
  readonly phase: PhaseChoice = $derived(phaseOf(this.step));
  readonly phaseChoices: PhaseChoice[] = $derived(['forward', 'reverse', ...this.graph.inputIds.map((id) => `forward-mode:${id}` as const)]);
  /** The steps of the pass on screen, with their positions in the whole list. */
  readonly passSteps = $derived(
    this.steps.map((step, position) => ({ step, position })).filter(({ step }) => phaseOf(step) === this.phase),
  );
  readonly visits = $derived(edgeVisitCounts(this.graph));
  readonly isDefault = $derived(
    this.preset.inputs.every((input) => this.values[input.id] === input.defaultValue) && this.errors.length === 0,
  );

  jumpToPhase(phase: PhaseChoice) {
    const index = this.steps.findIndex((step) => phaseOf(step) === phase);
    if (index >= 0) this.stepper.goTo(index);
  }

  setPreset(presetId: PresetId) {
    if (!(PRESET_IDS as readonly string[]).includes(presetId)) return;
    this.presetId = presetId;
    this.values = defaultsOf(presetId);
    this.texts = textsOf(this.values);
    this.errors = [];
    this.stepper.first();
  }

  /** Takes the text of one field; a refused value is reported and the last valid value stays. */
  setText(inputId: string, raw: string) {
    this.texts = { ...this.texts, [inputId]: raw };
    const issue = this.store(inputId, raw);
    this.errors = [...this.errors.filter((error) => error.inputId !== inputId), ...(issue ? [{ inputId, raw, issue }] : [])];
  }

  /** Applies checked numbers at once (from a link); returns the ids the engine refused. */
  setValues(values: Record<string, number>): string[] {
    const refused: string[] = [];
    for (const [inputId, value] of Object.entries(values)) {
      if (this.store(inputId, String(value))) refused.push(inputId);
    }
    this.texts = textsOf(this.values);
    return refused;
  }

  reset() {
    this.values = defaultsOf(this.presetId);
    this.texts = textsOf(this.values);
    this.errors = [];
  }

  /** Stores the value when the text reads as a number the engine accepts; otherwise returns why not. */
  private store(inputId: string, raw: string): InputIssue | undefined {
    const read = readTypedNumber(raw);
    if ('error' in read) return read.error;
    const candidate = { ...this.values, [inputId]: read.value };
    const result = buildPreset(this.presetId, candidate);
    if (!result.ok) {
      const issue = result.errors.find((error) => error.field === inputId)?.code ?? 'not-a-number';
      return issue === 'unknown-preset' || issue === 'unknown-input' ? 'not-a-number' : issue;
    }
    this.values = candidate;
    return undefined;
  }
}
