/** Scales and ticks for the small SVG charts; pure functions so they are tested without a DOM. */

export interface Series {
  name: string;
  /** [x, y] pairs in data units. */
  points: [number, number][];
}

/** Keeps at most maxPoints evenly spaced entries of a long curve, always keeping the last one. */
export function downsample(values: ArrayLike<number>, maxPoints: number): [number, number][] {
  if (values.length <= maxPoints) return Array.from(values, (value, i) => [i, value]);
  const stride = (values.length - 1) / (maxPoints - 1);
  return Array.from({ length: maxPoints }, (_, k) => {
    const i = Math.round(k * stride);
    return [i, values[i]] as [number, number];
  });
}

/** Linear map from [d0, d1] to [r0, r1]. */
export function linearScale(d0: number, d1: number, r0: number, r1: number) {
  const span = d1 - d0 || 1;
  return (value: number) => r0 + ((value - d0) / span) * (r1 - r0);
}

/** Powers of ten spanning [min, max] for a log axis. */
export function logTicks(min: number, max: number): number[] {
  const low = Math.floor(Math.log10(min));
  const high = Math.ceil(Math.log10(max));
  const ticks: number[] = [];
  for (let e = low; e <= high; e++) ticks.push(10 ** e);
  return ticks;
}

/** About `count` round-numbered ticks across [min, max]. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  const span = max - min || 1;
  const rough = span / count;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? rough;
  const ticks: number[] = [];
  for (let t = Math.ceil(min / step) * step; t <= max + step * 1e-9; t += step) ticks.push(Number(t.toPrecision(12)));
  return ticks;
}
