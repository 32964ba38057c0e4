/**
 * What the diagram highlights at one step, read off the engine's step records: which node values
 * and edge derivatives are already known, what each node has stacked in the current derivative
 * pass, which edges that pass has visited, and what the current step reads.
 */
import type { GraphStep } from '../../../engine/models/computation-graph';

export interface NodeTag {
  value: number;
  /** True once the node's total is final (its 'seed' or 'total' step has run). */
  final: boolean;
}

export interface DiagramState {
  knownNodes: Set<string>;
  knownEdges: Set<string>;
  /** ∂out/∂node (reverse) or ∂node/∂input (forward mode) as far as the current pass has got. */
  tags: Map<string, NodeTag>;
  visitedEdges: Set<string>;
  currentNode?: string;
  currentEdge?: string;
  usedNodes: Set<string>;
  usedEdges: Set<string>;
  /** Edge visits ('send' steps) made up to the current step, per mode. */
  visitsSoFar: { reverse: number; forwardMode: number };
}

const isValueStep = (step: GraphStep) => step.kind === 'input' || step.kind === 'evaluate';

export function diagramState(steps: readonly GraphStep[], current: number): DiagramState {
  const step = steps[current];
  const done = steps.slice(0, current + 1);
  const forwardDone = done.filter((s) => s.phase === 'forward');
  const pass = step.phase === 'forward' ? [] : done.filter((s) => s.phase === step.phase && s.wrt === step.wrt);

  const tags = new Map<string, NodeTag>();
  const visitedEdges = new Set<string>();
  for (const s of pass) {
    if (s.kind === 'send' && s.edgeId) {
      visitedEdges.add(s.edgeId);
      tags.set(s.nodeId, { value: s.runningTotal ?? s.value, final: false });
    } else {
      tags.set(s.nodeId, { value: s.value, final: true });
    }
  }

  const subjects = new Map<string, { node?: string; edge?: string }>();
  for (const s of steps) {
    subjects.set(s.key, s.kind === 'local-derivative' || s.kind === 'send' ? { edge: s.edgeId } : { node: s.nodeId });
  }
  const usedNodes = new Set<string>();
  const usedEdges = new Set<string>();
  for (const key of step.uses) {
    const subject = subjects.get(key);
    if (subject?.node) usedNodes.add(subject.node);
    if (subject?.edge) usedEdges.add(subject.edge);
  }

  return {
    knownNodes: new Set(forwardDone.filter(isValueStep).map((s) => s.nodeId)),
    knownEdges: new Set(forwardDone.filter((s) => s.kind === 'local-derivative' && s.edgeId).map((s) => s.edgeId!)),
    tags,
    visitedEdges,
    currentNode: step.kind === 'local-derivative' ? undefined : step.nodeId,
    currentEdge: step.edgeId,
    usedNodes,
    usedEdges,
    visitsSoFar: {
      reverse: done.filter((s) => s.phase === 'reverse' && s.kind === 'send').length,
      forwardMode: done.filter((s) => s.phase === 'forward-mode' && s.kind === 'send').length,
    },
  };
}
