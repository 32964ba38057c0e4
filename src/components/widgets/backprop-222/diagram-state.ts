/**
 * What the 2-2-2 diagram shows at a step: the state that step describes. Up to the training
 * results it is the worked round (the starting weights, the outputs computed so far, each weight's
 * update once it is known); from the first "after N rounds" step on it is the trained network, so
 * the diagram agrees with the numbers the panel reports.
 */
import { SPEC_222, toNetworkParams, type Params222, type TrainingRun } from '../../../engine/models/backprop222';
import { forward } from '../../../engine/core/network';
import { EDGES, NODES, type NodeName, type WeightName } from './layout';

/** The first step of the training results; every step from it on describes the trained network. */
export const TRAINED_FROM_KEY = 'out_o1_after_N';

export interface DiagramState {
  /** Rounds trained when the diagram shows the trained network. */
  rounds?: number;
  /** Each weight's value, and the value it becomes (after one round, or after training) once known. */
  weights: Record<WeightName, { value: number; next?: number }>;
  /** The value written under each node's name, when the step has one. */
  nodes: Partial<Record<NodeName, number>>;
}

const WEIGHTS = Object.keys(EDGES) as WeightName[];
const NODE_NAMES = Object.keys(NODES) as NodeName[];
const GIVEN: readonly NodeName[] = ['i1', 'i2', 'b1', 'b2'];

function workedRound(params: Params222, known: ReadonlyMap<string, number>): DiagramState {
  const weights = Object.fromEntries(WEIGHTS.map((name) => [name, { value: params[name], next: known.get(`${name}'`) }]));
  const nodes = Object.fromEntries(
    NODE_NAMES.map((name) => [name, GIVEN.includes(name) ? params[name as 'i1'] : known.get(`out_${name}`)]).filter(([, value]) => value !== undefined),
  );
  return { weights: weights as DiagramState['weights'], nodes };
}

function trainedNetwork(params: Params222, run: TrainingRun): DiagramState {
  const trained = run.params;
  const [hidden, output] = forward(SPEC_222, toNetworkParams(trained), [trained.i1, trained.i2]).layers.map((layer) => layer.a);
  const weights = Object.fromEntries(WEIGHTS.map((name) => [name, { value: params[name], next: trained[name] }]));
  return {
    rounds: run.errors.length - 1,
    weights: weights as DiagramState['weights'],
    nodes: { i1: trained.i1, i2: trained.i2, b1: trained.b1, b2: trained.b2, h1: hidden[0], h2: hidden[1], o1: output[0], o2: output[1] },
  };
}

export function diagramState(params: Params222, known: ReadonlyMap<string, number>, run: TrainingRun | undefined): DiagramState {
  return run && known.has(TRAINED_FROM_KEY) ? trainedNetwork(params, run) : workedRound(params, known);
}
