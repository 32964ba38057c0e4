/**
 * One round of backpropagation narrated one chain-rule factor per step, for every network of the
 * stepper and, under the document's names, for document 003's 2-2-2 network (backprop222.replay).
 * The order is the one document 003 uses for its example, generalised:
 * - forward, layer by layer: net then out for every unit (softmax: every net, then every out);
 * - the loss: one term per output, then E_total;
 * - the output layer, then each hidden layer downwards. In every layer the first unit shows every
 *   factor as its own step (∂E/∂out, ∂out/∂net, ∂net/∂w and the three-factor ∂E/∂w), the other
 *   units the compact δ form (∂E/∂out = Σ δ·w). The first unit of the hidden layer below a sigmoid
 *   output splits ∂E/∂out into each output's share (∂E_i/∂net_i · ∂net_i/∂out), as the document
 *   does for h1; deeper first units list each ∂net/∂out of the layer above before the δ-sum.
 *   Each weight's update follows its gradient; a layer's bias gradient and update follow its units
 *   (per-unit biases: each unit's). Sigmoid with the log loss and softmax with cross-entropy give
 *   δ = out − t in one step; softmax with a squared loss sums over its Jacobian;
 * - E_total_after_1, the loss re-evaluated with the updated parameters.
 * 'published' order: the δ of a hidden layer reads the already-updated weights of the layer above.
 */
import { softmax } from '../../core/activations';
import { forward } from '../../core/network';
import type { StepTraceBuilder } from '../../core/trace';
import { subjectOf, updatedKey, type Naming } from './keys';
import {
  activateUnit,
  coreLossName,
  hasCombinedDelta,
  num,
  partial,
  toNetworkSpec,
  UNIT_ACTIVATIONS,
  unitDerivative,
  unitLoss,
  type UnitActivation,
  type UnitLoss,
} from './operations';
import type { HiddenActivation, NetworkDescription, StepperPhase, StepperStep } from './types';

export type NarrationBuilder = StepTraceBuilder<StepperStep>;

interface Narration {
  d: NetworkDescription;
  t: NarrationBuilder;
  n: Naming;
  /** Number of weight layers; layer L is the output layer. */
  L: number;
  shared: boolean;
  updateBiases: boolean;
  loss: UnitLoss;
  combinedDelta: boolean;
  outputSoftmax: boolean;
  /** The output layer's values, read once the forward pass has recorded them. */
  outputs: number[];
}

const E_TOTAL = 'E_{total}';

/** The values a trace starts from, under the naming's keys: inputs, targets, weights, biases, η. */
export function givenValuesNamed(d: NetworkDescription, n: Naming): [string, number][] {
  const given: [string, number][] = d.inputs.map((x, k) => [n.key.input(k), x]);
  d.targets.forEach((t, j) => given.push([n.key.target(j), t]));
  d.weights.forEach((layer, l) => layer.forEach((row, j) => row.forEach((w, k) => given.push([n.key.weight(l + 1, j, k), w]))));
  d.biases.forEach((layer, l) => (d.sharedBias ? layer.slice(0, 1) : layer).forEach((b, j) => given.push([n.key.bias(l + 1, j), b])));
  given.push(['lr', d.lr]);
  return given;
}

function activationOf(r: Narration, l: number): UnitActivation {
  return UNIT_ACTIVATIONS[r.d.activations[l - 1] as HiddenActivation];
}

/** net = Σ w·out_prev + b·1, summed in that order. */
function addNet(r: Narration, l: number, j: number) {
  const { t, n } = r;
  const bias = n.key.bias(l, j);
  let value = 0;
  const tex: string[] = [];
  const numeric: string[] = [];
  const uses: string[] = [];
  for (let k = 0; k < r.d.layers[l - 1]; k++) {
    const w = n.key.weight(l, j, k);
    const a = n.key.out(l - 1, k);
    const product = t.value(w) * t.value(a);
    value = k === 0 ? product : value + product;
    tex.push(`${n.tex.weight(l, j, k)} \\cdot ${n.tex.out(l - 1, k)}`);
    numeric.push(`${num(t.value(w))} \\times ${num(t.value(a))}`);
    uses.push(w, a);
  }
  t.add({
    key: n.key.net(l, j), phase: 'forward', layer: l, subject: subjectOf.unit(l, j),
    label: n.tex.net(l, j),
    tex: `${tex.join(' + ')} + ${n.tex.bias(l, j)} \\cdot 1`,
    texNumeric: `${numeric.join(' + ')} + ${num(t.value(bias))} \\times 1`,
    value: value + t.value(bias),
    uses: [...uses, bias],
  });
}

