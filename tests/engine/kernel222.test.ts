/**
 * The allocation-free 2-2-2 kernel against the general engine: the same weights, biases, errors and
 * outputs bit for bit (Object.is, so even the sign of a zero counts) over 10000 rounds, for both
 * update orders, with and without bias updates, from the document's values and from seeded random ones.
 */
import { describe, expect, it } from 'vitest';
import type { NetworkParams } from '../../src/engine/core/network';
import { createRng, uniform } from '../../src/engine/core/random';
import {
  afterRounds, DOCUMENT_PARAMS, fromNetworkParams, ORDERS, PARAM_NAMES, replay, SPEC_222, toNetworkParams, train222,
  type Params222,
} from '../../src/engine/models/backprop222';
import { referenceForward, referenceTrainStep } from './reference-network';

const ROUNDS = 10000;

/** The training loop as it ran before the kernel, on the general engine's original trainStep. */
function genericRun(p: Params222, order: 'textbook' | 'published', updateBiases: boolean, iterations: number) {
  const inputs = [[p.i1, p.i2]];
  const targets = [[p.t1, p.t2]];
  let network = toNetworkParams(p);
  const outputsOf = (params: NetworkParams) => referenceForward(SPEC_222, params, inputs[0]).output;
  const errorOf = ([o1, o2]: number[]) => 0.5 * (p.t1 - o1) ** 2 + 0.5 * (p.t2 - o2) ** 2;
  const outputHistory = [...outputsOf(network)];
  const errors = [errorOf(outputHistory)];
  for (let round = 0; round < iterations; round++) {
    network = referenceTrainStep(SPEC_222, network, inputs, targets, { learningRate: p.lr, updateBiases, order });
    const outputs = outputsOf(network);
    outputHistory.push(...outputs);
    errors.push(errorOf(outputs));
  }
  return { errors, outputHistory, params: fromNetworkParams(network, p) };
}

function randomParams(seed: number): Params222 {
  const rng = createRng(seed);
  const draw = (low: number, high: number) => uniform(rng, low, high);
  return {
    i1: draw(-2, 2), i2: draw(-2, 2),
    w1: draw(-3, 3), w2: draw(-3, 3), w3: draw(-3, 3), w4: draw(-3, 3),
    w5: draw(-3, 3), w6: draw(-3, 3), w7: draw(-3, 3), w8: draw(-3, 3),
    b1: draw(-1, 1), b2: draw(-1, 1),
    t1: draw(0, 1), t2: draw(0, 1),
    lr: draw(0.05, 2),
  };
}

/** Indices where two arrays differ in the Object.is sense (empty when identical bit for bit). */
function differences(a: ArrayLike<number>, b: ArrayLike<number>): number[] {
  const length = Math.max(a.length, b.length);
  return Array.from({ length }, (_, i) => i).filter((i) => !Object.is(a[i], b[i]));
}

const PARAM_SETS: [string, Params222][] = [
  ['document', { ...DOCUMENT_PARAMS }],
  ...[11, 2024, 77_777, 31_337].map((seed): [string, Params222] => [`seed ${seed}`, randomParams(seed)]),
  ['zero weights and inputs', { ...DOCUMENT_PARAMS, i1: 0, i2: -0, w1: 0, w2: -0, w3: 0, w4: 0, b1: 0, b2: -0 }],
];
const CASES = PARAM_SETS.flatMap(([name, params]) =>
  ORDERS.flatMap((order) => [false, true].map((updateBiases) => ({ name, params, order, updateBiases }))),
);

describe('2-2-2 kernel', () => {
  it.each(CASES)('$name, $order order, bias updates $updateBiases: identical to the general engine', ({ params, order, updateBiases }) => {
    const expected = genericRun(params, order, updateBiases, ROUNDS);
    const run = train222(params, { order, updateBiases, iterations: ROUNDS });
    expect(run.errors).toHaveLength(ROUNDS + 1);
    expect(differences(run.errors, expected.errors)).toEqual([]);
    expect(differences(run.outputHistory, expected.outputHistory)).toEqual([]);
    const names = [...PARAM_NAMES];
    expect(differences(names.map((n) => run.params[n]), names.map((n) => expected.params[n]))).toEqual([]);
  });

  it('the random parameter sets train to different errors, so they exercise different paths', () => {
    const finals = PARAM_SETS.map(([, params]) => train222(params, { iterations: 100 }).errors[100]);
    expect(new Set(finals).size).toBe(PARAM_SETS.length);
  });

  it('afterRounds(run, r) is what a run of exactly r rounds ends with', () => {
    const long = train222(DOCUMENT_PARAMS, { order: 'published', iterations: 500 });
    for (const rounds of [0, 1, 100, 500]) {
      const short = train222(DOCUMENT_PARAMS, { order: 'published', iterations: rounds });
      const prefix = afterRounds(long, rounds);
      expect(prefix.errors).toEqual(short.errors);
      expect(prefix.error).toBe(short.errors[rounds]);
      expect(prefix.outputs).toEqual(short.outputs);
    }
    expect(() => afterRounds(long, 501)).toThrow(RangeError);
    expect(() => afterRounds(long, 1.5)).toThrow(RangeError);
  });

  it('replay with a shared training run equals replay that trains by itself, and refuses a mismatched run', () => {
    for (const order of ORDERS) {
      const training = train222(DOCUMENT_PARAMS, { order });
      expect(replay(DOCUMENT_PARAMS, { order, training })).toEqual(replay(DOCUMENT_PARAMS, { order }));
    }
    const textbookRun = train222(DOCUMENT_PARAMS, { order: 'textbook' });
    expect(() => replay(DOCUMENT_PARAMS, { order: 'published', training: textbookRun })).toThrow(RangeError);
    expect(() => replay(DOCUMENT_PARAMS, { order: 'textbook', updateBiases: true, training: textbookRun })).toThrow(RangeError);
    expect(() => replay(DOCUMENT_PARAMS, { order: 'textbook', iterations: 10, training: textbookRun })).toThrow(RangeError);
  });
});
