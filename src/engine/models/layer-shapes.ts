/**
 * Data for the layer-shapes widget: the shape of every W, b, z and a of a fully-connected network,
 * in each of the layouts the documents use. Two independent choices make a layout: samples stacked
 * as columns (documents 001, 002, 003) or as rows (documents 000, 004), and W stored as
 * (n_l, n_{l−1}) or transposed as (n_{l−1}, n_l). Layers are numbered from the input, layer 0.
 * Refused input comes back as an error record, never as NaN; the caller words it for the reader.
 */
import type { EngineError } from '../core/validation';

export type SampleLayout = 'columns' | 'rows';
/** 'out-by-in': W^{[l]} is (n_l, n_{l−1}); 'in-by-out': W^{[l]} is (n_{l−1}, n_l). */
export type WeightLayout = 'out-by-in' | 'in-by-out';
export type ConventionId = 'columns' | 'rows' | 'columns-transposed' | 'rows-transposed';
export type DocumentId = '000' | '001' | '002' | '003' | '004';

export interface Convention {
  id: ConventionId;
  samples: SampleLayout;
  weights: WeightLayout;
  /** The batch forward step, in LaTeX, with l for the layer. */
  tex: string;
  /** Documents (and where) that write the forward pass this way. */
  usedBy: string[];
}

export const CONVENTIONS: Readonly<Record<ConventionId, Convention>> = {
  columns: {
    id: 'columns',
    samples: 'columns',
    weights: 'out-by-in',
    tex: 'Z^{[l]} = W^{[l]} A^{[l-1]} + b^{[l]}',
    usedBy: ['001', '002 §7.2.8', '003 §2'],
  },
  rows: {
    id: 'rows',
    samples: 'rows',
    weights: 'in-by-out',
    tex: 'Z^{[l]} = A^{[l-1]} W^{[l]} + b^{[l]T}',
    usedBy: ['000 (second table)', '004'],
  },
  'columns-transposed': {
    id: 'columns-transposed',
    samples: 'columns',
    weights: 'in-by-out',
    tex: 'Z^{[l]} = W^{[l]T} A^{[l-1]} + b^{[l]}',
    usedBy: ['000 (first table)', '002 §7.2.7'],
  },
  'rows-transposed': {
    id: 'rows-transposed',
    samples: 'rows',
    weights: 'out-by-in',
    tex: 'Z^{[l]} = A^{[l-1]} W^{[l]T} + b^{[l]T}',
    usedBy: ['001 (MATLAB code)'],
  },
};

/** The two layouts the widget shows first: columns of samples with W a, rows of samples with X W. */
export const DEFAULT_CONVENTIONS: readonly ConventionId[] = ['columns', 'rows'];
export const ALL_CONVENTIONS: readonly ConventionId[] = ['columns', 'rows', 'columns-transposed', 'rows-transposed'];

/** Largest sample count and layer width accepted: the widget lists shapes, it does not allocate them. */
export const MAX_DIMENSION = 10000;
/** Most weight layers L (so at most L + 1 sizes, input included). */
export const MAX_LAYERS = 12;

/** Refused fields: 'm', 'sizes' or 'conventions'; index is the entry in sizes or conventions. */
export type ShapeErrorCode =
  | 'not-an-integer'
  | 'not-positive'
  | 'too-large'
  | 'too-few-layers'
  | 'too-many-layers'
  | 'unknown-convention';


export interface Shape {
  rows: number;
  cols: number;
}

/** What a matrix axis runs over: the neurons of a layer, the samples, or nothing (length 1). */
export type Axis = { kind: 'neurons'; layer: number } | { kind: 'samples' } | { kind: 'one' };

export type QuantityKind = 'weight' | 'bias' | 'pre-activation' | 'activation';
/** 'parameter' for W and b, 'sample' for one input's z and a, 'batch' for all m samples at once. */
export type Scope = 'parameter' | 'sample' | 'batch';

export interface ShapeRecord {
  /** LaTeX, e.g. W^{[2]}. */
  name: string;
  kind: QuantityKind;
  layer: number;
  convention: ConventionId;
  scope: Scope;
  rows: number;
  cols: number;
  rowAxis: Axis;
  colAxis: Axis;
  /** LaTeX of the step that produces this quantity, or uses it for W and b. */
  formula: string;
  /** How the quantity appears in that formula: W^{[l]T} when stored transposed, b^{[l]T} in the row layouts. */
  usedAs: { name: string } & Shape;
  /** The shape a bias is broadcast to when added to a whole batch; null for everything else. */
  broadcastTo: Shape | null;
}

export interface LayerParameterCount {
  layer: number;
  /** n_{l−1} · n_l */
  weights: number;
  /** n_l */
  biases: number;
}

export interface ParameterCount {
  layers: LayerParameterCount[];
  weights: number;
  biases: number;
  total: number;
}