function addForwardLayer(r: Narration, l: number) {
  const { t, n } = r;
  const size = r.d.layers[l];
  if (l === r.L && r.outputSoftmax) {
    for (let j = 0; j < size; j++) addNet(r, l, j);
    const nets = Array.from({ length: size }, (_, j) => t.value(n.key.net(l, j)));
    const outs = softmax(nets);
    const sumTex = nets.map((_, i) => `e^{${n.tex.net(l, i)}}`).join(' + ');
    const sumNumeric = nets.map((net) => `e^{${num(net)}}`).join(' + ');
    for (let j = 0; j < size; j++) {
      t.add({
        key: n.key.out(l, j), phase: 'forward', layer: l, subject: subjectOf.unit(l, j),
        label: n.tex.out(l, j),
        tex: `\\frac{e^{${n.tex.net(l, j)}}}{${sumTex}}`,
        texNumeric: `\\frac{e^{${num(nets[j])}}}{${sumNumeric}}`,
        value: outs[j],
        uses: nets.map((_, i) => n.key.net(l, i)),
      });
    }
    return;
  }
  const activation = activationOf(r, l);
  for (let j = 0; j < size; j++) {
    addNet(r, l, j);
    const net = t.value(n.key.net(l, j));
    t.add({
      key: n.key.out(l, j), phase: 'forward', layer: l, subject: subjectOf.unit(l, j),
      label: n.tex.out(l, j),
      tex: activation.tex(n.tex.net(l, j)),
      texNumeric: activation.texNumeric(net),
      value: activateUnit(activation, net),
      uses: [n.key.net(l, j)],
    });
  }
}

function addLoss(r: Narration) {
  const { t, n, L } = r;
  const outputs = r.d.layers[L];
  const terms: string[] = [];
  let total = 0;
  for (let j = 0; j < outputs; j++) {
    const out = t.value(n.key.out(L, j));
    const target = t.value(n.key.target(j));
    const step = t.add({
      key: n.key.lossTerm(j), phase: 'loss', layer: L, subject: subjectOf.unit(L, j),
      label: n.tex.lossTerm(j),
      tex: r.loss.termTex(n.tex.target(j), n.tex.out(L, j), outputs),
      texNumeric: r.loss.termTex(num(target), num(out), outputs),
      value: r.loss.term(out, target, outputs),
      uses: [n.key.target(j), n.key.out(L, j)],
    });
    total = j === 0 ? step.value : total + step.value;
    terms.push(step.key);
  }
  t.add({
    key: 'E_total', phase: 'loss', layer: 0, subject: subjectOf.network,
    label: E_TOTAL,
    tex: terms.map((_, j) => n.tex.lossTerm(j)).join(' + '),
    texNumeric: terms.map((key) => num(t.value(key))).join(' + '),
    value: total,
    uses: terms,
  });
}

function addUpdate(r: Narration, key: string, labelTex: string, gradientKey: string, layer: number, subject: string) {
  const { t } = r;
  t.add({
    key: updatedKey(key), phase: 'update', layer, subject,
    label: `${labelTex}'`,
    tex: `${labelTex} - \\eta \\cdot ${partial(E_TOTAL, labelTex)}`,
    texNumeric: `${num(t.value(key))} - ${num(t.value('lr'))} \\times ${num(t.value(gradientKey))}`,
    value: t.value(key) - t.value('lr') * t.value(gradientKey),
    uses: [key, 'lr', gradientKey],
  });
}

function addWeightUpdate(r: Narration, l: number, j: number, k: number) {
  addUpdate(r, r.n.key.weight(l, j, k), r.n.tex.weight(l, j, k), r.n.key.dEdw(l, j, k), l, subjectOf.weight(l, j, k));
}

/** ∂E/∂w = δ · out_prev and the update, for the weights of unit j from position `from` on. */
function addWeightGradients(r: Narration, l: number, j: number, phase: StepperPhase, from: number) {
  const { t, n } = r;
  const delta = n.key.delta(l, j);
  for (let k = from; k < r.d.layers[l - 1]; k++) {
    const input = n.key.out(l - 1, k);
    t.add({
      key: n.key.dEdw(l, j, k), phase, layer: l, subject: subjectOf.weight(l, j, k),
      label: partial(E_TOTAL, n.tex.weight(l, j, k)),
      tex: `${n.tex.delta(l, j)} \\cdot ${n.tex.out(l - 1, k)}`,
      texNumeric: `${num(t.value(delta))} \\times ${num(t.value(input))}`,
      value: t.value(delta) * t.value(input),
      uses: [delta, input],
    });
    addWeightUpdate(r, l, j, k);
  }
}

