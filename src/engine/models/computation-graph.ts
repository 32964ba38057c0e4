/**
 * Computation graphs of document 002 §7.2.6.2–7.2.6.4 and document 003 §3.1 as plain data, with
 * the forward evaluation, the reverse-mode ("堆放") pass and the forward-mode passes replayed as
 * step records. A widget shows steps[index]; playback only changes index.
 */
import { SCALAR_ACTIVATIONS } from '../core/activations';
import { texNumber } from '../core/format';
import { LOG_EPSILON, LOSSES } from '../core/losses';
import { findStep, StepTraceBuilder, type StepRecord } from '../core/trace';
import { checkBoundedNumber, describeReceived, type EngineError, type Refusal } from '../core/validation';

export type OperationName = 'input' | 'add' | 'mul' | 'scale' | 'addConst' | 'sigmoid' | 'logLoss';
type ComputedOperation = Exclude<OperationName, 'input'>;

/** What an input stands for, so a widget can single out the trainable parameters. */
export type InputRole = 'variable' | 'parameter' | 'data';

export interface GraphNode {
  id: string;
  /** LaTeX symbol, e.g. w_1. */
  label: string;
  op: OperationName;
  /** Ids of the operands, in order. */
  inputs: string[];
  /** The fixed number of 'scale' and 'addConst'. */
  constant?: number;
  value: number;
  /** Symbolic right-hand side, e.g. c \cdot d (an input's is its number). */
  tex: string;
  /** The right-hand side with numbers substituted. */
  texNumeric: string;
  role?: InputRole;
}

export interface GraphEdge {
  /** "from->to", in the direction the value flows. */
  id: string;
  from: string;
  to: string;
  /** ∂to/∂from at the current values. */
  localDerivative: number;
  /** ∂to/∂from in symbols, e.g. d for the edge c → e of e = c·d. */
  tex: string;
  texNumeric: string;
}

export interface ComputationGraph {
  presetId: PresetId;
  /** In topological order: every node after its operands. */
  nodes: GraphNode[];
  edges: GraphEdge[];
  inputIds: string[];
  outputId: string;
}

interface OperationRule {
  evaluate(operands: readonly number[], constant: number): number;
  /** ∂node/∂operand_k for every k. */
  localDerivatives(operands: readonly number[], value: number, constant: number): number[];
  /** Right-hand side from operand strings (labels or numbers); numeric selects × over juxtaposition. */
  tex(operands: readonly string[], constant: string, numeric: boolean): string;
  /** ∂node/∂operand_k as LaTeX; self is the node's own label or number. */
  derivativeTex(operands: readonly string[], k: number, constant: string, self: string, numeric: boolean): string;
  /** Ids whose values ∂node/∂operand_k reads. */
  derivativeReads(operandIds: readonly string[], k: number, selfId: string): string[];
}

const others = <T>(items: readonly T[], k: number) => items.filter((_, j) => j !== k);
const clampProbability = (p: number) => Math.min(1 - LOG_EPSILON, Math.max(LOG_EPSILON, p));
const sigmoidRule = SCALAR_ACTIVATIONS.sigmoid;
const logLoss = LOSSES.binaryCrossEntropy;

