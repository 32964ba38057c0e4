/**
 * The computation-graph engine against the numbers documents 002 §7.2.6 and 003 §3.1 print, against
 * central finite differences, and against each other (reverse mode vs forward mode).
 */
import { describe, expect, it } from 'vitest';
import {
  buildPreset,
  edgeVisitCounts,
  forwardModeGradient,
  forwardModeSteps,
  forwardSteps,
  GRAPH_PRESETS,
  MAX_INPUT_MAGNITUDE,
  nodeValue,
  PRESET_IDS,
  reverseModeGradient,
  reverseModeSteps,
  type ComputationGraph,
  type GraphStep,
  type PresetId,
} from '../../src/engine/models/computation-graph';
import { sigmoid } from '../../src/engine/core/activations';
import { createRng, uniform } from '../../src/engine/core/random';
import { centralDifference, relativeError } from './gradient-check';

function graphOf(presetId: PresetId, values: Record<string, unknown> = {}): ComputationGraph {
  const result = buildPreset(presetId, values);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.graph;
}

const stepByKey = (steps: GraphStep[], key: string) => {
  const step = steps.find((s) => s.key === key);
  if (!step) throw new Error(`no step ${key}`);
  return step;
};

const edgeDerivative = (graph: ComputationGraph, id: string) => graph.edges.find((edge) => edge.id === id)!.localDerivative;

const inputValues = (graph: ComputationGraph) => Object.fromEntries(graph.inputIds.map((id) => [id, nodeValue(graph, id)]));

/** ∂output/∂input by a central difference on the rebuilt graph. */
function numericGradient(graph: ComputationGraph, inputId: string): number {
  const values = inputValues(graph);
  return centralDifference((x) => nodeValue(graphOf(graph.presetId, { ...values, [inputId]: x }), graph.outputId), values[inputId]);
}

describe('hand-checked values', () => {
  const e = graphOf('e=(a+b)(b+1)');
  const j = graphOf('J=3(a+bc)');

  it.each([
    ['e=(a+b)(b+1)', 'c', 3],
    ['e=(a+b)(b+1)', 'd', 2],
    ['e=(a+b)(b+1)', 'e', 6],
    ['J=3(a+bc)', 'u', 8],
    ['J=3(a+bc)', 'v', 15],
    ['J=3(a+bc)', 'J', 45],
  ] as const)('%s: %s = %d', (presetId, id, expected) => {
    expect(nodeValue(graphOf(presetId), id)).toBe(expected);
  });

  it.each([
    ['a->c', 1, '∂c/∂a'],
    ['b->c', 1, '∂c/∂b'],
    ['b->d', 1, '∂d/∂b'],
    ['c->e', 2, '∂e/∂c = d'],
    ['d->e', 3, '∂e/∂d = c'],
  ])('document 003: edge %s carries %d (%s)', (edgeId, expected) => {
    expect(edgeDerivative(e, edgeId)).toBe(expected);
  });

  it.each([
    ['e=(a+b)(b+1)', 'a', 2],
    ['e=(a+b)(b+1)', 'b', 5],
    ['J=3(a+bc)', 'a', 3],
    ['J=3(a+bc)', 'b', 6],
    ['J=3(a+bc)', 'c', 12],
  ] as const)('%s: gradient with respect to %s is %d in both modes', (presetId, inputId, expected) => {
    const graph = graphOf(presetId);
    expect(reverseModeGradient(graph)[inputId]).toBe(expected);
    expect(forwardModeGradient(graph)[inputId]).toBe(expected);
  });

  it('document 002: dJ/dv = 3, and nudging v from 15 to 15.001 moves J to 45.003', () => {
    expect(stepByKey(reverseModeSteps(j), 'reverse:dJ/dv').value).toBe(3);
    expect(3 * 15.001).toBeCloseTo(45.003, 12);
  });

  it('document 003: the reverse pass stacks 1×2 and 1×3 on c and d, then 2×1 on a and 2×1 + 3×1 = 5 on b', () => {
    const sends = reverseModeSteps(e).filter((s) => s.kind === 'send');
    expect(sends.map((s) => [s.edgeId, s.texNumeric, s.value, s.runningTotal])).toEqual([
      ['c->e', '1 \\times 2', 2, 2],
      ['d->e', '1 \\times 3', 3, 3],
      ['a->c', '2 \\times 1', 2, 2],
      ['b->c', '2 \\times 1', 2, 2],
      ['b->d', '3 \\times 1', 3, 5],
    ]);
    const total = stepByKey(reverseModeSteps(e), 'reverse:de/db');
    expect(total.texNumeric).toBe('2 \\times 1 + 3 \\times 1');
    expect(total.value).toBe(5);
  });
});

