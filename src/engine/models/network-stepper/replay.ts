/**
 * replayNetwork: one round of backpropagation on any network of the stepper, one chain-rule factor
 * per step, in the order document 003 narrates its 2-2-2 example, generalised:
 * - forward, layer by layer: net then out for every unit (softmax: every net, then every out);
 * - the loss: one term per output, then E_total;
 * - the output layer, then each hidden layer downwards. In every layer the first unit shows every
 *   factor as its own step (∂E/∂out, ∂out/∂net, ∂net/∂w and the three-factor ∂E/∂w; for a hidden
 *   unit also each ∂net/∂out of the layer above), the other units the compact δ form (∂E/∂out =
 *   Σ δ·w). Each weight's update follows its gradient, and a layer's bias gradient and update follow
 *   its units. Sigmoid with the log loss and softmax with cross-entropy give δ = out − t in one step;
 *   softmax with a squared loss sums over its Jacobian;
 * - E_total_after_1, the loss re-evaluated with the updated parameters.
 * 'published' order: the δ of a hidden layer reads the already-updated weights of the layer above.
 * Document 003's 2-2-2 network is replayed by the 2-2-2 narration itself (document222.ts).
 */
import { softmax } from '../../core/activations';
import { forward } from '../../core/network';
import { StepTraceBuilder } from '../../core/trace';
import { isDocument222, replayDocument222 } from './document222';
import { keyOf, subjectOf, texOf } from './keys';
import {
  coreLossName,
  hasCombinedDelta,
  num,
  partial,
  toNetworkSpec,
  UNIT_ACTIVATIONS,
  unitDerivative,
  activateUnit,
  unitLoss,
  type UnitActivation,
  type UnitLoss,
} from './operations';
import type { HiddenActivation, NetworkDescription, StepperPhase, StepperStep, StepperTrace } from './types';

type Builder = StepTraceBuilder<StepperStep>;

interface Replay {
  d: NetworkDescription;
  t: Builder;
  /** Number of weight layers; layer L is the output layer. */
  L: number;
  shared: boolean;
  updateBiases: boolean;
  loss: UnitLoss;
  combinedDelta: boolean;
  outputSoftmax: boolean;
}

const E_TOTAL = 'E_{total}';

/** The values a trace starts from: inputs, targets, every weight and bias, η. */
export function givenValues(d: NetworkDescription): [string, number][] {
  const given: [string, number][] = d.inputs.map((x, k) => [keyOf.input(k), x]);
  d.targets.forEach((t, j) => given.push([keyOf.target(j), t]));
  d.weights.forEach((layer, l) => layer.forEach((row, j) => row.forEach((w, k) => given.push([keyOf.weight(l + 1, j, k), w]))));
  d.biases.forEach((layer, l) => {
    if (d.sharedBias) given.push([keyOf.bias(l + 1, 0, true), layer[0]]);
    else layer.forEach((b, j) => given.push([keyOf.bias(l + 1, j, false), b]));
  });
  given.push(['lr', d.lr]);
  return given;
}

function activationOf(r: Replay, l: number): UnitActivation {
  return UNIT_ACTIVATIONS[r.d.activations[l - 1] as HiddenActivation];
}

