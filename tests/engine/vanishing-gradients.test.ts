/**
 * Gradient size by depth: the sigmoid decay the documents describe, the bounds that really hold,
 * tanh and ReLU for comparison, explosion, overflow capping, agreement with network.ts and
 * refused options.
 */
import { describe, expect, it } from 'vitest';
import { sigmoid } from '../../src/engine/core/activations';
import { backward, forward, type NetworkParams, type NetworkSpec } from '../../src/engine/core/network';
import {
  EXPLODING_RATIO,
  VALUE_CAP,
  VANISHING_RATIO,
  buildDeepNetwork,
  classifyRatio,
  euclideanNorm,
  gradientProfile,
  vanishingGradients,
  type GradientProfile,
  type VanishingOptions,
} from '../../src/engine/models/vanishing-gradients';

function profile(options: VanishingOptions): GradientProfile & { options: VanishingOptions } {
  const result = vanishingGradients(options);
  if ('errors' in result) throw new Error(`refused: ${JSON.stringify(result.errors)}`);
  return result;
}

/** Consecutive ratios from the output down: ratios[k] = value(layer at distance k+1) / value(distance k). */
const consecutiveRatios = (values: number[]) => values.slice(1).map((v, k) => v / values[k]);

/** ‖W‖_∞ = max_j Σ_i |W_ji|, the largest absolute row sum. */
const maxRowSum = (w: number[][]) => Math.max(...w.map((row) => row.reduce((sum, x) => sum + Math.abs(x), 0)));

/** R² of the least-squares line through (k, y_k). */
function linearFitR2(ys: number[]): number {
  const n = ys.length;
  const xs = ys.map((_, k) => k);
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  const sxy = xs.reduce((s, x, k) => s + (x - mx) * (ys[k] - my), 0);
  const sxx = xs.reduce((s, x) => s + (x - mx) ** 2, 0);
  const syy = ys.reduce((s, y) => s + (y - my) ** 2, 0);
  return (sxy * sxy) / (sxx * syy);
}

const SEEDS = [1, 2, 3, 4, 5];

describe('sigmoid, weight scale 1, depth 10', () => {
  const base = { depth: 10, width: 8, activation: 'sigmoid', weightScale: 1 } as const;

  it.each(SEEDS)('seed %i: ‖δ‖ shrinks roughly geometrically, by 0.4–0.6 per layer, and is classed as vanishing', (seed) => {
    const { layers, classification, ratio } = profile({ ...base, seed });
    const norms = layers.map((l) => l.deltaNorm);
    const ratios = consecutiveRatios(norms);
    expect(ratios.filter((r) => r < 1).length).toBeGreaterThanOrEqual(9);
    norms.slice(1).forEach((n) => expect(n).toBeLessThan(norms[0]));
    expect(linearFitR2(norms.map(Math.log))).toBeGreaterThan(0.95);
    const perLayer = ratio ** (1 / 10);
    expect(perLayer).toBeGreaterThan(0.35);
    expect(perLayer).toBeLessThan(0.6);
    expect(ratio).toBeLessThan(VANISHING_RATIO);
    expect(classification).toBe('vanishing');
  });

  /*
   * δ^l_i = σ′(z^l_i) Σ_j W^{l+1}_{ji} δ^{l+1}_j with 0 < σ′ ≤ ¼, so
   *   Σ_i |δ^l_i| ≤ ¼ Σ_j |δ^{l+1}_j| Σ_i |W^{l+1}_{ji}| ≤ ¼ ‖W^{l+1}‖_∞ Σ_j |δ^{l+1}_j|,
   * where ‖W‖_∞ = max_j Σ_i |W_ji|. Every layer here has the same width, so dividing both sides by
   * it gives meanAbs(δ^l) / meanAbs(δ^{l+1}) ≤ ¼ ‖W^{l+1}‖_∞ — the documents' 0.25 per layer is
   * this with ‖W‖_∞ ≤ 1. The ℓ₂ form ‖δ^l‖₂ ≤ ¼ ‖W^{l+1}‖_F ‖δ^{l+1}‖₂ is what `bound` chains.
   */
  it.each(SEEDS)('seed %i: each per-unit ratio is at most ¼·‖W‖_∞ and each ‖δ‖ is within its bound', (seed) => {
    const options = { ...base, seed };
    const { params } = buildDeepNetwork(options);
    const { layers } = profile(options);
    consecutiveRatios(layers.map((l) => l.meanAbsDelta)).forEach((r, k) => {
      const upper = params.weights[layers[k].layer - 1];
      expect(r).toBeLessThanOrEqual(0.25 * maxRowSum(upper) * (1 + 1e-12));
    });
    layers.forEach((l) => {
      expect(l.deltaNorm).toBeLessThanOrEqual(l.bound * (1 + 1e-12));
      expect(l.slopeFactor).toBeCloseTo(0.25 ** l.distanceFromOutput, 15);
    });
  });
});

