/**
 * The worked 2-2-2 example of document 003 §3.2, replayed one chain-rule factor at a time.
 * replay() returns plain step records in the order the document develops them; a widget shows
 * trace.steps[index] and playback only changes index. The general stepper
 * (network-stepper/) narrates the same round for any small network; for this network its trace is
 * this one step for step (tests/engine/network-stepper.test.ts), but the lesson keeps this narration
 * of its own: the general one would cost the worked example's page about 3 KiB more script.
 */
import { sigmoid } from '../core/activations';
import { texNumber } from '../core/format';
import { forward } from '../core/network';
import { findStep, StepTraceBuilder } from '../core/trace';
import {
  DEFAULT_ITERATIONS, DOCUMENT_PARAMS, PARAM_NAMES, SPEC_222, toNetworkParams, train222, trainingResults,
  type ParamName, type Params222, type Phase, type ReplayOptions, type Subject, type Trace, type TraceStep, type TrainingRun,
} from './network222';

export * from './network222';

const n = (value: number) => texNumber(value, { parenthesiseNegative: true });
const d = (top: string, bottom: string) => `\\frac{\\partial ${top}}{\\partial ${bottom}}`;
const TEX: Record<string, string> = {
  E_total: 'E_{total}', E_o1: 'E_{o1}', E_o2: 'E_{o2}',
  out_o1: 'out_{o1}', out_o2: 'out_{o2}', out_h1: 'out_{h1}', out_h2: 'out_{h2}',
  net_o1: 'net_{o1}', net_o2: 'net_{o2}', net_h1: 'net_{h1}', net_h2: 'net_{h2}',
};
const tex = (name: string) => TEX[name] ?? name.replace(/^([a-z]+)(\d)$/, '$1_$2');

type TraceBuilder = StepTraceBuilder<TraceStep>;

type Neuron = 'h1' | 'h2' | 'o1' | 'o2';
const WIRING: Record<Neuron, { weights: [string, string]; inputs: [string, string]; bias: 'b1' | 'b2' }> = {
  h1: { weights: ['w1', 'w2'], inputs: ['i1', 'i2'], bias: 'b1' },
  h2: { weights: ['w3', 'w4'], inputs: ['i1', 'i2'], bias: 'b1' },
  o1: { weights: ['w5', 'w6'], inputs: ['out_h1', 'out_h2'], bias: 'b2' },
  o2: { weights: ['w7', 'w8'], inputs: ['out_h1', 'out_h2'], bias: 'b2' },
};

function addNeuronForward(t: TraceBuilder, neuron: Neuron) {
  const { weights: [wa, wb], inputs: [xa, xb], bias } = WIRING[neuron];
  const { value: net } = t.add({
    key: `net_${neuron}`, phase: 'forward', subject: neuron,
    label: `net_{${neuron}}`,
    tex: `${tex(wa)} \\cdot ${tex(xa)} + ${tex(wb)} \\cdot ${tex(xb)} + ${tex(bias)} \\cdot 1`,
    texNumeric: `${n(t.value(wa))} \\times ${n(t.value(xa))} + ${n(t.value(wb))} \\times ${n(t.value(xb))} + ${n(t.value(bias))} \\times 1`,
    value: t.value(wa) * t.value(xa) + t.value(wb) * t.value(xb) + t.value(bias),
    uses: [wa, xa, wb, xb, bias],
  });
  t.add({
    key: `out_${neuron}`, phase: 'forward', subject: neuron,
    label: `out_{${neuron}}`,
    tex: `\\frac{1}{1+e^{-net_{${neuron}}}}`,
    texNumeric: `\\frac{1}{1+e^{-${n(net)}}}`,
    value: sigmoid(net),
    uses: [`net_${neuron}`],
  });
}

function addOutputError(t: TraceBuilder, output: 'o1' | 'o2') {
  const target = output === 'o1' ? 't1' : 't2';
  t.add({
    key: `E_${output}`, phase: 'loss', subject: output,
    label: `E_{${output}}`,
    tex: `\\tfrac{1}{2}(target_{${output}} - out_{${output}})^2`,
    texNumeric: `\\tfrac{1}{2}(${n(t.value(target))} - ${n(t.value(`out_${output}`))})^2`,
    value: 0.5 * (t.value(target) - t.value(`out_${output}`)) ** 2,
    uses: [target, `out_${output}`],
  });
}