function addForwardLayer(r: Replay, l: number) {
  const { t, d, shared } = r;
  const size = d.layers[l];
  const fanIn = d.layers[l - 1];
  const softmaxLayer = l === r.L && r.outputSoftmax;
  const addNet = (j: number) => {
    const bias = keyOf.bias(l, j, shared);
    let value = t.value(bias);
    const tex: string[] = [];
    const numeric: string[] = [];
    const uses: string[] = [];
    for (let k = 0; k < fanIn; k++) {
      const w = keyOf.weight(l, j, k);
      const a = keyOf.out(l - 1, k);
      value = value + t.value(w) * t.value(a);
      tex.push(`${texOf.weight(l, j, k)} \\cdot ${texOf.out(l - 1, k)}`);
      numeric.push(`${num(t.value(w))} \\times ${num(t.value(a))}`);
      uses.push(w, a);
    }
    t.add({
      key: keyOf.net(l, j), phase: 'forward', layer: l, subject: subjectOf.unit(l, j),
      label: texOf.net(l, j),
      tex: `${tex.join(' + ')} + ${texOf.bias(l, j, shared)}`,
      texNumeric: `${numeric.join(' + ')} + ${num(t.value(bias))}`,
      value,
      uses: [...uses, bias],
    });
  };
  if (softmaxLayer) {
    for (let j = 0; j < size; j++) addNet(j);
    const nets = Array.from({ length: size }, (_, j) => t.value(keyOf.net(l, j)));
    const outs = softmax(nets);
    const sumTex = nets.map((_, i) => `e^{${texOf.net(l, i)}}`).join(' + ');
    const sumNumeric = nets.map((net) => `e^{${num(net)}}`).join(' + ');
    for (let j = 0; j < size; j++) {
      t.add({
        key: keyOf.out(l, j), phase: 'forward', layer: l, subject: subjectOf.unit(l, j),
        label: texOf.out(l, j),
        tex: `\\frac{e^{${texOf.net(l, j)}}}{${sumTex}}`,
        texNumeric: `\\frac{e^{${num(nets[j])}}}{${sumNumeric}}`,
        value: outs[j],
        uses: nets.map((_, i) => keyOf.net(l, i)),
      });
    }
    return;
  }
  const activation = activationOf(r, l);
  for (let j = 0; j < size; j++) {
    addNet(j);
    const net = t.value(keyOf.net(l, j));
    t.add({
      key: keyOf.out(l, j), phase: 'forward', layer: l, subject: subjectOf.unit(l, j),
      label: texOf.out(l, j),
      tex: activation.tex(texOf.net(l, j)),
      texNumeric: activation.texNumeric(net),
      value: activateUnit(activation, net),
      uses: [keyOf.net(l, j)],
    });
  }
}

function addLoss(r: Replay) {
  const { t, d, L } = r;
  const outputs = d.layers[L];
  for (let j = 0; j < outputs; j++) {
    const out = t.value(keyOf.out(L, j));
    const target = t.value(keyOf.target(j));
    t.add({
      key: keyOf.lossTerm(j), phase: 'loss', layer: L, subject: subjectOf.unit(L, j),
      label: texOf.lossTerm(j),
      tex: r.loss.termTex(texOf.target(j), texOf.out(L, j), outputs),
      texNumeric: r.loss.termTex(num(target), num(out), outputs),
      value: r.loss.term(out, target, outputs),
      uses: [keyOf.target(j), keyOf.out(L, j)],
    });
  }
  const terms = Array.from({ length: outputs }, (_, j) => keyOf.lossTerm(j));
  t.add({
    key: 'E_total', phase: 'loss', layer: 0, subject: subjectOf.network,
    label: E_TOTAL,
    tex: terms.map((_, j) => texOf.lossTerm(j)).join(' + '),
    texNumeric: terms.map((key) => num(t.value(key))).join(' + '),
    value: terms.reduce((sum, key) => sum + t.value(key), 0),
    uses: terms,
  });
}

function addUpdate(r: Replay, key: string, labelTex: string, gradientKey: string, gradientTex: string, layer: number, subject: string) {
  const { t } = r;
  t.add({
    key: keyOf.updated(key), phase: 'update', layer, subject,
    label: `${labelTex}'`,
    tex: `${labelTex} - \\eta \\cdot ${gradientTex}`,
    texNumeric: `${num(t.value(key))} - ${num(t.value('lr'))} \\times ${num(t.value(gradientKey))}`,
    value: t.value(key) - t.value('lr') * t.value(gradientKey),
    uses: [key, 'lr', gradientKey],
  });
}

/** ∂E/∂w = δ · out_prev and the update, for the weights of unit j from position `from` on. */
function addWeightGradients(r: Replay, l: number, j: number, phase: StepperPhase, from: number) {
  const { t, d } = r;
  const delta = keyOf.delta(l, j);
  for (let k = from; k < d.layers[l - 1]; k++) {
    const input = keyOf.out(l - 1, k);
    const gradient = keyOf.dEdw(l, j, k);
    t.add({
      key: gradient, phase, layer: l, subject: subjectOf.weight(l, j, k),
      label: partial(E_TOTAL, texOf.weight(l, j, k)),
      tex: `${texOf.delta(l, j)} \\cdot ${texOf.out(l - 1, k)}`,
      texNumeric: `${num(t.value(delta))} \\times ${num(t.value(input))}`,
      value: t.value(delta) * t.value(input),
      uses: [delta, input],
    });
    addWeightUpdate(r, l, j, k);
  }
}

