/**
 * Reactive state of the 2-2-2 stepper. The engine computes the trace; this module only keeps the
 * reader's settings and the index of the step on screen.
 */
import {
  DOCUMENT_PARAMS, ORDERS, PARAM_NAMES, divergingKeys, replay, train222,
  type Order222, type ParamName, type Params222, type Phase, type Subject, type Trace, type TrainingRun,
} from '../../../engine/models/backprop222';
import { Stepper } from '../../shared/stepper.svelte';
import { readParam, type ParamFieldError } from './params';

const otherOrder = (order: Order222): Order222 => (order === 'textbook' ? 'published' : 'textbook');
const textsOf = (params: Params222) =>
  Object.fromEntries(PARAM_NAMES.map((name) => [name, String(params[name])])) as Record<ParamName, string>;

/** The diagram element each parameter name belongs to (targets sit beside their output). */
const PARAM_SUBJECTS: Partial<Record<ParamName, Subject>> = {
  i1: 'i1', i2: 'i2', b1: 'b1', b2: 'b2', t1: 'o1', t2: 'o2',
  w1: 'w1', w2: 'w2', w3: 'w3', w4: 'w4', w5: 'w5', w6: 'w6', w7: 'w7', w8: 'w8',
};

export class Backprop222Model {
  params = $state<Params222>({ ...DOCUMENT_PARAMS });
  texts = $state<Record<ParamName, string>>(textsOf(DOCUMENT_PARAMS));
  errors = $state<ParamFieldError[]>([]);
  order = $state<Order222>('textbook');
  updateBiases = $state(false);
  readonly stepper = new Stepper(() => this.trace.steps.length);

  /** One training run per order for each edit, shared by both traces and the training chart. */
  readonly runs: readonly TrainingRun[] = $derived(
    ORDERS.map((order) => train222(this.params, { order, updateBiases: this.updateBiases })),
  );
  readonly trace: Trace = $derived(this.replayFor(this.order));
  readonly otherTrace: Trace = $derived(this.replayFor(otherOrder(this.order)));
  readonly diverging = $derived(new Set(divergingKeys(this.trace, this.otherTrace)));
  readonly step = $derived(this.trace.steps[this.stepper.current]);
  /** Values computed up to the step on screen, by key: what the diagram may show. */
  readonly known = $derived(new Map(this.trace.steps.slice(0, this.stepper.current + 1).map((s) => [s.key, s.value])));
  readonly subjects = $derived(new Map(this.trace.steps.map((s) => [s.key, s.subject])));
  /** Diagram elements of what the current step reads. */
  readonly usedSubjects = $derived(
    new Set(
      this.step.uses
        .map((key) => this.subjects.get(key) ?? PARAM_SUBJECTS[key as ParamName])
        .filter((subject): subject is Subject => subject !== undefined),
    ),
  );
  readonly isDocumentParams = $derived(PARAM_NAMES.every((name) => this.params[name] === DOCUMENT_PARAMS[name]));

  private replayFor(order: Order222): Trace {
    const training = this.runs.find((run) => run.order === order);
    return replay(this.params, { order, updateBiases: this.updateBiases, training });
  }

  jumpToPhase(phase: Phase) {
    const index = this.trace.steps.findIndex((step) => step.phase === phase);
    if (index >= 0) this.stepper.goTo(index);
  }

  /** Takes the text of one field; a refused value is reported and the last valid value stays. */
  setText(name: ParamName, text: string) {
    this.texts[name] = text;
    const result = readParam(name, text);
    const refused = 'error' in result ? [{ field: name, received: text, code: result.error }] : [];
    this.errors = [...this.errors.filter((error) => error.field !== name), ...refused];
    if ('value' in result) this.params[name] = result.value;
  }

  setParams(params: Partial<Params222>) {
    this.params = { ...this.params, ...params };
    this.texts = textsOf(this.params);
    this.errors = [];
  }

  resetParams() {
    this.params = { ...DOCUMENT_PARAMS };
    this.texts = textsOf(DOCUMENT_PARAMS);
    this.errors = [];
  }

  /** The state the widget opens with: document values, textbook order, fixed biases, first step. */
  reset() {
    this.resetParams();
    this.order = 'textbook';
    this.updateBiases = false;
    this.stepper.first();
  }
}
