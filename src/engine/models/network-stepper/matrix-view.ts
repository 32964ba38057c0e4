/**
 * matrixView: the layer a step belongs to in the vector form documents 000, 001 and 004 use
 * (column vectors, W^{(l)} is n_l × n_{l−1}), every shape written out, with the numbers. Computed
 * from the trace's description with the core network functions, so it is an independent reading of
 * the same round the scalar steps narrate.
 */
import { activationDerivative, softmaxJacobian } from '../../core/activations';
import { LOSSES } from '../../core/losses';
import { texMatrix, transpose, type Matrix } from '../../core/matrix';
import { forward, hiddenDelta, layerGradients, outputDelta, type ForwardResult, type NetworkSpec } from '../../core/network';
import { hasCombinedDelta, toNetworkSpec } from './operations';
import type { NetworkDescription, StepperTrace } from './types';

export interface MatrixRow {
  /** LaTeX of the quantity, e.g. z^{(1)}. */
  label: string;
  /** Its vector formula. */
  tex: string;
  /** The formula with the matrices substituted, then "=" and the result. */
  texNumeric: string;
  /** The shapes of the product, e.g. "(4×3)(3×1) + (4×1) → 4×1". */
  shape: string;
}

/** Matrix view of the layer the step at `index` belongs to (loss-wide steps show the output layer). */
export interface MatrixView {
  layer: number;
  rows: MatrixRow[];
}

const FUNCTION_TEX: Record<string, string> = {
  sigmoid: '\\sigma', tanh: '\\tanh', relu: '\\mathrm{ReLU}', 'leaky-relu': '\\mathrm{LeakyReLU}', linear: '\\mathrm{id}', softmax: '\\mathrm{softmax}',
};

const column = (values: readonly number[]): Matrix => values.map((value) => [value]);
const m = (matrix: Matrix) => texMatrix(matrix);
const shape = (rows: number, cols: number) => `${rows}×${cols}`;

interface LayerRound {
  spec: NetworkSpec;
  result: ForwardResult;
  /** deltas[l] for l = layer..L (1-based), with the weights each δ read. */
  deltas: number[][];
  weightsRead: Matrix[];
}

/** Forward pass and the δ recursion down to `layer`, in the description's update order. */
function roundDownTo(d: NetworkDescription, layer: number): LayerRound {
  const spec = toNetworkSpec(d);
  const result = forward(spec, { weights: d.weights, biases: d.biases }, d.inputs);
  const L = d.layers.length - 1;
  const deltas: number[][] = [];
  const weightsRead: Matrix[] = [];
  deltas[L] = outputDelta(spec, result, d.targets);
  for (let l = L - 1; l >= layer; l--) {
    const above = d.weights[l];
    const used =
      d.order === 'published'
        ? above.map((row, j) => row.map((w, k) => w - d.lr * layerGradients(spec.layers[l], deltas[l + 1], result.layers[l - 1].a).weights[j][k]))
        : above;
    weightsRead[l + 1] = used;
    deltas[l] = hiddenDelta(spec.layers[l - 1], result.layers[l - 1], used, deltas[l + 1]);
  }
  return { spec, result, deltas, weightsRead };
}

function deltaRow(d: NetworkDescription, round: LayerRound, l: number): MatrixRow {
  const L = d.layers.length - 1;
  const n = d.layers[l];
  const { z, a } = round.result.layers[l - 1];
  const delta = column(round.deltas[l]);
  const label = `\\delta^{(${l})}`;
  if (l < L) {
    const above = d.layers[l + 1];
    const w = d.order === 'published' ? `W'^{(${l + 1})}` : `W^{(${l + 1})}`;
    return {
      label,
      tex: `(${w})^{\\top} \\delta^{(${l + 1})} \\odot f'(z^{(${l})})`,
      texNumeric: `${m(transpose(round.weightsRead[l + 1]))} ${m(column(round.deltas[l + 1]))} \\odot ${m(column(activationDerivative(round.spec.layers[l - 1].activation, z)))} = ${m(delta)}`,
      shape: `(${shape(n, above)})(${shape(above, 1)}) ⊙ (${shape(n, 1)}) → ${shape(n, 1)}`,
    };
  }
  const output = d.activations[L - 1];
  const lossName = round.spec.loss;
  if (hasCombinedDelta(lossName, output)) {
    return { label, tex: `a^{(${L})} - t`, texNumeric: `${m(column(a))} - ${m(column(d.targets))} = ${m(delta)}`, shape: `(${shape(n, 1)}) − (${shape(n, 1)}) → ${shape(n, 1)}` };
  }
  const gradient = column(LOSSES[lossName].gradient(a, d.targets));
  if (output === 'softmax') {
    return {
      label,
      tex: `J_{\\mathrm{softmax}}(z^{(${L})})^{\\top} \\nabla_{a} E`,
      texNumeric: `${m(transpose(softmaxJacobian(a)))} ${m(gradient)} = ${m(delta)}`,
      shape: `(${shape(n, n)})(${shape(n, 1)}) → ${shape(n, 1)}`,
    };
  }
  return {
    label,
    tex: `\\nabla_{a} E \\odot f'(z^{(${L})})`,
    texNumeric: `${m(gradient)} \\odot ${m(column(activationDerivative(round.spec.layers[L - 1].activation, z)))} = ${m(delta)}`,
    shape: `(${shape(n, 1)}) ⊙ (${shape(n, 1)}) → ${shape(n, 1)}`,
  };
}