function addWeightUpdate(r: Replay, l: number, j: number, k: number) {
  addUpdate(r, keyOf.weight(l, j, k), texOf.weight(l, j, k), keyOf.dEdw(l, j, k), partial(E_TOTAL, texOf.weight(l, j, k)), l, subjectOf.weight(l, j, k));
}

/** ∂net/∂w = out_prev and ∂E/∂w as the product of its three chain-rule factors (first unit of a layer). */
function addThreeFactorGradient(r: Replay, l: number, phase: StepperPhase) {
  const { t } = r;
  const input = keyOf.out(l - 1, 0);
  const factor = keyOf.dnetdw(l, 0, 0);
  t.add({
    key: factor, phase, layer: l, subject: subjectOf.weight(l, 0, 0),
    label: partial(texOf.net(l, 0), texOf.weight(l, 0, 0)),
    tex: texOf.out(l - 1, 0), texNumeric: num(t.value(input)),
    value: t.value(input), uses: [input],
  });
  const factors = [keyOf.dEdout(l, 0), keyOf.doutdnet(l, 0), factor];
  t.add({
    key: keyOf.dEdw(l, 0, 0), phase, layer: l, subject: subjectOf.weight(l, 0, 0),
    label: partial(E_TOTAL, texOf.weight(l, 0, 0)),
    tex: [partial(E_TOTAL, texOf.out(l, 0)), partial(texOf.out(l, 0), texOf.net(l, 0)), partial(texOf.net(l, 0), texOf.weight(l, 0, 0))].join(' \\cdot '),
    texNumeric: factors.map((key) => num(t.value(key))).join(' \\times '),
    value: t.value(factors[0]) * t.value(factors[1]) * t.value(factors[2]),
    uses: factors,
  });
}

function addDerivativeStep(r: Replay, l: number, j: number, phase: StepperPhase) {
  const { t } = r;
  const activation = activationOf(r, l);
  const net = t.value(keyOf.net(l, j));
  const out = t.value(keyOf.out(l, j));
  t.add({
    key: keyOf.doutdnet(l, j), phase, layer: l, subject: subjectOf.unit(l, j),
    label: partial(texOf.out(l, j), texOf.net(l, j)),
    tex: activation.derivativeTex(texOf.net(l, j), texOf.out(l, j)),
    texNumeric: activation.derivativeNumeric(net, out),
    value: unitDerivative(activation, net, out),
    uses: [keyOf.net(l, j), keyOf.out(l, j)],
  });
}

function addProductDelta(r: Replay, l: number, j: number, phase: StepperPhase) {
  const { t } = r;
  const factors = [keyOf.dEdout(l, j), keyOf.doutdnet(l, j)];
  t.add({
    key: keyOf.delta(l, j), phase, layer: l, subject: subjectOf.unit(l, j),
    label: texOf.delta(l, j),
    tex: `${partial(E_TOTAL, texOf.out(l, j))} \\cdot ${partial(texOf.out(l, j), texOf.net(l, j))}`,
    texNumeric: `${num(t.value(factors[0]))} \\times ${num(t.value(factors[1]))}`,
    value: t.value(factors[0]) * t.value(factors[1]),
    uses: factors,
  });
}

function addBiasGradient(r: Replay, l: number, units: number[], phase: StepperPhase) {
  const { t, shared } = r;
  const deltas = units.map((j) => keyOf.delta(l, j));
  const j = units[0];
  const gradient = keyOf.dEdb(l, j, shared);
  const bias = keyOf.bias(l, j, shared);
  t.add({
    key: gradient, phase, layer: l, subject: subjectOf.bias(l, j, shared),
    label: partial(E_TOTAL, texOf.bias(l, j, shared)),
    tex: units.map((unit) => texOf.delta(l, unit)).join(' + '),
    texNumeric: deltas.map((key) => num(t.value(key))).join(' + '),
    value: deltas.reduce((sum, key) => sum + t.value(key), 0),
    uses: deltas,
  });
  addUpdate(r, bias, texOf.bias(l, j, shared), gradient, partial(E_TOTAL, texOf.bias(l, j, shared)), l, subjectOf.bias(l, j, shared));
}