/** ∂E_total/∂out_o and ∂out_o/∂net_o, the two factors of δ_o. */
function addOutputDelta(t: TraceBuilder, output: 'o1' | 'o2') {
  const target = output === 'o1' ? 't1' : 't2';
  const out = t.value(`out_${output}`);
  t.add({
    key: `dE_total/dout_${output}`, phase: 'backward-output', subject: output,
    label: d('E_{total}', `out_{${output}}`),
    tex: `-(target_{${output}} - out_{${output}})`,
    texNumeric: `-(${n(t.value(target))} - ${n(out)})`,
    value: -(t.value(target) - out),
    uses: [target, `out_${output}`],
  });
  t.add({
    key: `dout_${output}/dnet_${output}`, phase: 'backward-output', subject: output,
    label: d(`out_{${output}}`, `net_{${output}}`),
    tex: `out_{${output}}(1 - out_{${output}})`,
    texNumeric: `${n(out)} \\times (1 - ${n(out)})`,
    value: out * (1 - out),
    uses: [`out_${output}`],
  });
}

function addDelta(t: TraceBuilder, neuron: Neuron, phase: Phase, first: string, second: string) {
  t.add({
    key: `delta_${neuron}`, phase, subject: neuron,
    label: `\\delta_{${neuron}}`,
    tex: `${labelOf(t, first)} \\cdot ${labelOf(t, second)}`,
    texNumeric: `${n(t.value(first))} \\times ${n(t.value(second))}`,
    value: t.value(first) * t.value(second),
    uses: [first, second],
  });
}

function labelOf(t: TraceBuilder, key: string): string {
  return findStep(t.steps, key)?.label ?? tex(key);
}

/** ∂E_total/∂w = δ · (input of that weight), written with δ. */
function addWeightGradientFromDelta(t: TraceBuilder, weight: string, neuron: Neuron, input: string, phase: Phase) {
  t.add({
    key: `dE_total/d${weight}`, phase, subject: weight as Subject,
    label: d('E_{total}', tex(weight)),
    tex: `\\delta_{${neuron}} \\cdot ${tex(input)}`,
    texNumeric: `${n(t.value(`delta_${neuron}`))} \\times ${n(t.value(input))}`,
    value: t.value(`delta_${neuron}`) * t.value(input),
    uses: [`delta_${neuron}`, input],
  });
}

function addWeightUpdate(t: TraceBuilder, weight: string) {
  const gradient = `dE_total/d${weight}`;
  t.add({
    key: `${weight}'`, phase: 'update', subject: (weight.startsWith('b') ? 'network' : weight) as Subject,
    label: `${tex(weight)}'`,
    tex: `${tex(weight)} - \\eta \\cdot ${d('E_{total}', tex(weight))}`,
    texNumeric: `${n(t.value(weight))} - ${n(t.value('lr'))} \\times ${n(t.value(gradient))}`,
    value: t.value(weight) - t.value('lr') * t.value(gradient),
    uses: [weight, 'lr', gradient],
  });
}

function addBiasGradient(t: TraceBuilder, bias: 'b1' | 'b2', neurons: [Neuron, Neuron], phase: Phase) {
  const [a, b] = neurons;
  t.add({
    key: `dE_total/d${bias}`, phase, subject: bias,
    label: d('E_{total}', tex(bias)),
    tex: `\\delta_{${a}} + \\delta_{${b}}`,
    texNumeric: `${n(t.value(`delta_${a}`))} + ${n(t.value(`delta_${b}`))}`,
    value: t.value(`delta_${a}`) + t.value(`delta_${b}`),
    uses: [`delta_${a}`, `delta_${b}`],
  });
}

/**
 * ∂E_total/∂out_h as the sum over both outputs of ∂E_o/∂net_o · ∂net_o/∂out_h. For h1 every factor
 * gets its own step, as in the document; for h2 the sum is written with δ directly.
 */
