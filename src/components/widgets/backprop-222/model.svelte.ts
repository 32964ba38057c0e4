/**
 * Reactive state of the 2-2-2 stepper. The engine computes the trace; this module only keeps the
 * reader's settings and the index of the step on screen.
 */
import {
  DOCUMENT_PARAMS, PARAM_NAMES, divergingKeys, replay,
  type Order222, type ParamName, type Params222, type Phase, type Subject, type Trace,
} from '../../../engine/backprop222';
import { parseParam, type ParamError } from '../../../engine/params222';
import { Stepper } from '../../shared/stepper.svelte';

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
  errors = $state<ParamError[]>([]);
  order = $state<Order222>('textbook');
  updateBiases = $state(false);
  readonly stepper = new Stepper(() => this.trace.steps.length);

  readonly trace: Trace = $derived(replay(this.params, { order: this.order, updateBiases: this.updateBiases }));
  readonly otherTrace: Trace = $derived(
    replay(this.params, { order: otherOrder(this.order), updateBiases: this.updateBiases }),
  );
  readonly diverging = $derived(new Set(divergingKeys(this.trace, this.otherTrace)));
  readonly step = $derived(this.trace.steps[this.stepper.current]);
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

  jumpToPhase(phase: Phase) {
    const index = this.trace.steps.findIndex((step) => step.phase === phase);
    if (index >= 0) this.stepper.goTo(index);
  }

  /** Takes the text of one field; a refused value is reported and the last valid value stays. */
  setText(name: ParamName, text: string) {
    this.texts[name] = text;
    const result = parseParam(name, text);
    this.errors = [...this.errors.filter((error) => error.name !== name), ...('error' in result ? [result.error] : [])];
    if ('value' in result) this.params[name] = result.value;
  }

  setParams(params: Partial<Params222>) {
    this.params = { ...this.params, ...params };
    this.texts = textsOf(this.params);
    this.errors = [];
  }

  reset() {
    this.params = { ...DOCUMENT_PARAMS };
    this.texts = textsOf(DOCUMENT_PARAMS);
    this.errors = [];
  }
}
