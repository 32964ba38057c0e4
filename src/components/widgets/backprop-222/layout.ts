/** Where the 2-2-2 diagram draws each node and weight (SVG user units, viewBox 0 0 520 300). */
export const NODES = {
  i1: { x: 70, y: 80 }, i2: { x: 70, y: 200 },
  h1: { x: 260, y: 80 }, h2: { x: 260, y: 200 },
  o1: { x: 450, y: 80 }, o2: { x: 450, y: 200 },
  b1: { x: 165, y: 272 }, b2: { x: 355, y: 272 },
} as const;

export type NodeName = keyof typeof NODES;

/** Weight → [from, to, position of its label along the edge]; crossing edges get labels near their source. */
export const EDGES = {
  w1: ['i1', 'h1', 0.5], w2: ['i2', 'h1', 0.38], w3: ['i1', 'h2', 0.38], w4: ['i2', 'h2', 0.5],
  w5: ['h1', 'o1', 0.5], w6: ['h2', 'o1', 0.38], w7: ['h1', 'o2', 0.38], w8: ['h2', 'o2', 0.5],
} as const satisfies Record<string, readonly [NodeName, NodeName, number]>;

export type WeightName = keyof typeof EDGES;

export const BIAS_EDGES: readonly [NodeName, NodeName][] = [
  ['b1', 'h1'], ['b1', 'h2'], ['b2', 'o1'], ['b2', 'o2'],
];

export const NODE_RADIUS = 26;
