/** "New seed" buttons walk the 32-bit seeds in order, so any picture can be found again by its number. */
export const MAX_SEED = 0xffffffff;

export function nextSeed(seed: number, max = MAX_SEED): number {
  return seed >= max ? 0 : seed + 1;
}
