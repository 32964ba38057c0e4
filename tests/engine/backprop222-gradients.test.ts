/**
 * Every analytic chain-rule factor in the 2-2-2 trace against a finite difference, on seeded
 * random parameter sets. Only the textbook order yields true gradients at the starting point.
 */
import { describe, expect, it } from 'vitest';
import { sigmoid } from '../../src/engine/core/activations';
import { DOCUMENT_PARAMS, PARAM_NAMES, replay, type Params222, type Trace } from '../../src/engine/models/backprop222';
import { createRng, uniform } from '../../src/engine/core/random';
import { centralDifference, relativeError } from './gradient-check';

/** An independent scalar implementation of the forward pass and error. */
function errorOf(p: Params222, overrides: { out_h1?: number; out_o1?: number } = {}): number {
  const outH1 = overrides.out_h1 ?? sigmoid(p.w1 * p.i1 + p.w2 * p.i2 + p.b1);
  const outH2 = sigmoid(p.w3 * p.i1 + p.w4 * p.i2 + p.b1);
  const outO1 = overrides.out_o1 ?? sigmoid(p.w5 * outH1 + p.w6 * outH2 + p.b2);
  const outO2 = sigmoid(p.w7 * outH1 + p.w8 * outH2 + p.b2);
  return 0.5 * (p.t1 - outO1) ** 2 + 0.5 * (p.t2 - outO2) ** 2;
}

function randomParams(seed: number): Params222 {
  const rng = createRng(seed);
  const p = { ...DOCUMENT_PARAMS };
  for (const name of PARAM_NAMES) p[name] = uniform(rng, -2, 2);
  p.t1 = uniform(rng, 0, 1);
  p.t2 = uniform(rng, 0, 1);
  p.lr = uniform(rng, 0.05, 1);
  return p;
}

const value = (trace: Trace, key: string) => trace.steps.find((s) => s.key === key)!.value;
const SEEDS = [1, 2, 3, 5, 8, 13, 21, 34];
const TOLERANCE = 1e-6;

describe.each(SEEDS)('finite differences, seed %i', (seed) => {
  const p = randomParams(seed);
  const trace = replay(p, { order: 'textbook', updateBiases: true, iterations: 1 });

  it.each(['w1', 'w2', 'w3', 'w4', 'w5', 'w6', 'w7', 'w8', 'b1', 'b2'] as const)('∂E_total/∂%s', (name) => {
    const numeric = centralDifference((x) => errorOf({ ...p, [name]: x }), p[name]);
    expect(relativeError(value(trace, `dE_total/d${name}`), numeric)).toBeLessThan(TOLERANCE);
  });

  it('∂E_total/∂out_o1 and ∂E_total/∂out_h1', () => {
    const outH1 = value(trace, 'out_h1');
    const outO1 = value(trace, 'out_o1');
    const dOutO1 = centralDifference((x) => errorOf(p, { out_o1: x }), outO1);
    const dOutH1 = centralDifference((x) => errorOf(p, { out_h1: x }), outH1);
    expect(relativeError(value(trace, 'dE_total/dout_o1'), dOutO1)).toBeLessThan(TOLERANCE);
    expect(relativeError(value(trace, 'dE_total/dout_h1'), dOutH1)).toBeLessThan(TOLERANCE);
  });

  it.each(['h1', 'h2', 'o1', 'o2'])('∂out_%s/∂net_%s is the sigmoid slope', (neuron) => {
    const net = value(trace, `net_${neuron}`);
    const numeric = centralDifference(sigmoid, net);
    expect(relativeError(value(trace, `dout_${neuron}/dnet_${neuron}`), numeric)).toBeLessThan(TOLERANCE);
  });

  it('δ_o and δ_h are ∂E_total/∂net', () => {
    const netO1 = value(trace, 'net_o1');
    const dNetO1 = centralDifference((net) => errorOf(p, { out_o1: sigmoid(net) }), netO1);
    expect(relativeError(value(trace, 'delta_o1'), dNetO1)).toBeLessThan(TOLERANCE);
    const netH1 = value(trace, 'net_h1');
    const dNetH1 = centralDifference((net) => errorOf(p, { out_h1: sigmoid(net) }), netH1);
    expect(relativeError(value(trace, 'delta_h1'), dNetH1)).toBeLessThan(TOLERANCE);
  });

  it('every update is w − η ∂E/∂w', () => {
    for (const name of ['w1', 'w2', 'w3', 'w4', 'w5', 'w6', 'w7', 'w8', 'b1', 'b2'] as const) {
      expect(value(trace, `${name}'`)).toBeCloseTo(p[name] - p.lr * value(trace, `dE_total/d${name}`), 14);
    }
  });
});

describe('the published order', () => {
  it('gives hidden-layer "gradients" that are not the gradient at the starting point', () => {
    const trace = replay(DOCUMENT_PARAMS, { order: 'published', iterations: 1 });
    const numeric = centralDifference((x) => errorOf({ ...DOCUMENT_PARAMS, w1: x }), DOCUMENT_PARAMS.w1);
    expect(relativeError(value(trace, 'dE_total/dw1'), numeric)).toBeGreaterThan(0.05);
  });
});
