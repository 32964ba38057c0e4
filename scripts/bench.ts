/**
 * npm run bench: how long the engine takes for what the stepper does on every edit (one replay,
 * 10000 training rounds), next to a straight-line loop of the same arithmetic in plain local
 * variables, the fastest this machine can do it. `npm run bench -- --json` prints one JSON object
 * and nothing else. The numbers are for people, not for pass/fail.
 */
import { sigmoid } from '../src/engine/core/activations';
import { DOCUMENT_PARAMS, replay, train222, type Params222 } from '../src/engine/models/backprop222';

const ROUNDS = 10000;
const REPEATS = 21;
const WARM_UPS = 5;

interface Timing {
  median: number;
  best: number;
}

function time(run: () => unknown): Timing {
  for (let i = 0; i < WARM_UPS; i++) run();
  const samples: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(samples.length / 2)], best: samples[0] };
}

/**
 * The textbook-order training of the 2-2-2 network written out by hand: the engine's operations in
 * the engine's order, so it ends on the same error bit for bit (checked below before timing).
 */
function referenceLoop(p: Params222, rounds: number): number {
  const { i1, i2, t1, t2, lr } = p;
  let { w1, w2, w3, w4, w5, w6, w7, w8 } = p;
  const { b1, b2 } = p;
  let h1 = sigmoid(b1 + w1 * i1 + w2 * i2);
  let h2 = sigmoid(b1 + w3 * i1 + w4 * i2);
  let o1 = sigmoid(b2 + w5 * h1 + w6 * h2);
  let o2 = sigmoid(b2 + w7 * h1 + w8 * h2);
  let error = 0.5 * (t1 - o1) ** 2 + 0.5 * (t2 - o2) ** 2;
  for (let round = 0; round < rounds; round++) {
    const d1 = o1 * (1 - o1) * (o1 - t1);
    const d2 = o2 * (1 - o2) * (o2 - t2);
    const e1 = h1 * (1 - h1) * (0 + w5 * d1 + w7 * d2);
    const e2 = h2 * (1 - h2) * (0 + w6 * d1 + w8 * d2);
    w5 = w5 - lr * (0 + d1 * h1 + 0 * w5);
    w6 = w6 - lr * (0 + d1 * h2 + 0 * w6);
    w7 = w7 - lr * (0 + d2 * h1 + 0 * w7);
    w8 = w8 - lr * (0 + d2 * h2 + 0 * w8);
    w1 = w1 - lr * (0 + e1 * i1 + 0 * w1);
    w2 = w2 - lr * (0 + e1 * i2 + 0 * w2);
    w3 = w3 - lr * (0 + e2 * i1 + 0 * w3);
    w4 = w4 - lr * (0 + e2 * i2 + 0 * w4);
    h1 = sigmoid(b1 + w1 * i1 + w2 * i2);
    h2 = sigmoid(b1 + w3 * i1 + w4 * i2);
    o1 = sigmoid(b2 + w5 * h1 + w6 * h2);
    o2 = sigmoid(b2 + w7 * h1 + w8 * h2);
    error = 0.5 * (t1 - o1) ** 2 + 0.5 * (t2 - o2) ** 2;
  }
  return error;
}

const engineError = train222(DOCUMENT_PARAMS, { iterations: ROUNDS }).errors[ROUNDS];
const referenceError = referenceLoop(DOCUMENT_PARAMS, ROUNDS);
if (!Object.is(engineError, referenceError)) {
  console.error(`the reference loop ends on ${referenceError}, the engine on ${engineError}: they no longer do the same arithmetic`);
  process.exit(1);
}

const reference = time(() => referenceLoop(DOCUMENT_PARAMS, ROUNDS));
const textbook = time(() => train222(DOCUMENT_PARAMS, { iterations: ROUNDS }));
const published = time(() => train222(DOCUMENT_PARAMS, { iterations: ROUNDS, order: 'published' }));
const replayTiming = time(() => replay(DOCUMENT_PARAMS));
const traceKiB = JSON.stringify(replay(DOCUMENT_PARAMS)).length / 1024;
const round = (ms: number) => Math.round(ms * 1000) / 1000;

if (process.argv.includes('--json')) {
  const figures = {
    runs: REPEATS,
    train_2_2_2_10000_rounds_ms: round(textbook.median),
    train_2_2_2_published_10000_rounds_ms: round(published.median),
    reference_loop_10000_rounds_ms: round(reference.median),
    engine_to_reference_ratio: Math.round((textbook.median / reference.median) * 100) / 100,
    replay_ms: round(replayTiming.median),
    trace_json_kib: Math.round(traceKiB * 10) / 10,
  };
  process.stdout.write(`${JSON.stringify(figures)}\n`);
} else {
  const row = (label: string, t: Timing) =>
    console.log(`${label.padEnd(44)} median ${t.median.toFixed(2)} ms   best ${t.best.toFixed(2)} ms`);
  row('train222, 10000 rounds (textbook)', textbook);
  row('train222, 10000 rounds (published)', published);
  row('reference loop, 10000 rounds (textbook)', reference);
  row('replay (51 steps + 10000 rounds)', replayTiming);
  console.log(`${'engine / reference loop'.padEnd(44)} ${(textbook.median / reference.median).toFixed(2)}×`);
  console.log(`${'trace as JSON'.padEnd(44)} ${traceKiB.toFixed(1)} KiB`);
}