const OPERATIONS: Record<ComputedOperation, OperationRule> = {
  /** x₁ + x₂ + …,  ∂/∂x_k = 1 */
  add: {
    evaluate: (x) => x.reduce((sum, value) => sum + value, 0),
    localDerivatives: (x) => x.map(() => 1),
    tex: (x) => x.join(' + '),
    derivativeTex: () => '1',
    derivativeReads: () => [],
  },
  /** x₁ · x₂ · …,  ∂/∂x_k = product of the other operands */
  mul: {
    evaluate: (x) => x.reduce((product, value) => product * value, 1),
    localDerivatives: (x) => x.map((_, k) => others(x, k).reduce((product, value) => product * value, 1)),
    tex: (x, _c, numeric) => x.join(numeric ? ' \\times ' : ' \\cdot '),
    derivativeTex: (x, k, _c, _self, numeric) => others(x, k).join(numeric ? ' \\times ' : ' \\cdot ') || '1',
    derivativeReads: (ids, k) => others(ids, k),
  },
  /** k·x,  ∂/∂x = k */
  scale: {
    evaluate: ([x], k) => k * x,
    localDerivatives: (_x, _value, k) => [k],
    tex: ([x], k, numeric) => (numeric ? `${k} \\times ${x}` : `${k}${x}`),
    derivativeTex: (_x, _k, constant) => constant,
    derivativeReads: () => [],
  },
  /** x + k,  ∂/∂x = 1 */
  addConst: {
    evaluate: ([x], k) => x + k,
    localDerivatives: () => [1],
    tex: ([x], k) => `${x} + ${k}`,
    derivativeTex: () => '1',
    derivativeReads: () => [],
  },
  /** a = σ(z),  ∂a/∂z = a(1 − a) */
  sigmoid: {
    evaluate: ([z]) => sigmoidRule.f(z, 0),
    localDerivatives: ([z], a) => [sigmoidRule.df(z, a, 0)],
    tex: ([z]) => `\\sigma(${z})`,
    derivativeTex: (_x, _k, _c, a, numeric) => (numeric ? `${a} \\times (1 - ${a})` : `${a}(1 - ${a})`),
    derivativeReads: (_ids, _k, selfId) => [selfId],
  },
  /** L(a, y) = −(y log a + (1 − y) log(1 − a)),  ∂L/∂a = −y/a + (1 − y)/(1 − a),  ∂L/∂y = log((1 − a)/a) */
  logLoss: {
    evaluate: ([a, y]) => logLoss.value([a], [y]),
    localDerivatives: ([a, y]) => [logLoss.gradient([a], [y])[0], Math.log((1 - clampProbability(a)) / clampProbability(a))],
    tex: ([a, y]) => `-(${y} \\log ${a} + (1 - ${y}) \\log(1 - ${a}))`,
    derivativeTex: ([a, y], k) => (k === 0 ? `-\\frac{${y}}{${a}} + \\frac{1 - ${y}}{1 - ${a}}` : `\\log\\frac{1 - ${a}}{${a}}`),
    derivativeReads: (ids) => [...ids],
  },
};

export type PresetId = 'e=(a+b)(b+1)' | 'J=3(a+bc)' | 'logistic-regression';
export const PRESET_IDS: readonly PresetId[] = ['e=(a+b)(b+1)', 'J=3(a+bc)', 'logistic-regression'];

export interface PresetInput {
  id: string;
  label: string;
  defaultValue: number;
  role: InputRole;
}

export interface PresetOperation {
  id: string;
  label: string;
  op: ComputedOperation;
  inputs: string[];
  constant?: number;
}

export interface GraphPreset {
  id: PresetId;
  /** Where the example comes from. */
  source: string;
  /** The whole function in one line of LaTeX. */
  tex: string;
  inputs: PresetInput[];
  /** Listed so that every operation comes after its operands. */
  operations: PresetOperation[];
  outputId: string;
}

