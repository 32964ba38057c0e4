/** The activation lesson's calculator: identities against finite differences, saturation, zero-centring, dying ReLU, Maxout, tanh_opt. */
import { describe, expect, it } from 'vitest';
import {
  activationTable,
  bestSigmoidChain,
  dyingRelu,
  leakyAt,
  maxoutExample,
  maxoutSpecialCaseGap,
  parametersPerUnit,
  saturationTable,
  sigmoidDerivativeCheck,
  symmetricMeans,
  tanhAsScaledSigmoid,
  tanhDerivativeCheck,
  tanhOpt,
  tanhOptDerivative,
  tanhOptDerivativeFromOutput,
  tanhOptFacts,
  zeroCentring,
} from '../../src/engine/lessons/activation-walkthrough';
import { centralDifference } from './gradient-check';

describe('derivative identities', () => {
  it.each([-4, -1, 0, 0.5, 3])('σ′ = σ(1 − σ) and tanh′ = 1 − tanh² at z = %s', (z) => {
    const s = sigmoidDerivativeCheck(z);
    const t = tanhDerivativeCheck(z);
    expect(Math.abs(s.formula - s.numeric)).toBeLessThan(1e-9);
    expect(Math.abs(t.formula - t.numeric)).toBeLessThan(1e-9);
    expect(Math.abs(tanhAsScaledSigmoid(z).tanh - tanhAsScaledSigmoid(z).scaledSigmoid)).toBeLessThan(1e-15);
  });

  it('tabulates ranges and slopes: σ in (0,1), tanh in (−1,1), σ′ ≤ 0.25, tanh′ ≤ 1, ReLU′ ∈ {0,1}', () => {
    for (const row of activationTable()) {
      expect(row.sigmoid).toBeGreaterThan(0);
      expect(row.sigmoid).toBeLessThan(1);
      expect(Math.abs(row.tanh)).toBeLessThan(1);
      expect(row.dSigmoid).toBeLessThanOrEqual(0.25);
      expect(row.dTanh).toBeLessThanOrEqual(1);
      expect(row.dRelu).toBe(row.z > 0 ? 1 : 0);
      expect(row.dLeaky).toBe(row.z >= 0 ? 1 : 0.01);
    }
  });
});

describe('saturation', () => {
  it('the slopes fall off with |z|, tanh faster relative to its peak', () => {
    const rows = saturationTable();
    expect(rows[0].dSigmoid).toBe(0.25);
    expect(rows[0].dTanh).toBe(1);
    for (let i = 1; i < rows.length; i++) {
      expect(rows[i].dSigmoid).toBeLessThan(rows[i - 1].dSigmoid);
      expect(rows[i].tanhShare).toBeLessThan(rows[i].sigmoidShare);
    }
    expect(rows[2].dSigmoid).toBeLessThan(0.01);
    expect(bestSigmoidChain(5)).toBeCloseTo(0.25 ** 5, 15);
  });
});

describe('zero-centring', () => {
  it('σ outputs are all positive, so δ·x has one sign; tanh outputs are centred', () => {
    const z = zeroCentring();
    expect(z.sigmoidOutputs.every((v) => v > 0)).toBe(true);
    expect(z.gradientsPositiveDelta.every((v) => v > 0)).toBe(true);
    expect(z.gradientsNegativeDelta.every((v) => v < 0)).toBe(true);
    expect(z.tanhGradients.some((v) => v < 0) && z.tanhGradients.some((v) => v > 0)).toBe(true);
    expect(z.sigmoidMean).toBeCloseTo(0.5, 14);
    expect(z.tanhMean).toBeCloseTo(0, 14);
    const m = symmetricMeans();
    expect(m.sigmoidMean).toBeCloseTo(0.5, 14);
    expect(m.tanhMean).toBeCloseTo(0, 14);
  });
});

describe('dying ReLU', () => {
  it('is alive on some inputs before and dead on all after one large bias update', () => {
    const d = dyingRelu();
    expect(d.activeBefore).toBeGreaterThan(0);
    expect(d.activeAfter).toBe(0);
    expect(d.maxZAfter).toBeLessThan(0);
    expect(d.bAfter).toBeCloseTo(d.b - d.learningRate * d.biasGradient, 15);
    expect(d.gradientAfter).toEqual({ w: [0, 0], b: 0 });
  });
});

describe('leaky ReLU and Maxout', () => {
  it('leaky ReLU keeps a positive slope α for z < 0', () => {
    expect(leakyAt(-3)).toEqual({ value: -0.03, slope: 0.01 });
  });

  it('Maxout reproduces ReLU and leaky ReLU and takes the larger piece', () => {
    expect(maxoutSpecialCaseGap()).toEqual({ relu: 0, leaky: 0 });
    const m = maxoutExample(-1.5, { w1: 0.5, b1: 1, w2: -1, b2: 0 });
    expect(m.value).toBe(Math.max(...m.pieces));
    expect(m.slope).toBe(-1);
    expect(parametersPerUnit(3)).toEqual({ single: 4, maxout: 8 });
  });
});

describe('tanh_opt (document 001)', () => {
  it('f(±1) ≈ ±1, f′(0) = 1.7159·2/3, and the MATLAB derivative from the output agrees with the chain rule', () => {
    const facts = tanhOptFacts();
    expect(facts.atOne).toBeCloseTo(1, 4);
    expect(facts.atMinusOne).toBeCloseTo(-1, 4);
    expect(facts.slopeAtZero).toBeCloseTo((1.7159 * 2) / 3, 15);
    for (const x of [-2, -0.3, 0, 1, 2.5]) {
      expect(Math.abs(tanhOptDerivative(x) - centralDifference(tanhOpt, x))).toBeLessThan(1e-9);
      expect(tanhOptDerivativeFromOutput(tanhOpt(x))).toBeCloseTo(tanhOptDerivative(x), 14);
    }
  });
});
