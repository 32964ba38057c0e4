/**
 * Oracle for the logic-gates widget: document 000's single-neuron gates and XNOR network, and
 * document 001's two-layer step perceptron, checked against hand-derived values, including the
 * presets whose printed weights do not produce the truth table the document claims for them.
 */
import { describe, expect, it } from 'vitest';
import { sigmoid } from '../../src/engine/core/activations';
import {
  BIPOLAR_INPUTS,
  CORRECTED_PRESETS,
  CORRECTED_XNOR,
  DOCUMENT_PERCEPTRON,
  DOCUMENT_PRESETS,
  DOCUMENT_XNOR,
  SHARP_XNOR,
  XOR_PERCEPTRON,
  checkPreset,
  decisionLine,
  decisionPoint,
  evaluateXnor,
  identifyBooleanFunction,
  perceptronTable,
  scaleTheta,
  truthTable,
  type Bit,
  type BooleanFunctionId,
  type GateId,
  type GatePreset,
  type PerceptronRow,
  type StepPerceptron,
} from '../../src/engine/models/logic-gates';

function ok<R>(result: R): Exclude<R, { error: unknown }> {
  if (typeof result === 'object' && result !== null && 'error' in result) throw new Error(JSON.stringify(result));
  return result as Exclude<R, { error: unknown }>;
}

const preset = (presets: readonly GatePreset[], id: GateId) => presets.find((p) => p.id === id)!;
const check = (presets: readonly GatePreset[], id: GateId) => ok(checkPreset(preset(presets, id)));
const s1 = sigmoid(1);
const sMinus1 = sigmoid(-1);

describe('truthTable: z = θ0 + θ1x1 + θ2x2 and σ(z) for the document 000 presets', () => {
  const CASES: [GateId, number[], (number | null)[][], number[], Bit[]][] = [
    ['and', [-3, 2, 2], [[0, 0], [0, 1], [1, 0], [1, 1]], [-3, -1, -1, 1], [0, 0, 0, 1]],
    ['or', [-1, 2, 2], [[0, 0], [0, 1], [1, 0], [1, 1]], [-1, 1, 1, 3], [0, 1, 1, 1]],
    ['not', [1, -2], [[0, null], [1, null]], [1, -1], [1, 0]],
    ['nor', [3, -2, -2], [[0, 0], [0, 1], [1, 0], [1, 1]], [3, 1, 1, -1], [1, 1, 1, 0]],
  ];
  it.each(CASES)('%s θ=%j', (id, theta, inputs, zs, bits) => {
    const rows = ok(truthTable(theta, theta.length === 2 ? 1 : 2));
    expect(rows.map((r) => [r.x1, r.x2])).toEqual(inputs);
    expect(rows.map((r) => r.z)).toEqual(zs);
    rows.forEach((r, i) => expect(r.output).toBeCloseTo(sigmoid(zs[i]), 15));
    expect(rows.map((r) => r.thresholded)).toEqual(bits);
    expect(preset(DOCUMENT_PRESETS, id).theta).toEqual(theta);
  });
});

describe('checkPreset: the truth table each document 000 preset claims vs the one its θ produces', () => {
  const CASES: [GateId, Bit[], Bit[], boolean][] = [
    ['and', [0, 0, 0, 1], [0, 0, 0, 1], true],
    ['or', [0, 1, 1, 1], [0, 1, 1, 1], true],
    ['not', [1, 0], [1, 0], true],
    ['nor', [1, 0, 0, 0], [1, 1, 1, 0], false],
  ];
  it.each(CASES)('document %s: claimed %j, produced %j, matches %s', (id, claimed, produced, matches) => {
    const result = check(DOCUMENT_PRESETS, id);
    expect(result.rows.map((r) => r.claimed)).toEqual(claimed);
    expect(result.rows.map((r) => r.produced)).toEqual(produced);
    expect(result.matches).toBe(matches);
  });

  it('erratum: (NOT x1)AND(NOT x2) with θ=(3,−2,−2) gives σ(1) ≈ 0.731 → 1 on (0,1) and (1,0), where it claims 0', () => {
    const failing = check(DOCUMENT_PRESETS, 'nor').rows.filter((r) => !r.matches);
    expect(failing.map((r) => r.inputs)).toEqual([[0, 1], [1, 0]]);
    for (const row of failing) {
      expect(row.output).toBeCloseTo(0.731, 3);
      expect(row).toMatchObject({ claimed: 0, produced: 1 });
    }
  });

  it.each(CORRECTED_PRESETS.map((p) => [p.id, p.theta] as const))('corrected %s θ=%j produces its claimed table', (id) => {
    expect(check(CORRECTED_PRESETS, id).matches).toBe(true);
  });

  it('the only correction is (NOT x1)AND(NOT x2): θ=(1,−2,−2)', () => {
    expect(preset(CORRECTED_PRESETS, 'nor').theta).toEqual([1, -2, -2]);
    for (const id of ['and', 'or', 'not'] as const) expect(preset(CORRECTED_PRESETS, id)).toEqual(preset(DOCUMENT_PRESETS, id));
  });

  it('AND(1,1) = σ(−3+2+2) = σ(1) ≈ 0.731: the printed 1 holds only after thresholding at 0.5', () => {
    const and = check(DOCUMENT_PRESETS, 'and');
    expect(and.rows[3].output).toBeCloseTo(0.7310585786, 10);
    expect(and.rows[3].produced).toBe(1);
    expect(and.largestGap).toBeCloseTo(1 - s1, 12);
    expect(and.largestGap).toBeGreaterThan(0.26);
  });

  it('θ scaled by 10 keeps every truth table and brings every output within 10⁻⁴ of 0 or 1', () => {
    for (const p of CORRECTED_PRESETS) {
      const sharp = ok(checkPreset({ ...p, theta: scaleTheta(p.theta, 10) }));
      expect(sharp.matches).toBe(true);
      expect(sharp.largestGap).toBeLessThan(1e-4);
    }
  });
});