export const GRAPH_PRESETS: Readonly<Record<PresetId, GraphPreset>> = {
  'e=(a+b)(b+1)': {
    id: 'e=(a+b)(b+1)',
    source: 'document 003 §3.1',
    tex: 'e = (a + b)(b + 1)',
    inputs: [
      { id: 'a', label: 'a', defaultValue: 2, role: 'variable' },
      { id: 'b', label: 'b', defaultValue: 1, role: 'variable' },
    ],
    operations: [
      { id: 'c', label: 'c', op: 'add', inputs: ['a', 'b'] },
      { id: 'd', label: 'd', op: 'addConst', inputs: ['b'], constant: 1 },
      { id: 'e', label: 'e', op: 'mul', inputs: ['c', 'd'] },
    ],
    outputId: 'e',
  },
  'J=3(a+bc)': {
    id: 'J=3(a+bc)',
    source: 'document 002 §7.2.6.2–7.2.6.3',
    tex: 'J(a, b, c) = 3(a + bc)',
    inputs: [
      { id: 'a', label: 'a', defaultValue: 7, role: 'variable' },
      { id: 'b', label: 'b', defaultValue: 4, role: 'variable' },
      { id: 'c', label: 'c', defaultValue: 2, role: 'variable' },
    ],
    operations: [
      { id: 'u', label: 'u', op: 'mul', inputs: ['b', 'c'] },
      { id: 'v', label: 'v', op: 'add', inputs: ['a', 'u'] },
      { id: 'J', label: 'J', op: 'scale', inputs: ['v'], constant: 3 },
    ],
    outputId: 'J',
  },
  'logistic-regression': {
    id: 'logistic-regression',
    source: 'document 002 §7.2.6.4',
    tex: 'L(a, y) = -(y \\log a + (1 - y) \\log(1 - a)),\\quad a = \\sigma(w_1 x_1 + w_2 x_2 + b)',
    // w2 = −0.25 rather than −0.3 keeps z an exact 0.1 instead of a float residue near zero.
    inputs: [
      { id: 'x1', label: 'x_1', defaultValue: 1, role: 'data' },
      { id: 'w1', label: 'w_1', defaultValue: 0.5, role: 'parameter' },
      { id: 'x2', label: 'x_2', defaultValue: 2, role: 'data' },
      { id: 'w2', label: 'w_2', defaultValue: -0.25, role: 'parameter' },
      { id: 'b', label: 'b', defaultValue: 0.1, role: 'parameter' },
      { id: 'y', label: 'y', defaultValue: 1, role: 'data' },
    ],
    operations: [
      { id: 'w1x1', label: 'w_1x_1', op: 'mul', inputs: ['w1', 'x1'] },
      { id: 'w2x2', label: 'w_2x_2', op: 'mul', inputs: ['w2', 'x2'] },
      { id: 'z', label: 'z', op: 'add', inputs: ['w1x1', 'w2x2', 'b'] },
      { id: 'a', label: 'a', op: 'sigmoid', inputs: ['z'] },
      { id: 'L', label: 'L', op: 'logLoss', inputs: ['a', 'y'] },
    ],
    outputId: 'L',
  },
};

/** Inputs are bounded so that every product, local derivative and accumulated gradient stays finite. */
export const MAX_INPUT_MAGNITUDE = 1e6;

export type GraphErrorCode = 'unknown-preset' | 'unknown-input' | 'not-a-number' | 'not-finite' | 'out-of-range';

/** field is the offending input id, or the preset id for 'unknown-preset'. */
export type BuildResult =
  | { ok: true; graph: ComputationGraph }
  | (Refusal<GraphErrorCode> & { presetId: string });

const n = (value: number) => texNumber(value, { parenthesiseNegative: true });
/** A compound label such as w_1x_1 is bracketed so that ∂/∂(w_1x_1) reads unambiguously. */
const operandTex = (label: string) => (/^[A-Za-z](_\{?[A-Za-z0-9]+\}?)?$/.test(label) ? label : `(${label})`);
const partial = (top: string, bottom: string) => `\\frac{\\partial ${top}}{\\partial ${operandTex(bottom)}}`;

/** Brackets a sum or a leading minus sign so that it can stand as one factor of a product. */
function factorTex(tex: string): string {
  let depth = 0;
  for (const char of tex) {
    if (char === '(' || char === '{') depth++;
    else if (char === ')' || char === '}') depth--;
    else if (depth === 0 && (char === '+' || char === '-')) return `\\left(${tex}\\right)`;
  }
  return tex;
}

/** The forward key of edge from → to's local derivative ∂to/∂from. */
export const localDerivativeKey = (edge: Pick<GraphEdge, 'from' | 'to'>) => `d${edge.to}/d${edge.from}`;

