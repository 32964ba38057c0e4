/**
 * Reactive state of the logic-gates widget: the chosen preset, the gate's θ (as typed and as last
 * accepted) and the XNOR mode. Every table row, check and line comes from the engine.
 */
import {
  THETA_LIMIT,
  checkPreset,
  decisionLine,
  decisionPoint,
  evaluateXnor,
  identifyBooleanFunction,
  perceptronTable,
  scaleTheta,
  truthTable,
  type Bit,
  type BooleanFunction,
  type GateId,
} from '../../../engine/models/logic-gates';
import {
  PERCEPTRONS,
  XNOR_NETWORKS,
  buttonTarget,
  documentGate,
  isGate,
  sameTheta,
  viewOf,
  type ButtonId,
  type PresetId,
} from './presets';
import { parseTheta, type ThetaErrorCode, type XnorMode } from './url';

export interface ThetaFieldError {
  index: number;
  raw: string;
  code: ThetaErrorCode;
}

/** The engine returns an error record for refused input; the model only ever passes it valid θ. */
function ok<R>(result: R): Exclude<R, { error: unknown }> | undefined {
  return typeof result === 'object' && result !== null && 'error' in result ? undefined : (result as Exclude<R, { error: unknown }>);
}

/** Names the function a gate's produced bits compute; a one-input gate is read as a function of x1 alone. */
export function producedFunction(produced: readonly Bit[]): BooleanFunction | undefined {
  const outputs = produced.length === 2 ? [produced[0], produced[0], produced[1], produced[1]] : produced;
  return ok(identifyBooleanFunction(outputs));
}

export class LogicGatesModel {
  preset = $state<PresetId>('and');
  /** The gate currently edited; stays when the reader looks at a network preset meanwhile. */
  gateId = $state<GateId>('and');
  theta = $state<number[]>([...documentGate('and').theta]);
  texts = $state<string[]>(documentGate('and').theta.map(String));
  errors = $state<ThetaFieldError[]>([]);
  mode = $state<XnorMode>('continuous');

  constructor(preset: PresetId = 'and') {
    this.select(preset);
  }

  readonly view = $derived(viewOf(this.preset));
  readonly gate = $derived(documentGate(this.gateId));
  readonly arity = $derived(this.gate.arity);
  readonly check = $derived(ok(checkPreset({ ...this.gate, theta: this.theta })));
  readonly rows = $derived(ok(truthTable(this.theta, this.arity)) ?? []);
  readonly computes = $derived(this.check ? producedFunction(this.check.rows.map((row) => row.produced)) : undefined);
  readonly line = $derived(this.arity === 2 ? ok(decisionLine(this.theta)) ?? null : null);
  readonly point = $derived(this.arity === 1 ? ok(decisionPoint(this.theta)) ?? null : null);
  readonly isDocumentTheta = $derived(sameTheta(this.theta, this.gate.theta));
  readonly canSharpen = $derived(this.theta.every((t) => Math.abs(t * 10) <= THETA_LIMIT));

  readonly xnor = $derived(this.view === 'xnor' ? ok(evaluateXnor(XNOR_NETWORKS[this.preset as keyof typeof XNOR_NETWORKS])) : undefined);
  readonly perceptron = $derived(
    this.view === 'perceptron' ? ok(perceptronTable(PERCEPTRONS[this.preset as keyof typeof PERCEPTRONS])) : undefined,
  );

  /** Switches preset; a gate preset loads the document's θ unless another θ is given. */
  select(preset: PresetId, theta?: readonly number[]) {
    this.preset = preset;
    if (!isGate(preset)) return;
    this.gateId = preset;
    this.setTheta(theta ?? documentGate(preset).theta);
  }

  press(button: ButtonId) {
    const target = buttonTarget(button);
    this.select(target.preset, target.theta);
  }

  isPressed(button: ButtonId): boolean {
    const target = buttonTarget(button);
    if (target.preset !== this.preset) return false;
    return target.theta === undefined || sameTheta(target.theta, this.theta);
  }

  setTheta(theta: readonly number[]) {
    this.theta = [...theta];
    this.texts = theta.map(String);
    this.errors = [];
  }

  /** Takes the text of one θ field; a refused value is reported and the last valid θ stays. */
  setThetaText(index: number, text: string) {
    this.texts[index] = text;
    const result = parseTheta(text);
    this.errors = [
      ...this.errors.filter((error) => error.index !== index),
      ...('error' in result ? [{ index, raw: text, code: result.error }] : []),
    ];
    if ('value' in result) this.theta[index] = result.value;
  }

  sharpen() {
    if (this.canSharpen) this.setTheta(scaleTheta(this.theta, 10));
  }

  resetTheta() {
    this.setTheta(this.gate.theta);
  }

  /** Back to a fresh widget showing `preset`: the AND gate's θ behind a network preset, the continuous XNOR mode. */
  reset(preset: PresetId = 'and') {
    this.select('and');
    this.select(preset);
    this.mode = 'continuous';
  }
}
