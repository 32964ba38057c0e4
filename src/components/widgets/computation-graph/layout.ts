/**
 * Where the diagram draws each preset's nodes (SVG user units). The three graphs are small and
 * fixed, so hand placement reads better than an automatic layered layout: the output sits on the
 * right, inputs on the left, and no edge crosses another.
 */
import type { PresetId } from '../../../engine/computation-graph';

export interface GraphLayout {
  width: number;
  height: number;
  nodes: Record<string, { x: number; y: number }>;
}

export const NODE_HALF_WIDTH = 34;
export const NODE_HALF_HEIGHT = 24;

export const LAYOUTS: Readonly<Record<PresetId, GraphLayout>> = {
  'e=(a+b)(b+1)': {
    width: 640,
    height: 340,
    nodes: { a: { x: 70, y: 80 }, b: { x: 70, y: 250 }, c: { x: 320, y: 80 }, d: { x: 320, y: 250 }, e: { x: 560, y: 165 } },
  },
  'J=3(a+bc)': {
    width: 640,
    height: 340,
    nodes: {
      a: { x: 70, y: 60 }, b: { x: 70, y: 170 }, c: { x: 70, y: 280 },
      u: { x: 260, y: 225 }, v: { x: 420, y: 130 }, J: { x: 570, y: 130 },
    },
  },
  'logistic-regression': {
    width: 700,
    height: 420,
    nodes: {
      x1: { x: 60, y: 45 }, w1: { x: 60, y: 125 }, x2: { x: 60, y: 215 }, w2: { x: 60, y: 295 }, b: { x: 60, y: 375 },
      w1x1: { x: 225, y: 85 }, w2x2: { x: 225, y: 255 }, z: { x: 385, y: 210 }, a: { x: 515, y: 210 },
      y: { x: 515, y: 350 }, L: { x: 640, y: 210 },
    },
  },
};
