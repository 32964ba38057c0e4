/**
 * Training of the 2-2-2 network without allocation: every quantity lives in one Float64Array slot
 * and every operation reads and writes slots. Each operation repeats, in the same order, the
 * floating-point operations the general engine (core/network.ts trainStep with one sample and
 * shared biases) performs, so both give the same numbers bit for bit; even the `0 +` of the
 * engine's accumulators stays, because it turns −0 into +0.
 */
import { sigmoid } from '../core/activations';
import type { UpdateOrder } from '../core/network';

/** Slot of every quantity in the state vector. */
const I1 = 0, I2 = 1, T1 = 2, T2 = 3;
const W1 = 4, W2 = 5, W3 = 6, W4 = 7, W5 = 8, W6 = 9, W7 = 10, W8 = 11, B1 = 12, B2 = 13;
const OUT_H1 = 14, OUT_H2 = 15, OUT_O1 = 16, OUT_O2 = 17;
const DELTA_H1 = 18, DELTA_H2 = 19, DELTA_O1 = 20, DELTA_O2 = 21;
const SLOTS = 22;

export interface Kernel222Input {
  i1: number; i2: number; t1: number; t2: number;
  w1: number; w2: number; w3: number; w4: number; w5: number; w6: number; w7: number; w8: number;
  b1: number; b2: number;
  lr: number;
}

export interface Kernel222Options {
  order: UpdateOrder;
  updateBiases: boolean;
  iterations: number;
}

export interface Kernel222Result {
  /** errors[r]: E_total after r rounds. */
  errors: Float64Array;
  /** outputs[2r], outputs[2r + 1]: out_o1 and out_o2 after r rounds. */
  outputs: Float64Array;
  /** The trained parameters, in the order w1..w8, b1, b2. */
  weights: [number, number, number, number, number, number, number, number];
  biases: [number, number];
}

/** Neuron forward: out = σ((b + w_a·x_a) + w_b·x_b); backward in neuronDelta. */
function neuronForward(s: Float64Array, out: number, wa: number, xa: number, wb: number, xb: number, bias: number): void {
  s[out] = sigmoid(s[bias] + s[wa] * s[xa] + s[wb] * s[xb]);
}

/** Neuron backward: δ = out(1 − out) · ∂E/∂out, since σ′(net) = σ(net)(1 − σ(net)). */
function neuronDelta(s: Float64Array, delta: number, out: number, gradOut: number): void {
  const a = s[out];
  s[delta] = a * (1 - a) * gradOut;
}

/** Error forward: E = ½(t − o)²; backward: ∂E/∂o = o − t. */
function halfSquare(target: number, output: number): number {
  return 0.5 * (target - output) ** 2;
}
function halfSquareGradient(s: Float64Array, target: number, output: number): number {
  return s[output] - s[target];
}

/** Back through two weights: ∂E/∂x = (0 + w_a·δ_a) + w_b·δ_b, the sum over the neurons x feeds. */
function inputGradient(s: Float64Array, wa: number, deltaA: number, wb: number, deltaB: number): number {
  return 0 + s[wa] * s[deltaA] + s[wb] * s[deltaB];
}

/** Weight step: ∂E/∂w = δ·x, then w ← w − η(∂E/∂w + λw). */
function stepWeight(s: Float64Array, weight: number, delta: number, input: number, lr: number, decay: number): void {
  const gradient = 0 + s[delta] * s[input];
  s[weight] = s[weight] - lr * (gradient + decay * s[weight]);
}

/** Shared-bias step: ∂E/∂b = δ_a + δ_b (one b feeds both neurons), then b ← b − η ∂E/∂b. */
function stepSharedBias(s: Float64Array, bias: number, deltaA: number, deltaB: number, lr: number): void {
  const gradient = 0 + (0 + s[deltaA] + s[deltaB]);
  s[bias] = s[bias] - lr * gradient;
}

function forwardPass(s: Float64Array): void {
  neuronForward(s, OUT_H1, W1, I1, W2, I2, B1);
  neuronForward(s, OUT_H2, W3, I1, W4, I2, B1);
  neuronForward(s, OUT_O1, W5, OUT_H1, W6, OUT_H2, B2);
  neuronForward(s, OUT_O2, W7, OUT_H1, W8, OUT_H2, B2);
}

function hiddenDeltas(s: Float64Array): void {
  neuronDelta(s, DELTA_H1, OUT_H1, inputGradient(s, W5, DELTA_O1, W7, DELTA_O2));
  neuronDelta(s, DELTA_H2, OUT_H2, inputGradient(s, W6, DELTA_O1, W8, DELTA_O2));
}

/** One round after a forward pass: output deltas, then each layer's update from the top down. */
function trainRound(s: Float64Array, lr: number, published: boolean, updateBiases: boolean): void {
  neuronDelta(s, DELTA_O1, OUT_O1, halfSquareGradient(s, T1, OUT_O1));
  neuronDelta(s, DELTA_O2, OUT_O2, halfSquareGradient(s, T2, OUT_O2));
  if (!published) hiddenDeltas(s);
  stepWeight(s, W5, DELTA_O1, OUT_H1, lr, 0);
  stepWeight(s, W6, DELTA_O1, OUT_H2, lr, 0);
  stepWeight(s, W7, DELTA_O2, OUT_H1, lr, 0);
  stepWeight(s, W8, DELTA_O2, OUT_H2, lr, 0);
  if (updateBiases) stepSharedBias(s, B2, DELTA_O1, DELTA_O2, lr);
  if (published) hiddenDeltas(s);
  stepWeight(s, W1, DELTA_H1, I1, lr, 0);
  stepWeight(s, W2, DELTA_H1, I2, lr, 0);
  stepWeight(s, W3, DELTA_H2, I1, lr, 0);
  stepWeight(s, W4, DELTA_H2, I2, lr, 0);
  if (updateBiases) stepSharedBias(s, B1, DELTA_H1, DELTA_H2, lr);
}

function record(s: Float64Array, round: number, errors: Float64Array, outputs: Float64Array): void {
  errors[round] = halfSquare(s[T1], s[OUT_O1]) + halfSquare(s[T2], s[OUT_O2]);
  outputs[2 * round] = s[OUT_O1];
  outputs[2 * round + 1] = s[OUT_O2];
}

/**
 * `iterations` rounds of gradient descent on the single training pair. The forward pass that
 * measures the error after round r is also the forward pass round r + 1 trains from.
 */
export function trainKernel222(p: Kernel222Input, options: Kernel222Options): Kernel222Result {
  const { order, updateBiases, iterations } = options;
  const s = new Float64Array(SLOTS);
  s.set([p.i1, p.i2, p.t1, p.t2, p.w1, p.w2, p.w3, p.w4, p.w5, p.w6, p.w7, p.w8, p.b1, p.b2]);
  const errors = new Float64Array(iterations + 1);
  const outputs = new Float64Array(2 * (iterations + 1));
  const published = order === 'published';
  forwardPass(s);
  record(s, 0, errors, outputs);
  for (let round = 1; round <= iterations; round++) {
    trainRound(s, p.lr, published, updateBiases);
    forwardPass(s);
    record(s, round, errors, outputs);
  }
  return {
    errors,
    outputs,
    weights: [s[W1], s[W2], s[W3], s[W4], s[W5], s[W6], s[W7], s[W8]],
    biases: [s[B1], s[B2]],
  };
}
