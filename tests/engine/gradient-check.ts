/** Central finite difference (f(x+h) − f(x−h)) / 2h, the oracle for every analytic derivative. */
export function centralDifference(f: (x: number) => number, x: number, h = 1e-6): number {
  return (f(x + h) - f(x - h)) / (2 * h);
}

/** Relative error scaled so that tiny gradients are compared absolutely. */
export function relativeError(analytic: number, numeric: number): number {
  return Math.abs(analytic - numeric) / Math.max(1e-8, Math.abs(analytic) + Math.abs(numeric));
}
