/** The softmax lesson's calculator: the ten-class example, p − y by the chain rule and by finite differences. */
import { describe, expect, it } from 'vitest';
import { crossEntropyOfLogits, logitSteps, shiftInvariance, softmaxByHand, tenClassExample } from '../../src/engine/lessons/softmax-walkthrough';

describe('softmax by hand', () => {
  it('divides each exponential by their sum', () => {
    const s = softmaxByHand();
    expect(s.probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 15);
    expect(s.probabilities[0]).toBeCloseTo(Math.exp(3) / (Math.exp(3) + Math.exp(1) + Math.exp(-3)), 15);
    expect(shiftInvariance([3, 1, -3], 100)).toBeLessThan(1e-15);
  });
});

describe('document 002’s ten-class example', () => {
  const ex = tenClassExample();

  it('has probabilities summing to 1, true class 7 (index 6), loss −ln 0.10', () => {
    expect(ex.sum).toBeCloseTo(1, 15);
    expect(ex.targetIndex).toBe(6);
    expect(ex.loss).toBeCloseTo(2.302585093, 9);
    expect(ex.lossTerms.filter((t) => t !== 0)).toHaveLength(1);
    expect(ex.lossLog10).toBeCloseTo(1, 15);
    expect(ex.predictedIndex).toBe(5);
    ex.roundTrip.forEach((p, k) => expect(p).toBeCloseTo(ex.probabilities[k], 15));
  });

  it('p − y equals the chain rule through the Jacobian and the finite difference of L', () => {
    ex.gradient.forEach((g, k) => {
      expect(ex.chainRule[k]).toBeCloseTo(g, 14);
      expect(Math.abs(ex.numeric[k] - g)).toBeLessThan(1e-8);
    });
    expect(ex.gradient[6]).toBeCloseTo(-0.9, 15);
    expect(Math.abs(ex.gradientSum)).toBeLessThan(1e-15);
    expect(crossEntropyOfLogits(ex.logits, 6)).toBeCloseTo(ex.loss, 14);
  });

  it('gradient steps on the logits raise the true class and lower the loss', () => {
    const steps = logitSteps(1, 3);
    for (let i = 1; i < steps.length; i++) {
      expect(steps[i].targetProbability).toBeGreaterThan(steps[i - 1].targetProbability);
      expect(steps[i].loss).toBeLessThan(steps[i - 1].loss);
      expect(steps[i].loss).toBeCloseTo(-Math.log(steps[i].targetProbability), 12);
    }
  });
});
