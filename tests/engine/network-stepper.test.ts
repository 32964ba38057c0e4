/**
 * The general stepper's replay (src/engine/models/network-stepper). Oracles: central finite
 * differences of the loss (core forward pass and core loss), the core trainer's step for the update
 * orders, the 2-2-2 replay for document 003's network, and the 3-4-1 and shallow-network lesson
 * calculators for the other presets.
 */
import { describe, expect, it } from 'vitest';
import { trainStep } from '../../src/engine/core/network';
import { createRng } from '../../src/engine/core/random';
import { DOCUMENT_PARAMS, replay } from '../../src/engine/models/backprop222';
import {
  HIDDEN_ACTIVATIONS,
  PRESETS,
  givenValues,
  parseNetworkDescription,
  randomizeWeights,
  replayNetwork,
  toNetworkSpec,
  type NetworkDescription,
  type OutputActivation,
  type StepperLoss,
  type StepperTrace,
} from '../../src/engine/models/network-stepper';
import { walkthrough341 } from '../../src/engine/lessons/binary-classifier-341';
import { shallowBackward, shallowDemo, shallowForward } from '../../src/engine/lessons/shallow-network';
import { centralDifference, relativeError } from './gradient-check';
import { lossOf, paramsOf, randomDescription, valueAt, valueLookup, type Variant } from './network-stepper-support';

const OUTPUT_LOSSES: [OutputActivation, StepperLoss][] = [
  ['sigmoid', 'half-sse'], ['sigmoid', 'mse'], ['sigmoid', 'cross-entropy'],
  ['softmax', 'half-sse'], ['softmax', 'mse'], ['softmax', 'cross-entropy'],
];

/** Shapes for every depth in which every unit count 1..4 sits at every position (a Latin rotation). */
function shapes(): number[][] {
  const result: number[][] = [];
  for (let weightLayers = 1; weightLayers <= 4; weightLayers++) {
    for (let shift = 0; shift < 4; shift++) result.push(Array.from({ length: weightLayers + 1 }, (_, i) => ((i + shift) % 4) + 1));
  }
  return result;
}

function variants(): Variant[] {
  const result: Variant[] = [];
  for (const layers of shapes()) {
    const hiddenLayers = layers.length - 2;
    const hiddenChoices = hiddenLayers === 0 ? [[]] : HIDDEN_ACTIVATIONS.map((name, i) =>
      // one activation per variant, rotated through the layers so mixed networks appear too
      Array.from({ length: hiddenLayers }, (_, l) => HIDDEN_ACTIVATIONS[(i + l) % HIDDEN_ACTIVATIONS.length]),
    );
    for (const hidden of hiddenChoices) {
      for (const [output, loss] of OUTPUT_LOSSES) {
        for (const order of ['textbook', 'published'] as const) {
          for (const sharedBias of [true, false]) result.push({ layers, hidden, output, loss, order, sharedBias });
        }
      }
    }
  }
  // Document 003's shape, which the 2-2-2 narration replays under the document's names.
  for (const order of ['textbook', 'published'] as const) {
    result.push({ layers: [2, 2, 2], hidden: ['sigmoid'], output: 'sigmoid', loss: 'half-sse', order, sharedBias: true });
  }
  return result;
}

const weightKeys = (d: NetworkDescription) =>
  d.weights.flatMap((m, l) => m.flatMap((row, j) => row.map((_, k) => ({ l, j, k, key: `w[${l + 1}][${j}][${k}]` }))));
const biasKeys = (d: NetworkDescription) =>
  d.biases.flatMap((row, l) => (d.sharedBias ? [{ l, j: -1, key: `b[${l + 1}]` }] : row.map((_, j) => ({ l, j, key: `b[${l + 1}][${j}]` }))));

/** Steps that read a key neither given nor computed before them (collected, not asserted one by one, for speed). */
function unknownUses(trace: StepperTrace): string[] {
  const known = new Set(trace.steps.length > 0 && trace.steps[0].key === 'net_h1' ? Object.keys(DOCUMENT_PARAMS) : givenValues(trace.description).map(([key]) => key));
  const problems: string[] = [];
  for (const step of trace.steps) {
    for (const used of step.uses) if (!known.has(used)) problems.push(`${step.key} uses ${used}`);
    known.add(step.key);
  }
  return problems;
}