function checkDimension(value: number, field: 'm' | 'sizes', index?: number): EngineError<ShapeErrorCode> | null {
  const at = index === undefined ? {} : { index };
  if (!Number.isInteger(value)) return { field, code: 'not-an-integer', ...at };
  if (value < 1) return { field, code: 'not-positive', ...at };
  if (value > MAX_DIMENSION) return { field, code: 'too-large', ...at };
  return null;
}

/** Checks the layer sizes [n0, n1, …, nL]: 1 ≤ L ≤ MAX_LAYERS, every n a positive integer ≤ MAX_DIMENSION. */
export function validateSizes(sizes: readonly number[]): EngineError<ShapeErrorCode> | null {
  if (sizes.length < 2) return { field: 'sizes', code: 'too-few-layers' };
  if (sizes.length - 1 > MAX_LAYERS) return { field: 'sizes', code: 'too-many-layers' };
  for (let index = 0; index < sizes.length; index++) {
    const refused = checkDimension(sizes[index], 'sizes', index);
    if (refused) return refused;
  }
  return null;
}

/** Checks the sample count m: a positive integer ≤ MAX_DIMENSION. */
export function validateSampleCount(m: number): EngineError<ShapeErrorCode> | null {
  return checkDimension(m, 'm');
}

/** Weights Σ n_{l−1}·n_l plus biases Σ n_l over l = 1…L. */
export function parameterCount(sizes: readonly number[]): ParameterCount | { error: EngineError<ShapeErrorCode> } {
  const refused = validateSizes(sizes);
  if (refused) return { error: refused };
  const layers = sizes.slice(1).map((n, i) => ({ layer: i + 1, weights: sizes[i] * n, biases: n }));
  const weights = layers.reduce((sum, layer) => sum + layer.weights, 0);
  const biases = layers.reduce((sum, layer) => sum + layer.biases, 0);
  return { layers, weights, biases, total: weights + biases };
}

/** 'input' for layer 0, 'output' for layer L, 'hidden' between. */
export function layerRole(layer: number, layerCount: number): 'input' | 'hidden' | 'output' {
  if (layer === 0) return 'input';
  return layer === layerCount ? 'output' : 'hidden';
}

/** (r, c)ᵀ = (c, r) */
export function transposeShape(shape: Shape): Shape {
  return { rows: shape.cols, cols: shape.rows };
}

/** (r, k)·(k, c) = (r, c); null when the inner dimensions differ. */
export function productShape(left: Shape, right: Shape): Shape | null {
  return left.cols === right.rows ? { rows: left.rows, cols: right.cols } : null;
}

/** NumPy-style broadcast of a sum: each dimension must agree or be 1; null when they cannot. */
export function broadcastShape(left: Shape, right: Shape): Shape | null {
  const dimension = (a: number, b: number) => (a === b || b === 1 ? a : a === 1 ? b : null);
  const rows = dimension(left.rows, right.rows);
  const cols = dimension(left.cols, right.cols);
  return rows === null || cols === null ? null : { rows, cols };
}

const neurons = (layer: number): Axis => ({ kind: 'neurons', layer });
const SAMPLES: Axis = { kind: 'samples' };
const ONE: Axis = { kind: 'one' };

function axisLength(axis: Axis, sizes: readonly number[], m: number): number {
  if (axis.kind === 'neurons') return sizes[axis.layer];
  return axis.kind === 'samples' ? m : 1;
}

