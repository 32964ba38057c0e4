/**
 * Gradient descent on a fully-connected network without allocating per step: activations, deltas
 * and gradients live in Float64Arrays sized once for the spec (and grown when a larger batch comes),
 * and the parameters are updated in place. Every sum and product is the one network.ts's forward,
 * outputDelta, hiddenDelta and layerGradients perform, in the same order, so a step here and a
 * trainStep give the same numbers bit for bit (trainStep runs on this class).
 */
import { activateInto, activationBackwardInto } from './activations';
import { LOSSES } from './losses';
import type { NetworkParams, NetworkSpec, TrainOptions } from './network';

export class NetworkTrainer {
  private readonly sizes: number[];
  private readonly widest: number;
  private capacity = 0;
  /** z[i][l], a[i][l]: layer l's values for sample i of the batch. */
  private z: Float64Array[][] = [];
  private a: Float64Array[][] = [];
  /** δ of the layer being updated and of the one below it, per sample; swapped after each layer. */
  private delta: Float64Array[] = [];
  private deltaBelow: Float64Array[] = [];
  /** ∂L/∂a of one layer; longer than most layers, and every reader stops at its layer's size. */
  private readonly gradA: Float64Array;
  private readonly gradW: Float64Array;
  private readonly gradB: Float64Array;

  constructor(private readonly spec: NetworkSpec) {
    this.sizes = spec.layers.map((layer) => layer.size);
    this.widest = Math.max(spec.inputSize, ...this.sizes);
    const fanIns = [spec.inputSize, ...this.sizes.slice(0, -1)];
    this.gradA = new Float64Array(this.widest);
    this.gradW = new Float64Array(Math.max(...this.sizes.map((size, l) => size * fanIns[l])));
    this.gradB = new Float64Array(this.widest);
  }

  private reserve(batchSize: number): void {
    if (batchSize <= this.capacity) return;
    const perLayer = () => this.sizes.map((size) => new Float64Array(size));
    this.z = Array.from({ length: batchSize }, perLayer);
    this.a = Array.from({ length: batchSize }, perLayer);
    this.delta = Array.from({ length: batchSize }, () => new Float64Array(this.widest));
    this.deltaBelow = Array.from({ length: batchSize }, () => new Float64Array(this.widest));
    this.capacity = batchSize;
  }

  /** z^l = W^l a^{l−1} + b^l (the sum starts at b_j, as in network.ts's affine), a^l = f(z^l). */
  private forward(params: NetworkParams, input: readonly number[], i: number): void {
    let previous: ArrayLike<number> = input;
    for (let l = 0; l < this.sizes.length; l++) {
      const weights = params.weights[l];
      const bias = params.biases[l];
      const z = this.z[i][l];
      for (let j = 0; j < z.length; j++) {
        const row = weights[j];
        let sum = bias[j];
        for (let k = 0; k < row.length; k++) sum = sum + row[k] * previous[k];
        z[j] = sum;
      }
      previous = activateInto(this.spec.layers[l].activation, z, this.a[i][l]);
    }
  }

  /** δ^L = a − t for sigmoid with log loss and softmax with cross-entropy, else ∂L/∂a ⊙ f′(z^L). */
  private outputDelta(target: readonly number[], i: number): void {
    const last = this.sizes.length - 1;
    const { activation } = this.spec.layers[last];
    const z = this.z[i][last];
    const a = this.a[i][last];
    const delta = this.delta[i];
    const simplified =
      (activation.name === 'sigmoid' && this.spec.loss === 'binaryCrossEntropy') ||
      (activation.name === 'softmax' && this.spec.loss === 'crossEntropy');
    if (simplified) {
      for (let k = 0; k < a.length; k++) delta[k] = a[k] - target[k];
      return;
    }
    const loss = LOSSES[this.spec.loss];
    for (let k = 0; k < a.length; k++) this.gradA[k] = loss.gradientAt(a, target, k);
    activationBackwardInto(activation, z, a, this.gradA, delta);
  }

  /** δ^{l−1} = ((W^l)ᵀ δ^l) ⊙ f′(z^{l−1}), each component's sum starting at 0 as in hiddenDelta. */
  private hiddenDelta(l: number, weights: readonly number[][], i: number): void {
    const below = l - 1;
    const size = this.sizes[below];
    const delta = this.delta[i];
    for (let k = 0; k < size; k++) {
      let sum = 0;
      for (let j = 0; j < weights.length; j++) sum = sum + weights[j][k] * delta[j];
      this.gradA[k] = sum;
    }
    const z = this.z[i][below];
    activationBackwardInto(this.spec.layers[below].activation, z, this.a[i][below], this.gradA, this.deltaBelow[i]);
  }

  /**
   * One step on the batch, changing params in place: ∂L/∂W^l = mean of δ^l (a^{l−1})ᵀ, then
   * W ← W − α(∂L/∂W + λW), b ← b − α ∂L/∂b, layer by layer from the output down.
   */
  step(params: NetworkParams, inputs: readonly (readonly number[])[], targets: readonly (readonly number[])[], options: TrainOptions): void {
    const { learningRate, updateBiases = true, weightDecay = 0, order = 'textbook' } = options;
    const m = inputs.length;
    this.reserve(m);
    for (let i = 0; i < m; i++) this.forward(params, inputs[i], i);
    for (let i = 0; i < m; i++) this.outputDelta(targets[i], i);

    for (let l = this.sizes.length - 1; l >= 0; l--) {
      const weights = params.weights[l];
      const biases = params.biases[l];
      const rows = weights.length;
      const cols = rows === 0 ? 0 : weights[0].length;
      const shared = this.spec.layers[l].sharedBias === true;
      this.gradW.fill(0, 0, rows * cols);
      this.gradB.fill(0, 0, rows);
      for (let i = 0; i < m; i++) {
        const previous: ArrayLike<number> = l === 0 ? inputs[i] : this.a[i][l - 1];
        const delta = this.delta[i];
        for (let j = 0; j < rows; j++) {
          for (let k = 0; k < cols; k++) this.gradW[j * cols + k] += (delta[j] * previous[k]) / m;
        }
        let sharedGradient = 0;
        if (shared) for (let j = 0; j < rows; j++) sharedGradient = sharedGradient + delta[j];
        for (let j = 0; j < rows; j++) this.gradB[j] += (shared ? sharedGradient : delta[j]) / m;
      }
      if (l > 0 && order === 'textbook') for (let i = 0; i < m; i++) this.hiddenDelta(l, weights, i);
      for (let j = 0; j < rows; j++) {
        const row = weights[j];
        for (let k = 0; k < cols; k++) row[k] = row[k] - learningRate * (this.gradW[j * cols + k] + weightDecay * row[k]);
      }
      if (updateBiases) for (let j = 0; j < rows; j++) biases[j] = biases[j] - learningRate * this.gradB[j];
      if (l > 0 && order === 'published') for (let i = 0; i < m; i++) this.hiddenDelta(l, weights, i);
      if (l > 0) {
        const used = this.delta;
        this.delta = this.deltaBelow;
        this.deltaBelow = used;
      }
    }
  }
}