/** A preset evaluated at its default inputs with some of them overridden; invalid numbers give an error record. */
export function buildPreset(presetId: PresetId, overrides: Readonly<Record<string, unknown>> = {}): BuildResult {
  const preset = (GRAPH_PRESETS as Record<string, GraphPreset | undefined>)[presetId];
  if (!preset) {
    const received = describeReceived(presetId);
    return { ok: false, presetId: String(presetId), errors: [{ field: String(presetId), received, code: 'unknown-preset', message: `no preset ${received}` }] };
  }
  const errors: EngineError<GraphErrorCode>[] = [];
  for (const [inputId, value] of Object.entries(overrides)) {
    if (!preset.inputs.some((input) => input.id === inputId)) {
      errors.push({ field: inputId, received: describeReceived(value), code: 'unknown-input', message: `${presetId} has no input ${inputId}` });
      continue;
    }
    const error = checkBoundedNumber(inputId, value, -MAX_INPUT_MAGNITUDE, MAX_INPUT_MAGNITUDE);
    if (error) errors.push(error);
  }
  if (errors.length > 0) return { ok: false, presetId, errors };
  const values = Object.fromEntries(preset.inputs.map((input) => [input.id, (overrides[input.id] as number | undefined) ?? input.defaultValue]));
  return { ok: true, graph: evaluatePreset(preset, values) };
}

function evaluatePreset(preset: GraphPreset, inputValues: Readonly<Record<string, number>>): ComputationGraph {
  const nodes: GraphNode[] = preset.inputs.map((input) => ({
    id: input.id, label: input.label, op: 'input', inputs: [], value: inputValues[input.id],
    tex: n(inputValues[input.id]), texNumeric: n(inputValues[input.id]), role: input.role,
  }));
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const edges: GraphEdge[] = [];
  for (const operation of preset.operations) {
    const operands = operation.inputs.map((id) => {
      const operand = byId.get(id);
      if (!operand) throw new Error(`preset ${preset.id}: ${operation.id} reads ${id} before it is defined`);
      return operand;
    });
    const rule = OPERATIONS[operation.op];
    const constant = operation.constant ?? 0;
    const operandValues = operands.map((operand) => operand.value);
    const labels = operands.map((operand) => operand.label);
    const numbers = operandValues.map(n);
    const value = rule.evaluate(operandValues, constant);
    const node: GraphNode = {
      id: operation.id, label: operation.label, op: operation.op, inputs: [...operation.inputs], value,
      tex: rule.tex(labels, n(constant), false),
      texNumeric: rule.tex(numbers, n(constant), true),
      ...(operation.constant === undefined ? {} : { constant: operation.constant }),
    };
    const derivatives = rule.localDerivatives(operandValues, value, constant);
    operands.forEach((operand, k) => {
      edges.push({
        id: `${operand.id}->${node.id}`, from: operand.id, to: node.id, localDerivative: derivatives[k],
        tex: rule.derivativeTex(labels, k, n(constant), node.label, false),
        texNumeric: rule.derivativeTex(numbers, k, n(constant), n(value), true),
      });
    });
    nodes.push(node);
    byId.set(node.id, node);
  }
  return { presetId: preset.id, nodes, edges, inputIds: preset.inputs.map((input) => input.id), outputId: preset.outputId };
}

export type GraphPhase = 'forward' | 'reverse' | 'forward-mode';

/**
 * 'input' and 'evaluate' give node values, 'local-derivative' an edge's ∂to/∂from; 'seed' starts a
 * derivative pass with 1, 'send' carries one product along one edge, 'total' sums what a node received.
 */
export type GraphStepKind = 'input' | 'evaluate' | 'local-derivative' | 'seed' | 'send' | 'total';

export interface GraphStep extends StepRecord {
  /** Stable name, unique across all three phases, e.g. "c", "dc/da", "reverse:de/db", "forward-mode:a:c->e". */
  key: string;
  phase: GraphPhase;
  kind: GraphStepKind;
  /** Keys of earlier steps (node ids for values) this step reads. */
  uses: string[];
  /** The node whose value or derivative this step computes; for 'send', the receiving node. */
  nodeId: string;
  /** The edge a 'local-derivative' or 'send' step concerns. */
  edgeId?: string;
  /** For 'send': the receiving node's accumulated total after this send. */
  runningTotal?: number;
  /** For 'forward-mode': the input of this pass. */
  wrt?: string;
}

type GraphTraceBuilder = StepTraceBuilder<GraphStep>;

