import { describe, expect, it } from 'vitest';
import { vanishingGradients, type VanishingOptions } from '../../src/engine/models/vanishing-gradients';
import { perLayerFactor, slopeOnlyLine } from '../../src/engine/models/vanishing-summary';

function profile(options: VanishingOptions) {
  const result = vanishingGradients(options);
  if ('errors' in result) throw new Error(JSON.stringify(result.errors));
  return result;
}

describe('perLayerFactor', () => {
  it('is the depth-th root of the first-to-output ratio', () => {
    const p = profile({ depth: 10, width: 8, activation: 'sigmoid', weightScale: 1, seed: 1 });
    expect(perLayerFactor(p) ** 10).toBeCloseTo(p.ratio, 12);
    // Measured, not the documents' 0.25: the weights take part (vanishing-gradients.test.ts).
    expect(perLayerFactor(p)).toBeGreaterThan(0.35);
    expect(perLayerFactor(p)).toBeLessThan(0.6);
  });

  it('handles a zero ratio and a single layer', () => {
    expect(perLayerFactor({ layers: [{}, {}, {}] as never, ratio: 0 })).toBe(0);
    expect(perLayerFactor({ layers: [{}] as never, ratio: 0.5 })).toBe(1);
  });
});

describe('slopeOnlyLine', () => {
  it('is ‖δ^L‖·0.25^k for sigmoid and flat for ReLU', () => {
    const sig = profile({ depth: 6, width: 4, activation: 'sigmoid', weightScale: 1, seed: 2 });
    const line = slopeOnlyLine(sig);
    expect(line).toHaveLength(7);
    line.forEach((value, k) => expect(value).toBeCloseTo(sig.layers[0].deltaNorm * 0.25 ** k, 15));
    const relu = profile({ depth: 6, width: 4, activation: 'relu', weightScale: 1, seed: 2 });
    slopeOnlyLine(relu).forEach((value) => expect(value).toBe(relu.layers[0].deltaNorm));
  });

  it('is empty for an empty profile', () => {
    expect(slopeOnlyLine({ layers: [] })).toEqual([]);
  });
});