/** |analytic − numeric| within 1e-5 relative, or 1e-7 absolute for gradients that are zero (softmax's shared bias). */
const gradientMismatch = (analytic: number, numeric: number) =>
  Math.abs(analytic - numeric) > 1e-7 && relativeError(analytic, numeric) > 1e-5;

describe('replayNetwork on seeded random networks of every allowed shape', () => {
  const rng = createRng(20240611);
  const cases = variants().map((variant) => ({ variant, description: randomDescription(rng, variant) }));

  it('covers 1 to 4 weight layers, unit counts 1 to 4 at every position, every activation, output, loss, order and bias mode', () => {
    const seen = new Set(cases.map(({ variant }) => `${variant.layers.join('-')}|${variant.hidden.join()}|${variant.output}|${variant.loss}|${variant.order}|${variant.sharedBias}`));
    expect(seen.size).toBe(cases.length);
    for (let depth = 2; depth <= 5; depth++) {
      for (let position = 0; position < depth; position++) {
        const counts = new Set(cases.filter((c) => c.variant.layers.length === depth).map((c) => c.variant.layers[position]));
        expect([...counts].sort()).toEqual([1, 2, 3, 4]);
      }
    }
    for (const name of HIDDEN_ACTIVATIONS) expect(cases.some((c) => c.variant.hidden.includes(name))).toBe(true);
  });

  it('every description it generates is valid', () => {
    for (const { description } of cases) expect(parseNetworkDescription(description)).toEqual({ value: description });
  });

  it('textbook order: every ∂E/∂w and ∂E/∂b matches a central finite difference of E_total', () => {
    let checked = 0;
    const failures: string[] = [];
    for (const { variant, description } of cases.filter((c) => c.variant.order === 'textbook')) {
      const trace = replayNetwork(description);
      const at = valueLookup(trace);
      const base = paramsOf(description);
      expect(at('E_total')).toBeCloseTo(lossOf(description, base), 12);
      for (const { l, j, k, key } of weightKeys(description)) {
        const numeric = centralDifference((w) => {
          const p = paramsOf(description);
          p.weights[l][j][k] = w;
          return lossOf(description, p);
        }, base.weights[l][j][k]);
        const analytic = at(`dE/d${key}`);
        if (gradientMismatch(analytic, numeric)) failures.push(`${JSON.stringify(variant)} ${key}: ${analytic} vs ${numeric}`);
        checked++;
      }
      for (const { l, j, key } of biasKeys(description)) {
        const numeric = centralDifference((b) => {
          const p = paramsOf(description);
          p.biases[l] = p.biases[l].map((value, unit) => (j < 0 || unit === j ? b : value));
          return lossOf(description, p);
        }, base.biases[l][Math.max(j, 0)]);
        const analytic = at(`dE/d${key}`);
        if (gradientMismatch(analytic, numeric)) failures.push(`${JSON.stringify(variant)} ${key}: ${analytic} vs ${numeric}`);
        checked++;
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(10000);
  }, 60_000);

  it('both orders: every update is w − η·∂E/∂w of its own step and equals the core trainer\'s step in that order', () => {
    const failures: string[] = [];
    for (const { variant, description } of cases) {
      const trace = replayNetwork(description);
      const at = valueLookup(trace);
      const next = trainStep(toNetworkSpec(description), paramsOf(description), [description.inputs], [description.targets], {
        learningRate: description.lr, order: variant.order, updateBiases: true,
      });
      const check = (key: string, before: number, trained: number) => {
        const updated = at(`${key}'`);
        if (updated !== before - description.lr * at(`dE/d${key}`)) failures.push(`${JSON.stringify(variant)} ${key}' is not w − η·∂E/∂w`);
        if (relativeError(updated, trained) > 1e-12) failures.push(`${JSON.stringify(variant)} ${key}': ${updated} vs trainer ${trained}`);
      };
      for (const { l, j, k, key } of weightKeys(description)) check(key, description.weights[l][j][k], next.weights[l][j][k]);
      for (const { l, j, key } of biasKeys(description)) check(key, description.biases[l][Math.max(j, 0)], next.biases[l][Math.max(j, 0)]);
      if (relativeError(trace.summary.E_total_after_1, lossOf(description, next)) > 1e-12) failures.push(`${JSON.stringify(variant)} E_total_after_1`);
    }
    expect(failures).toEqual([]);
  }, 60_000);

  it('every step reads only given values or earlier steps, and names its layer and a diagram subject', () => {
    const problems: string[] = [];
    for (const { description } of cases) {
      const trace = replayNetwork(description);
      problems.push(...unknownUses(trace));
      const L = description.layers.length - 1;
      for (const step of trace.steps) {
        if (!(step.layer >= 0 && step.layer <= L)) problems.push(`${step.key} has layer ${step.layer}`);
        if (!/^(unit:\d:\d|weight:\d:\d:\d|bias:\d:\d|network)$/.test(step.subject)) problems.push(`${step.key} has subject ${step.subject}`);
      }
      if (new Set(trace.steps.map((s) => s.key)).size !== trace.steps.length) problems.push('duplicate keys');
    }
    expect(problems).toEqual([]);
  }, 60_000);

  it('with updateBiases false there are no bias steps and the biases stay in E_total_after_1', () => {
    const { description } = cases[cases.length - 1];
    const trace = replayNetwork({ ...description, updateBiases: false });
    expect(trace.steps.some((s) => /^(dE\/db|b\[)/.test(s.key))).toBe(false);
    const next = trainStep(toNetworkSpec(description), paramsOf(description), [description.inputs], [description.targets], {
      learningRate: description.lr, order: description.order, updateBiases: false,
    });
    expect(relativeError(trace.summary.E_total_after_1, lossOf(description, next))).toBeLessThan(1e-12);
  });
});

describe('extreme but valid inputs', () => {
  it('weights, biases and inputs at ±1000 give finite values and printable formulas for every activation and loss', () => {
    const rng = createRng(7);
    for (const hidden of HIDDEN_ACTIVATIONS) {
      for (const [output, loss] of OUTPUT_LOSSES) {
        for (const sharedBias of [true, false]) {
          const variant: Variant = { layers: [4, 4, 4, 4, 4], hidden: [hidden, hidden, hidden], output, loss, order: 'published', sharedBias };
          const random = randomDescription(rng, variant);
          const extreme = (v: number) => (v < 0 ? -1000 : 1000);
          const description: NetworkDescription = {
            ...random,
            weights: random.weights.map((m) => m.map((r) => r.map(extreme))),
            biases: random.biases.map((r) => r.map(extreme)),
            inputs: random.inputs.map(extreme),
            lr: 1000,
          };
          expect('value' in parseNetworkDescription(description)).toBe(true);
          const trace = replayNetwork(description);
          for (const step of trace.steps) {
            expect(Number.isFinite(step.value), `${hidden} ${output} ${loss} ${step.key} = ${step.value}`).toBe(true);
            expect(`${step.tex} ${step.texNumeric}`).not.toMatch(/NaN|Infinity|undefined/);
          }
          expect(Number.isFinite(trace.summary.E_total_after_1)).toBe(true);
        }
      }
    }
  });
});

describe("the 'doc003-222' preset", () => {
  const fields = ['key', 'label', 'tex', 'texNumeric', 'uses', 'phase'] as const;
  for (const order of ['textbook', 'published'] as const) {
    it(`is today's 2-2-2 replay step for step (${order})`, () => {
      const general = replayNetwork({ ...PRESETS['doc003-222'], order });
      const today = replay(DOCUMENT_PARAMS, { order });
      expect(general.steps.length).toBe(today.steps.length);
      general.steps.forEach((step, i) => {
        for (const field of fields) expect(step[field], `${i} ${field}`).toEqual(today.steps[i][field]);
        expect(Object.is(step.value, today.steps[i].value), `${i} value`).toBe(true);
        expect(step.index).toBe(i);
      });
      expect(general.summary).toEqual({ E_total: today.summary.E_total, E_total_after_1: today.summary.E_total_after_1 });
    });
  }

  it('with updateBiases true is the 2-2-2 replay that trains b1 and b2', () => {
    const general = replayNetwork({ ...PRESETS['doc003-222'], updateBiases: true });
    const today = replay(DOCUMENT_PARAMS, { updateBiases: true });
    expect(general.steps.map((s) => [s.key, s.value])).toEqual(today.steps.map((s) => [s.key, s.value]));
  });

  it('gives its steps the general diagram subjects: w5 joins h1 to o1, w2 joins i2 to h1', () => {
    const steps = replayNetwork(PRESETS['doc003-222']).steps;
    const subject = (key: string) => steps.find((s) => s.key === key)?.subject;
    expect(subject('net_h1')).toBe('unit:1:0');
    expect(subject('dE_total/dw5')).toBe('weight:2:0:0');
    expect(subject("w2'")).toBe('weight:1:0:1');
    expect(subject('E_total')).toBe('network');
    expect(steps.find((s) => s.key === 'delta_h2')?.layer).toBe(1);
    expect(steps.find((s) => s.key === 'delta_o1')?.layer).toBe(2);
  });

  it('is the general narration under other names: the same network with per-unit biases has the same steps in the general keys', () => {
    for (const order of ['textbook', 'published'] as const) {
      const today = replay(DOCUMENT_PARAMS, { order }).steps.filter((s) => !s.key.endsWith('_after_N'));
      const general = replayNetwork({ ...PRESETS['doc003-222'], order, sharedBias: false }).steps;
      expect(general.map((s) => [s.phase, s.value])).toEqual(today.map((s) => [s.phase, s.value]));
      expect(general.slice(0, 4).map((s) => s.key)).toEqual(['net[1][0]', 'out[1][0]', 'net[1][1]', 'out[1][1]']);
      const h1 = general.findIndex((s) => s.key === 'dE/dout[1][0]');
      expect(general.slice(h1 - 6, h1 + 1).map((s) => s.key)).toEqual([
        'dE[0]/dnet[2][0]', 'dnet[2][0]/dout[1][0]', 'dE[0]/dout[1][0]',
        'dE[1]/dnet[2][1]', 'dnet[2][1]/dout[1][0]', 'dE[1]/dout[1][0]', 'dE/dout[1][0]',
      ]);
    }
  });

  it("keeps the document's printed one-round error 0.291027924 in published order", () => {
    expect(replayNetwork({ ...PRESETS['doc003-222'], order: 'published' }).summary.E_total_after_1).toBeCloseTo(0.291027924, 9);
  });
});

describe("the 'doc004-341' preset agrees with the 3-4-1 walk-through", () => {
  const w = walkthrough341();
  const trace = replayNetwork(PRESETS['doc004-341']);
  const at = (key: string) => valueAt(trace, key);

  it('forward pass and loss', () => {
    w.forward.z1[0].forEach((z, j) => expect(at(`net[1][${j}]`)).toBeCloseTo(z, 14));
    w.forward.a1[0].forEach((a, j) => expect(at(`out[1][${j}]`)).toBeCloseTo(a, 14));
    expect(at('net[2][0]')).toBeCloseTo(w.forward.z2[0][0], 14);
    expect(at('out[2][0]')).toBeCloseTo(w.forward.a2[0][0], 14);
    expect(at('E_total')).toBeCloseTo(w.forward.loss, 14);
  });

  it('every δ and gradient (θ^[0] is the transpose of weights[0])', () => {
    expect(at('delta[2][0]')).toBeCloseTo(w.gradients.dz2[0][0], 14);
    w.gradients.dTheta1.forEach(([g], j) => expect(at(`dE/dw[2][0][${j}]`)).toBeCloseTo(g, 14));
    expect(at('dE/db[2][0]')).toBeCloseTo(w.gradients.db1[0][0], 14);
    w.gradients.dz1[0].forEach((d, j) => expect(at(`delta[1][${j}]`)).toBeCloseTo(d, 14));
    w.gradients.dTheta0.forEach((row, k) => row.forEach((g, j) => expect(at(`dE/dw[1][${j}][${k}]`)).toBeCloseTo(g, 14)));
    w.gradients.db0[0].forEach((g, j) => expect(at(`dE/db[1][${j}]`)).toBeCloseTo(g, 14));
  });

  it('the update and the loss after it', () => {
    w.updated.theta0.forEach((row, k) => row.forEach((v, j) => expect(at(`w[1][${j}][${k}]'`)).toBeCloseTo(v, 14)));
    w.updated.theta1.forEach(([v], j) => expect(at(`w[2][0][${j}]'`)).toBeCloseTo(v, 14));
    expect(trace.summary.E_total_after_1).toBeCloseTo(w.after.loss, 14);
  });

  it('the output δ is out − t in one step, as document 004 writes Δz^[2] = a^[2] − y', () => {
    const step = trace.steps.find((s) => s.key === 'delta[2][0]');
    expect(step?.uses).toEqual(['out[2][0]', 't[0]']);
    expect(trace.steps.some((s) => s.key === 'dE/dout[2][0]')).toBe(false);
  });
});

describe("the 'doc002-shallow' preset", () => {
  const demo = shallowDemo();
  const preset = PRESETS['doc002-shallow'];

  it("is the shallow-network lesson's first sample and initial parameters", () => {
    expect(preset.inputs).toEqual(demo.X.map((row) => row[0]));
    expect(preset.targets).toEqual([demo.Y[0][0]]);
    expect(preset.weights).toEqual([demo.params.W1, demo.params.W2]);
    expect(preset.biases).toEqual([demo.params.b1, demo.params.b2]);
    expect(preset.lr).toBe(demo.learningRate);
    expect(preset.activations).toEqual(['tanh', 'sigmoid']);
  });

  it("agrees with the lesson's vectorised formulas for that one sample", () => {
    const X = preset.inputs.map((x) => [x]);
    const Y = [[preset.targets[0]]];
    const f = shallowForward(demo.params, X);
    const g = shallowBackward(demo.params, X, Y);
    const trace = replayNetwork(preset);
    f.A1.forEach(([a], j) => expect(valueAt(trace, `out[1][${j}]`)).toBeCloseTo(a, 14));
    expect(valueAt(trace, 'out[2][0]')).toBeCloseTo(f.A2[0][0], 14);
    g.dW1.forEach((row, j) => row.forEach((v, k) => expect(valueAt(trace, `dE/dw[1][${j}][${k}]`)).toBeCloseTo(v, 14)));
    g.dW2[0].forEach((v, k) => expect(valueAt(trace, `dE/dw[2][0][${k}]`)).toBeCloseTo(v, 14));
    g.db1.forEach((v, j) => expect(valueAt(trace, `dE/db[1][${j}]`)).toBeCloseTo(v, 14));
  });
});

describe('presets and randomizeWeights', () => {
  it('every preset is a valid description', () => {
    for (const preset of Object.values(PRESETS)) expect(parseNetworkDescription(preset)).toEqual({ value: preset });
  });

  it('the same seed gives the same numbers, another seed others; shape and data are kept', () => {
    const base = PRESETS['doc004-341'];
    const a = randomizeWeights(base, 5);
    expect(randomizeWeights(base, 5)).toEqual(a);
    expect(randomizeWeights(base, 6).weights).not.toEqual(a.weights);
    expect({ ...a, weights: base.weights, biases: base.biases }).toEqual(base);
    for (const value of [...a.weights.flat(2), ...a.biases.flat()]) {
      expect(Math.abs(value)).toBeLessThanOrEqual(1);
      expect(Math.round(value * 100) / 100).toBe(value);
      expect(Object.is(value, -0)).toBe(false);
    }
    expect('value' in parseNetworkDescription(a)).toBe(true);
  });

  it('a shared bias stays one value per layer', () => {
    const random = randomizeWeights(PRESETS['doc003-222'], 9);
    for (const layer of random.biases) expect(new Set(layer).size).toBe(1);
    expect('value' in parseNetworkDescription(random)).toBe(true);
  });
});
