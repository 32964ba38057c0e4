/**
 * The lab's data file (public/data/mnist-digits.bin, written by scripts/pack-mnist.ts): a 16-byte
 * header, then every image's 784 grey levels (uint8, 0 = paper, 255 = ink, row by row), then every
 * label (uint8, 0..9).
 *
 *   bytes 0–3   magic "NNMD"          byte 4  format version (1)
 *   byte 5      rows (28)              byte 6  columns (28)          byte 7  0
 *   bytes 8–11  image count (uint32, little-endian)
 *   bytes 12–15 training images (uint32): images [0, train) are the training range,
 *               [train, count) the test range
 *
 * The images are the `mnist` package's 10 000 digits in one seeded shuffle (PACK_SEED), so both
 * ranges hold every digit in about its share: 8000 training and 2000 test images.
 */
import { createRng } from '../core/random';
import { permutation } from './dense-sigmoid';

export const PACK_MAGIC = 'NNMD';
export const PACK_VERSION = 1;
export const PACK_HEADER_BYTES = 16;
export const PACK_SEED = 2024;
export const PACK_SIDE = 28;
export const PACK_TRAIN = 8000;

export interface MnistPack {
  count: number;
  trainCount: number;
  /** count × 784 grey levels. */
  pixels: Uint8Array;
  labels: Uint8Array;
}

export type PackProblem = 'too-short' | 'bad-magic' | 'bad-version' | 'bad-shape' | 'wrong-length' | 'bad-label';

export const packBytes = (count: number) => PACK_HEADER_BYTES + count * PACK_SIDE * PACK_SIDE + count;

/** The file for `count` images (grey levels 0..255, labels 0..9), the first `trainCount` the training range. */
export function encodeMnistPack(pixels: Uint8Array, labels: Uint8Array, trainCount: number): Uint8Array {
  const count = labels.length;
  const bytes = new Uint8Array(packBytes(count));
  for (let i = 0; i < 4; i++) bytes[i] = PACK_MAGIC.charCodeAt(i);
  bytes.set([PACK_VERSION, PACK_SIDE, PACK_SIDE, 0], 4);
  const view = new DataView(bytes.buffer);
  view.setUint32(8, count, true);
  view.setUint32(12, trainCount, true);
  bytes.set(pixels, PACK_HEADER_BYTES);
  bytes.set(labels, PACK_HEADER_BYTES + pixels.length);
  return bytes;
}

/** Reads the file, or says what is wrong with it. The arrays are views on `bytes`. */
export function decodeMnistPack(bytes: Uint8Array): { pack: MnistPack } | { problem: PackProblem } {
  if (bytes.length < PACK_HEADER_BYTES) return { problem: 'too-short' };
  if (String.fromCharCode(...bytes.subarray(0, 4)) !== PACK_MAGIC) return { problem: 'bad-magic' };
  if (bytes[4] !== PACK_VERSION) return { problem: 'bad-version' };
  if (bytes[5] !== PACK_SIDE || bytes[6] !== PACK_SIDE) return { problem: 'bad-shape' };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = view.getUint32(8, true);
  const trainCount = view.getUint32(12, true);
  if (trainCount > count || bytes.length !== packBytes(count)) return { problem: 'wrong-length' };
  const pixelBytes = count * PACK_SIDE * PACK_SIDE;
  const labels = bytes.subarray(PACK_HEADER_BYTES + pixelBytes);
  if (labels.some((label) => label > 9)) return { problem: 'bad-label' };
  return { pack: { count, trainCount, pixels: bytes.subarray(PACK_HEADER_BYTES, PACK_HEADER_BYTES + pixelBytes), labels } };
}

/** Grey levels in [0, 1] (the `mnist` package's scale) to bytes. */
export const toGreyLevel = (value: number) => Math.max(0, Math.min(255, Math.round(value * 255)));

/** The digits in the file's order: one seeded shuffle of all of them. */
export function shuffleForPack(pixels: Uint8Array, labels: Uint8Array): { pixels: Uint8Array; labels: Uint8Array } {
  const size = PACK_SIDE * PACK_SIDE;
  const order = permutation(labels.length, createRng(PACK_SEED));
  const shuffled = new Uint8Array(pixels.length);
  order.forEach((from, to) => shuffled.set(pixels.subarray(from * size, (from + 1) * size), to * size));
  return { pixels: shuffled, labels: Uint8Array.from(order, (from) => labels[from]) };
}
