/**
 * parseNetworkDescription: checks an untrusted network description (the CLI's JSON file, the
 * widget's URL or editor) and returns a clean copy, or the first refused field with an English
 * message. Fields are checked in the order of the JSON shape; inside arrays, in index order.
 */
import {
  HIDDEN_ACTIVATIONS,
  MAX_UNITS,
  MAX_WEIGHT_LAYERS,
  OUTPUT_ACTIVATIONS,
  STEPPER_LOSSES,
  STEPPER_ORDERS,
  VALUE_LIMIT,
  type DescriptionError,
  type NetworkDescription,
} from './types';

const FIELDS = ['layers', 'activations', 'loss', 'weights', 'biases', 'inputs', 'targets', 'lr', 'order', 'sharedBias', 'updateBiases'];
/** How far the targets of softmax with cross-entropy may sum from 1 (δ = out − t needs Σ t = 1). */
const TARGET_SUM_TOLERANCE = 1e-9;

class Refused extends Error {
  constructor(readonly field: string, message: string) {
    super(message);
  }
}

const show = (value: unknown) => (value === undefined ? 'nothing' : JSON.stringify(value) ?? String(value));

function numberIn(field: string, value: unknown, low = -VALUE_LIMIT, high = VALUE_LIMIT): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new Refused(field, `${field} must be a finite number, got ${show(value)}`);
  if (value < low || value > high) throw new Refused(field, `${field} must lie in [${low}, ${high}], got ${value}`);
  return value;
}

function list(field: string, value: unknown, length: number, what: string): unknown[] {
  if (!Array.isArray(value)) throw new Refused(field, `${field} must be a list of ${length} ${what}, got ${show(value)}`);
  if (value.length !== length) throw new Refused(field, `${field} must have ${length} ${what}, got ${value.length}`);
  return value;
}

function choice<T extends string>(field: string, value: unknown, choices: readonly T[]): T {
  if (!choices.includes(value as T)) throw new Refused(field, `${field} must be one of ${choices.join(', ')}, got ${show(value)}`);
  return value as T;
}

function readLayers(value: unknown): number[] {
  if (!Array.isArray(value) || value.length < 2 || value.length > MAX_WEIGHT_LAYERS + 1) {
    throw new Refused('layers', `layers must list 2 to ${MAX_WEIGHT_LAYERS + 1} unit counts (input layer first), got ${show(value)}`);
  }
  return value.map((size, i) => {
    if (!Number.isInteger(size) || size < 1 || size > MAX_UNITS) {
      throw new Refused(`layers[${i}]`, `layers[${i}] must be a whole number from 1 to ${MAX_UNITS}, got ${show(size)}`);
    }
    return size as number;
  });
}

function readActivations(value: unknown, count: number): string[] {
  return list('activations', value, count, 'activation names (one per weight layer)').map((name, l) => {
    const field = `activations[${l}]`;
    if (l < count - 1) {
      if (name === 'softmax') throw new Refused(field, `${field}: softmax is only allowed as the output activation`);
      return choice(field, name, HIDDEN_ACTIVATIONS);
    }
    return choice(field, name, OUTPUT_ACTIVATIONS);
  });
}

function readBiases(value: unknown, layers: number[], sharedBias: boolean): number[][] {
  return list('biases', value, layers.length - 1, 'bias lists (one per weight layer)').map((layer, l) => {
    const row = list(`biases[${l}]`, layer, layers[l + 1], 'biases').map((b, j) => numberIn(`biases[${l}][${j}]`, b));
    row.forEach((b, j) => {
      if (sharedBias && b !== row[0]) {
        throw new Refused(`biases[${l}][${j}]`, `biases[${l}][${j}] must equal biases[${l}][0] (${row[0]}) because sharedBias is true, got ${b}`);
      }
    });
    return row;
  });
}

function describe(raw: Record<string, unknown>): NetworkDescription {
  const unknown = Object.keys(raw).find((key) => !FIELDS.includes(key));
  if (unknown !== undefined) throw new Refused(unknown, `${unknown} is not a field of a network description (expected ${FIELDS.join(', ')})`);
  const layers = readLayers(raw.layers);
  const count = layers.length - 1;
  const activations = readActivations(raw.activations, count);
  const loss = choice('loss', raw.loss, STEPPER_LOSSES);
  const weights = list('weights', raw.weights, count, 'weight matrices (one per weight layer)').map((matrix, l) =>
    list(`weights[${l}]`, matrix, layers[l + 1], `rows (one per unit of layer ${l + 1})`).map((row, j) =>
      list(`weights[${l}][${j}]`, row, layers[l], `weights (one per unit of layer ${l})`).map((w, k) => numberIn(`weights[${l}][${j}][${k}]`, w)),
    ),
  );
  if (typeof raw.sharedBias !== 'boolean') throw new Refused('sharedBias', `sharedBias must be true or false, got ${show(raw.sharedBias)}`);
  const biases = readBiases(raw.biases, layers, raw.sharedBias);
  const inputs = list('inputs', raw.inputs, layers[0], 'inputs').map((x, k) => numberIn(`inputs[${k}]`, x));
  const crossEntropy = loss === 'cross-entropy';
  const targets = list('targets', raw.targets, layers[count], 'targets').map((t, j) =>
    crossEntropy ? numberIn(`targets[${j}]`, t, 0, 1) : numberIn(`targets[${j}]`, t),
  );
  if (crossEntropy && activations[count - 1] === 'softmax') {
    const sum = targets.reduce((total, t) => total + t, 0);
    if (Math.abs(sum - 1) > TARGET_SUM_TOLERANCE) throw new Refused('targets', `targets must sum to 1 for softmax with cross-entropy, got ${sum}`);
  }
  const lr = numberIn('lr', raw.lr);
  if (lr <= 0) throw new Refused('lr', `lr must be greater than 0, got ${lr}`);
  const order = choice('order', raw.order, STEPPER_ORDERS);
  const description: NetworkDescription = { layers, activations, loss, weights, biases, inputs, targets, lr, order, sharedBias: raw.sharedBias };
  if (raw.updateBiases !== undefined) {
    if (typeof raw.updateBiases !== 'boolean') throw new Refused('updateBiases', `updateBiases must be true or false, got ${show(raw.updateBiases)}`);
    description.updateBiases = raw.updateBiases;
  }
  return description;
}

/**
 * A validated copy of a network description, or the first refused field. `json` is the parsed
 * object or its JSON text. Limits: 1 to 4 weight layers of 1 to 4 units, every number finite and
 * within ±1000, lr > 0, softmax only as the output, cross-entropy targets in [0, 1] (summing to 1
 * with softmax), and with sharedBias every bias of a layer equal to its first.
 */
export function parseNetworkDescription(json: unknown): { value: NetworkDescription } | { error: DescriptionError } {
  let raw = json;
  if (typeof json === 'string') {
    try {
      raw = JSON.parse(json);
    } catch (error) {
      return { error: { field: 'json', message: `not valid JSON (${(error as Error).message.replace(/\s+/g, ' ')})` } };
    }
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { error: { field: 'description', message: `a network description must be a JSON object, got ${show(raw)}` } };
  }
  try {
    return { value: describe(raw as Record<string, unknown>) };
  } catch (error) {
    if (error instanceof Refused) return { error: { field: error.field, message: error.message } };
    throw error;
  }
}
