/**
 * The MNIST lab's trained weights as a JSON file a reader downloads and loads back: both networks,
 * the training statistics their inputs are normalised with, and how they were trained. Loading
 * checks every part, so a hand-edited or foreign file gets a reason instead of a broken network.
 */
import type { DenseLoss, DenseNetwork } from './dense-sigmoid';
import { CLASSES, LAB_RANGES, LAB_LOSSES, PIXELS, labSettingsErrors, type LabSettings, type Normalizer } from './mnist-lab';

export const WEIGHTS_FORMAT = 'nn-courseware/mnist-lab-weights';
export const WEIGHTS_VERSION = 1;

export interface LabWeights {
  settings: LabSettings;
  /** Epochs both networks had finished. */
  epochs: number;
  normalizer: { mean: Float64Array; std: Float64Array };
  networks: Record<DenseLoss, DenseNetwork>;
}

export function weightsToJson(weights: LabWeights): string {
  return JSON.stringify({
    format: WEIGHTS_FORMAT,
    version: WEIGHTS_VERSION,
    settings: weights.settings,
    epochs: weights.epochs,
    normalizer: { mean: Array.from(weights.normalizer.mean), std: Array.from(weights.normalizer.std) },
    networks: Object.fromEntries(
      LAB_LOSSES.map((loss) => [loss, { sizes: weights.networks[loss].sizes, weights: weights.networks[loss].weights.map((w) => Array.from(w)), biases: weights.networks[loss].biases.map((b) => Array.from(b)) }]),
    ),
  });
}

export type WeightsProblem = 'not-json' | 'wrong-format' | 'wrong-version' | 'bad-settings' | 'bad-normalizer' | 'bad-network';

const finiteArray = (value: unknown, length: number, positive = false): Float64Array | undefined =>
  Array.isArray(value) && value.length === length && value.every((v) => typeof v === 'number' && Number.isFinite(v) && (!positive || v > 0))
    ? Float64Array.from(value as number[])
    : undefined;

function readNetwork(value: unknown, hidden: number): DenseNetwork | undefined {
  const sizes = [PIXELS, hidden, CLASSES];
  const raw = value as { sizes?: unknown; weights?: unknown; biases?: unknown } | null;
  if (!raw || JSON.stringify(raw.sizes) !== JSON.stringify(sizes) || !Array.isArray(raw.weights) || !Array.isArray(raw.biases)) return undefined;
  if (raw.weights.length !== 2 || raw.biases.length !== 2) return undefined;
  const weights = [0, 1].map((l) => finiteArray((raw.weights as unknown[])[l], sizes[l] * sizes[l + 1]));
  const biases = [0, 1].map((l) => finiteArray((raw.biases as unknown[])[l], sizes[l + 1]));
  if (weights.some((w) => !w) || biases.some((b) => !b)) return undefined;
  return { sizes, weights: weights as Float64Array[], biases: biases as Float64Array[] };
}

export function weightsFromJson(text: string): { weights: LabWeights } | { problem: WeightsProblem } {
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(text);
  } catch {
    return { problem: 'not-json' };
  }
  if (!raw || typeof raw !== 'object' || raw.format !== WEIGHTS_FORMAT) return { problem: 'wrong-format' };
  if (raw.version !== WEIGHTS_VERSION) return { problem: 'wrong-version' };
  const settings = raw.settings as LabSettings;
  if (!settings || typeof settings !== 'object' || labSettingsErrors(settings).length > 0) return { problem: 'bad-settings' };
  const epochs = raw.epochs;
  if (typeof epochs !== 'number' || !Number.isInteger(epochs) || epochs < 0 || epochs > LAB_RANGES.epochs.max) return { problem: 'bad-settings' };
  const normalizer = raw.normalizer as { mean?: unknown; std?: unknown } | null;
  const mean = finiteArray(normalizer?.mean, PIXELS);
  const std = finiteArray(normalizer?.std, PIXELS, true);
  if (!mean || !std) return { problem: 'bad-normalizer' };
  const networks = raw.networks as Record<string, unknown> | null;
  const read = LAB_LOSSES.map((loss) => readNetwork(networks?.[loss], settings.hidden));
  if (read.some((network) => !network)) return { problem: 'bad-network' };
  return {
    weights: {
      settings: { learningRate: settings.learningRate, batchSize: settings.batchSize, hidden: settings.hidden, epochs: settings.epochs, trainSize: settings.trainSize, seed: settings.seed },
      epochs,
      normalizer: { mean, std },
      networks: { halfSumSquares: read[0]!, binaryCrossEntropy: read[1]! },
    },
  };
}

/** A drawn digit (ink levels in [0, 1]) in the networks' input scale. */
export function normalizeDrawing(pixels: ArrayLike<number>, normalizer: Pick<Normalizer, 'mean' | 'std'>): Float64Array {
  return Float64Array.from({ length: PIXELS }, (_, k) => (pixels[k] - normalizer.mean[k]) / normalizer.std[k]);
}
