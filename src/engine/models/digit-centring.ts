/**
 * A drawn digit prepared the way MNIST's digits were: the ink's bounding box is scaled (aspect kept)
 * so its longer side is 20 pixels, by averaging the source pixels that fall into each target pixel,
 * and placed in a 28 × 28 field so that its centre of mass sits at the field's centre (14, 14).
 */
export const FIELD = 28;
export const BOX = 20;
/** Source pixels fainter than this do not count as ink for the bounding box. */
const INK_THRESHOLD = 0.05;

export interface CentredDigit {
  /** 784 ink levels in [0, 1], row by row; all 0 when nothing was drawn. */
  pixels: Float64Array;
  empty: boolean;
}

/** `ink` holds width × height levels in [0, 1] (0 = paper). */
export function centreDigit(ink: ArrayLike<number>, width: number, height: number): CentredDigit {
  let left = width, right = -1, top = height, bottom = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (ink[y * width + x] <= INK_THRESHOLD) continue;
      left = Math.min(left, x);
      right = Math.max(right, x);
      top = Math.min(top, y);
      bottom = Math.max(bottom, y);
    }
  }
  const pixels = new Float64Array(FIELD * FIELD);
  if (right < 0) return { pixels, empty: true };
  const boxWidth = right - left + 1;
  const boxHeight = bottom - top + 1;
  const scale = BOX / Math.max(boxWidth, boxHeight);
  const targetWidth = Math.max(1, Math.round(boxWidth * scale));
  const targetHeight = Math.max(1, Math.round(boxHeight * scale));
  const sums = new Float64Array(targetWidth * targetHeight);
  const counts = new Float64Array(targetWidth * targetHeight);
  for (let y = top; y <= bottom; y++) {
    const ty = Math.min(targetHeight - 1, Math.floor((y - top) * scale));
    for (let x = left; x <= right; x++) {
      const tx = Math.min(targetWidth - 1, Math.floor((x - left) * scale));
      sums[ty * targetWidth + tx] += ink[y * width + x];
      counts[ty * targetWidth + tx] += 1;
    }
  }
  let mass = 0, massX = 0, massY = 0;
  for (let i = 0; i < sums.length; i++) {
    const value = counts[i] ? sums[i] / counts[i] : 0;
    sums[i] = value;
    mass += value;
    massX += value * ((i % targetWidth) + 0.5);
    massY += value * (Math.floor(i / targetWidth) + 0.5);
  }
  const place = (centre: number, size: number) => Math.max(0, Math.min(FIELD - size, Math.round(FIELD / 2 - centre)));
  const offsetX = place(massX / mass, targetWidth);
  const offsetY = place(massY / mass, targetHeight);
  for (let y = 0; y < targetHeight; y++) for (let x = 0; x < targetWidth; x++) pixels[(y + offsetY) * FIELD + x + offsetX] = sums[y * targetWidth + x];
  return { pixels, empty: false };
}
