/**
 * Edits of a network description, as the editor and links make them: pure functions from one
 * description to the next. The engine's parseNetworkDescription has the last word on whether the
 * result can be computed; these only keep the arrays in the shape the layer sizes say.
 */
import {
  HIDDEN_ACTIVATIONS,
  randomizeWeights,
  VALUE_LIMIT,
  type NetworkDescription,
  type StepperActivation,
} from '../../../engine/models/network-stepper';

export { HIDDEN_ACTIVATIONS, OUTPUT_ACTIVATIONS, STEPPER_LOSSES as LOSSES, STEPPER_ORDERS as ORDERS } from '../../../engine/models/network-stepper';
export type Activation = StepperActivation;
export const ACTIVATIONS: readonly Activation[] = [...HIDDEN_ACTIVATIONS, 'softmax'];
export type BiasMode = 'shared' | 'unit';

/** The largest magnitude any typed number may have: the engine's limit. */
export const NUMBER_LIMIT = VALUE_LIMIT;

/** "3-4-1" → [3, 4, 1]: 2 to 5 layers of 1 to 4 units; anything else is undefined. */
export function parseLayers(text: string): number[] | undefined {
  const trimmed = text.trim();
  return /^[1-4](-[1-4]){1,4}$/.test(trimmed) ? trimmed.split('-').map(Number) : undefined;
}

export const layersText = (layers: readonly number[]): string => layers.join('-');

const fitted = <T>(old: readonly T[] | undefined, length: number, fresh: (index: number) => T): T[] =>
  Array.from({ length }, (_, index) => (old && index < old.length ? old[index] : fresh(index)));

function activationsFor(old: readonly string[], weightLayers: number): string[] {
  const output = old.at(-1) ?? 'sigmoid';
  return Array.from({ length: weightLayers }, (_, l) => (l === weightLayers - 1 ? output : l < old.length - 1 ? old[l] : 'sigmoid'));
}

/**
 * The description with new layer sizes: every number whose place still exists is kept, new
 * weights and biases come from the seeded generator, new inputs are 0.5 and new targets 0.
 */
export function reshape(description: NetworkDescription, layers: readonly number[], seed: number): NetworkDescription {
  const zeroWeights = layers.slice(1).map((size, l) => Array.from({ length: size }, () => new Array<number>(layers[l]).fill(0)));
  const shaped: NetworkDescription = {
    ...description,
    layers: [...layers],
    activations: activationsFor(description.activations, layers.length - 1),
    inputs: fitted(description.inputs, layers[0], () => 0.5),
    targets: fitted(description.targets, layers.at(-1)!, () => 0),
    weights: zeroWeights,
    biases: layers.slice(1).map((size) => new Array<number>(size).fill(0)),
  };
  const random = randomizeWeights(shaped, seed);
  return {
    ...shaped,
    weights: random.weights.map((rows, l) => rows.map((row, j) => row.map((fresh, k) => description.weights[l]?.[j]?.[k] ?? fresh))),
    // A shared bias stays one value per layer: new units take the layer's (kept or drawn) first bias.
    biases: random.biases.map((row, l) => {
      const kept = description.biases[l];
      return row.map((fresh, j) => kept?.[j] ?? (shaped.sharedBias ? (kept?.[0] ?? row[0]) : fresh));
    }),
  };
}

export function withActivation(description: NetworkDescription, layer: number, activation: Activation): NetworkDescription {
  return { ...description, activations: description.activations.map((old, l) => (l === layer ? activation : old)) };
}

/** Shared biases take each layer's first bias for all its units; per-unit biases start from the shared values. */
export function withBiasMode(description: NetworkDescription, mode: BiasMode): NetworkDescription {
  const sharedBias = mode === 'shared';
  const biases = sharedBias ? description.biases.map((row) => row.map(() => row[0])) : description.biases.map((row) => [...row]);
  return { ...description, sharedBias, biases };
}

export const biasMode = (description: NetworkDescription): BiasMode => (description.sharedBias ? 'shared' : 'unit');

/** One editable number: its form name (as the engine's keys write it), where it lives, its value. */
export interface NumberEntry {
  name: string;
  value: number;
  set: (description: NetworkDescription, value: number) => NetworkDescription;
}

const replaced = <T>(list: readonly T[], index: number, value: T): T[] => list.map((old, i) => (i === index ? value : old));

/** Every number the editor shows, in the order of the network: inputs, targets, weights, biases, learning rate. */
export function numberEntries(description: NetworkDescription): NumberEntry[] {
  const { inputs, targets, weights, biases, sharedBias } = description;
  const entries: NumberEntry[] = [
    ...inputs.map((value, k) => ({ name: `x[${k}]`, value, set: (d: NetworkDescription, v: number) => ({ ...d, inputs: replaced(d.inputs, k, v) }) })),
    ...targets.map((value, j) => ({ name: `t[${j}]`, value, set: (d: NetworkDescription, v: number) => ({ ...d, targets: replaced(d.targets, j, v) }) })),
  ];
  weights.forEach((rows, l) =>
    rows.forEach((row, j) =>
      row.forEach((value, k) =>
        entries.push({
          name: `w[${l + 1}][${j}][${k}]`,
          value,
          set: (d, v) => ({ ...d, weights: replaced(d.weights, l, replaced(d.weights[l], j, replaced(d.weights[l][j], k, v))) }),
        }),
      ),
    ),
  );
  biases.forEach((row, l) => {
    if (sharedBias) {
      entries.push({ name: `b[${l + 1}]`, value: row[0], set: (d, v) => ({ ...d, biases: replaced(d.biases, l, d.biases[l].map(() => v)) }) });
      return;
    }
    row.forEach((value, j) =>
      entries.push({ name: `b[${l + 1}][${j}]`, value, set: (d, v) => ({ ...d, biases: replaced(d.biases, l, replaced(d.biases[l], j, v)) }) }),
    );
  });
  entries.push({ name: 'lr', value: description.lr, set: (d, v) => ({ ...d, lr: v }) });
  return entries;
}

/** Weights row by row, layer by layer; biases one per layer when shared. The order links carry them in. */
export const flatWeights = (description: NetworkDescription): number[] => description.weights.flat(2);
export const flatBiases = (description: NetworkDescription): number[] =>
  description.sharedBias ? description.biases.map((row) => row[0]) : description.biases.flat();

/** The description with the link's flat weights, or undefined when their count does not fit the shape. */
export function withFlatWeights(description: NetworkDescription, flat: readonly number[]): NetworkDescription | undefined {
  if (flat.length !== flatWeights(description).length) return undefined;
  let next = 0;
  return { ...description, weights: description.weights.map((rows) => rows.map((row) => row.map(() => flat[next++]))) };
}

export function withFlatBiases(description: NetworkDescription, flat: readonly number[]): NetworkDescription | undefined {
  if (flat.length !== flatBiases(description).length) return undefined;
  if (description.sharedBias) return { ...description, biases: description.biases.map((row, l) => row.map(() => flat[l])) };
  let next = 0;
  return { ...description, biases: description.biases.map((row) => row.map(() => flat[next++])) };
}

export function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((value, index) => Object.is(value, b[index]));
}