function conventionRecords(m: number, sizes: readonly number[], convention: Convention): ShapeRecord[] {
  const columns = convention.samples === 'columns';
  const outByIn = convention.weights === 'out-by-in';
  const weightTransposed = columns !== outByIn;
  const records: ShapeRecord[] = [];

  // A layer's neurons run down a column vector but across a row vector; the other axis is one sample or all m.
  const vectorAxes = (layer: number, scope: 'sample' | 'batch'): [Axis, Axis] => {
    const other = scope === 'sample' ? ONE : SAMPLES;
    return columns ? [neurons(layer), other] : [other, neurons(layer)];
  };
  const push = (
    fields: Omit<ShapeRecord, 'convention' | 'rows' | 'cols' | 'usedAs' | 'broadcastTo'>,
    usedAs: { name: string; transposed: boolean },
    broadcastTo: Shape | null = null,
  ) => {
    const shape = { rows: axisLength(fields.rowAxis, sizes, m), cols: axisLength(fields.colAxis, sizes, m) };
    records.push({
      ...fields,
      convention: convention.id,
      ...shape,
      usedAs: { name: usedAs.name, ...(usedAs.transposed ? transposeShape(shape) : shape) },
      broadcastTo,
    });
  };
  const vector = (kind: 'pre-activation' | 'activation', layer: number, scope: 'sample' | 'batch', name: string, formula: string) => {
    const [rowAxis, colAxis] = vectorAxes(layer, scope);
    push({ name, kind, layer, scope, rowAxis, colAxis, formula }, { name, transposed: false });
  };

  vector('activation', 0, 'sample', 'a^{[0]}', 'a^{[0]} = x');
  vector('activation', 0, 'batch', 'A^{[0]}', 'A^{[0]} = X');
  for (let l = 1; l < sizes.length; l++) {
    const W = `W^{[${l}]}`;
    const b = `b^{[${l}]}`;
    const weightTerm = weightTransposed ? `W^{[${l}]T}` : W;
    const biasTerm = columns ? b : `b^{[${l}]T}`;
    const step = (z: string, a: string) => (columns ? `${z} = ${weightTerm} ${a} + ${biasTerm}` : `${z} = ${a} ${weightTerm} + ${biasTerm}`);
    const sampleStep = step(`z^{[${l}]}`, `a^{[${l - 1}]}`);
    const batchStep = step(`Z^{[${l}]}`, `A^{[${l - 1}]}`);
    const [weightRows, weightCols] = outByIn ? [neurons(l), neurons(l - 1)] : [neurons(l - 1), neurons(l)];
    push(
      { name: W, kind: 'weight', layer: l, scope: 'parameter', rowAxis: weightRows, colAxis: weightCols, formula: batchStep },
      { name: weightTerm, transposed: weightTransposed },
    );
    const [batchRows, batchCols] = vectorAxes(l, 'batch');
    push(
      { name: b, kind: 'bias', layer: l, scope: 'parameter', rowAxis: neurons(l), colAxis: ONE, formula: batchStep },
      { name: biasTerm, transposed: !columns },
      { rows: axisLength(batchRows, sizes, m), cols: axisLength(batchCols, sizes, m) },
    );
    vector('pre-activation', l, 'sample', `z^{[${l}]}`, sampleStep);
    vector('activation', l, 'sample', `a^{[${l}]}`, `a^{[${l}]} = \\sigma(z^{[${l}]})`);
    vector('pre-activation', l, 'batch', `Z^{[${l}]}`, batchStep);
    vector('activation', l, 'batch', `A^{[${l}]}`, `A^{[${l}]} = \\sigma(Z^{[${l}]})`);
  }
  return records;
}

/**
 * Every W^{[l]}, b^{[l]}, z^{[l]}, a^{[l]} (one sample) and Z^{[l]}, A^{[l]} (m samples) with its
 * shape, for sizes [n0, …, nL] and each requested convention: columns give z (n_l, 1), Z (n_l, m);
 * rows give z (1, n_l), Z (m, n_l); W is (n_l, n_{l−1}) out-by-in or (n_{l−1}, n_l) in-by-out; b is (n_l, 1).
 */
export function layerShapes(
  m: number,
  sizes: readonly number[],
  conventions: readonly ConventionId[] = DEFAULT_CONVENTIONS,
): ShapeRecord[] | { error: EngineError<ShapeErrorCode> } {
  const refused = validateSampleCount(m) ?? validateSizes(sizes);
  if (refused) return { error: refused };
  const unknown = conventions.findIndex((id) => !Object.hasOwn(CONVENTIONS, id));
  if (unknown >= 0) return { error: { field: 'conventions', code: 'unknown-convention', index: unknown } };
  return conventions.flatMap((id) => conventionRecords(m, sizes, CONVENTIONS[id]));
}

export interface DocumentSymbol {
  document: DocumentId;
  tex: string;
}

/**
 * How each document writes the quantity this module calls W^{[l]}, b^{[l]}, z^{[l]} or a^{[l]}.
 * Documents 001 and 003 number the input as layer 1, and documents 003 and 004 index W and b by
 * the layer they leave rather than the one they enter, so the same matrix has different indices.
 */
export function documentSymbols(kind: QuantityKind, layer: number): DocumentSymbol[] {
  const next = layer + 1;
  const previous = layer - 1;
  if (kind === 'weight' || kind === 'bias') {
    if (layer < 1) return [];
    const letter = kind === 'weight' ? 'W' : 'b';
    return [
      { document: '000', tex: `${letter}^{[${layer}]}` },
      { document: '001', tex: `${letter}^{${next}}` },
      { document: '002', tex: `${letter}^{[${layer}]}` },
      { document: '003', tex: `${letter}^{(${layer})}` },
      { document: '004', tex: `${kind === 'weight' ? '\\theta' : 'b'}^{[${previous}]}` },
    ];
  }
  const letter = kind === 'pre-activation' ? 'z' : 'a';
  if (layer === 0 && kind === 'pre-activation') return [];
  const symbols: DocumentSymbol[] = [
    { document: '000', tex: `${letter}^{[${layer}]}` },
    { document: '001', tex: `${letter}^{${next}}` },
    { document: '002', tex: `${letter.toUpperCase()}^{[${layer}]}` },
    { document: '003', tex: `${letter}^{(${next})}` },
    { document: '004', tex: `${letter}^{[${layer}]}` },
  ];
  if (layer > 0) return symbols;
  // At the input, document 002 writes X and document 001 only x.
  return symbols
    .filter((symbol) => symbol.document !== '001')
    .map((symbol) => (symbol.document === '002' ? { document: '002', tex: 'X' } : symbol));
}
