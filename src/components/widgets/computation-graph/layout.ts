/**
 * Where the diagram draws each preset's nodes (SVG user units). The three graphs are small and
 * fixed, so hand placement reads better than an automatic layered layout: the output sits on the
 * right, inputs on the left, and no edge crosses another.
 */
import type { PresetId } from '../../../engine/models/computation-graph';

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
    width: 760,
    height: 430,
    // b feeds z directly, so it sits in the products' column and its edge crosses nothing.
    nodes: {
      x1: { x: 60, y: 45 }, w1: { x: 60, y: 140 }, x2: { x: 60, y: 235 }, w2: { x: 60, y: 330 },
      w1x1: { x: 225, y: 92 }, w2x2: { x: 225, y: 282 }, b: { x: 225, y: 395 },
      z: { x: 395, y: 240 }, a: { x: 545, y: 240 }, y: { x: 545, y: 375 }, L: { x: 695, y: 240 },
    },
  },
};

export type Orientation = 'wide' | 'tall';

/** Below this width (CSS pixels) the graph is drawn top to bottom so that its text stays readable on a phone. */
export const TALL_BELOW_WIDTH = 480;

/** The same graph flowing downwards: x and y swap, so inputs sit on top and the output at the bottom. */
export function oriented(layout: GraphLayout, orientation: Orientation): GraphLayout {
  if (orientation === 'wide') return layout;
  return {
    width: layout.height,
    height: layout.width,
    nodes: Object.fromEntries(Object.entries(layout.nodes).map(([id, { x, y }]) => [id, { x: y, y: x }])),
  };
}