function addHiddenOutputGradient(t: TraceBuilder, hidden: 'h1' | 'h2', weightFor: (w: string) => string) {
  const [wo1, wo2] = hidden === 'h1' ? ['w5', 'w7'] : ['w6', 'w8'];
  if (hidden === 'h1') {
    for (const output of ['o1', 'o2'] as const) {
      const weight = weightFor(output === 'o1' ? wo1 : wo2);
      t.add({
        key: `dE_${output}/dnet_${output}`, phase: 'backward-hidden', subject: output,
        label: d(`E_{${output}}`, `net_{${output}}`),
        tex: `${d(`E_{${output}}`, `out_{${output}}`)} \\cdot ${d(`out_{${output}}`, `net_{${output}}`)}`,
        texNumeric: `${n(t.value(`dE_total/dout_${output}`))} \\times ${n(t.value(`dout_${output}/dnet_${output}`))}`,
        value: t.value(`dE_total/dout_${output}`) * t.value(`dout_${output}/dnet_${output}`),
        uses: [`dE_total/dout_${output}`, `dout_${output}/dnet_${output}`],
      });
      t.add({
        key: `dnet_${output}/dout_h1`, phase: 'backward-hidden', subject: (output === 'o1' ? wo1 : wo2) as Subject,
        label: d(`net_{${output}}`, 'out_{h1}'),
        tex: weightFor === identity ? tex(weight) : `${tex(output === 'o1' ? wo1 : wo2)}'`,
        texNumeric: n(t.value(weight)),
        value: t.value(weight),
        uses: [weight],
      });
      t.add({
        key: `dE_${output}/dout_h1`, phase: 'backward-hidden', subject: output,
        label: d(`E_{${output}}`, 'out_{h1}'),
        tex: `${d(`E_{${output}}`, `net_{${output}}`)} \\cdot ${d(`net_{${output}}`, 'out_{h1}')}`,
        texNumeric: `${n(t.value(`dE_${output}/dnet_${output}`))} \\times ${n(t.value(`dnet_${output}/dout_h1`))}`,
        value: t.value(`dE_${output}/dnet_${output}`) * t.value(`dnet_${output}/dout_h1`),
        uses: [`dE_${output}/dnet_${output}`, `dnet_${output}/dout_h1`],
      });
    }
    t.add({
      key: 'dE_total/dout_h1', phase: 'backward-hidden', subject: 'h1',
      label: d('E_{total}', 'out_{h1}'),
      tex: `${d('E_{o1}', 'out_{h1}')} + ${d('E_{o2}', 'out_{h1}')}`,
      texNumeric: `${n(t.value('dE_o1/dout_h1'))} + ${n(t.value('dE_o2/dout_h1'))}`,
      value: t.value('dE_o1/dout_h1') + t.value('dE_o2/dout_h1'),
      uses: ['dE_o1/dout_h1', 'dE_o2/dout_h1'],
    });
  } else {
    const [w1, w2] = [weightFor(wo1), weightFor(wo2)];
    const shown = (w: string, original: string) => (w === original ? tex(original) : `${tex(original)}'`);
    t.add({
      key: 'dE_total/dout_h2', phase: 'backward-hidden', subject: 'h2',
      label: d('E_{total}', 'out_{h2}'),
      tex: `\\delta_{o1} \\cdot ${shown(w1, wo1)} + \\delta_{o2} \\cdot ${shown(w2, wo2)}`,
      texNumeric: `${n(t.value('delta_o1'))} \\times ${n(t.value(w1))} + ${n(t.value('delta_o2'))} \\times ${n(t.value(w2))}`,
      value: t.value('delta_o1') * t.value(w1) + t.value('delta_o2') * t.value(w2),
      uses: ['delta_o1', w1, 'delta_o2', w2],
    });
  }
  const out = t.value(`out_${hidden}`);
  t.add({
    key: `dout_${hidden}/dnet_${hidden}`, phase: 'backward-hidden', subject: hidden,
    label: d(`out_{${hidden}}`, `net_{${hidden}}`),
    tex: `out_{${hidden}}(1 - out_{${hidden}})`,
    texNumeric: `${n(out)} \\times (1 - ${n(out)})`,
    value: out * (1 - out),
    uses: [`out_${hidden}`],
  });
}

const identity = (name: string) => name;

