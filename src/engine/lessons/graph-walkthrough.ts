/**
 * Lesson calculator for gradients/computation-graphs: both graphs of the documents worked forward
 * and backward on the site's graph engine (J = 3(a + bc) at a = 7, b = 4, c = 2 from document 002
 * §7.2.6.2–7.2.6.3; e = (a + b)(b + 1) at a = 2, b = 1 from document 003 §3.1), the nudge
 * experiments of 002, and the count of edge visits of forward mode against reverse mode.
 * Pure functions, no DOM.
 */
import {
  buildPreset,
  edgeVisitCounts,
  forwardModeGradient,
  localDerivativeKey,
  reverseModeGradient,
  reverseModeSteps,
  type ComputationGraph,
  type EdgeVisitCounts,
  type PresetId,
} from '../models/computation-graph';

export interface GraphWalk {
  graph: ComputationGraph;
  /** Every node's value by id. */
  values: Record<string, number>;
  /** Every edge's local derivative, keyed "dto/dfrom" (e.g. "de/dc"). */
  local: Record<string, number>;
  /** ∂output/∂node for every node, inputs and intermediates, from the reverse pass. */
  adjoint: Record<string, number>;
  /** ∂output/∂input from reverse mode and from forward mode. */
  reverse: Record<string, number>;
  forward: Record<string, number>;
  visits: EdgeVisitCounts;
  /** Number of edges in the graph. */
  edgeCount: number;
}

export function walkGraph(presetId: PresetId, overrides: Readonly<Record<string, number>> = {}): GraphWalk {
  const built = buildPreset(presetId, overrides);
  if (!built.ok) throw new Error(`walkGraph: ${presetId} refused its inputs`);
  const { graph } = built;
  const steps = reverseModeSteps(graph);
  const prefix = `reverse:d${graph.outputId}/d`;
  const adjoint = Object.fromEntries(
    steps.filter((s) => s.key.startsWith(prefix) && (s.kind === 'seed' || s.kind === 'total')).map((s) => [s.key.slice(prefix.length), s.value]),
  );
  return {
    graph,
    values: Object.fromEntries(graph.nodes.map((node) => [node.id, node.value])),
    local: Object.fromEntries(graph.edges.map((edge) => [localDerivativeKey(edge), edge.localDerivative])),
    adjoint,
    reverse: reverseModeGradient(graph),
    forward: forwardModeGradient(graph),
    visits: edgeVisitCounts(graph),
    edgeCount: graph.edges.length,
  };
}

/** J after nudging one input of J = 3(a + bc) by h, and the ratio of the change to h. */
export function nudgeJ(input: 'a' | 'b' | 'c', h = 0.001, base: Readonly<Record<string, number>> = {}): { before: number; after: number; ratio: number } {
  const at = (overrides: Record<string, number>) => walkGraph('J=3(a+bc)', overrides).values.J;
  const start = walkGraph('J=3(a+bc)', base).values;
  const before = start.J;
  const after = at({ ...base, [input]: start[input] + h });
  return { before, after, ratio: (after - before) / h };
}

/** J = 3v after nudging v alone by h (document 002: v from 15 to 15.001). */
export function nudgeV(h = 0.001): { v: number; before: number; after: number; ratio: number } {
  const { values, local } = walkGraph('J=3(a+bc)');
  // J = 3v: the last node's local derivative dJ/dv is its constant, so J(v + h) = dJ/dv · (v + h).
  const after = local['dJ/dv'] * (values.v + h);
  return { v: values.v, before: values.J, after, ratio: (after - values.J) / h };
}

/**
 * A family of graphs for the counting argument: n inputs feed one sum s, followed by a chain of k
 * further one-input nodes up to the output. Forward mode walks the shared chain once per input,
 * reverse mode once in all.
 */
export function sharedTrunkVisits(inputs: number, chain: number): { forwardMode: number; reverseMode: number } {
  return { forwardMode: inputs * (1 + chain), reverseMode: inputs + chain };
}
