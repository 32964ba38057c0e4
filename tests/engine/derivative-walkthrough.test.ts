/** The gradient-descent lesson's calculator: 002's nudges, its derivative table, and the update rule. */
import { describe, expect, it } from 'vitest';
import { BOWL, bowlRun, derivativeTable, documentNudges, parabolaFactor, parabolaRun } from '../../src/engine/lessons/derivative-walkthrough';
import { centralDifference } from './gradient-check';

describe('document 002’s nudges', () => {
  it('reproduces 8 → 8.004, 4 → 4.004001 and 25 → 25.010001', () => {
    const { line, squareAt2, squareAt5 } = documentNudges();
    expect(line.fNudged).toBeCloseTo(8.004, 12);
    expect(line.ratio).toBeCloseTo(4, 9);
    expect(squareAt2.fNudged).toBeCloseTo(4.004001, 12);
    expect(squareAt2.ratio).toBeCloseTo(4.001, 9);
    expect(squareAt5.fNudged).toBeCloseTo(25.010001, 12);
    expect(squareAt5.ratio).toBeCloseTo(10.001, 9);
    expect([squareAt2.derivative, squareAt5.derivative]).toEqual([4, 10]);
  });

  it('every row of the table: the derivative formula matches a central difference, and the nudge is close', () => {
    for (const row of derivativeTable()) {
      const f = { square: (x: number) => x * x, cube: (x: number) => x ** 3, log: Math.log, exp: Math.exp, sigmoid: (x: number) => 1 / (1 + Math.exp(-x)), tanh: Math.tanh }[row.id];
      expect(Math.abs(row.nudge.derivative - centralDifference(f, row.nudge.a))).toBeLessThan(1e-8);
      expect(Math.abs(row.nudge.ratio - row.nudge.derivative)).toBeLessThan(0.01);
    }
  });
});

describe('the update rule', () => {
  it('w := w − α J′(w) on the parabola, with the distance to 3 scaled by 1 − 2α', () => {
    for (const alpha of [0.1, 0.9, 1.5]) {
      const run = parabolaRun(0, alpha, 5);
      run.records.slice(1).forEach((r, i) => {
        const prev = run.records[i];
        expect(r.w).toBeCloseTo(prev.w - alpha * 2 * (prev.w - 3), 12);
        expect(r.w - 3).toBeCloseTo((prev.w - 3) * parabolaFactor(alpha), 12);
      });
    }
    expect(parabolaRun(0, 0.1, 5).records.map((r) => r.J).every((J, i, all) => i === 0 || J < all[i - 1])).toBe(true);
    const wild = parabolaRun(0, 1.5, 5).records.map((r) => Math.abs(r.w - 3));
    expect(wild.every((d, i) => i === 0 || d > wild[i - 1])).toBe(true);
  });

  it('updates w and b together on the bowl, with the partial derivatives checked numerically', () => {
    const run = bowlRun(0, 0, 0.1, 3);
    for (const r of run) {
      expect(Math.abs(r.dJdw - centralDifference((w) => BOWL.J(w, r.b), r.w))).toBeLessThan(1e-7);
      expect(Math.abs(r.dJdb - centralDifference((b) => BOWL.J(r.w, b), r.b))).toBeLessThan(1e-7);
    }
    expect(run[1].w).toBeCloseTo(run[0].w - 0.1 * run[0].dJdw, 14);
    expect(run[1].b).toBeCloseTo(run[0].b - 0.1 * run[0].dJdb, 14);
    expect(run[3].J).toBeLessThan(run[0].J);
  });
});