function addErrorAfterOneRound(t: TraceBuilder, p: Params222, updateBiases: boolean) {
  const updated = { ...p };
  const updatedKeys: string[] = [];
  const names: ParamName[] = ['w1', 'w2', 'w3', 'w4', 'w5', 'w6', 'w7', 'w8', ...(updateBiases ? (['b1', 'b2'] as const) : [])];
  for (const name of names) {
    updated[name] = t.value(`${name}'`);
    updatedKeys.push(`${name}'`);
  }
  const [o1, o2] = forward(SPEC_222, toNetworkParams(updated), [p.i1, p.i2]).output;
  t.add({
    key: 'E_total_after_1', phase: 'loss', subject: 'network',
    label: 'E_{total}^{(1)}',
    tex: "\\tfrac{1}{2}(target_{o1} - out'_{o1})^2 + \\tfrac{1}{2}(target_{o2} - out'_{o2})^2",
    texNumeric: `\\tfrac{1}{2}(${n(p.t1)} - ${n(o1)})^2 + \\tfrac{1}{2}(${n(p.t2)} - ${n(o2)})^2`,
    value: 0.5 * (p.t1 - o1) ** 2 + 0.5 * (p.t2 - o2) ** 2,
    uses: ['t1', 't2', ...updatedKeys],
  });
}

function addTrainingResults(t: TraceBuilder, run: TrainingRun, iterations: number) {
  for (const { step, output } of trainingResults(run, iterations)) t.add({ ...step, subject: output === undefined ? 'network' : OUTPUTS[output] });
}

const OUTPUTS = ['o1', 'o2'] as const;

/**
 * The full step-by-step trace of one round of backpropagation on the 2-2-2 network. `training`
 * is train222(params, options) when the caller already has it (the stepper shares one run per order
 * between the trace and its training chart); it must match order, updateBiases and iterations.
 */