/** Node values and local derivatives by key: what the derivative passes may read from the start. */
function forwardValues(graph: ComputationGraph): [string, number][] {
  return [
    ...graph.nodes.map((node): [string, number] => [node.id, node.value]),
    ...graph.edges.map((edge): [string, number] => [localDerivativeKey(edge), edge.localDerivative]),
  ];
}

function nodeOf(graph: ComputationGraph, id: string): GraphNode {
  const node = graph.nodes.find((candidate) => candidate.id === id);
  if (!node) throw new Error(`graph ${graph.presetId} has no node ${id}`);
  return node;
}

const incomingEdges = (graph: ComputationGraph, nodeId: string) => graph.edges.filter((edge) => edge.to === nodeId);

/** The node's value by id. */
export function nodeValue(graph: ComputationGraph, id: string): number {
  return nodeOf(graph, id).value;
}

/** Evaluation in topological order; each node's value is followed by the local derivatives on its incoming edges. */
export function forwardSteps(graph: ComputationGraph): GraphStep[] {
  const t: GraphTraceBuilder = new StepTraceBuilder();
  for (const node of graph.nodes) {
    if (node.op === 'input') {
      t.add({ key: node.id, phase: 'forward', kind: 'input', label: node.label, tex: node.tex, texNumeric: node.texNumeric, value: node.value, uses: [], nodeId: node.id });
      continue;
    }
    t.add({ key: node.id, phase: 'forward', kind: 'evaluate', label: node.label, tex: node.tex, texNumeric: node.texNumeric, value: node.value, uses: [...node.inputs], nodeId: node.id });
    const rule = OPERATIONS[node.op];
    incomingEdges(graph, node.id).forEach((edge, k) => {
      t.add({
        key: localDerivativeKey(edge), phase: 'forward', kind: 'local-derivative',
        label: partial(node.label, nodeOf(graph, edge.from).label), tex: edge.tex, texNumeric: edge.texNumeric,
        value: edge.localDerivative, uses: rule.derivativeReads(node.inputs, k, node.id), nodeId: node.id, edgeId: edge.id,
      });
    });
  }
  return t.steps;
}

/** Nodes from which `targetId` can be reached, the target included. */
function ancestorsOf(graph: ComputationGraph, targetId: string): Set<string> {
  const found = new Set([targetId]);
  for (const node of [...graph.nodes].reverse()) {
    if (found.has(node.id)) node.inputs.forEach((id) => found.add(id));
  }
  return found;
}

/** Nodes reachable from `sourceId`, the source included. */
function descendantsOf(graph: ComputationGraph, sourceId: string): Set<string> {
  const found = new Set([sourceId]);
  for (const node of graph.nodes) {
    if (node.inputs.some((id) => found.has(id))) found.add(node.id);
  }
  return found;
}

/**
 * The operations among `relevant` ordered so that each comes after every node it feeds, ties going
 * to the earlier-defined node, so that e = c·d sends from c before d as document 003 narrates.
 */
function consumersFirst(graph: ComputationGraph, relevant: ReadonlySet<string>): GraphNode[] {
  const operations = graph.nodes.filter((node) => node.op !== 'input' && relevant.has(node.id));
  const pendingConsumers = new Map(operations.map((node) => [node.id, operations.filter((other) => other.inputs.includes(node.id)).length]));
  const ordered: GraphNode[] = [];
  while (ordered.length < operations.length) {
    const next = operations.find((node) => pendingConsumers.get(node.id) === 0 && !ordered.includes(node))!;
    ordered.push(next);
    for (const id of next.inputs) if (pendingConsumers.has(id)) pendingConsumers.set(id, pendingConsumers.get(id)! - 1);
  }
  return ordered;
}

interface Contribution {
  sendKey: string;
  /** LaTeX of the two chain-rule factors, in the order the pass multiplies them. */
  factorsTex: string;
  factorsNumeric: string;
  value: number;
}