describe('the documents’ "0.25 per layer" (003 §5) is a ceiling, reached only at z = 0', () => {
  /** A chain of one-unit sigmoid layers, every weight 1, ending in a linear output unit. */
  function chain(depth: number, hiddenBias: number): { spec: NetworkSpec; params: NetworkParams } {
    const spec: NetworkSpec = {
      inputSize: 1,
      layers: [...Array.from({ length: depth }, () => ({ size: 1, activation: { name: 'sigmoid' as const } })), { size: 1, activation: { name: 'linear' as const } }],
      loss: 'halfSumSquares',
    };
    const params: NetworkParams = {
      weights: spec.layers.map(() => [[1]]),
      biases: spec.layers.map((_, l) => [l === 0 || l === depth ? 0 : hiddenBias]),
    };
    return { spec, params };
  }

  it('with |w| = 1 and an input of size 1 each layer multiplies δ by σ′(z) ∈ [0.196, 0.225], not 0.25', () => {
    const { spec, params } = chain(6, 0);
    const { layers } = gradientProfile(spec, params, [1], [0]);
    const zs = forward(spec, params, [1]).layers.map((v) => v.z[0]);
    consecutiveRatios(layers.map((l) => l.deltaNorm)).forEach((r, k) => {
      const l = layers[k + 1].layer - 1;
      expect(r).toBeCloseTo(sigmoid(zs[l]) * (1 - sigmoid(zs[l])), 12);
      expect(r).toBeGreaterThanOrEqual(0.196);
      expect(r).toBeLessThan(0.225);
    });
    expect(sigmoid(1) * (1 - sigmoid(1))).toBeCloseTo(0.196612, 6);
  });

  it('biases that hold every z at 0 give exactly 0.25 per layer', () => {
    const { spec, params } = chain(6, -0.5);
    const { layers } = gradientProfile(spec, params, [0], [1]);
    forward(spec, params, [0]).layers.slice(0, 6).forEach((v) => expect(v.z[0]).toBe(0));
    consecutiveRatios(layers.map((l) => l.deltaNorm)).forEach((r) => expect(r).toBe(0.25));
  });

  it('in a 64-wide sigmoid network (weight scale 1) the per-layer factor is near 0.85, not 0.25', () => {
    for (const seed of [1, 2, 3]) {
      const { ratio } = profile({ depth: 30, width: 64, activation: 'sigmoid', weightScale: 1, seed });
      const perLayer = ratio ** (1 / 30);
      expect(perLayer).toBeGreaterThan(0.75);
      expect(perLayer).toBeLessThan(1);
    }
  });

  it('sigmoid networks explode when the weights are large enough: σ′ ≤ ¼ bounds a layer only together with ‖W‖', () => {
    for (const seed of [1, 2, 3]) {
      const result = profile({ depth: 30, width: 64, activation: 'sigmoid', weightScale: 3, seed });
      expect(result.classification).toBe('exploding');
      result.layers.forEach((l) => expect(l.deltaNorm).toBeLessThanOrEqual(l.bound * (1 + 1e-12)));
    }
  });
});

