/**
 * Where the 2-2-2 diagram draws each node, edge and label (SVG user units, viewBox 0 0 660 340).
 * Labels sit beside their edges, never on them: crossing edges (w2/w3, w6/w7) get their labels in
 * the triangle before the crossing, each on its own edge's side, so no edge runs through a label.
 */
export const VIEW = { width: 660, height: 340 } as const;

export const NODES = {
  i1: { x: 50, y: 60 }, i2: { x: 50, y: 280 },
  h1: { x: 330, y: 60 }, h2: { x: 330, y: 280 },
  o1: { x: 610, y: 60 }, o2: { x: 610, y: 280 },
  b1: { x: 255, y: 170 }, b2: { x: 535, y: 170 },
} as const;

export type NodeName = keyof typeof NODES;

export const NODE_RADIUS = 32;
export const BIAS_RADIUS = 30;

/**
 * Weight → its edge and where its two-line label goes: the label's centre, and whether the lines
 * stack upwards from there (a label above its edge) or downwards (below it).
 */
export interface EdgeLayout {
  from: NodeName;
  to: NodeName;
  label: { x: number; y: number; stack: 'up' | 'down' };
}

export const EDGES = {
  w1: { from: 'i1', to: 'h1', label: { x: 190, y: 48, stack: 'up' } },
  w2: { from: 'i2', to: 'h1', label: { x: 100, y: 200, stack: 'up' } },
  w3: { from: 'i1', to: 'h2', label: { x: 100, y: 136, stack: 'down' } },
  w4: { from: 'i2', to: 'h2', label: { x: 190, y: 294, stack: 'down' } },
  w5: { from: 'h1', to: 'o1', label: { x: 470, y: 48, stack: 'up' } },
  w6: { from: 'h2', to: 'o1', label: { x: 380, y: 200, stack: 'up' } },
  w7: { from: 'h1', to: 'o2', label: { x: 380, y: 136, stack: 'down' } },
  w8: { from: 'h2', to: 'o2', label: { x: 470, y: 294, stack: 'down' } },
} as const satisfies Record<string, EdgeLayout>;

export type WeightName = keyof typeof EDGES;

export const BIAS_EDGES: readonly [NodeName, NodeName][] = [
  ['b1', 'h1'], ['b1', 'h2'], ['b2', 'o1'], ['b2', 'o2'],
];

/** Line height of a two-line label, in user units. */
export const LABEL_LINE = 16;

const radiusOf = (name: NodeName) => (name.startsWith('b') ? BIAS_RADIUS : NODE_RADIUS);

/** An edge from circle rim to circle rim, so no line runs under a node's own text. */
export function edgeLine(from: NodeName, to: NodeName): { x1: number; y1: number; x2: number; y2: number } {
  const a = NODES[from];
  const b = NODES[to];
  const length = Math.hypot(b.x - a.x, b.y - a.y);
  const ux = (b.x - a.x) / length;
  const uy = (b.y - a.y) / length;
  return {
    x1: a.x + ux * radiusOf(from),
    y1: a.y + uy * radiusOf(from),
    x2: b.x - ux * radiusOf(to),
    y2: b.y - uy * radiusOf(to),
  };
}

/** The baselines of a label's first and second line. */
export function labelLines(label: EdgeLayout['label']): [number, number] {
  return label.stack === 'up' ? [label.y - LABEL_LINE, label.y] : [label.y + 12, label.y + 12 + LABEL_LINE];
}
