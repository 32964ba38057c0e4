/**
 * npm run bench:mnist [-- --json] [--loss ce|mse] [--seed S]: one epoch of the MNIST lab's work —
 * 8000 training images, a 784-100-10 sigmoid network, learning rate 2, batches of 200 — trained
 * side by side in one process by the project's engine (src/engine/models/dense-sigmoid.ts) and by
 * TensorFlow.js 4.22 on its pure-JavaScript CPU backend, from the same initial weights through the
 * same batches, each then scored on the 2000 test images. Times cover the training loop only (data
 * already in memory, tensors already built); the engine runs first.
 */
import * as tf from '@tensorflow/tfjs';
import { createDenseNetwork, createWorkspace, epochBatches, evaluate, trainBatch, type DenseLoss } from '../src/engine/models/dense-sigmoid';
import { CLASSES, DEFAULT_LAB_SETTINGS, INIT_SCALE, PIXELS, prepareLabData } from '../src/engine/models/mnist-lab';
import { createRng } from '../src/engine/core/random';
import { labImages } from './mnist-data';

const args = process.argv.slice(2);
const valueOf = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const lossArg = valueOf('loss') ?? 'ce';
if (lossArg !== 'ce' && lossArg !== 'mse') {
  console.error(`--loss must be ce or mse, not ${lossArg}`);
  process.exit(2);
}
const loss: DenseLoss = lossArg === 'ce' ? 'binaryCrossEntropy' : 'halfSumSquares';
const seed = Number(valueOf('seed') ?? DEFAULT_LAB_SETTINGS.seed);
if (!Number.isInteger(seed) || seed < 0) {
  console.error('--seed must be a non-negative integer');
  process.exit(2);
}
const { learningRate, batchSize, hidden, trainSize } = DEFAULT_LAB_SETTINGS;
const TEST_SIZE = 2000;
const sizes = [PIXELS, hidden, CLASSES];

async function main() {
  const images = labImages();
  const { train, test } = prepareLabData(images, trainSize, images.trainCount, TEST_SIZE);
  const batches = epochBatches(train.count, batchSize, createRng(seed + 1));
  const initial = createDenseNetwork(sizes, seed, INIT_SCALE);

  const network = createDenseNetwork(sizes, seed, INIT_SCALE);
  const workspace = createWorkspace(sizes, batchSize);
  const engineStart = performance.now();
  for (const batch of batches) trainBatch(network, loss, learningRate, train, batch, 0, batch.length, workspace);
  const engineMs = performance.now() - engineStart;
  const engineAccuracy = evaluate(network, test, createWorkspace(sizes, 250)).accuracy;

  await tf.setBackend('cpu');
  const x = tf.tensor2d(Float32Array.from(train.pixels), [train.count, PIXELS]);
  const y = tf.oneHot(tf.tensor1d(Array.from(train.labels), 'int32'), CLASSES).toFloat();
  const hiddenLayer = tf.layers.dense({ units: hidden, activation: 'sigmoid', inputShape: [PIXELS] });
  const outputLayer = tf.layers.dense({ units: CLASSES });
  const model = tf.sequential({ layers: [hiddenLayer, outputLayer] });
  // Our weights are out × in; a Dense kernel is in × out.
  hiddenLayer.setWeights([tf.tensor2d(Float32Array.from(initial.weights[0]), [hidden, PIXELS]).transpose(), tf.tensor1d(Float32Array.from(initial.biases[0]))]);
  outputLayer.setWeights([tf.tensor2d(Float32Array.from(initial.weights[1]), [CLASSES, hidden]).transpose(), tf.tensor1d(Float32Array.from(initial.biases[1]))]);
  const optimizer = tf.train.sgd(learningRate);
  const batchLoss = (targets: tf.Tensor, logits: tf.Tensor, count: number): tf.Scalar =>
    loss === 'binaryCrossEntropy'
      ? tf.losses.sigmoidCrossEntropy(targets, logits, undefined, 0, tf.Reduction.SUM).div(count)
      : tf.sum(tf.square(tf.sigmoid(logits).sub(targets))).mul(0.5 / count);
  const tfStart = performance.now();
  for (const batch of batches) {
    const indices = tf.tensor1d(batch, 'int32');
    const xb = tf.gather(x, indices);
    const yb = tf.gather(y, indices);
    optimizer.minimize(() => batchLoss(yb, model.predict(xb) as tf.Tensor, batch.length));
    tf.dispose([indices, xb, yb]);
  }
  const tfMs = performance.now() - tfStart;
  const testX = tf.tensor2d(Float32Array.from(test.pixels), [test.count, PIXELS]);
  const predicted = await (tf.argMax(model.predict(testX) as tf.Tensor, 1) as tf.Tensor1D).data();
  const tfAccuracy = Array.from(predicted).filter((p, i) => p === test.labels[i]).length / test.count;

  const result = {
    loss: lossArg,
    images: train.count,
    testImages: test.count,
    network: sizes,
    learningRate,
    batchSize,
    engine: { ms: Math.round(engineMs), imagesPerSecond: Math.round(train.count / (engineMs / 1000)), accuracy: engineAccuracy },
    tfjs: { backend: tf.getBackend(), version: tf.version.tfjs, ms: Math.round(tfMs), imagesPerSecond: Math.round(train.count / (tfMs / 1000)), accuracy: tfAccuracy },
    /** tfjs time ÷ engine time: above 1 means the engine is faster. */
    ratio: Number((tfMs / engineMs).toFixed(2)),
  };
  if (args.includes('--json')) console.log(JSON.stringify(result));
  else {
    console.log(`engine: ${result.engine.ms} ms (${result.engine.imagesPerSecond} images/s), test accuracy ${engineAccuracy}`);
    console.log(`tfjs ${result.tfjs.backend}: ${result.tfjs.ms} ms (${result.tfjs.imagesPerSecond} images/s), test accuracy ${tfAccuracy}`);
    console.log(`the engine is ${result.ratio}× as fast as tfjs`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
