/**
 * `npm run mnist -- --json --loss mse|ce --train N --test M --epochs E --seed S`: one run of the MNIST
 * lab's training on the packed order of the `mnist` package's digits (train = the first N of the
 * 8000 training images, test = the first M of the 2000 test images), printed as one JSON object:
 * { "loss", "train", "test", "epochs", "seed", "accuracy", "epoch_ms": [...] }. Bad arguments exit
 * with status 2 and a one-line message.
 */
import { DEFAULT_LAB_SETTINGS, LAB_RANGES, createLabRun, prepareLabData, trainToEnd } from '../src/engine/models/mnist-lab';
import { PACK_TRAIN } from '../src/engine/models/mnist-pack';
import { labImages } from './mnist-data';

export interface CliOptions {
  loss: 'mse' | 'ce';
  train: number;
  test: number;
  epochs: number;
  seed: number;
}

const TEST_RANGE = 2000;
const LIMITS: Record<Exclude<keyof CliOptions, 'loss'>, { min: number; max: number }> = {
  train: { min: 1, max: PACK_TRAIN },
  test: { min: 1, max: TEST_RANGE },
  epochs: LAB_RANGES.epochs,
  seed: LAB_RANGES.seed,
};

/** The options, or the one-line reason they are refused. `--json` itself is the caller's business. */
export function parseCliArgs(args: readonly string[]): CliOptions | { error: string } {
  const options: CliOptions = { loss: 'ce', train: DEFAULT_LAB_SETTINGS.trainSize, test: TEST_RANGE, epochs: 1, seed: DEFAULT_LAB_SETTINGS.seed };
  for (let i = 0; i < args.length; i++) {
    const flag = args[i];
    if (flag === '--json') continue;
    const name = flag.startsWith('--') ? flag.slice(2) : '';
    if (!(name in options)) return { error: `unknown argument ${JSON.stringify(flag)} (expected --loss, --train, --test, --epochs, --seed)` };
    const value = args[++i];
    if (value === undefined) return { error: `${flag} needs a value` };
    if (name === 'loss') {
      if (value !== 'mse' && value !== 'ce') return { error: `--loss must be mse or ce, not ${JSON.stringify(value)}` };
      options.loss = value;
      continue;
    }
    const key = name as keyof typeof LIMITS;
    const number = /^\d+$/.test(value) ? Number(value) : NaN;
    const { min, max } = LIMITS[key];
    if (!Number.isSafeInteger(number) || number < min || number > max) return { error: `--${key} must be an integer from ${min} to ${max}, not ${JSON.stringify(value)}` };
    options[key] = number;
  }
  return options;
}

export function runCli(args: readonly string[]): void {
  const options = parseCliArgs(args);
  if ('error' in options) {
    console.error(options.error);
    process.exit(2);
  }
  const images = labImages();
  const { train, test } = prepareLabData(images, options.train, images.trainCount, options.test);
  const settings = { ...DEFAULT_LAB_SETTINGS, trainSize: options.train, epochs: options.epochs, seed: options.seed };
  const run = createLabRun(options.loss === 'ce' ? 'binaryCrossEntropy' : 'halfSumSquares', settings, train, test);
  const epochMs: number[] = [];
  let started = performance.now();
  const results = trainToEnd(run, () => {
    const now = performance.now();
    epochMs.push(Math.round(now - started));
    started = now;
  });
  const { loss, train: trainCount, test: testCount, epochs, seed } = options;
  console.log(JSON.stringify({ loss, train: trainCount, test: testCount, epochs, seed, accuracy: results.at(-1)!.evaluation.accuracy, epoch_ms: epochMs }));
}