describe('decisionLine: θ0 + θ1x1 + θ2x2 = 0 clipped to the unit square', () => {
  it('AND θ=(−3,2,2): x1 + x2 = 1.5 runs from (0.5, 1) to (1, 0.5), with z > 0 towards (1,1)', () => {
    expect(decisionLine([-3, 2, 2])).toEqual({ from: { x1: 0.5, x2: 1 }, to: { x1: 1, x2: 0.5 }, normal: { x1: 2, x2: 2 } });
  });

  const CASES: [string, number[], [number, number, number, number] | null][] = [
    ['OR: x1 + x2 = 0.5', [-1, 2, 2], [0, 0.5, 0.5, 0]],
    ['corrected NOR: the OR line, facing the other way', [1, -2, -2], [0, 0.5, 0.5, 0]],
    ['document NOR: the AND line, facing the other way', [3, -2, -2], [0.5, 1, 1, 0.5]],
    ['through two corners', [-1, 1, 1], [0, 1, 1, 0]],
    ['vertical x1 = 0.25', [-1, 4, 0], [0.25, 0, 0.25, 1]],
    ['horizontal x2 = 0.75', [3, 0, -4], [0, 0.75, 1, 0.75]],
    ['along the edge x1 = 0', [0, 1, 0], [0, 0, 0, 1]],
    ['θ1 = θ2 = 0: no line', [1, 0, 0], null],
    ['misses the square', [5, 1, 1], null],
    ['touches only the corner (0,0)', [0, 1, 1], null],
    ['touches only the corner (1,1) through rounding', [-0.3, 0.1, 0.2], null],
  ];
  it.each(CASES)('%s', (_label, theta, ends) => {
    const line = decisionLine(theta);
    if (ends === null) {
      expect(line).toBeNull();
      return;
    }
    expect(line).toMatchObject({ from: { x1: ends[0], x2: ends[1] }, to: { x1: ends[2], x2: ends[3] } });
  });

  it('both endpoints lie on z = 0', () => {
    for (const theta of [[-3, 2, 2], [0.7, -1.3, 0.4], [-0.2, 0.9, 0.5]]) {
      const line = ok(decisionLine(theta))!;
      for (const p of [line.from, line.to]) expect(theta[0] + theta[1] * p.x1 + theta[2] * p.x2).toBeCloseTo(0, 12);
    }
  });

  it('NOT θ=(1,−2) switches at x1 = 0.5', () => {
    expect(decisionPoint([1, -2])).toBe(0.5);
    expect(decisionPoint([1, 0])).toBeNull();
    expect(decisionPoint([3, 2])).toBeNull();
  });
});

