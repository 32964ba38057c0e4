/** The small matrix helpers behind the vectorised lessons, checked on hand-sized examples. */
import { describe, expect, it } from 'vitest';
import {
  add,
  addColumnVector,
  column,
  fixedEntry,
  fromColumns,
  hadamard,
  mapMatrix,
  matmul,
  maxAbsDifference,
  scale,
  shapeOf,
  subtract,
  sumRows,
  texMatrix,
  traceInner,
  transpose,
} from '../../src/engine/core/matrix';

const A = [
  [1, 2, 3],
  [4, 5, 6],
];
const B = [
  [1, 0],
  [0, 1],
  [2, -1],
];

describe('matrix helpers', () => {
  it.each([
    ['A B', () => matmul(A, B), [[7, -1], [16, -1]]],
    ['Aᵀ', () => transpose(A), [[1, 4], [2, 5], [3, 6]]],
    ['A + A', () => add(A, A), [[2, 4, 6], [8, 10, 12]]],
    ['A − A', () => subtract(A, A), [[0, 0, 0], [0, 0, 0]]],
    ['A ⊙ A', () => hadamard(A, A), [[1, 4, 9], [16, 25, 36]]],
    ['2A', () => scale(A, 2), [[2, 4, 6], [8, 10, 12]]],
    ['A + b (broadcast over columns)', () => addColumnVector(A, [10, 20]), [[11, 12, 13], [24, 25, 26]]],
    ['map', () => mapMatrix(A, (v, i, j) => v * 10 + i + j), [[10, 21, 32], [41, 52, 63]]],
    ['fromColumns', () => fromColumns([[1, 4], [2, 5], [3, 6]]), A],
  ])('%s', (_name, compute, expected) => {
    expect(compute()).toEqual(expected);
  });

  it('reduces and compares', () => {
    expect(sumRows(A)).toEqual([6, 15]);
    expect(column(A, 1)).toEqual([2, 5]);
    expect(shapeOf(A)).toEqual({ rows: 2, cols: 3 });
    expect(traceInner(A, A)).toBe(91);
    expect(traceInner(A, A)).toBe(matmul(transpose(A), A).reduce((s, row, i) => s + row[i], 0));
    expect(maxAbsDifference(A, scale(A, 1.5))).toBe(3);
  });

  it.each([
    ['matmul', () => matmul(A, A)],
    ['add', () => add(A, B)],
    ['hadamard', () => hadamard(A, B)],
    ['addColumnVector', () => addColumnVector(A, [1, 2, 3])],
    ['traceInner', () => traceInner(A, B)],
  ])('%s refuses mismatched shapes', (_name, compute) => {
    expect(compute).toThrow();
  });

  it('formats matrices for display', () => {
    expect(fixedEntry(-0.00001, 4)).toBe('0.0000');
    expect(fixedEntry(-0.5, 2)).toBe('-0.50');
    expect(texMatrix([[1, -0.25]], 2)).toBe('\\begin{bmatrix} 1.00 & -0.25 \\end{bmatrix}');
  });
});