/** ∂net/∂w = out_prev and ∂E/∂w as the product of its three chain-rule factors (first unit of a layer). */
function addThreeFactorGradient(r: Narration, l: number, phase: StepperPhase) {
  const { t, n } = r;
  const input = n.key.out(l - 1, 0);
  const factor = n.key.dnetdw(l, 0, 0);
  t.add({
    key: factor, phase, layer: l, subject: subjectOf.weight(l, 0, 0),
    label: partial(n.tex.net(l, 0), n.tex.weight(l, 0, 0)),
    tex: n.tex.out(l - 1, 0), texNumeric: num(t.value(input)),
    value: t.value(input), uses: [input],
  });
  const factors = [n.key.dEdout(l, 0), n.key.doutdnet(l, 0), factor];
  t.add({
    key: n.key.dEdw(l, 0, 0), phase, layer: l, subject: subjectOf.weight(l, 0, 0),
    label: partial(E_TOTAL, n.tex.weight(l, 0, 0)),
    tex: [partial(E_TOTAL, n.tex.out(l, 0)), partial(n.tex.out(l, 0), n.tex.net(l, 0)), partial(n.tex.net(l, 0), n.tex.weight(l, 0, 0))].join(' \\cdot '),
    texNumeric: factors.map((key) => num(t.value(key))).join(' \\times '),
    value: t.value(factors[0]) * t.value(factors[1]) * t.value(factors[2]),
    uses: factors,
  });
}

function addDerivativeStep(r: Narration, l: number, j: number, phase: StepperPhase) {
  const { t, n } = r;
  const activation = activationOf(r, l);
  const net = t.value(n.key.net(l, j));
  const out = t.value(n.key.out(l, j));
  const reads = activation.derivativeReads === 'out' ? [n.key.out(l, j)] : activation.derivativeReads === 'net' ? [n.key.net(l, j)] : [];
  t.add({
    key: n.key.doutdnet(l, j), phase, layer: l, subject: subjectOf.unit(l, j),
    label: partial(n.tex.out(l, j), n.tex.net(l, j)),
    tex: activation.derivativeTex(n.tex.net(l, j), n.tex.out(l, j)),
    texNumeric: activation.derivativeNumeric(net, out),
    value: unitDerivative(activation, net, out),
    uses: reads,
  });
}

function addProductDelta(r: Narration, l: number, j: number, phase: StepperPhase) {
  const { t, n } = r;
  const factors = [n.key.dEdout(l, j), n.key.doutdnet(l, j)];
  t.add({
    key: n.key.delta(l, j), phase, layer: l, subject: subjectOf.unit(l, j),
    label: n.tex.delta(l, j),
    tex: `${partial(E_TOTAL, n.tex.out(l, j))} \\cdot ${partial(n.tex.out(l, j), n.tex.net(l, j))}`,
    texNumeric: `${num(t.value(factors[0]))} \\times ${num(t.value(factors[1]))}`,
    value: t.value(factors[0]) * t.value(factors[1]),
    uses: factors,
  });
}

/** ∂E/∂b: the unit's δ, or the sum of the layer's δ for a shared bias; then the update. */
function addBiasGradient(r: Narration, l: number, units: number[], phase: StepperPhase) {
  const { t, n, shared } = r;
  const deltas = units.map((j) => n.key.delta(l, j));
  const j = units[0];
  const gradient = n.key.dEdb(l, j);
  t.add({
    key: gradient, phase, layer: l, subject: subjectOf.bias(l, j, shared),
    label: partial(E_TOTAL, n.tex.bias(l, j)),
    tex: units.map((unit) => n.tex.delta(l, unit)).join(' + '),
    texNumeric: deltas.map((key) => num(t.value(key))).join(' + '),
    value: deltas.reduce((sum, key, i) => (i === 0 ? t.value(key) : sum + t.value(key)), 0),
    uses: deltas,
  });
  addUpdate(r, n.key.bias(l, j), n.tex.bias(l, j), gradient, l, subjectOf.bias(l, j, shared));
}

