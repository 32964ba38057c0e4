/**
 * The stepper's presets and its seeded "random weights".
 */
import { roundTo } from '../../core/format';
import { initParams } from '../../core/network';
import { createRng, uniform } from '../../core/random';
import { descriptionOf222, DOCUMENT_PARAMS } from '../network222';
import { EXAMPLE_341 } from '../example-341';
import { toNetworkSpec } from './operations';
import type { NetworkDescription, PresetName } from './types';

/** Document 003 §3.2: inputs, w1..w8, shared b1 and b2, targets and η = 0.5; biases stay fixed, as in the document. */
const DOC003_222: NetworkDescription = descriptionOf222(DOCUMENT_PARAMS, 'textbook', false);

/**
 * Document 004's 3-4-1 binary classifier with the site's example numbers (EXAMPLE_341, its one
 * sample x = (0.5, −1, 2), y = 1): sigmoid hidden and output units, the log loss, one bias per unit,
 * α = 0.5. θ^[0] is (3,4) in the document's row layout, so weights[0][j][k] = θ^[0][k][j].
 */
const DOC004_341: NetworkDescription = (() => {
  const { x, y, params, learningRate } = EXAMPLE_341;
  return {
    layers: [3, 4, 1],
    activations: ['sigmoid', 'sigmoid'],
    loss: 'cross-entropy',
    weights: [
      params.theta0[0].map((_, j) => params.theta0.map((row) => row[j])),
      params.theta1[0].map((_, j) => params.theta1.map((row) => row[j])),
    ],
    biases: [[...params.b0[0]], [...params.b1[0]]],
    inputs: [...x[0]],
    targets: [y],
    lr: learningRate,
    order: 'textbook',
    sharedBias: false,
  };
})();

/**
 * Document 002 §7.2.8's shallow network as the shallow-network lesson sets it up (lessons/
 * shallow-network.ts, shallowDemo): 2 inputs, 3 tanh hidden units, one sigmoid output, log loss,
 * weights from seed 11 uniform in [−0.5, 0.5], biases 0, η = 0.5, and the lesson's first sample
 * (seed 31, inputs in [−2, 2] to one decimal, label 1 when x₁x₂ > 0). The stepper replays one sample.
 */
const DOC002_SHALLOW: NetworkDescription = (() => {
  const shape: NetworkDescription = {
    layers: [2, 3, 1],
    activations: ['tanh', 'sigmoid'],
    loss: 'cross-entropy',
    weights: [],
    biases: [],
    inputs: [],
    targets: [],
    lr: 0.5,
    order: 'textbook',
    sharedBias: false,
  };
  const { weights, biases } = initParams(toNetworkSpec(shape), createRng(11), { scale: 0.5 });
  const data = createRng(31);
  const inputs = [roundTo(uniform(data, -2, 2), 1), roundTo(uniform(data, -2, 2), 1)];
  return { ...shape, weights, biases, inputs, targets: [inputs[0] * inputs[1] > 0 ? 1 : 0] };
})();

export const PRESETS: Record<PresetName, NetworkDescription> = {
  'doc003-222': DOC003_222,
  'doc004-341': DOC004_341,
  'doc002-shallow': DOC002_SHALLOW,
};

export const PRESET_NAMES = Object.keys(PRESETS) as PresetName[];

/** Range and printed precision of random weights: two decimals keep them easy to type in predict mode. */
const RANDOM_RANGE = 1;
const RANDOM_DECIMALS = 2;

/**
 * The description with new weights and biases drawn from the seed (uniform in [−1, 1], two
 * decimals; a shared bias draws one value per layer); shape, inputs, targets, loss, η and order kept.
 */
export function randomizeWeights(description: NetworkDescription, seed: number): NetworkDescription {
  const rng = createRng(seed);
  // + 0 turns a rounded −0 into 0, which would otherwise print as "-0" in the editor.
  const draw = () => roundTo(uniform(rng, -RANDOM_RANGE, RANDOM_RANGE), RANDOM_DECIMALS) + 0;
  const weights = description.weights.map((layer) => layer.map((row) => row.map(draw)));
  const biases = description.biases.map((layer) => {
    if (!description.sharedBias) return layer.map(draw);
    const shared = draw();
    return layer.map(() => shared);
  });
  return { ...description, weights, biases, inputs: [...description.inputs], targets: [...description.targets], layers: [...description.layers], activations: [...description.activations] };
}