/** The weight and bias steps of unit j once its δ is known (the three-factor ∂E/∂w already covers k = 0). */
function addUnitParameters(r: Replay, l: number, j: number, phase: StepperPhase, threeFactor: boolean) {
  if (threeFactor) addWeightUpdate(r, l, j, 0);
  addWeightGradients(r, l, j, phase, threeFactor ? 1 : 0);
  if (r.updateBiases && !r.shared) addBiasGradient(r, l, [j], phase);
}

function addLayerBias(r: Replay, l: number, phase: StepperPhase) {
  if (r.updateBiases && r.shared) addBiasGradient(r, l, Array.from({ length: r.d.layers[l] }, (_, j) => j), phase);
}

function addOutputGradient(r: Replay, j: number) {
  const { t, d, L } = r;
  const outputs = d.layers[L];
  const out = keyOf.out(L, j);
  const target = keyOf.target(j);
  t.add({
    key: keyOf.dEdout(L, j), phase: 'backward-output', layer: L, subject: subjectOf.unit(L, j),
    label: partial(E_TOTAL, texOf.out(L, j)),
    tex: r.loss.gradientTex(texOf.target(j), texOf.out(L, j), outputs),
    texNumeric: r.loss.gradientTex(num(t.value(target)), num(t.value(out)), outputs),
    value: r.loss.core.gradientAt(
      Array.from({ length: outputs }, (_, i) => t.value(keyOf.out(L, i))),
      Array.from({ length: outputs }, (_, i) => t.value(keyOf.target(i))),
      j,
    ),
    uses: [target, out],
  });
}

/** δ_j = Σ_i ∂E/∂out_i · out_i(δ_ij − out_j), softmax with a loss that does not cancel its Jacobian. */
function addSoftmaxJacobianDelta(r: Replay, j: number) {
  const { t, d, L } = r;
  const units = Array.from({ length: d.layers[L] }, (_, i) => i);
  const outJ = t.value(keyOf.out(L, j));
  const term = (i: number) => t.value(keyOf.dEdout(L, i)) * t.value(keyOf.out(L, i)) * ((i === j ? 1 : 0) - outJ);
  t.add({
    key: keyOf.delta(L, j), phase: 'backward-output', layer: L, subject: subjectOf.unit(L, j),
    label: texOf.delta(L, j),
    tex: units
      .map((i) => `${partial(E_TOTAL, texOf.out(L, i))} \\cdot ${texOf.out(L, i)}(${i === j ? 1 : 0} - ${texOf.out(L, j)})`)
      .join(' + '),
    texNumeric: units
      .map((i) => `${num(t.value(keyOf.dEdout(L, i)))} \\times ${num(t.value(keyOf.out(L, i)))} \\times (${i === j ? 1 : 0} - ${num(outJ)})`)
      .join(' + '),
    value: units.reduce((sum, i) => sum + term(i), 0),
    uses: units.flatMap((i) => [keyOf.dEdout(L, i), keyOf.out(L, i)]),
  });
}