/** The weight and bias steps of unit j once its δ is known (the three-factor ∂E/∂w already covers k = 0). */
function addUnitParameters(r: Narration, l: number, j: number, phase: StepperPhase, threeFactor: boolean) {
  if (threeFactor) addWeightUpdate(r, l, j, 0);
  addWeightGradients(r, l, j, phase, threeFactor ? 1 : 0);
  if (r.updateBiases && !r.shared) addBiasGradient(r, l, [j], phase);
}

function addLayerBias(r: Narration, l: number, phase: StepperPhase) {
  if (r.updateBiases && r.shared) addBiasGradient(r, l, Array.from({ length: r.d.layers[l] }, (_, j) => j), phase);
}

function addOutputGradient(r: Narration, j: number) {
  const { t, n, L } = r;
  const outputs = r.d.layers[L];
  const out = n.key.out(L, j);
  const target = n.key.target(j);
  t.add({
    key: n.key.dEdout(L, j), phase: 'backward-output', layer: L, subject: subjectOf.unit(L, j),
    label: partial(E_TOTAL, n.tex.out(L, j)),
    tex: r.loss.gradientTex(n.tex.target(j), n.tex.out(L, j), outputs),
    texNumeric: r.loss.gradientTex(num(t.value(target)), num(t.value(out)), outputs),
    value: r.loss.gradient(r.outputs, r.d.targets, j),
    uses: [target, out],
  });
}

/** δ_j = Σ_i ∂E/∂out_i · out_i(δ_ij − out_j), softmax with a loss that does not cancel its Jacobian. */
function addSoftmaxJacobianDelta(r: Narration, j: number) {
  const { t, n, L } = r;
  const units = Array.from({ length: r.d.layers[L] }, (_, i) => i);
  const outJ = t.value(n.key.out(L, j));
  const term = (i: number) => t.value(n.key.dEdout(L, i)) * t.value(n.key.out(L, i)) * ((i === j ? 1 : 0) - outJ);
  t.add({
    key: n.key.delta(L, j), phase: 'backward-output', layer: L, subject: subjectOf.unit(L, j),
    label: n.tex.delta(L, j),
    tex: units
      .map((i) => `${partial(E_TOTAL, n.tex.out(L, i))} \\cdot ${n.tex.out(L, i)}(${i === j ? 1 : 0} - ${n.tex.out(L, j)})`)
      .join(' + '),
    texNumeric: units
      .map((i) => `${num(t.value(n.key.dEdout(L, i)))} \\times ${num(t.value(n.key.out(L, i)))} \\times (${i === j ? 1 : 0} - ${num(outJ)})`)
      .join(' + '),
    value: units.reduce((sum, i) => sum + term(i), 0),
    uses: units.flatMap((i) => [n.key.dEdout(L, i), n.key.out(L, i)]),
  });
}

function addOutputLayer(r: Narration) {
  const { t, n, L } = r;
  const phase: StepperPhase = 'backward-output';
  const outputs = r.d.layers[L];
  if (r.combinedDelta) {
    for (let j = 0; j < outputs; j++) {
      const out = n.key.out(L, j);
      const target = n.key.target(j);
      t.add({
        key: n.key.delta(L, j), phase, layer: L, subject: subjectOf.unit(L, j),
        label: n.tex.delta(L, j),
        tex: `${n.tex.out(L, j)} - ${n.tex.target(j)}`,
        texNumeric: `${num(t.value(out))} - ${num(t.value(target))}`,
        value: t.value(out) - t.value(target),
        uses: [out, target],
      });
      addUnitParameters(r, L, j, phase, false);
    }
  } else if (r.outputSoftmax) {
    for (let j = 0; j < outputs; j++) addOutputGradient(r, j);
    for (let j = 0; j < outputs; j++) {
      addSoftmaxJacobianDelta(r, j);
      addUnitParameters(r, L, j, phase, false);
    }
  } else {
    for (let j = 0; j < outputs; j++) {
      addOutputGradient(r, j);
      addDerivativeStep(r, L, j, phase);
      if (j === 0) addThreeFactorGradient(r, L, phase);
      addProductDelta(r, L, j, phase);
      addUnitParameters(r, L, j, phase, j === 0);
    }
  }
  addLayerBias(r, L, phase);
}

interface WeightsAbove {
  key(i: number, j: number): string;
  tex(i: number, j: number): string;
}