describe('tanh and ReLU', () => {
  it('tanh keeps ≥ 30× more of the gradient than sigmoid at the same depth, width and scale', () => {
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const options = { depth: 10, width: 8, weightScale: 1, seed };
      const tanh = profile({ ...options, activation: 'tanh' });
      const sig = profile({ ...options, activation: 'sigmoid' });
      expect(tanh.ratio).toBeGreaterThan(30 * sig.ratio);
      expect(tanh.classification).not.toBe('vanishing');
    }
  });

  it('tanh with scale √(1/width) stays stable over 30 layers', () => {
    for (const seed of [1, 2, 3]) {
      expect(profile({ depth: 30, width: 64, activation: 'tanh', weightScale: Math.sqrt(1 / 64), seed }).classification).toBe('stable');
    }
  });

  it('ReLU with the He scale √(2/width) neither vanishes nor explodes over 30 layers', () => {
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const result = profile({ depth: 30, width: 64, activation: 'relu', weightScale: Math.sqrt(2 / 64), seed });
      expect(result.classification).toBe('stable');
      expect(result.layers[0].slopeFactor).toBe(1);
      expect(result.layers[30].slopeFactor).toBe(1);
    }
  });

  it('ReLU vanishes with too small a scale and explodes with too large a one', () => {
    expect(profile({ depth: 30, width: 64, activation: 'relu', weightScale: 0.1, seed: 1 }).classification).toBe('vanishing');
    expect(profile({ depth: 10, width: 16, activation: 'relu', weightScale: 1, seed: 1 }).classification).toBe('exploding');
    expect(profile({ depth: 30, width: 64, activation: 'leakyRelu', weightScale: 1, seed: 1 }).classification).toBe('exploding');
    expect(profile({ depth: 30, width: 64, activation: 'tanh', weightScale: 3, seed: 1 }).classification).toBe('exploding');
  });

  it('the largest allowed setting stays finite without capping', () => {
    const result = profile({ depth: 30, width: 64, activation: 'relu', weightScale: 10, seed: 1 });
    expect(result.overflowed).toBe(false);
    expect(result.ratio).toBeGreaterThan(1e50);
    result.layers.forEach((l) => Object.values(l).forEach((v) => expect(Number.isFinite(v)).toBe(true)));
  });
});

describe('agreement with network.ts', () => {
  it.each(['sigmoid', 'tanh', 'relu', 'leakyRelu'] as const)('%s: norms are those of backward()’s δ and ∂L/∂W', (activation) => {
    const options = { depth: 5, width: 6, activation, weightScale: 0.8, seed: 17 };
    const { spec, params, input, target } = buildDeepNetwork(options);
    const result = forward(spec, params, input);
    const grads = backward(spec, params, result, target);
    const { layers } = profile(options);
    expect(layers.map((l) => l.layer)).toEqual([6, 5, 4, 3, 2, 1]);
    expect(layers.map((l) => l.distanceFromOutput)).toEqual([0, 1, 2, 3, 4, 5]);
    layers.forEach((l) => {
      const delta = grads.deltas[l.layer - 1];
      expect(l.deltaNorm).toBe(Math.hypot(...delta));
      expect(l.meanAbsDelta).toBeCloseTo(delta.reduce((s, d) => s + Math.abs(d), 0) / delta.length, 14);
      expect(l.gradientNorm).toBeCloseTo(Math.hypot(...grads.weights[l.layer - 1].flat()), 12);
      const previous = l.layer === 1 ? input : result.layers[l.layer - 2].a;
      expect(l.gradientNorm).toBeCloseTo(l.deltaNorm * Math.hypot(...previous), 12);
    });
    expect(layers[0].deltaNorm).toBeCloseTo(Math.hypot(...result.output.map((o, i) => o - target[i])), 14);
  });
});

describe('determinism and plain data', () => {
  const options: VanishingOptions = { depth: 12, width: 10, activation: 'tanh', weightScale: 0.7, seed: 99 };

  it('the same seed gives identical output, another seed does not', () => {
    expect(profile(options)).toEqual(profile({ ...options }));
    expect(profile({ ...options, seed: 100 }).layers).not.toEqual(profile(options).layers);
  });

  it('the result survives structuredClone and JSON', () => {
    const result = profile(options);
    expect(structuredClone(result)).toEqual(result);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });
});