describe('erratum: document 002 §7.2.6.3 prints dJ/dc = 9 = 3 × 3', () => {
  const graph = graphOf('J=3(a+bc)');

  it('for a = 7, b = 4, c = 2 the chain rule gives dJ/dc = dJ/du · du/dc = 3 · b = 12, not 9', () => {
    expect(edgeDerivative(graph, 'c->u')).toBe(4);
    expect(stepByKey(reverseModeSteps(graph), 'reverse:dJ/du').value).toBe(3);
    expect(reverseModeGradient(graph).c).toBe(12);
    expect(reverseModeGradient(graph).c).not.toBe(9);
    expect(relativeError(12, numericGradient(graph, 'c'))).toBeLessThan(1e-8);
  });

  it('the printed 9 belongs to b = 3 (the a = 5, b = 3, c = 2 example it was adapted from)', () => {
    const original = graphOf('J=3(a+bc)', { a: 5, b: 3, c: 2 });
    expect(nodeValue(original, 'J')).toBe(33);
    expect(reverseModeGradient(original).c).toBe(9);
  });

  it('the neighbouring figures dJ/da = 3 and dJ/db = 3 · c = 6 are right', () => {
    expect(reverseModeGradient(graph).a).toBe(3);
    expect(reverseModeGradient(graph).b).toBe(6);
  });
});

describe('document 002 §7.2.6.4: logistic regression', () => {
  /** The document's closed forms, written independently of the graph. */
  function closedForms(v: Record<string, number>) {
    const a = sigmoid(v.w1 * v.x1 + v.w2 * v.x2 + v.b);
    const dz = a - v.y;
    return { a, dLda: -v.y / a + (1 - v.y) / (1 - a), dadz: a * (1 - a), dz, dw1: v.x1 * dz, dw2: v.x2 * dz, db: dz };
  }

  function randomValues(seed: number) {
    const rng = createRng(seed);
    return {
      x1: uniform(rng, -3, 3), w1: uniform(rng, -2, 2), x2: uniform(rng, -3, 3), w2: uniform(rng, -2, 2),
      b: uniform(rng, -1, 1), y: rng() < 0.5 ? 0 : 1,
    };
  }

  const cases: [string, number | null][] = [['defaults', null], ...[1, 2, 3, 4, 5, 6].map((seed): [string, number] => [`seed ${seed}`, seed])];
  it.each(cases)(
    '%s: dz = a − y, ∂L/∂a, ∂a/∂z = a(1 − a), dw1 = x1·dz, dw2 = x2·dz, db = dz',
    (_name, seed) => {
      const graph = seed === null ? graphOf('logistic-regression') : graphOf('logistic-regression', randomValues(seed));
      const expected = closedForms(inputValues(graph));
      const reverse = reverseModeSteps(graph);
      const gradient = reverseModeGradient(graph);
      expect(nodeValue(graph, 'a')).toBeCloseTo(expected.a, 14);
      expect(edgeDerivative(graph, 'a->L')).toBeCloseTo(expected.dLda, 10);
      expect(edgeDerivative(graph, 'z->a')).toBeCloseTo(expected.dadz, 14);
      expect(stepByKey(reverse, 'reverse:dL/dz').value).toBeCloseTo(expected.dz, 12);
      expect(gradient.w1).toBeCloseTo(expected.dw1, 12);
      expect(gradient.w2).toBeCloseTo(expected.dw2, 12);
      expect(gradient.b).toBeCloseTo(expected.db, 12);
    },
  );

  it('typo: the printed chain for dJ/dw2 reads ∂z/∂w1, but dw2 = dz · x2, which differs from dz · x1', () => {
    const graph = graphOf('logistic-regression');
    const { dz } = closedForms(inputValues(graph));
    expect(reverseModeGradient(graph).w2).toBeCloseTo(dz * nodeValue(graph, 'x2'), 14);
    expect(Math.abs(reverseModeGradient(graph).w2 - dz * nodeValue(graph, 'x1'))).toBeGreaterThan(0.1);
  });

  it('the default inputs give a tidy z = 0.1', () => {
    expect(nodeValue(graphOf('logistic-regression'), 'z')).toBe(0.1);
  });

  it('any node can be the output: with output z, dz/dw1 = x1 and y, which does not reach z, gets 0', () => {
    const graph = graphOf('logistic-regression');
    expect(reverseModeGradient(graph, 'z')).toEqual({ x1: 0.5, w1: 1, x2: -0.25, w2: 2, b: 1, y: 0 });
    expect(forwardModeGradient(graph, 'z')).toEqual(reverseModeGradient(graph, 'z'));
    expect(reverseModeSteps(graph, 'z').some((s) => s.nodeId === 'L' || s.nodeId === 'a')).toBe(false);
  });
});