/**
 * ∂E/∂out of the first unit below a sigmoid output, one output at a time as document 003 does for
 * h1: ∂E_i/∂net_i = ∂E_i/∂out_i · ∂out_i/∂net_i, ∂net_i/∂out = w, ∂E_i/∂out = their product; then the sum.
 */
function addOutputShares(r: Narration, l: number, above: WeightsAbove) {
  const { t, n, L } = r;
  const phase: StepperPhase = 'backward-hidden';
  const shares: string[] = [];
  for (let i = 0; i < r.d.layers[L]; i++) {
    const termTex = n.tex.lossTerm(i);
    const byNet = n.key.termByNet(i);
    t.add({
      key: byNet, phase, layer: l, subject: subjectOf.unit(L, i),
      label: partial(termTex, n.tex.net(L, i)),
      tex: `${partial(termTex, n.tex.out(L, i))} \\cdot ${partial(n.tex.out(L, i), n.tex.net(L, i))}`,
      texNumeric: `${num(t.value(n.key.dEdout(L, i)))} \\times ${num(t.value(n.key.doutdnet(L, i)))}`,
      value: t.value(n.key.dEdout(L, i)) * t.value(n.key.doutdnet(L, i)),
      uses: [n.key.dEdout(L, i), n.key.doutdnet(L, i)],
    });
    const factor = n.key.dnetdout(L, i, 0);
    t.add({
      key: factor, phase, layer: l, subject: subjectOf.weight(L, i, 0),
      label: partial(n.tex.net(L, i), n.tex.out(l, 0)),
      tex: above.tex(i, 0), texNumeric: num(t.value(above.key(i, 0))),
      value: t.value(above.key(i, 0)), uses: [above.key(i, 0)],
    });
    const share = n.key.termByOut(i, l, 0);
    t.add({
      key: share, phase, layer: l, subject: subjectOf.unit(L, i),
      label: partial(termTex, n.tex.out(l, 0)),
      tex: `${partial(termTex, n.tex.net(L, i))} \\cdot ${partial(n.tex.net(L, i), n.tex.out(l, 0))}`,
      texNumeric: `${num(t.value(byNet))} \\times ${num(t.value(factor))}`,
      value: t.value(byNet) * t.value(factor),
      uses: [byNet, factor],
    });
    shares.push(share);
  }
  t.add({
    key: n.key.dEdout(l, 0), phase, layer: l, subject: subjectOf.unit(l, 0),
    label: partial(E_TOTAL, n.tex.out(l, 0)),
    tex: shares.map((_, i) => partial(n.tex.lossTerm(i), n.tex.out(l, 0))).join(' + '),
    texNumeric: shares.map((key) => num(t.value(key))).join(' + '),
    value: shares.reduce((sum, key, i) => (i === 0 ? t.value(key) : sum + t.value(key)), 0),
    uses: shares,
  });
}

/** ∂E/∂out = Σ_i δ_i · ∂net_i/∂out; the first unit of a layer shows each ∂net_i/∂out as its own step. */
function addDeltaSum(r: Narration, l: number, j: number, above: WeightsAbove) {
  const { t, n } = r;
  const phase: StepperPhase = 'backward-hidden';
  const upper = l + 1;
  const units = Array.from({ length: r.d.layers[upper] }, (_, i) => i);
  if (j === 0) {
    for (const i of units) {
      t.add({
        key: n.key.dnetdout(upper, i, j), phase, layer: l, subject: subjectOf.weight(upper, i, j),
        label: partial(n.tex.net(upper, i), n.tex.out(l, j)),
        tex: above.tex(i, j), texNumeric: num(t.value(above.key(i, j))),
        value: t.value(above.key(i, j)), uses: [above.key(i, j)],
      });
    }
  }
  const factorKey = (i: number) => (j === 0 ? n.key.dnetdout(upper, i, j) : above.key(i, j));
  const factorTex = (i: number) => (j === 0 ? partial(n.tex.net(upper, i), n.tex.out(l, j)) : above.tex(i, j));
  const product = (i: number) => t.value(n.key.delta(upper, i)) * t.value(factorKey(i));
  t.add({
    key: n.key.dEdout(l, j), phase, layer: l, subject: subjectOf.unit(l, j),
    label: partial(E_TOTAL, n.tex.out(l, j)),
    tex: units.map((i) => `${n.tex.delta(upper, i)} \\cdot ${factorTex(i)}`).join(' + '),
    texNumeric: units.map((i) => `${num(t.value(n.key.delta(upper, i)))} \\times ${num(t.value(factorKey(i)))}`).join(' + '),
    value: units.reduce((sum, i) => (i === 0 ? product(i) : sum + product(i)), 0),
    uses: units.flatMap((i) => [n.key.delta(upper, i), factorKey(i)]),
  });
}

