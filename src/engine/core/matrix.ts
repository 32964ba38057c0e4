/**
 * Dense matrices as arrays of rows, for the vectorised formulas of the lessons (samples stacked as
 * columns, Z = W X + b). Every function returns new data and throws a RangeError on mismatched shapes, so a
 * formula written with the wrong transpose fails loudly instead of producing numbers.
 */

export type Matrix = number[][];

export interface MatrixShape {
  rows: number;
  cols: number;
}

export function shapeOf(a: readonly (readonly number[])[]): MatrixShape {
  return { rows: a.length, cols: a.length === 0 ? 0 : a[0].length };
}

/** The shape as the pair (rows, columns) the lessons write, e.g. X is (n, m). */
export function shapePair(a: readonly (readonly number[])[]): [number, number] {
  const { rows, cols } = shapeOf(a);
  return [rows, cols];
}

function sameShape(a: readonly (readonly number[])[], b: readonly (readonly number[])[], what: string): void {
  const sa = shapeOf(a);
  const sb = shapeOf(b);
  if (sa.rows !== sb.rows || sa.cols !== sb.cols) {
    throw new RangeError(`${what}: shapes (${sa.rows},${sa.cols}) and (${sb.rows},${sb.cols}) differ`);
  }
}

/** A B */
export function matmul(a: readonly (readonly number[])[], b: readonly (readonly number[])[]): Matrix {
  const sa = shapeOf(a);
  const sb = shapeOf(b);
  if (sa.cols !== sb.rows) throw new RangeError(`matmul: (${sa.rows},${sa.cols}) × (${sb.rows},${sb.cols})`);
  return a.map((row) => Array.from({ length: sb.cols }, (_, j) => row.reduce((sum, value, k) => sum + value * b[k][j], 0)));
}

/** Aᵀ */
export function transpose(a: readonly (readonly number[])[]): Matrix {
  const { rows, cols } = shapeOf(a);
  return Array.from({ length: cols }, (_, j) => Array.from({ length: rows }, (_, i) => a[i][j]));
}

/** f applied to every entry. */
export function mapMatrix(a: readonly (readonly number[])[], f: (value: number, i: number, j: number) => number): Matrix {
  return a.map((row, i) => row.map((value, j) => f(value, i, j)));
}

/** A + B */
export function add(a: readonly (readonly number[])[], b: readonly (readonly number[])[]): Matrix {
  sameShape(a, b, 'add');
  return mapMatrix(a, (value, i, j) => value + b[i][j]);
}

/** A − B */
export function subtract(a: readonly (readonly number[])[], b: readonly (readonly number[])[]): Matrix {
  sameShape(a, b, 'subtract');
  return mapMatrix(a, (value, i, j) => value - b[i][j]);
}

/** A ⊙ B (elementwise product) */
export function hadamard(a: readonly (readonly number[])[], b: readonly (readonly number[])[]): Matrix {
  sameShape(a, b, 'hadamard');
  return mapMatrix(a, (value, i, j) => value * b[i][j]);
}

/** s A */
export function scale(a: readonly (readonly number[])[], s: number): Matrix {
  return mapMatrix(a, (value) => s * value);
}

/** A + b with the column vector b added to every column (numpy broadcasting of an (n,1) bias). */
export function addColumnVector(a: readonly (readonly number[])[], b: readonly number[]): Matrix {
  if (b.length !== a.length) throw new RangeError(`addColumnVector: ${a.length} rows but ${b.length} biases`);
  return mapMatrix(a, (value, i) => value + b[i]);
}

/** Row sums, np.sum(A, axis=1): one number per row. */
export function sumRows(a: readonly (readonly number[])[]): number[] {
  return a.map((row) => row.reduce((sum, value) => sum + value, 0));
}

/** Column j of A as a plain vector (sample j when samples are columns). */
export function column(a: readonly (readonly number[])[], j: number): number[] {
  return a.map((row) => row[j]);
}

/** The matrix whose columns are the given vectors. */
export function fromColumns(columns: readonly (readonly number[])[]): Matrix {
  return transpose(columns);
}

/** tr(Aᵀ B) = Σ_ij A_ij B_ij, the inner product of two same-shaped matrices. */
export function traceInner(a: readonly (readonly number[])[], b: readonly (readonly number[])[]): number {
  sameShape(a, b, 'traceInner');
  return a.reduce((sum, row, i) => sum + row.reduce((s, value, j) => s + value * b[i][j], 0), 0);
}

/** Largest |A_ij − B_ij|. */
export function maxAbsDifference(a: readonly (readonly number[])[], b: readonly (readonly number[])[]): number {
  sameShape(a, b, 'maxAbsDifference');
  return Math.max(0, ...a.flatMap((row, i) => row.map((value, j) => Math.abs(value - b[i][j]))));
}

/** A fixed-decimal entry for a matrix display; −0.0000 is shown as 0.0000. */
export function fixedEntry(value: number, decimals: number): string {
  const text = value.toFixed(decimals);
  return /^-0\.?0*$/.test(text) ? text.slice(1) : text;
}

/** LaTeX bmatrix of A with every entry at the same number of decimals. */
export function texMatrix(a: readonly (readonly number[])[], decimals = 4): string {
  const body = a.map((row) => row.map((value) => fixedEntry(value, decimals)).join(' & ')).join(' \\\\ ');
  return `\\begin{bmatrix} ${body} \\end{bmatrix}`;
}