describe('invalid θ comes back as an error record', () => {
  const CASES: [string, () => unknown, object][] = [
    ['NaN θ1', () => truthTable([-3, Number.NaN, 2], 2), { field: 'theta', code: 'not-finite', index: 1 }],
    ['infinite θ0', () => truthTable([Infinity, 2, 2], 2), { field: 'theta', code: 'not-finite', index: 0 }],
    ['huge θ2', () => truthTable([0, 0, 1e6], 2), { field: 'theta', code: 'out-of-range', index: 2 }],
    ['three θ for one input', () => truthTable([1, -2, 0], 1), { field: 'theta', code: 'wrong-length', expected: 2, received: 3 }],
    ['arity 3', () => truthTable([1, 1, 1, 1], 3 as 1), { field: 'arity', code: 'bad-arity' }],
    ['decision line, NaN', () => decisionLine([Number.NaN, 1, 1]), { field: 'theta', code: 'not-finite', index: 0 }],
    ['decision line, two θ', () => decisionLine([1, 1]), { field: 'theta', code: 'wrong-length' }],
    ['decision point, −∞', () => decisionPoint([-Infinity, 1]), { field: 'theta', code: 'not-finite', index: 0 }],
    ['preset with NaN', () => checkPreset({ ...DOCUMENT_PRESETS[0], theta: [Number.NaN, 2, 2] }), { code: 'not-finite' }],
    ['preset with a short claimed table', () => checkPreset({ ...DOCUMENT_PRESETS[0], claimed: [0, 1] }), { field: 'claimed', code: 'wrong-length' }],
    ['XNOR with infinite OR weight', () => evaluateXnor({ ...DOCUMENT_XNOR, or: [-1, Infinity, 2] }), { field: 'or', code: 'not-finite', index: 1 }],
    ['perceptron with NaN bias', () => perceptronTable({ ...DOCUMENT_PERCEPTRON, h2: { w: [1, 1], b: Number.NaN } }), { field: 'h2', code: 'not-finite', index: 0 }],
  ];
  it.each(CASES)('%s', (_label, run, error) => {
    const result = run();
    expect(result).toMatchObject({ error });
    expect(JSON.stringify(result)).not.toMatch(/NaN|null/);
  });
});

describe('evaluateXnor: OR(AND(x1,x2), (NOT x1)AND(NOT x2)) with every intermediate value', () => {
  const document = ok(evaluateXnor(DOCUMENT_XNOR));
  const corrected = ok(evaluateXnor(CORRECTED_XNOR));
  const sharp = ok(evaluateXnor(SHARP_XNOR));

  it('hidden z for each input row, document weights', () => {
    expect(document.rows.map((r) => [r.x1, r.x2, r.and.z, r.nor.z])).toEqual([
      [0, 0, -3, 3],
      [0, 1, -1, 1],
      [1, 0, -1, 1],
      [1, 1, 1, -1],
    ]);
  });

  it('erratum: on (1,0) the document network gives OR(σ(−1), σ(1)) = σ(−1 + 2·0.2689 + 2·0.7311) = σ(1) ≈ 0.731 → 1, but XNOR(1,0) = 0', () => {
    const row = document.rows[2];
    expect(row.and.output).toBeCloseTo(0.2689414214, 10);
    expect(row.nor.output).toBeCloseTo(0.7310585786, 10);
    expect(row.continuous.z).toBeCloseTo(1, 12);
    expect(row.continuous.output).toBeCloseTo(s1, 12);
    expect(row).toMatchObject({ claimed: 0, matchesContinuous: false });
  });

  it('the document network is constant: its NOR neuron is exactly −1 × its AND neuron, so the OR input sums to 1 and every row gives σ(1)', () => {
    for (const row of document.rows) {
      expect(row.nor.z).toBe(-row.and.z);
      expect(row.continuous.z).toBeCloseTo(1, 12);
    }
    expect(document.rows.map((r) => r.matchesContinuous)).toEqual([true, false, false, true]);
  });

  it('the document network also fails with thresholded hidden outputs: the NOR neuron fires on (0,1) and (1,0)', () => {
    expect(document.rows.map((r) => [r.and.thresholded, r.nor.thresholded, r.thresholdedHidden.thresholded])).toEqual([
      [0, 1, 1],
      [0, 1, 1],
      [0, 1, 1],
      [1, 0, 1],
    ]);
    expect(document.matchesThresholded).toBe(false);
  });

  it('the corrected network computes XNOR once hidden outputs are thresholded', () => {
    expect(corrected.rows.map((r) => r.thresholdedHidden.thresholded)).toEqual([1, 0, 0, 1]);
    expect(corrected.matchesThresholded).toBe(true);
  });

  it('fed the raw σ values, the corrected network still fails on (0,1) and (1,0): −1 + 4σ(−1) ≈ 0.076 > 0', () => {
    for (const row of [corrected.rows[1], corrected.rows[2]]) {
      expect(row.continuous.z).toBeCloseTo(-1 + 4 * sMinus1, 12);
      expect(row.continuous.output).toBeCloseTo(0.519, 3);
      expect(row.matchesContinuous).toBe(false);
    }
    expect(corrected.matchesContinuous).toBe(false);
  });

  it('with θ ten times larger the network computes XNOR both ways, outputs within 10⁻⁴ of 0 or 1', () => {
    expect(sharp.matchesContinuous).toBe(true);
    expect(sharp.matchesThresholded).toBe(true);
    for (const row of sharp.rows) expect(Math.abs(row.continuous.output - row.claimed)).toBeLessThan(1e-4);
    expect(SHARP_XNOR).toEqual({ and: [-30, 20, 20], nor: [10, -20, -20], or: [-10, 20, 20] });
  });
});