function addHiddenLayer(r: Narration, l: number) {
  const { n } = r;
  const phase: StepperPhase = 'backward-hidden';
  const published = r.d.order === 'published';
  const upper = l + 1;
  const above: WeightsAbove = {
    key: (i, j) => (published ? updatedKey(n.key.weight(upper, i, j)) : n.key.weight(upper, i, j)),
    tex: (i, j) => (published ? `${n.tex.weight(upper, i, j)}'` : n.tex.weight(upper, i, j)),
  };
  const sharesBelowOutput = upper === r.L && !r.combinedDelta && !r.outputSoftmax;
  for (let j = 0; j < r.d.layers[l]; j++) {
    if (j === 0 && sharesBelowOutput) addOutputShares(r, l, above);
    else addDeltaSum(r, l, j, above);
    addDerivativeStep(r, l, j, phase);
    if (j === 0) addThreeFactorGradient(r, l, phase);
    addProductDelta(r, l, j, phase);
    addUnitParameters(r, l, j, phase, j === 0);
  }
  addLayerBias(r, l, phase);
}

function addErrorAfterOneRound(r: Narration): number {
  const { t, d, n } = r;
  const updatedKeys: string[] = [];
  const weights = d.weights.map((layer, l) =>
    layer.map((row, j) =>
      row.map((_, k) => {
        const key = updatedKey(n.key.weight(l + 1, j, k));
        updatedKeys.push(key);
        return t.value(key);
      }),
    ),
  );
  const biases = d.biases.map((layer, l) => {
    if (!r.updateBiases) return [...layer];
    (r.shared ? layer.slice(0, 1) : layer).forEach((_, j) => updatedKeys.push(updatedKey(n.key.bias(l + 1, j))));
    return layer.map((_, j) => t.value(updatedKey(n.key.bias(l + 1, j))));
  });
  const outputs = forward(toNetworkSpec(d), { weights, biases }, d.inputs).output;
  const count = outputs.length;
  const step = t.add({
    key: 'E_total_after_1', phase: 'loss', layer: 0, subject: subjectOf.network,
    label: `${E_TOTAL}^{(1)}`,
    tex: outputs.map((_, j) => r.loss.termTex(n.tex.target(j), n.tex.updatedOut(j), count)).join(' + '),
    texNumeric: outputs.map((o, j) => r.loss.termTex(num(d.targets[j]), num(o), count)).join(' + '),
    value: outputs.reduce((sum, o, j) => (j === 0 ? r.loss.term(o, d.targets[j], count) : sum + r.loss.term(o, d.targets[j], count)), 0),
    uses: [...d.targets.map((_, j) => n.key.target(j)), ...updatedKeys],
  });
  return step.value;
}

/**
 * Appends one narrated round to `builder` (started with givenValuesNamed(description, naming)) and
 * returns E_total and E_total_after_1. The description must be valid (parseNetworkDescription).
 */
export function narrateRound(description: NetworkDescription, naming: Naming, builder: NarrationBuilder): { E_total: number; E_total_after_1: number } {
  const L = description.layers.length - 1;
  const output = description.activations[L - 1];
  const lossName = coreLossName(description.loss, output, description.layers[L]);
  const r: Narration = {
    d: description,
    t: builder,
    n: naming,
    L,
    shared: description.sharedBias,
    updateBiases: description.updateBiases ?? true,
    loss: unitLoss(lossName),
    combinedDelta: hasCombinedDelta(lossName, output),
    outputSoftmax: output === 'softmax',
    outputs: [],
  };
  for (let l = 1; l <= L; l++) addForwardLayer(r, l);
  for (let j = 0; j < description.layers[L]; j++) r.outputs.push(builder.value(naming.key.out(L, j)));
  addLoss(r);
  addOutputLayer(r);
  for (let l = L - 1; l >= 1; l--) addHiddenLayer(r, l);
  const E_total_after_1 = addErrorAfterOneRound(r);
  return { E_total: builder.value('E_total'), E_total_after_1 };
}