export function matrixView(trace: StepperTrace, index: number): MatrixView {
  const d = trace.description;
  const L = d.layers.length - 1;
  const step = trace.steps[index];
  const layer = step === undefined || step.layer === 0 ? L : step.layer;
  const round = roundDownTo(d, layer);
  const n = d.layers[layer];
  const fanIn = d.layers[layer - 1];
  const previous = layer === 1 ? d.inputs : round.result.layers[layer - 2].a;
  const { z, a } = round.result.layers[layer - 1];
  const W = d.weights[layer - 1];
  const bias = d.biases[layer - 1];
  const { weights: gradW, biases: gradB } = layerGradients(round.spec.layers[layer - 1], round.deltas[layer], previous);
  const updated = W.map((row, j) => row.map((w, k) => w - d.lr * gradW[j][k]));
  const f = FUNCTION_TEX[d.activations[layer - 1]];
  const rows: MatrixRow[] = [
    {
      label: `z^{(${layer})}`,
      tex: `W^{(${layer})} a^{(${layer - 1})} + b^{(${layer})}`,
      texNumeric: `${m(W)} ${m(column(previous))} + ${m(column(bias))} = ${m(column(z))}`,
      shape: `(${shape(n, fanIn)})(${shape(fanIn, 1)}) + (${shape(n, 1)}) → ${shape(n, 1)}`,
    },
    {
      label: `a^{(${layer})}`,
      tex: `${f}(z^{(${layer})})`,
      texNumeric: `${f}(${m(column(z))}) = ${m(column(a))}`,
      shape: `${shape(n, 1)} → ${shape(n, 1)}`,
    },
    deltaRow(d, round, layer),
    {
      label: `\\frac{\\partial E}{\\partial W^{(${layer})}}`,
      tex: `\\delta^{(${layer})} (a^{(${layer - 1})})^{\\top}`,
      texNumeric: `${m(column(round.deltas[layer]))} ${m([previous])} = ${m(gradW)}`,
      shape: `(${shape(n, 1)})(${shape(1, fanIn)}) → ${shape(n, fanIn)}`,
    },
    d.sharedBias
      ? {
          label: `\\frac{\\partial E}{\\partial b^{(${layer})}}`,
          tex: `\\mathbf{1}^{\\top} \\delta^{(${layer})}`,
          texNumeric: `${m([round.deltas[layer].map(() => 1)])} ${m(column(round.deltas[layer]))} = ${m([[gradB[0]]])}`,
          shape: `(${shape(1, n)})(${shape(n, 1)}) → ${shape(1, 1)}`,
        }
      : {
          label: `\\frac{\\partial E}{\\partial b^{(${layer})}}`,
          tex: `\\delta^{(${layer})}`,
          texNumeric: m(column(gradB)),
          shape: shape(n, 1),
        },
    {
      label: `W'^{(${layer})}`,
      tex: `W^{(${layer})} - \\eta \\frac{\\partial E}{\\partial W^{(${layer})}}`,
      texNumeric: `${m(W)} - ${d.lr} \\times ${m(gradW)} = ${m(updated)}`,
      shape: `(${shape(n, fanIn)}) − (${shape(n, fanIn)}) → ${shape(n, fanIn)}`,
    },
  ];
  return { layer, rows };
}