describe('both modes agree with each other and with central differences', () => {
  function randomInputs(presetId: PresetId, seed: number): Record<string, number> {
    const rng = createRng(seed);
    return Object.fromEntries(
      GRAPH_PRESETS[presetId].inputs.map((input) => [input.id, input.id === 'y' ? (rng() < 0.5 ? 0 : 1) : uniform(rng, -3, 3)]),
    );
  }

  const cases = PRESET_IDS.flatMap((presetId) => [
    { name: `${presetId}, document values`, presetId, values: {} },
    ...[11, 22, 33, 44, 55].map((seed) => ({ name: `${presetId}, seed ${seed}`, presetId, values: randomInputs(presetId, seed) })),
  ]);

  it.each(cases)('$name', ({ presetId, values }) => {
    const graph = graphOf(presetId, values);
    const reverse = reverseModeGradient(graph);
    const forward = forwardModeGradient(graph);
    for (const inputId of graph.inputIds) {
      expect(relativeError(reverse[inputId], forward[inputId]), inputId).toBeLessThan(1e-12);
      expect(relativeError(reverse[inputId], numericGradient(graph, inputId)), inputId).toBeLessThan(1e-6);
    }
  });
});

describe('edge visits: reverse mode once per edge, forward mode once per input per reachable edge', () => {
  /*
   * e = (a+b)(b+1) has 5 edges: a→c, b→c, b→d, c→e, d→e.
   * Reverse mode sends once along each: 5.
   * Forward mode for a walks a→c, c→e (2); for b walks b→c, b→d, c→e, d→e (4): 6 in all,
   * c→e twice, which is the repetition document 003 points out.
   */
  it('e=(a+b)(b+1): 6 forward-mode visits against 5 reverse-mode visits', () => {
    const counts = edgeVisitCounts(graphOf('e=(a+b)(b+1)'));
    expect(counts.forwardMode).toBe(6);
    expect(counts.reverseMode).toBe(5);
    expect(counts.forwardModeByInput).toEqual({ a: 2, b: 4 });
    expect(counts.byEdge).toEqual({
      'a->c': { forwardMode: 1, reverseMode: 1 },
      'b->c': { forwardMode: 1, reverseMode: 1 },
      'b->d': { forwardMode: 1, reverseMode: 1 },
      'c->e': { forwardMode: 2, reverseMode: 1 },
      'd->e': { forwardMode: 1, reverseMode: 1 },
    });
  });

  /*
   * J = 3(a+bc): edges b→u, c→u, a→v, u→v, v→J (5). Forward: a → a→v, v→J (2); b → b→u, u→v, v→J (3);
   * c → c→u, u→v, v→J (3): 8. Logistic regression: 10 edges; forward: x1, w1, x2, w2 each 4
   * (→ product → z → a → L), b 3, y 1: 20.
   */
  it.each([
    ['J=3(a+bc)', 8, 5],
    ['logistic-regression', 20, 10],
  ] as const)('%s: %d forward-mode visits against %d reverse-mode visits', (presetId, forwardMode, reverseMode) => {
    const counts = edgeVisitCounts(graphOf(presetId));
    expect(counts.forwardMode).toBe(forwardMode);
    expect(counts.reverseMode).toBe(reverseMode);
  });

  it.each(PRESET_IDS)('%s: the reverse pass visits every edge exactly once', (presetId) => {
    const graph = graphOf(presetId);
    const counts = edgeVisitCounts(graph);
    expect(counts.reverseMode).toBe(graph.edges.length);
    for (const edge of graph.edges) expect(counts.byEdge[edge.id].reverseMode).toBe(1);
  });
});

