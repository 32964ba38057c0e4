/**
 * Where the general diagram draws a network of any allowed shape (SVG user units): layers in
 * columns, units spread evenly down each column, one line per weight, each unit's bias a small
 * circle on its lower left. Subjects are the engine's: 'unit:l:j', 'weight:l:j:k', 'bias:l:j'.
 */
export const UNIT_RADIUS = 24;
export const BIAS_RADIUS = 9;
const COLUMN_GAP = 200;
const ROW_GAP = 82;
const MARGIN = { x: 56, y: 44 };

export interface UnitAt {
  subject: string;
  layer: number;
  index: number;
  x: number;
  y: number;
}

export interface WeightAt {
  subject: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface BiasAt extends WeightAt {
  /** The bias circle's centre (the line's start). */
  cx: number;
  cy: number;
}

export interface DiagramLayout {
  width: number;
  height: number;
  units: UnitAt[];
  weights: WeightAt[];
  biases: BiasAt[];
}

/** From rim to rim, so no line runs under a unit's text. */
function rimToRim(a: { x: number; y: number }, b: { x: number; y: number }, startRadius: number, endRadius: number) {
  const length = Math.hypot(b.x - a.x, b.y - a.y);
  const ux = (b.x - a.x) / length;
  const uy = (b.y - a.y) / length;
  return { x1: a.x + ux * startRadius, y1: a.y + uy * startRadius, x2: b.x - ux * endRadius, y2: b.y - uy * endRadius };
}

export function diagramLayout(layers: readonly number[], sharedBias: boolean): DiagramLayout {
  const tallest = Math.max(...layers);
  const height = MARGIN.y * 2 + (tallest - 1) * ROW_GAP + 30;
  const width = MARGIN.x * 2 + (layers.length - 1) * COLUMN_GAP;
  const units: UnitAt[] = layers.flatMap((size, layer) =>
    Array.from({ length: size }, (_, index) => ({
      subject: `unit:${layer}:${index}`,
      layer,
      index,
      x: MARGIN.x + layer * COLUMN_GAP,
      y: MARGIN.y + ((tallest - size) * ROW_GAP) / 2 + index * ROW_GAP,
    })),
  );
  const unitAt = (layer: number, index: number) => units.find((unit) => unit.layer === layer && unit.index === index)!;
  const weights: WeightAt[] = [];
  const biases: BiasAt[] = [];
  for (let l = 1; l < layers.length; l++) {
    for (let j = 0; j < layers[l]; j++) {
      const to = unitAt(l, j);
      for (let k = 0; k < layers[l - 1]; k++) {
        weights.push({ subject: `weight:${l}:${j}:${k}`, ...rimToRim(unitAt(l - 1, k), to, UNIT_RADIUS, UNIT_RADIUS) });
      }
      const centre = { x: to.x - UNIT_RADIUS - 14, y: to.y + UNIT_RADIUS + 12 };
      biases.push({ subject: `bias:${l}:${sharedBias ? 0 : j}`, cx: centre.x, cy: centre.y, ...rimToRim(centre, to, BIAS_RADIUS, UNIT_RADIUS) });
    }
  }
  return { width, height, units, weights, biases };
}

/** The diagram subject a given value's key names (x[k], w[l][j][k], b[l], b[l][j]), for highlighting what a step reads. */
export function subjectOfKey(key: string): string | undefined {
  const numbers = (key.match(/\d+/g) ?? []).map(Number);
  if (/^x\[\d+\]$/.test(key)) return `unit:0:${numbers[0]}`;
  if (/^w\[\d+\]\[\d+\]\[\d+\]$/.test(key)) return `weight:${numbers[0]}:${numbers[1]}:${numbers[2]}`;
  if (/^b\[\d+\]$/.test(key)) return `bias:${numbers[0]}:0`;
  if (/^b\[\d+\]\[\d+\]$/.test(key)) return `bias:${numbers[0]}:${numbers[1]}`;
  return undefined;
}