describe('identifyBooleanFunction: the 16 two-input functions', () => {
  const CASES: [Bit[], BooleanFunctionId][] = [
    [[0, 0, 0, 0], 'false'], [[0, 0, 0, 1], 'and'], [[0, 0, 1, 0], 'x1-and-not-x2'], [[0, 0, 1, 1], 'x1'],
    [[0, 1, 0, 0], 'not-x1-and-x2'], [[0, 1, 0, 1], 'x2'], [[0, 1, 1, 0], 'xor'], [[0, 1, 1, 1], 'or'],
    [[1, 0, 0, 0], 'nor'], [[1, 0, 0, 1], 'xnor'], [[1, 0, 1, 0], 'not-x2'], [[1, 0, 1, 1], 'x1-or-not-x2'],
    [[1, 1, 0, 0], 'not-x1'], [[1, 1, 0, 1], 'not-x1-or-x2'], [[1, 1, 1, 0], 'nand'], [[1, 1, 1, 1], 'true'],
  ];
  const reachable = new Set<string>();
  for (let t0 = -3; t0 <= 3; t0++) {
    for (let t1 = -3; t1 <= 3; t1++) {
      for (let t2 = -3; t2 <= 3; t2++) reachable.add(ok(truthTable([t0, t1, t2], 2)).map((r) => r.thresholded).join(''));
    }
  }

  it.each(CASES)('%j is %s; one neuron with integer θ in [−3, 3] reaches it exactly when it is linearly separable', (outputs, id) => {
    const result = ok(identifyBooleanFunction(outputs));
    expect(result.id).toBe(id);
    expect(result.linearlySeparable).toBe(id !== 'xor' && id !== 'xnor');
    expect(reachable.has(outputs.join(''))).toBe(result.linearlySeparable);
  });
});

describe('document 001: the two-layer step perceptron on ±1 inputs', () => {
  const table = ok(perceptronTable());
  const row = (x1: number, x2: number) => table.rows.find((r) => r.x1 === x1 && r.x2 === x2)!;

  it.each<[string, [number, number], Partial<PerceptronRow>]>([
    ['G_h1(1,1) = 1, G_h2(1,1) = 3, G_o(1,1) = 1, y_o = 1', [1, 1], { gH1: 1, yH1: 1, gH2: 3, yH2: 1, gO: 1, yO: 1 }],
    ['G_h1(1,−1) = −1, y_h1 = 0; G_h2(1,−1) = 1, y_h2 = 1; G_o = −1, y_o = 0', [1, -1], { gH1: -1, yH1: 0, gH2: 1, yH2: 1, gO: -1, yO: 0 }],
  ])('printed: %s', (_label, [x1, x2], expected) => {
    expect(row(x1, x2)).toMatchObject(expected);
  });

  it('full table over (±1, ±1)', () => {
    expect(table.rows.map((r) => [r.x1, r.x2, r.gH1, r.yH1, r.gH2, r.yH2, r.gO, r.yO])).toEqual([
      [1, 1, 1, 1, 3, 1, 1, 1],
      [1, -1, -1, 0, 1, 1, -1, 0],
      [-1, 1, -1, 0, 1, 1, -1, 0],
      [-1, -1, -3, 0, -1, 0, 1, 1],
    ]);
    expect(BIPOLAR_INPUTS).toEqual(table.rows.map((r) => [r.x1, r.x2]));
  });

  it('finding: it outputs 1 exactly when x1 = x2, i.e. XNOR (NOT XOR), which no single unit can compute', () => {
    for (const r of table.rows) expect(r.yO).toBe(r.x1 === r.x2 ? 1 : 0);
    expect(table.computes).toEqual({ id: 'xnor', linearlySeparable: false });
  });

  it('no G is ever 0, so "y = 1 if G ≥ 0" and "y = 1 if G > 0" give the same table', () => {
    for (const r of table.rows) for (const g of [r.gH1, r.gH2, r.gO]) expect(Math.abs(g) % 2).toBe(1);
  });

  it('the second G_o line is labelled by the hidden outputs: input (1,−1) gives (y_h1, y_h2) = (0,1), printed "G_o(0,1)"', () => {
    expect([row(1, -1).yH1, row(1, -1).yH2]).toEqual([0, 1]);
    expect([row(1, 1).yH1, row(1, 1).yH2]).toEqual([1, 1]);
  });

  it('negating the output unit, G_o = −2·y_h1 + 2·y_h2 − 1, gives XOR', () => {
    const xor = ok(perceptronTable(XOR_PERCEPTRON as StepPerceptron));
    expect(xor.computes.id).toBe('xor');
    for (const r of xor.rows) expect(r.yO).toBe(r.x1 === r.x2 ? 0 : 1);
  });
});
