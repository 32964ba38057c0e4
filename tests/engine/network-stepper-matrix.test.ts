/**
 * matrixView: the vector form of a step's layer, with shapes, for the 3-4-1 preset; its numbers are
 * computed from the description by the core network functions and must agree with the scalar steps.
 */
import { describe, expect, it } from 'vitest';
import { texMatrix } from '../../src/engine/core/matrix';
import { createRng } from '../../src/engine/core/random';
import { matrixView, PRESETS, replayNetwork, type StepperTrace } from '../../src/engine/models/network-stepper';
import { randomDescription, type Variant } from './network-stepper-support';

const trace341 = replayNetwork(PRESETS['doc004-341']);
const indexOf = (trace: StepperTrace, key: string) => trace.steps.findIndex((s) => s.key === key);
/** Each row's shapes, in row order: z, a, δ, ∂E/∂W, ∂E/∂b, W'. */
const shapes = (view: ReturnType<typeof matrixView>) => view.rows.map((row) => row.shape).join(' | ');
const column = (trace: StepperTrace, keys: string[]) => texMatrix(keys.map((key) => [trace.steps[indexOf(trace, key)].value]));

describe('matrixView of the 3-4-1 preset', () => {
  it('the hidden layer: W is 4×3, the δ recursion multiplies the transposed 1×4 output weights by the 1×1 δ, ∂E/∂W is 4×3', () => {
    const view = matrixView(trace341, indexOf(trace341, 'delta[1][2]'));
    expect(view.layer).toBe(1);
    expect(shapes(view)).toBe('(4×3)(3×1) + (4×1) → 4×1 | 4×1 → 4×1 | (4×1)(1×1) ⊙ (4×1) → 4×1 | (4×1)(1×3) → 4×3 | 4×1 | (4×3) − (4×3) → 4×3');
    expect(view.rows[0].tex).toBe('W^{(1)} a^{(0)} + b^{(1)}');
    expect(view.rows[2].tex).toBe("(W^{(2)})^{\\top} \\delta^{(2)} \\odot f'(z^{(1)})");
    expect(view.rows[3].tex).toBe('\\delta^{(1)} (a^{(0)})^{\\top}');
  });

  it("the hidden layer's numbers are the scalar steps' values", () => {
    const view = matrixView(trace341, indexOf(trace341, 'net[1][0]'));
    const units = [0, 1, 2, 3];
    expect(view.rows[0].texNumeric.endsWith(`= ${column(trace341, units.map((j) => `net[1][${j}]`))}`)).toBe(true);
    expect(view.rows[1].texNumeric.endsWith(`= ${column(trace341, units.map((j) => `out[1][${j}]`))}`)).toBe(true);
    expect(view.rows[2].texNumeric.endsWith(`= ${column(trace341, units.map((j) => `delta[1][${j}]`))}`)).toBe(true);
    const gradient = texMatrix(units.map((j) => [0, 1, 2].map((k) => trace341.steps[indexOf(trace341, `dE/dw[1][${j}][${k}]`)].value)));
    expect(view.rows[3].texNumeric.endsWith(`= ${gradient}`)).toBe(true);
    const updated = texMatrix(units.map((j) => [0, 1, 2].map((k) => trace341.steps[indexOf(trace341, `w[1][${j}][${k}]'`)].value)));
    expect(view.rows[5].texNumeric.endsWith(`= ${updated}`)).toBe(true);
  });

  it('the output layer: W is 1×4, δ = a − t, ∂E/∂W is 1×4; loss-wide steps show it too', () => {
    const view = matrixView(trace341, indexOf(trace341, 'delta[2][0]'));
    expect(view.layer).toBe(2);
    expect(shapes(view)).toBe('(1×4)(4×1) + (1×1) → 1×1 | 1×1 → 1×1 | (1×1) − (1×1) → 1×1 | (1×1)(1×4) → 1×4 | 1×1 | (1×4) − (1×4) → 1×4');
    expect(view.rows[2].tex).toBe('a^{(2)} - t');
    expect(matrixView(trace341, indexOf(trace341, 'E_total')).layer).toBe(2);
  });
});

describe('matrixView in published order', () => {
  it("writes W' in the δ recursion and uses the updated weights, as the scalar steps do", () => {
    const trace = replayNetwork({ ...PRESETS['doc004-341'], order: 'published' });
    const view = matrixView(trace, indexOf(trace, 'delta[1][0]'));
    expect(view.rows[2].tex).toContain("W'^{(2)}");
    expect(view.rows[2].texNumeric.endsWith(`= ${column(trace, [0, 1, 2, 3].map((j) => `delta[1][${j}]`))}`)).toBe(true);
    expect(column(trace, ['delta[1][0]'])).not.toBe(column(trace341, ['delta[1][0]']));
  });

  it('for the 2-2-2 preset (document names) shows the shared bias as 1ᵀδ', () => {
    const trace = replayNetwork(PRESETS['doc003-222']);
    const view = matrixView(trace, indexOf(trace, 'delta_h1'));
    expect(view.layer).toBe(1);
    expect(view.rows[4].tex).toBe('\\mathbf{1}^{\\top} \\delta^{(1)}');
    expect(view.rows[2].texNumeric.endsWith(`= ${column(trace, ['delta_h1', 'delta_h2'])}`)).toBe(true);
  });
});

describe('matrixView agrees with the scalar steps for every kind of output δ', () => {
  const VARIANTS: Variant[] = [
    { layers: [2, 3, 4, 3], hidden: ['tanh', 'relu'], output: 'softmax', loss: 'half-sse', order: 'published', sharedBias: false },
    { layers: [3, 2, 2, 4], hidden: ['leaky-relu', 'linear'], output: 'softmax', loss: 'cross-entropy', order: 'textbook', sharedBias: true },
    { layers: [4, 4, 2], hidden: ['sigmoid'], output: 'sigmoid', loss: 'mse', order: 'published', sharedBias: false },
    { layers: [1, 3, 3], hidden: ['tanh'], output: 'sigmoid', loss: 'cross-entropy', order: 'textbook', sharedBias: false },
  ];
  const rng = createRng(41);
  it.each(VARIANTS.map((variant) => [variant.layers.join('-'), variant] as const))('%s: z, a, δ and ∂E/∂W of every layer', (_, variant) => {
    const trace = replayNetwork(randomDescription(rng, variant));
    for (let l = 1; l < variant.layers.length; l++) {
      const units = Array.from({ length: variant.layers[l] }, (_, j) => j);
      const inputs = Array.from({ length: variant.layers[l - 1] }, (_, k) => k);
      const rows = matrixView(trace, indexOf(trace, `net[${l}][0]`)).rows;
      expect(rows[0].texNumeric.endsWith(`= ${column(trace, units.map((j) => `net[${l}][${j}]`))}`)).toBe(true);
      expect(rows[1].texNumeric.endsWith(`= ${column(trace, units.map((j) => `out[${l}][${j}]`))}`)).toBe(true);
      expect(rows[2].texNumeric.endsWith(`= ${column(trace, units.map((j) => `delta[${l}][${j}]`))}`)).toBe(true);
      const gradient = texMatrix(units.map((j) => inputs.map((k) => trace.steps[indexOf(trace, `dE/dw[${l}][${j}][${k}]`)].value)));
      expect(rows[3].texNumeric.endsWith(`= ${gradient}`)).toBe(true);
    }
  });
});
