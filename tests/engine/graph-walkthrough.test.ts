/** The computation-graph lesson's calculator: both graphs forward and backward, the nudges, and the visit counts. */
import { describe, expect, it } from 'vitest';
import { nudgeJ, nudgeV, sharedTrunkVisits, walkGraph } from '../../src/engine/lessons/graph-walkthrough';
import { centralDifference } from './gradient-check';

describe('J = 3(a + bc) at a = 7, b = 4, c = 2', () => {
  const j = walkGraph('J=3(a+bc)');
  it('forward: u = 8, v = 15, J = 45', () => {
    expect(j.values).toMatchObject({ u: 8, v: 15, J: 45 });
  });
  it('backward: ∂J/∂v = 3, ∂J/∂u = 3, ∂J/∂a = 3, ∂J/∂b = 3c = 6, ∂J/∂c = 3b = 12', () => {
    expect(j.adjoint).toMatchObject({ J: 1, v: 3, u: 3, a: 3, b: 6, c: 12 });
    expect(j.forward).toEqual(j.reverse);
    const J = (a: number, b: number, c: number) => 3 * (a + b * c);
    expect(centralDifference((b) => J(7, b, 2), 4)).toBeCloseTo(j.adjoint.b, 6);
    expect(centralDifference((c) => J(7, 4, c), 2)).toBeCloseTo(j.adjoint.c, 6);
  });
  it('nudges: a or v by 0.001 moves J by 0.003; b by 0.006; c by 0.012', () => {
    expect(nudgeV().after).toBeCloseTo(45.003, 12);
    expect(nudgeJ('a').after).toBeCloseTo(45.003, 12);
    expect(nudgeJ('b').after).toBeCloseTo(45.006, 12);
    expect(nudgeJ('c').after).toBeCloseTo(45.012, 12);
  });
  it('visits 8 edges in forward mode and 5 in reverse mode', () => {
    expect(j.visits.forwardMode).toBe(8);
    expect(j.visits.reverseMode).toBe(j.edgeCount);
  });
});

describe('e = (a + b)(b + 1) at a = 2, b = 1', () => {
  const e = walkGraph('e=(a+b)(b+1)');
  it('forward: c = 3, d = 2, e = 6; backward: ∂e/∂c = 2, ∂e/∂d = 3, ∂e/∂a = 2, ∂e/∂b = 5', () => {
    expect(e.values).toMatchObject({ c: 3, d: 2, e: 6 });
    expect(e.adjoint).toMatchObject({ e: 1, c: 2, d: 3, a: 2, b: 5 });
    expect(centralDifference((b) => (2 + b) * (b + 1), 1)).toBeCloseTo(5, 6);
  });
  it('forward mode walks c → e twice: 6 visits against 5', () => {
    expect(e.visits.forwardMode).toBe(6);
    expect(e.visits.reverseMode).toBe(5);
    expect(e.visits.byEdge['c->e']).toEqual({ forwardMode: 2, reverseMode: 1 });
  });
});

describe('the shared-trunk family', () => {
  it('forward mode grows with inputs × trunk, reverse mode with inputs + trunk', () => {
    expect(sharedTrunkVisits(1000, 10)).toEqual({ forwardMode: 11000, reverseMode: 1010 });
    expect(sharedTrunkVisits(1, 5).forwardMode).toBe(sharedTrunkVisits(1, 5).reverseMode);
  });
});