describe('overflow', () => {
  it('huge weights are capped and flagged instead of returning Infinity or NaN', () => {
    const { spec, params, input, target } = buildDeepNetwork({ depth: 6, width: 4, activation: 'relu', weightScale: 1, seed: 3 });
    const huge: NetworkParams = { ...params, weights: params.weights.map((w) => w.map((row) => row.map((x) => x * 1e100))) };
    const result = gradientProfile(spec, huge, input, target);
    expect(result.overflowed).toBe(true);
    expect(Number.isFinite(result.ratio)).toBe(true);
    result.layers.forEach((l) =>
      Object.values(l).forEach((v) => {
        expect(Number.isFinite(v)).toBe(true);
        expect(Math.abs(v)).toBeLessThanOrEqual(VALUE_CAP);
      }),
    );
    expect(profile({ depth: 10, width: 8, activation: 'sigmoid', weightScale: 1, seed: 1 }).overflowed).toBe(false);
  });

  it('euclideanNorm scales before squaring', () => {
    expect(euclideanNorm([3e200, 4e200])).toBeCloseTo(5e200, -190);
    expect(euclideanNorm([0, 0])).toBe(0);
    expect(euclideanNorm([Infinity, 1])).toBe(Infinity);
    expect(euclideanNorm([NaN, 1])).toBeNaN();
  });

  it('classifyRatio draws the lines at 1e-2 and 1e2', () => {
    expect(classifyRatio(VANISHING_RATIO / 2)).toBe('vanishing');
    expect(classifyRatio(VANISHING_RATIO)).toBe('stable');
    expect(classifyRatio(EXPLODING_RATIO)).toBe('stable');
    expect(classifyRatio(EXPLODING_RATIO * 2)).toBe('exploding');
  });
});

describe('refused options', () => {
  const valid: VanishingOptions = { depth: 3, width: 4, activation: 'sigmoid', weightScale: 1, seed: 1 };
  const codes = (options: Partial<Record<keyof VanishingOptions, unknown>>) => {
    const result = vanishingGradients({ ...valid, ...options } as VanishingOptions);
    return 'errors' in result ? result.errors.map((e) => `${e.field}:${e.code}`) : [];
  };

  it.each([
    [{ depth: 0 }, 'depth:out-of-range'],
    [{ depth: 31 }, 'depth:out-of-range'],
    [{ depth: 2.5 }, 'depth:not-an-integer'],
    [{ depth: NaN }, 'depth:not-a-number'],
    [{ depth: '3' }, 'depth:not-a-number'],
    [{ width: 0 }, 'width:out-of-range'],
    [{ width: 65 }, 'width:out-of-range'],
    [{ width: 1.5 }, 'width:not-an-integer'],
    [{ activation: 'softmax' }, 'activation:unknown-choice'],
    [{ activation: 'linear' }, 'activation:unknown-choice'],
    [{ weightScale: 0 }, 'weightScale:out-of-range'],
    [{ weightScale: -1 }, 'weightScale:out-of-range'],
    [{ weightScale: 10.5 }, 'weightScale:out-of-range'],
    [{ weightScale: Infinity }, 'weightScale:not-a-number'],
    [{ seed: -1 }, 'seed:out-of-range'],
    [{ seed: 1.5 }, 'seed:not-an-integer'],
    [{ seed: 2 ** 32 }, 'seed:out-of-range'],
  ])('%o → %s', (options, code) => {
    expect(codes(options)).toEqual([code]);
  });

  it('reports every refused option at once, with the raw value', () => {
    const result = vanishingGradients({ depth: 0, width: 100, activation: 'step', weightScale: 0, seed: 0.5 } as unknown as VanishingOptions);
    expect(result).toEqual({
      errors: [
        { field: 'depth', received: '0', code: 'out-of-range' },
        { field: 'width', received: '100', code: 'out-of-range' },
        { field: 'activation', received: 'step', code: 'unknown-choice' },
        { field: 'weightScale', received: '0', code: 'out-of-range' },
        { field: 'seed', received: '0.5', code: 'not-an-integer' },
      ],
    });
  });

  it('accepts the ends of every range', () => {
    expect(codes({ depth: 1, width: 1, weightScale: 1e-9, seed: 0 })).toEqual([]);
    expect(codes({ depth: 30, width: 64, weightScale: 10, seed: 2 ** 32 - 1 })).toEqual([]);
    const shallow = profile({ ...valid, depth: 1, width: 1 });
    expect(shallow.layers).toHaveLength(2);
  });
});