export function replay(params: Params222 = DOCUMENT_PARAMS, options: ReplayOptions & { training?: TrainingRun } = {}): Trace {
  const { order = 'textbook', updateBiases = false, training } = options;
  const iterations = options.iterations ?? (training ? training.errors.length - 1 : DEFAULT_ITERATIONS);
  if (training && (training.order !== order || training.updateBiases !== updateBiases || training.errors.length !== iterations + 1)) {
    throw new RangeError(`the training run given to replay is not the one for order ${order}, updateBiases ${updateBiases}, ${iterations} rounds`);
  }
  const p = { ...params };
  const t: TraceBuilder = new StepTraceBuilder(PARAM_NAMES.map((name) => [name, p[name]] as const));

  (['h1', 'h2', 'o1', 'o2'] as const).forEach((neuron) => addNeuronForward(t, neuron));
  addOutputError(t, 'o1');
  addOutputError(t, 'o2');
  t.add({
    key: 'E_total', phase: 'loss', subject: 'network',
    label: 'E_{total}', tex: 'E_{o1} + E_{o2}',
    texNumeric: `${n(t.value('E_o1'))} + ${n(t.value('E_o2'))}`,
    value: t.value('E_o1') + t.value('E_o2'),
    uses: ['E_o1', 'E_o2'],
  });

  addOutputDelta(t, 'o1');
  t.add({
    key: 'dnet_o1/dw5', phase: 'backward-output', subject: 'w5',
    label: d('net_{o1}', 'w_5'), tex: 'out_{h1}', texNumeric: n(t.value('out_h1')),
    value: t.value('out_h1'), uses: ['out_h1'],
  });
  t.add({
    key: 'dE_total/dw5', phase: 'backward-output', subject: 'w5',
    label: d('E_{total}', 'w_5'),
    tex: `${d('E_{total}', 'out_{o1}')} \\cdot ${d('out_{o1}', 'net_{o1}')} \\cdot ${d('net_{o1}', 'w_5')}`,
    texNumeric: `${n(t.value('dE_total/dout_o1'))} \\times ${n(t.value('dout_o1/dnet_o1'))} \\times ${n(t.value('dnet_o1/dw5'))}`,
    value: t.value('dE_total/dout_o1') * t.value('dout_o1/dnet_o1') * t.value('dnet_o1/dw5'),
    uses: ['dE_total/dout_o1', 'dout_o1/dnet_o1', 'dnet_o1/dw5'],
  });
  addDelta(t, 'o1', 'backward-output', 'dE_total/dout_o1', 'dout_o1/dnet_o1');
  addWeightUpdate(t, 'w5');
  addWeightGradientFromDelta(t, 'w6', 'o1', 'out_h2', 'backward-output');
  addWeightUpdate(t, 'w6');
  addOutputDelta(t, 'o2');
  addDelta(t, 'o2', 'backward-output', 'dE_total/dout_o2', 'dout_o2/dnet_o2');
  addWeightGradientFromDelta(t, 'w7', 'o2', 'out_h1', 'backward-output');
  addWeightUpdate(t, 'w7');
  addWeightGradientFromDelta(t, 'w8', 'o2', 'out_h2', 'backward-output');
  addWeightUpdate(t, 'w8');
  if (updateBiases) {
    addBiasGradient(t, 'b2', ['o1', 'o2'], 'backward-output');
    addWeightUpdate(t, 'b2');
  }

  const weightFor = order === 'published' ? (name: string) => `${name}'` : identity;
  addHiddenOutputGradient(t, 'h1', weightFor);
  t.add({
    key: 'dnet_h1/dw1', phase: 'backward-hidden', subject: 'w1',
    label: d('net_{h1}', 'w_1'), tex: 'i_1', texNumeric: n(t.value('i1')),
    value: t.value('i1'), uses: ['i1'],
  });
  t.add({
    key: 'dE_total/dw1', phase: 'backward-hidden', subject: 'w1',
    label: d('E_{total}', 'w_1'),
    tex: `${d('E_{total}', 'out_{h1}')} \\cdot ${d('out_{h1}', 'net_{h1}')} \\cdot ${d('net_{h1}', 'w_1')}`,
    texNumeric: `${n(t.value('dE_total/dout_h1'))} \\times ${n(t.value('dout_h1/dnet_h1'))} \\times ${n(t.value('dnet_h1/dw1'))}`,
    value: t.value('dE_total/dout_h1') * t.value('dout_h1/dnet_h1') * t.value('dnet_h1/dw1'),
    uses: ['dE_total/dout_h1', 'dout_h1/dnet_h1', 'dnet_h1/dw1'],
  });
  addDelta(t, 'h1', 'backward-hidden', 'dE_total/dout_h1', 'dout_h1/dnet_h1');
  addWeightUpdate(t, 'w1');
  addWeightGradientFromDelta(t, 'w2', 'h1', 'i2', 'backward-hidden');
  addWeightUpdate(t, 'w2');
  addHiddenOutputGradient(t, 'h2', weightFor);
  addDelta(t, 'h2', 'backward-hidden', 'dE_total/dout_h2', 'dout_h2/dnet_h2');
  addWeightGradientFromDelta(t, 'w3', 'h2', 'i1', 'backward-hidden');
  addWeightUpdate(t, 'w3');
  addWeightGradientFromDelta(t, 'w4', 'h2', 'i2', 'backward-hidden');
  addWeightUpdate(t, 'w4');
  if (updateBiases) {
    addBiasGradient(t, 'b1', ['h1', 'h2'], 'backward-hidden');
    addWeightUpdate(t, 'b1');
  }

  addErrorAfterOneRound(t, p, updateBiases);
  const run = training ?? train222(p, { order, updateBiases, iterations });
  addTrainingResults(t, run, iterations);

  const value = (key: string) => t.value(key);
  return {
    params: p,
    steps: t.steps,
    summary: {
      order, updateBiases, iterations,
      E_total: value('E_total'),
      E_total_after_1: value('E_total_after_1'),
      E_total_after_N: value('E_total_after_N'),
      out_o1_after_N: value('out_o1_after_N'),
      out_o2_after_N: value('out_o2_after_N'),
    },
  };
}

/** Keys whose values differ between two traces of the same shape (e.g. the two update orders). */
export function divergingKeys(a: Trace, b: Trace, relativeTolerance = 1e-12): string[] {
  const other = new Map(b.steps.map((step) => [step.key, step.value]));
  return a.steps
    .filter((step) => {
      const value = other.get(step.key);
      if (value === undefined) return true;
      const scale = Math.max(Math.abs(step.value), Math.abs(value), Number.MIN_VALUE);
      return Math.abs(step.value - value) / scale > relativeTolerance;
    })
    .map((step) => step.key);
}