function addTotal(
  t: GraphTraceBuilder,
  step: Pick<GraphStep, 'key' | 'phase' | 'label' | 'nodeId'> & { wrt?: string },
  contributions: readonly Contribution[],
) {
  const empty = contributions.length === 0;
  return t.add({
    ...step, kind: 'total',
    tex: empty ? '0' : contributions.map((c) => c.factorsTex).join(' + '),
    texNumeric: empty ? '0' : contributions.map((c) => c.factorsNumeric).join(' + '),
    value: contributions.reduce((sum, c) => sum + c.value, 0),
    uses: contributions.map((c) => c.sendKey),
  });
}

/**
 * Reverse mode as document 003 §3.1 stacks it: seed ∂out/∂out = 1; walking back, each node sums
 * what it has received, then sends that total × the edge's local derivative to each operand.
 * Every edge into an ancestor of the output is visited exactly once.
 */
export function reverseModeSteps(graph: ComputationGraph, outputId: string = graph.outputId): GraphStep[] {
  const output = nodeOf(graph, outputId);
  const t: GraphTraceBuilder = new StepTraceBuilder(forwardValues(graph));
  const totalKey = (id: string) => `reverse:d${outputId}/d${id}`;
  const received = new Map<string, Contribution[]>();
  const totals = new Map<string, number>();
  const relevant = ancestorsOf(graph, outputId);

  t.add({ key: totalKey(outputId), phase: 'reverse', kind: 'seed', label: partial(output.label, output.label), tex: '1', texNumeric: '1', value: 1, uses: [], nodeId: outputId });
  totals.set(outputId, 1);

  for (const node of consumersFirst(graph, relevant)) {
    if (node.id !== outputId) {
      const total = addTotal(t, { key: totalKey(node.id), phase: 'reverse', label: partial(output.label, node.label), nodeId: node.id }, received.get(node.id) ?? []);
      totals.set(node.id, total.value);
    }
    const gradient = totals.get(node.id) ?? 0;
    for (const edge of incomingEdges(graph, node.id)) {
      const operand = nodeOf(graph, edge.from);
      const value = gradient * edge.localDerivative;
      const parts = received.get(operand.id) ?? [];
      const runningTotal = parts.reduce((sum, c) => sum + c.value, 0) + value;
      const factorsTex = `${partial(output.label, node.label)} \\cdot ${partial(node.label, operand.label)}`;
      const factorsNumeric = `${n(gradient)} \\times ${n(edge.localDerivative)}`;
      const send = t.add({
        key: `reverse:${edge.id}`, phase: 'reverse', kind: 'send', label: factorsTex,
        tex: `${partial(output.label, node.label)} \\cdot ${factorTex(edge.tex)}`, texNumeric: factorsNumeric, value,
        uses: [totalKey(node.id), localDerivativeKey(edge)], nodeId: operand.id, edgeId: edge.id, runningTotal,
      });
      received.set(operand.id, [...parts, { sendKey: send.key, factorsTex, factorsNumeric, value }]);
    }
  }
  for (const inputId of graph.inputIds) {
    addTotal(t, { key: totalKey(inputId), phase: 'reverse', label: partial(output.label, nodeOf(graph, inputId).label), nodeId: inputId }, received.get(inputId) ?? []);
  }
  return t.steps;
}

/**
 * Forward mode, one pass per input x: seed ∂x/∂x = 1 and carry ∂node/∂x along every edge reachable
 * from x, so an edge shared by several inputs' paths (c → e) is visited once per input.
 */