describe('step records', () => {
  it.each(PRESET_IDS)('%s: keys are unique, indices run from 0, and every use refers to an earlier step', (presetId) => {
    const graph = graphOf(presetId);
    const forward = forwardSteps(graph);
    for (const derivativePass of [reverseModeSteps(graph), forwardModeSteps(graph)]) {
      const all = [...forward, ...derivativePass];
      expect(new Set(all.map((s) => s.key)).size).toBe(all.length);
      const seen = new Set<string>();
      for (const step of all) {
        for (const used of step.uses) expect(seen.has(used), `${step.key} uses ${used}`).toBe(true);
        seen.add(step.key);
      }
    }
    for (const steps of [forward, reverseModeSteps(graph), forwardModeSteps(graph)]) {
      expect(steps.map((s) => s.index)).toEqual(steps.map((_, i) => i));
    }
  });

  it.each(PRESET_IDS)('%s: phases are labelled and every record survives JSON unchanged', (presetId) => {
    const graph = graphOf(presetId);
    const passes = { forward: forwardSteps(graph), reverse: reverseModeSteps(graph), 'forward-mode': forwardModeSteps(graph) };
    for (const [phase, steps] of Object.entries(passes)) {
      for (const step of steps) {
        expect(step.phase).toBe(phase);
        expect(Number.isFinite(step.value)).toBe(true);
        expect(step.tex.length).toBeGreaterThan(0);
        expect(step.texNumeric.length).toBeGreaterThan(0);
      }
      expect(JSON.parse(JSON.stringify(steps))).toEqual(steps);
    }
    expect(JSON.parse(JSON.stringify(graph))).toEqual(graph);
  });

  it('the forward pass evaluates in topological order and lists each edge derivative after its node', () => {
    const steps = forwardSteps(graphOf('e=(a+b)(b+1)'));
    expect(steps.map((s) => s.key)).toEqual(['a', 'b', 'c', 'dc/da', 'dc/db', 'd', 'dd/db', 'e', 'de/dc', 'de/dd']);
    expect(stepByKey(steps, 'e').texNumeric).toBe('3 \\times 2');
    expect(stepByKey(steps, 'de/dc').tex).toBe('d');
  });

  it.each(PRESET_IDS)('%s: the reverse pass ends with ∂output/∂input for every input', (presetId) => {
    const graph = graphOf(presetId);
    const steps = reverseModeSteps(graph);
    const tail = steps.slice(-graph.inputIds.length);
    expect(tail.map((s) => s.key)).toEqual(graph.inputIds.map((id) => `reverse:d${graph.outputId}/d${id}`));
    expect(tail.every((s) => s.kind === 'total')).toBe(true);
  });

  it('forward mode runs one pass per input, each starting from the seed ∂x/∂x = 1', () => {
    const graph = graphOf('J=3(a+bc)');
    const seeds = forwardModeSteps(graph).filter((s) => s.kind === 'seed');
    expect(seeds.map((s) => [s.wrt, s.value])).toEqual([['a', 1], ['b', 1], ['c', 1]]);
    expect(forwardModeSteps(graph, 'J', ['c']).filter((s) => s.kind === 'send')).toHaveLength(3);
  });

  it('a compound local derivative is bracketed when it becomes a factor', () => {
    const send = stepByKey(reverseModeSteps(graphOf('logistic-regression')), 'reverse:a->L');
    expect(send.tex).toBe('\\frac{\\partial L}{\\partial L} \\cdot \\left(-\\frac{y}{a} + \\frac{1 - y}{1 - a}\\right)');
  });
});

describe('input validation', () => {
  it.each([
    [NaN, 'not-a-number', 'NaN'],
    [Infinity, 'not-finite', 'Infinity'],
    [-Infinity, 'not-finite', '-Infinity'],
    ['3', 'not-a-number', '"3"'],
    [null, 'not-a-number', 'object'],
    [undefined, 'not-a-number', 'undefined'],
    [MAX_INPUT_MAGNITUDE * 2, 'out-of-range', '2000000'],
  ])('%s gives an error record (%s), never a NaN graph', (value, issue, received) => {
    const result = buildPreset('e=(a+b)(b+1)', { a: value });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ field: 'a', code: issue, received });
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it('reports every bad input at once, including unknown ids', () => {
    const result = buildPreset('J=3(a+bc)', { a: NaN, c: Infinity, q: 1 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.field, e.code])).toEqual([['a', 'not-a-number'], ['c', 'not-finite'], ['q', 'unknown-input']]);
  });

  it('an unknown preset gives an error record', () => {
    const result = buildPreset('e=mc^2' as PresetId);
    expect(result).toMatchObject({ ok: false, errors: [{ code: 'unknown-preset' }] });
  });

  it.each(PRESET_IDS)('%s: inputs at ±MAX_INPUT_MAGNITUDE keep every value and gradient finite', (presetId) => {
    for (const sign of [1, -1]) {
      const values = Object.fromEntries(GRAPH_PRESETS[presetId].inputs.map((input, i) => [input.id, (i % 2 === 0 ? sign : -sign) * MAX_INPUT_MAGNITUDE]));
      const graph = graphOf(presetId, values);
      const all = [...forwardSteps(graph), ...reverseModeSteps(graph), ...forwardModeSteps(graph)];
      for (const step of all) expect(Number.isFinite(step.value), step.key).toBe(true);
    }
  });

  it('overrides leave the preset defaults untouched', () => {
    graphOf('e=(a+b)(b+1)', { a: 10 });
    expect(nodeValue(graphOf('e=(a+b)(b+1)'), 'a')).toBe(2);
    expect(GRAPH_PRESETS['e=(a+b)(b+1)'].inputs[0].defaultValue).toBe(2);
  });
});
