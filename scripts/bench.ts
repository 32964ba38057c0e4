/**
 * npm run bench: how long the engine takes for what the stepper does on every edit (one replay,
 * 10000 training rounds). Prints figures; the numbers are for people, not for pass/fail.
 */
import { DOCUMENT_PARAMS, replay, train222 } from '../src/engine/backprop222';

function time(label: string, run: () => unknown, repeats = 20) {
  for (let i = 0; i < 3; i++) run();
  const samples: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(samples.length / 2)];
  console.log(`${label.padEnd(44)} median ${median.toFixed(2)} ms   best ${samples[0].toFixed(2)} ms`);
}

time('train222, 10000 rounds (textbook)', () => train222(DOCUMENT_PARAMS, { iterations: 10000 }));
time('train222, 10000 rounds (published)', () => train222(DOCUMENT_PARAMS, { iterations: 10000, order: 'published' }));
time('replay (51 steps + 10000 rounds)', () => replay(DOCUMENT_PARAMS));
const bytes = JSON.stringify(replay(DOCUMENT_PARAMS)).length;
console.log(`${'trace as JSON'.padEnd(44)} ${(bytes / 1024).toFixed(1)} KiB`);