export function forwardModeSteps(
  graph: ComputationGraph,
  outputId: string = graph.outputId,
  inputIds: readonly string[] = graph.inputIds,
): GraphStep[] {
  const output = nodeOf(graph, outputId);
  const t: GraphTraceBuilder = new StepTraceBuilder(forwardValues(graph));
  for (const inputId of inputIds) {
    const input = nodeOf(graph, inputId);
    const tangentKey = (id: string) => `forward-mode:d${id}/d${inputId}`;
    const tangents = new Map<string, number>([[inputId, 1]]);
    const reachable = descendantsOf(graph, inputId);
    t.add({ key: tangentKey(inputId), phase: 'forward-mode', kind: 'seed', label: partial(input.label, input.label), tex: '1', texNumeric: '1', value: 1, uses: [], nodeId: inputId, wrt: inputId });

    for (const node of graph.nodes) {
      if (node.id === inputId || !reachable.has(node.id)) continue;
      const contributions: Contribution[] = [];
      for (const edge of incomingEdges(graph, node.id)) {
        if (!reachable.has(edge.from)) continue;
        const operand = nodeOf(graph, edge.from);
        const tangent = tangents.get(operand.id) ?? 0;
        const value = tangent * edge.localDerivative;
        const runningTotal = contributions.reduce((sum, c) => sum + c.value, 0) + value;
        const factorsTex = `${partial(operand.label, input.label)} \\cdot ${partial(node.label, operand.label)}`;
        const factorsNumeric = `${n(tangent)} \\times ${n(edge.localDerivative)}`;
        const send = t.add({
          key: `forward-mode:${inputId}:${edge.id}`, phase: 'forward-mode', kind: 'send', label: factorsTex,
          tex: `${partial(operand.label, input.label)} \\cdot ${factorTex(edge.tex)}`, texNumeric: factorsNumeric, value,
          uses: [tangentKey(operand.id), localDerivativeKey(edge)], nodeId: node.id, edgeId: edge.id, runningTotal, wrt: inputId,
        });
        contributions.push({ sendKey: send.key, factorsTex, factorsNumeric, value });
      }
      const total = addTotal(t, { key: tangentKey(node.id), phase: 'forward-mode', label: partial(node.label, input.label), nodeId: node.id, wrt: inputId }, contributions);
      tangents.set(node.id, total.value);
    }
    if (!reachable.has(outputId)) {
      addTotal(t, { key: tangentKey(outputId), phase: 'forward-mode', label: partial(output.label, input.label), nodeId: outputId, wrt: inputId }, []);
    }
  }
  return t.steps;
}

/** ∂output/∂input for every input, read off the reverse-mode trace. */
export function reverseModeGradient(graph: ComputationGraph, outputId: string = graph.outputId): Record<string, number> {
  const steps = reverseModeSteps(graph, outputId);
  return Object.fromEntries(graph.inputIds.map((id) => [id, findStep(steps, `reverse:d${outputId}/d${id}`)!.value]));
}

/** ∂output/∂input for every input, read off the forward-mode trace. */
export function forwardModeGradient(graph: ComputationGraph, outputId: string = graph.outputId): Record<string, number> {
  const steps = forwardModeSteps(graph, outputId);
  return Object.fromEntries(graph.inputIds.map((id) => [id, findStep(steps, `forward-mode:d${outputId}/d${id}`)!.value]));
}

export interface EdgeVisitCounts {
  /** Edge visits ('send' steps) of all forward-mode passes together. */
  forwardMode: number;
  /** Edge visits of the single reverse-mode pass. */
  reverseMode: number;
  /** Forward-mode visits made by each input's pass. */
  forwardModeByInput: Record<string, number>;
  /** How often each edge is visited in each mode. */
  byEdge: Record<string, { forwardMode: number; reverseMode: number }>;
}

/** How many edge visits each mode needs for the whole gradient, counted from the traces themselves. */
export function edgeVisitCounts(graph: ComputationGraph, outputId: string = graph.outputId): EdgeVisitCounts {
  const forwardSends = forwardModeSteps(graph, outputId).filter((step) => step.kind === 'send');
  const reverseSends = reverseModeSteps(graph, outputId).filter((step) => step.kind === 'send');
  const countWhere = (steps: GraphStep[], match: (step: GraphStep) => boolean) => steps.filter(match).length;
  return {
    forwardMode: forwardSends.length,
    reverseMode: reverseSends.length,
    forwardModeByInput: Object.fromEntries(graph.inputIds.map((id) => [id, countWhere(forwardSends, (s) => s.wrt === id)])),
    byEdge: Object.fromEntries(
      graph.edges.map((edge) => [
        edge.id,
        { forwardMode: countWhere(forwardSends, (s) => s.edgeId === edge.id), reverseMode: countWhere(reverseSends, (s) => s.edgeId === edge.id) },
      ]),
    ),
  };
}