function addOutputLayer(r: Replay) {
  const { t, d, L } = r;
  const phase: StepperPhase = 'backward-output';
  const outputs = d.layers[L];
  if (r.combinedDelta) {
    for (let j = 0; j < outputs; j++) {
      const out = keyOf.out(L, j);
      const target = keyOf.target(j);
      t.add({
        key: keyOf.delta(L, j), phase, layer: L, subject: subjectOf.unit(L, j),
        label: texOf.delta(L, j),
        tex: `${texOf.out(L, j)} - ${texOf.target(j)}`,
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

function addHiddenLayer(r: Replay, l: number) {
  const { t, d } = r;
  const phase: StepperPhase = 'backward-hidden';
  const published = d.order === 'published';
  const above = l + 1;
  const aboveUnits = Array.from({ length: d.layers[above] }, (_, i) => i);
  const weightAbove = (i: number, j: number) => (published ? keyOf.updated(keyOf.weight(above, i, j)) : keyOf.weight(above, i, j));
  const weightAboveTex = (i: number, j: number) => (published ? `${texOf.weight(above, i, j)}'` : texOf.weight(above, i, j));
  for (let j = 0; j < d.layers[l]; j++) {
    const sumKey = keyOf.dEdout(l, j);
    const label = partial(E_TOTAL, texOf.out(l, j));
    if (j === 0) {
      for (const i of aboveUnits) {
        t.add({
          key: keyOf.dnetdout(above, i, j), phase, layer: l, subject: subjectOf.weight(above, i, j),
          label: partial(texOf.net(above, i), texOf.out(l, j)),
          tex: weightAboveTex(i, j), texNumeric: num(t.value(weightAbove(i, j))),
          value: t.value(weightAbove(i, j)), uses: [weightAbove(i, j)],
        });
      }
    }
    const factorKey = (i: number) => (j === 0 ? keyOf.dnetdout(above, i, j) : weightAbove(i, j));
    const factorTex = (i: number) => (j === 0 ? partial(texOf.net(above, i), texOf.out(l, j)) : weightAboveTex(i, j));
    t.add({
      key: sumKey, phase, layer: l, subject: subjectOf.unit(l, j),
      label,
      tex: aboveUnits.map((i) => `${texOf.delta(above, i)} \\cdot ${factorTex(i)}`).join(' + '),
      texNumeric: aboveUnits.map((i) => `${num(t.value(keyOf.delta(above, i)))} \\times ${num(t.value(factorKey(i)))}`).join(' + '),
      value: aboveUnits.reduce((sum, i) => sum + t.value(keyOf.delta(above, i)) * t.value(factorKey(i)), 0),
      uses: aboveUnits.flatMap((i) => [keyOf.delta(above, i), factorKey(i)]),
    });
    addDerivativeStep(r, l, j, phase);
    if (j === 0) addThreeFactorGradient(r, l, phase);
    addProductDelta(r, l, j, phase);
    addUnitParameters(r, l, j, phase, j === 0);
  }
  addLayerBias(r, l, phase);
}

function addErrorAfterOneRound(r: Replay): number {
  const { t, d, L, shared } = r;
  const updatedKeys: string[] = [];
  const weights = d.weights.map((layer, l) =>
    layer.map((row, j) =>
      row.map((_, k) => {
        const key = keyOf.updated(keyOf.weight(l + 1, j, k));
        updatedKeys.push(key);
        return t.value(key);
      }),
    ),
  );
  const biases = d.biases.map((layer, l) => {
    if (!r.updateBiases) return [...layer];
    const values = layer.map((_, j) => t.value(keyOf.updated(keyOf.bias(l + 1, j, shared))));
    (shared ? layer.slice(0, 1) : layer).forEach((_, j) => updatedKeys.push(keyOf.updated(keyOf.bias(l + 1, j, shared))));
    return values;
  });
  const outputs = forward(toNetworkSpec(d), { weights, biases }, d.inputs).output;
  const n = outputs.length;
  const terms = outputs.map((o, j) => r.loss.term(o, d.targets[j], n));
  const step = t.add({
    key: 'E_total_after_1', phase: 'loss', layer: 0, subject: subjectOf.network,
    label: `${E_TOTAL}^{(1)}`,
    tex: outputs.map((_, j) => r.loss.termTex(texOf.target(j), `out'^{(${L})}_{${j + 1}}`, n)).join(' + '),
    texNumeric: outputs.map((o, j) => r.loss.termTex(num(d.targets[j]), num(o), n)).join(' + '),
    value: terms.reduce((sum, term) => sum + term, 0),
    uses: [...d.targets.map((_, j) => keyOf.target(j)), ...updatedKeys],
  });
  return step.value;
}

/** The whole step-by-step trace of one training round on a validated description. */
export function replayNetwork(description: NetworkDescription): StepperTrace {
  if (isDocument222(description)) return replayDocument222(description);
  const L = description.layers.length - 1;
  const output = description.activations[L - 1];
  const lossName = coreLossName(description.loss, output, description.layers[L]);
  const r: Replay = {
    d: description,
    t: new StepTraceBuilder<StepperStep>(givenValues(description)),
    L,
    shared: description.sharedBias,
    updateBiases: description.updateBiases ?? true,
    loss: unitLoss(lossName),
    combinedDelta: hasCombinedDelta(lossName, output),
    outputSoftmax: output === 'softmax',
  };
  for (let l = 1; l <= L; l++) addForwardLayer(r, l);
  addLoss(r);
  addOutputLayer(r);
  for (let l = L - 1; l >= 1; l--) addHiddenLayer(r, l);
  const E_total_after_1 = addErrorAfterOneRound(r);
  return { description, steps: r.t.steps, summary: { E_total: r.t.value('E_total'), E_total_after_1 } };
}
