/**
 * The numbers of the 3-4-1 binary classifier example (document 004 prints none, so they are the
 * site's own), in document 004's row-vector layout. They live below the lessons so that the lesson
 * calculator (lessons/binary-classifier-341.ts) and the general stepper's 'doc004-341' preset read
 * one source.
 */
import type { Matrix } from '../core/matrix';

export interface Params341 {
  /** θ^[0], (3,4): column j holds the three incoming weights of hidden unit j. */
  theta0: Matrix;
  /** b^[0], (1,4): one bias per hidden unit. */
  b0: Matrix;
  /** θ^[1], (4,1): the weights from the four hidden units to the output. */
  theta1: Matrix;
  /** b^[1], (1,1): the output bias. */
  b1: Matrix;
}

export interface Example341 {
  /** x = a^[0], (1,3). */
  x: Matrix;
  /** The label, 0 or 1. */
  y: number;
  params: Params341;
  /** α of the single gradient-descent step. */
  learningRate: number;
}

/**
 * The site's example (document 004 prints no numbers): one positive sample, small weights of both
 * signs so that every hidden unit sits in a different place on the sigmoid, and α = 0.5.
 */
export const EXAMPLE_341: Example341 = {
  x: [[0.5, -1.0, 2.0]],
  y: 1,
  params: {
    theta0: [
      [0.1, -0.2, 0.3, 0.4],
      [0.2, 0.1, -0.3, 0.5],
      [-0.1, 0.3, 0.2, -0.2],
    ],
    b0: [[0.1, -0.1, 0.0, 0.2]],
    theta1: [[0.5], [-0.4], [0.3], [0.2]],
    b1: [[0.1]],
  },
  learningRate: 0.5,
};
