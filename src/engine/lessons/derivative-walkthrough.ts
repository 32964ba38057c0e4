/**
 * Lesson calculator for gradients/gradient-descent: document 002 §7.2.6.1's nudge experiments
 * (f(a) = 4a at a = 2; f(a) = a² at a = 2 and a = 5, each moved by 0.001), its table of derivatives
 * checked by the same experiment, and the update rule w := w − α dJ/dw run on the widget's parabola
 * and on a two-parameter bowl J(w, b). Pure functions, no DOM.
 */
import { sigmoid } from '../core/activations';
import { CURVES, descend1d, type Descent1dRun } from '../models/gradient-descent';

/** The document's nudge. */
export const NUDGE = 0.001;

export interface Nudge {
  a: number;
  fa: number;
  nudged: number;
  fNudged: number;
  /** f(a + h) − f(a) */
  change: number;
  /** change / h: the slope the experiment measures. */
  ratio: number;
  /** The exact derivative at a. */
  derivative: number;
}

export function nudge(f: (a: number) => number, df: (a: number) => number, a: number, h = NUDGE): Nudge {
  const fa = f(a);
  const fNudged = f(a + h);
  return { a, fa, nudged: a + h, fNudged, change: fNudged - fa, ratio: (fNudged - fa) / h, derivative: df(a) };
}

/** The three experiments of document 002 §7.2.6.1. */
export function documentNudges(): { line: Nudge; squareAt2: Nudge; squareAt5: Nudge } {
  const line = (a: number) => 4 * a;
  const square = (a: number) => a * a;
  return {
    line: nudge(line, () => 4, 2),
    squareAt2: nudge(square, (a) => 2 * a, 2),
    squareAt5: nudge(square, (a) => 2 * a, 5),
  };
}

export interface TableRow {
  id: 'square' | 'cube' | 'log' | 'exp' | 'sigmoid' | 'tanh';
  tex: string;
  derivativeTex: string;
  nudge: Nudge;
}

/** Document 002's table of derivatives, each entry tested by the nudge at the same point a. */
export function derivativeTable(a = 2, h = NUDGE): TableRow[] {
  const rows: [TableRow['id'], string, string, (x: number) => number, (x: number) => number][] = [
    ['square', 'a^2', '2a', (x) => x * x, (x) => 2 * x],
    ['cube', 'a^3', '3a^2', (x) => x ** 3, (x) => 3 * x * x],
    ['log', '\\ln a', '\\frac{1}{a}', Math.log, (x) => 1 / x],
    ['exp', 'e^a', 'e^a', Math.exp, Math.exp],
    ['sigmoid', '\\sigma(a)', '\\sigma(a)(1-\\sigma(a))', sigmoid, (x) => sigmoid(x) * (1 - sigmoid(x))],
    ['tanh', '\\tanh a', '1-\\tanh^2 a', Math.tanh, (x) => 1 - Math.tanh(x) ** 2],
  ];
  return rows.map(([id, tex, derivativeTex, f, df]) => ({ id, tex, derivativeTex, nudge: nudge(f, df, a, h) }));
}

/** A finished run of the widget's parabola J = (w − 3)² + 1; throws on input the lesson never passes. */
export function parabolaRun(w0: number, alpha: number, steps: number): Descent1dRun {
  const run = descend1d(CURVES.parabola, w0, alpha, steps);
  if (!run.ok) throw new Error('parabolaRun: refused input');
  return run;
}

/** On the parabola the distance to the minimum is multiplied by (1 − 2α) at every step. */
export function parabolaFactor(alpha: number): number {
  return 1 - 2 * alpha;
}

/** The site's two-parameter bowl J(w, b) = (w − 3)² + 2(b + 1)² + 1, minimum J = 1 at (3, −1). */
export const BOWL = {
  J: (w: number, b: number) => (w - 3) ** 2 + 2 * (b + 1) ** 2 + 1,
  dJdw: (w: number) => 2 * (w - 3),
  dJdb: (b: number) => 4 * (b + 1),
};

export interface BowlStep {
  step: number;
  w: number;
  b: number;
  J: number;
  dJdw: number;
  dJdb: number;
}

/** w := w − α ∂J/∂w and b := b − α ∂J/∂b together, from (w0, b0). */
export function bowlRun(w0: number, b0: number, alpha: number, steps: number): BowlStep[] {
  const records: BowlStep[] = [];
  let w = w0;
  let b = b0;
  for (let step = 0; step <= steps; step++) {
    const dJdw = BOWL.dJdw(w);
    const dJdb = BOWL.dJdb(b);
    records.push({ step, w, b, J: BOWL.J(w, b), dJdw, dJdb });
    w -= alpha * dJdw;
    b -= alpha * dJdb;
  }
  return records;
}
