/**
 * Oracle for the layer-shapes widget: every dimension table and shape statement of documents
 * 000–004 checked against the engine's shapes, including the ones the documents print wrongly.
 */
import { describe, expect, it } from 'vitest';
import {
  ALL_CONVENTIONS,
  CONVENTIONS,
  MAX_DIMENSION,
  MAX_LAYERS,
  broadcastShape,
  documentSymbols,
  layerRole,
  layerShapes,
  parameterCount,
  productShape,
  transposeShape,
  type ConventionId,
  type ParameterCount,
  type Scope,
  type Shape,
  type ShapeRecord,
} from '../../src/engine/models/layer-shapes';

function records(m: number, sizes: number[], conventions: ConventionId[] = [...ALL_CONVENTIONS]): ShapeRecord[] {
  const result = layerShapes(m, sizes, conventions);
  if ('error' in result) throw new Error(JSON.stringify(result.error));
  return result;
}

/** The one record of that name, scope and convention. */
function find(list: ShapeRecord[], convention: ConventionId, name: string, scope?: Scope): ShapeRecord {
  const found = list.filter((r) => r.convention === convention && r.name === name && (scope === undefined || r.scope === scope));
  if (found.length !== 1) throw new Error(`${found.length} records named ${name} in ${convention}`);
  return found[0];
}

const shapeOf = (record: ShapeRecord): Shape => ({ rows: record.rows, cols: record.cols });
const shape = (rows: number, cols: number): Shape => ({ rows, cols });
const T = transposeShape;
/** "s·M" read as a scalar times a matrix: only a 1×1 factor may be taken as a scalar. */
const scaledShape = (s: Shape, matrix: Shape): Shape | null => (s.rows === 1 && s.cols === 1 ? matrix : null);

describe('document 000, first table: one sample as a column, z = W^T x + b, W stored (n_{l−1}, n_l)', () => {
  const list = records(1, [3, 4, 1]);
  const CASES: [string, Scope, [number, number]][] = [
    ['a^{[0]}', 'sample', [3, 1]],
    ['W^{[1]}', 'parameter', [3, 4]],
    ['b^{[1]}', 'parameter', [4, 1]],
    ['z^{[1]}', 'sample', [4, 1]],
    ['a^{[1]}', 'sample', [4, 1]],
    ['W^{[2]}', 'parameter', [4, 1]],
    ['b^{[2]}', 'parameter', [1, 1]],
    ['z^{[2]}', 'sample', [1, 1]],
    ['a^{[2]}', 'sample', [1, 1]],
  ];
  it.each(CASES)('%s is %j', (name, scope, [rows, cols]) => {
    expect(shapeOf(find(list, 'columns-transposed', name, scope))).toEqual(shape(rows, cols));
  });

  it('z^{[1]} = W^{[1]T} x + b^{[1]} is conformable: (4,3)(3,1) + (4,1) = (4,1)', () => {
    const W1 = shapeOf(find(list, 'columns-transposed', 'W^{[1]}'));
    const product = productShape(T(W1), shape(3, 1));
    expect(product).toEqual(shape(4, 1));
    expect(broadcastShape(product!, shape(4, 1))).toEqual(shape(4, 1));
    expect(find(list, 'columns-transposed', 'W^{[1]}').usedAs).toEqual({ name: 'W^{[1]T}', rows: 4, cols: 3 });
  });

  it('W = [w_1 … w_4] stacks one 3×1 weight column per hidden neuron', () => {
    const W1 = find(list, 'columns-transposed', 'W^{[1]}');
    expect(W1.rowAxis).toEqual({ kind: 'neurons', layer: 0 });
    expect(W1.colAxis).toEqual({ kind: 'neurons', layer: 1 });
  });

  it('documents 001 and 003 store the same W^{[1]} the other way round, (4,3), with the same vector shapes', () => {
    expect(shapeOf(find(list, 'columns', 'W^{[1]}'))).toEqual(shape(4, 3));
    expect(shapeOf(find(list, 'columns', 'z^{[1]}', 'sample'))).toEqual(shape(4, 1));
  });

  it('erratum: "z^{[2]} = W^{[2]T}σ^{[2]} + b^{[2]}" must read a^{[1]} = σ(z^{[1]}); a^{[2]} does not even fit', () => {
    const W2T = T(shapeOf(find(list, 'columns-transposed', 'W^{[2]}')));
    expect(productShape(W2T, shapeOf(find(list, 'columns-transposed', 'a^{[1]}', 'sample')))).toEqual(shape(1, 1));
    expect(productShape(W2T, shapeOf(find(list, 'columns-transposed', 'a^{[2]}', 'sample')))).toBeNull();
    expect(find(list, 'columns-transposed', 'z^{[2]}', 'sample').formula).toBe('z^{[2]} = W^{[2]T} a^{[1]} + b^{[2]}');
  });
});

describe('document 000, second table: m samples as rows, z = X W + b^T', () => {
  const NETWORKS: [number, number[]][] = [[1, [3, 4, 1]], [5, [3, 4, 2, 1]], [64, [784, 100, 10]], [7, [2, 2, 2]]];
  it.each(NETWORKS)('m = %i, sizes %j: X (m, n0), W^{[l]} (n_{l−1}, n_l), b^{[l]} (n_l, 1), z, a (m, n_l)', (m, sizes) => {
    const list = records(m, sizes);
    expect(shapeOf(find(list, 'rows', 'A^{[0]}'))).toEqual(shape(m, sizes[0]));
    for (let l = 1; l < sizes.length; l++) {
      expect(shapeOf(find(list, 'rows', `W^{[${l}]}`))).toEqual(shape(sizes[l - 1], sizes[l]));
      expect(shapeOf(find(list, 'rows', `b^{[${l}]}`))).toEqual(shape(sizes[l], 1));
      expect(shapeOf(find(list, 'rows', `Z^{[${l}]}`))).toEqual(shape(m, sizes[l]));
      expect(shapeOf(find(list, 'rows', `A^{[${l}]}`))).toEqual(shape(m, sizes[l]));
    }
  });

  it('b^{[l]} (n_l, 1) enters as b^{[l]T} (1, n_l), broadcast over the m rows', () => {
    const b1 = find(records(5, [3, 4, 1]), 'rows', 'b^{[1]}');
    expect(b1.usedAs).toEqual({ name: 'b^{[1]T}', rows: 1, cols: 4 });
    expect(b1.broadcastTo).toEqual(shape(5, 4));
  });

  it('erratum: "z^{[l]} = σ^{[l]} W^{[l]} + b^{[l]T}" must read a^{[l−1]} W^{[l]}; a^{[l]} W^{[l]} is not conformable', () => {
    const list = records(5, [3, 4, 2]);
    const W2 = shapeOf(find(list, 'rows', 'W^{[2]}'));
    expect(productShape(shapeOf(find(list, 'rows', 'A^{[2]}')), W2)).toBeNull();
    expect(productShape(shapeOf(find(list, 'rows', 'A^{[1]}')), W2)).toEqual(shape(5, 2));
    expect(find(list, 'rows', 'Z^{[2]}').formula).toBe('Z^{[2]} = A^{[1]} W^{[2]} + b^{[2]T}');
  });
});

describe('document 001: column vectors, a^l = σ(W^l a^{l−1} + b^l)', () => {
  it.each([[3, 3], [7, 5], [1, 4]])('layer l−1 with m = %i neurons, layer l with n = %i: W n×m, b n×1, a^{l−1} m×1, z^l and a^l n×1', (mNeurons, n) => {
    const list = records(1, [mNeurons, n], ['columns']);
    expect(shapeOf(find(list, 'columns', 'W^{[1]}'))).toEqual(shape(n, mNeurons));
    expect(shapeOf(find(list, 'columns', 'b^{[1]}'))).toEqual(shape(n, 1));
    expect(shapeOf(find(list, 'columns', 'a^{[0]}', 'sample'))).toEqual(shape(mNeurons, 1));
    expect(shapeOf(find(list, 'columns', 'z^{[1]}', 'sample'))).toEqual(shape(n, 1));
    expect(shapeOf(find(list, 'columns', 'a^{[1]}', 'sample'))).toEqual(shape(n, 1));
  });

  it('erratum: in w_{jk}^l the first index is the neuron j of layer l, the second k of layer l−1 (the legend writes w_{ik}^l, b_i^l, a_i^l but says "第j个")', () => {
    const W = find(records(1, [3, 3, 1], ['columns']), 'columns', 'W^{[2]}');
    expect(W.rowAxis).toEqual({ kind: 'neurons', layer: 2 });
    expect(W.colAxis).toEqual({ kind: 'neurons', layer: 1 });
    expect(shapeOf(W)).toEqual(shape(1, 3));
  });

  it('its example numbers the input as layer 1: the first hidden layer is a^2 = σ(W^2 x + b^2)', () => {
    expect(documentSymbols('activation', 1)).toContainEqual({ document: '001', tex: 'a^{2}' });
    expect(documentSymbols('weight', 1)).toContainEqual({ document: '001', tex: 'W^{2}' });
  });

  it('the MATLAB code stores W{l} as (n_l, n_{l−1}) but stacks samples as rows: a * W\' + repmat(b\', m, 1)', () => {
    const list = records(200, [784, 100, 10], ['rows-transposed']);
    expect(shapeOf(find(list, 'rows-transposed', 'W^{[1]}'))).toEqual(shape(100, 784));
    expect(find(list, 'rows-transposed', 'W^{[1]}').usedAs).toEqual({ name: 'W^{[1]T}', rows: 784, cols: 100 });
    expect(find(list, 'rows-transposed', 'b^{[1]}').broadcastTo).toEqual(shape(200, 100));
    expect(shapeOf(find(list, 'rows-transposed', 'A^{[2]}'))).toEqual(shape(200, 10));
  });
});

describe('document 002 §7.2.7–7.2.8: samples as columns', () => {
  it.each([[2, 3], [4, 7], [10, 1]])('n = %i features, m = %i samples: w (n,1), X (n,m), Z = W^T X + b is (1,m)', (n, m) => {
    const list = records(m, [n, 1], ['columns-transposed']);
    expect(shapeOf(find(list, 'columns-transposed', 'W^{[1]}'))).toEqual(shape(n, 1));
    expect(shapeOf(find(list, 'columns-transposed', 'A^{[0]}'))).toEqual(shape(n, m));
    expect(shapeOf(find(list, 'columns-transposed', 'Z^{[1]}'))).toEqual(shape(1, m));
    expect(find(list, 'columns-transposed', 'b^{[1]}').broadcastTo).toEqual(shape(1, m));
  });

  it('§7.2.8: dW^{[2]} = dZ^{[2]} A^{[1]T}/m, dW^{[1]} = dZ^{[1]} X^T/m and db = sum over axis 1 have the shapes of W and b', () => {
    const m = 6;
    const list = records(m, [3, 4, 1], ['columns']);
    const get = (name: string) => shapeOf(find(list, 'columns', name));
    expect(productShape(get('Z^{[2]}'), T(get('A^{[1]}')))).toEqual(get('W^{[2]}'));
    const dZ1 = productShape(T(get('W^{[2]}')), get('Z^{[2]}'));
    expect(dZ1).toEqual(get('Z^{[1]}'));
    expect(productShape(dZ1!, T(get('A^{[0]}')))).toEqual(get('W^{[1]}'));
    expect(shape(get('Z^{[1]}').rows, 1)).toEqual(get('b^{[1]}'));
  });
});

describe('document 003: W^{(l)} maps layer l to l + 1, the input is layer 1', () => {
  it.each<[string, string, [number, number]]>([
    ['W^{(1)}', 'W^{[1]}', [3, 3]],
    ['b^{(1)}', 'b^{[1]}', [3, 1]],
    ['z^{(2)}', 'z^{[1]}', [3, 1]],
    ['W^{(2)}', 'W^{[2]}', [1, 3]],
    ['a^{(3)}', 'a^{[2]}', [1, 1]],
  ])('3-3-1 example: %s (here %s) is %j', (_document, name, [rows, cols]) => {
    const list = records(1, [3, 3, 1], ['columns']);
    const scope = name.startsWith('W') || name.startsWith('b') ? 'parameter' : 'sample';
    expect(shapeOf(find(list, 'columns', name, scope))).toEqual(shape(rows, cols));
  });

  it('the symbols line up: 003 writes z^{(2)} = W^{(1)} x + b^{(1)} for z^{[1]} = W^{[1]} a^{[0]} + b^{[1]}', () => {
    expect(documentSymbols('pre-activation', 1)).toContainEqual({ document: '003', tex: 'z^{(2)}' });
    expect(documentSymbols('weight', 1)).toContainEqual({ document: '003', tex: 'W^{(1)}' });
    expect(documentSymbols('bias', 1)).toContainEqual({ document: '003', tex: 'b^{(1)}' });
    expect(documentSymbols('activation', 0)).toContainEqual({ document: '003', tex: 'a^{(1)}' });
  });

  it.each([[[3, 3, 1]], [[2, 2, 2]], [[3, 4, 5, 2]]])('§3.3 (1.4): the weight-decay sum Σ_l Σ_i≤s_l Σ_j≤s_{l+1} runs over every weight of %j', (sizes) => {
    const count = parameterCount(sizes) as ParameterCount;
    let terms = 0;
    for (let l = 0; l < sizes.length - 1; l++) for (let i = 0; i < sizes[l]; i++) for (let j = 0; j < sizes[l + 1]; j++) terms++;
    expect(count.weights).toBe(terms);
  });

  it('erratum §3.3 (1.11): δ^{(l)} = ((W^{(l+1)})^T δ^{(l+1)}) must use W^{(l)}, as its own scalar form Σ_j W_{ji}^{(l)} δ_j^{(l+1)} does', () => {
    // 003 layers 1…4 with s = 3, 4, 5, 2 are this engine's layers 0…3; 003's l = 2 is layer 1 here.
    const list = records(1, [3, 4, 5, 2], ['columns']);
    const get = (name: string) => shapeOf(find(list, 'columns', name, name.startsWith('W') ? 'parameter' : 'sample'));
    const deltaNext = get('z^{[2]}');
    expect(productShape(T(get('W^{[3]}')), deltaNext)).toBeNull();
    expect(productShape(T(get('W^{[2]}')), deltaNext)).toEqual(get('z^{[1]}'));
    expect(list.some((r) => r.name === 'W^{[4]}')).toBe(false);
  });

  it('(1.12): ∇W^{(l)} = δ^{(l+1)} (a^{(l)})^T has the shape of W^{(l)}', () => {
    const list = records(1, [3, 4, 5, 2], ['columns']);
    for (let l = 1; l <= 3; l++) {
      const outer = productShape(shapeOf(find(list, 'columns', `z^{[${l}]}`, 'sample')), T(shapeOf(find(list, 'columns', `a^{[${l - 1}]}`, 'sample'))));
      expect(outer).toEqual(shapeOf(find(list, 'columns', `W^{[${l}]}`)));
    }
  });
});

describe('document 004: one sample as a row, a^{[1]} = σ(x θ^{[0]} + b^{[0]})', () => {
  const list = records(1, [3, 4, 1], ['rows']);
  const get = (name: string) => shapeOf(find(list, 'rows', name, name.startsWith('W') || name.startsWith('b') ? 'parameter' : 'sample'));

  it.each<[string, string, [number, number]]>([
    ['x', 'a^{[0]}', [1, 3]],
    ['θ^{[0]}', 'W^{[1]}', [3, 4]],
    ['θ^{[1]}', 'W^{[2]}', [4, 1]],
    ['ŷ', 'a^{[2]}', [1, 1]],
  ])('%s (here %s) is %j', (_document, name, [rows, cols]) => {
    expect(get(name)).toEqual(shape(rows, cols));
  });

  it('dim(θ^{[i]}) = (n^{[i]}, n^{[i+1]}): 004 indexes weights by the layer they leave', () => {
    const sizes = [5, 7, 3, 2];
    const rows = records(2, sizes, ['rows']);
    for (let i = 0; i < sizes.length - 1; i++) {
      expect(shapeOf(find(rows, 'rows', `W^{[${i + 1}]}`))).toEqual(shape(sizes[i], sizes[i + 1]));
      expect(documentSymbols('weight', i + 1)).toContainEqual({ document: '004', tex: `\\theta^{[${i}]}` });
    }
  });

  it('erratum: "a^{[0]} 的形状为 (1,4)": a^{[0]} = x is (1,3); (1,4) is the hidden activation a^{[1]}', () => {
    expect(get('a^{[0]}')).toEqual(shape(1, 3));
    expect(get('a^{[0]}')).not.toEqual(shape(1, 4));
    expect(get('a^{[1]}')).toEqual(shape(1, 4));
  });

  it('erratum: the layer holding X is called 输出层 once; it is the input layer', () => {
    expect(layerRole(0, 2)).toBe('input');
    expect(layerRole(2, 2)).toBe('output');
  });

  it('erratum: Δθ^{[1]} = Δz^{[2]}·a^{[1]} is (1,4), the transpose of θ^{[1]}; a^{[1]T}Δz^{[2]} is (4,1)', () => {
    const dz2 = get('z^{[2]}');
    expect(productShape(dz2, get('a^{[1]}'))).toEqual(shape(1, 4));
    expect(productShape(dz2, get('a^{[1]}'))).not.toEqual(get('W^{[2]}'));
    expect(productShape(T(get('a^{[1]}')), dz2)).toEqual(get('W^{[2]}'));
  });

  it('erratum: Δa^{[1]} = Δz^{[2]}·θ^{[1]} is (4,1) at best, not a^{[1]}\'s (1,4); Δz^{[2]}θ^{[1]T} is', () => {
    const dz2 = get('z^{[2]}');
    expect(productShape(dz2, get('W^{[2]}'))).toBeNull();
    expect(scaledShape(dz2, get('W^{[2]}'))).toEqual(shape(4, 1));
    expect(productShape(dz2, T(get('W^{[2]}')))).toEqual(get('a^{[1]}'));
  });

  it('erratum: Δθ^{[0]} = Δz^{[1]}·a^{[0]} multiplies (1,4) by (1,3), which is undefined; a^{[0]T}Δz^{[1]} is θ^{[0]}\'s (3,4)', () => {
    const dz1 = get('z^{[1]}');
    expect(productShape(dz1, get('a^{[0]}'))).toBeNull();
    expect(scaledShape(dz1, get('a^{[0]}'))).toBeNull();
    expect(broadcastShape(dz1, get('a^{[0]}'))).toBeNull();
    expect(productShape(T(get('a^{[0]}')), dz1)).toEqual(get('W^{[1]}'));
  });
});

describe('every layout is self-consistent', () => {
  const NETWORKS: [number, number[]][] = [[1, [1, 1]], [3, [2, 5, 1]], [10, [4, 8, 8, 3]], [1, [3, 4, 1]]];
  it.each(NETWORKS)('m = %i, sizes %j: each batch step composes to Z^{[l]}, and one sample is the m = 1 batch', (m, sizes) => {
    const list = records(m, sizes);
    for (const convention of ALL_CONVENTIONS) {
      const { samples } = CONVENTIONS[convention];
      for (let l = 1; l < sizes.length; l++) {
        const W = find(list, convention, `W^{[${l}]}`);
        const b = find(list, convention, `b^{[${l}]}`);
        const previous = shapeOf(find(list, convention, `A^{[${l - 1}]}`));
        const Z = shapeOf(find(list, convention, `Z^{[${l}]}`));
        const product = samples === 'columns' ? productShape(W.usedAs, previous) : productShape(previous, W.usedAs);
        expect(product).toEqual(Z);
        expect(broadcastShape(product!, b.usedAs)).toEqual(Z);
        expect(b.broadcastTo).toEqual(Z);
        expect(shapeOf(find(list, convention, `A^{[${l}]}`))).toEqual(Z);
        const z = shapeOf(find(list, convention, `z^{[${l}]}`));
        expect(z).toEqual(samples === 'columns' ? shape(sizes[l], 1) : shape(1, sizes[l]));
      }
    }
    expect(list).toHaveLength(ALL_CONVENTIONS.length * (2 + 6 * (sizes.length - 1)));
  });

  it('by default only the two main layouts are listed', () => {
    const result = layerShapes(2, [3, 4, 1]) as ShapeRecord[];
    expect([...new Set(result.map((r) => r.convention))]).toEqual(['columns', 'rows']);
  });

  it('records are plain data', () => {
    const list = records(4, [3, 4, 1]);
    expect(JSON.parse(JSON.stringify(list))).toEqual(list);
  });
});

describe('parameterCount: Σ n_{l−1}·n_l weights + Σ n_l biases', () => {
  it.each<[number[], number, number, number]>([
    [[3, 4, 1], 16, 5, 21],
    [[2, 2, 2], 8, 4, 12],
    [[3, 3, 1], 12, 4, 16],
    [[784, 100, 10], 79400, 110, 79510],
    [[1, 1], 1, 1, 2],
  ])('%j: %i weights, %i biases, %i in all', (sizes, weights, biases, total) => {
    expect(parameterCount(sizes)).toMatchObject({ weights, biases, total });
  });

  it('per layer', () => {
    expect((parameterCount([3, 4, 1]) as ParameterCount).layers).toEqual([
      { layer: 1, weights: 12, biases: 4 },
      { layer: 2, weights: 4, biases: 1 },
    ]);
  });
});

describe('invalid input comes back as an error record', () => {
  const manyLayers = new Array(MAX_LAYERS + 2).fill(2);
  const CASES: [string, () => unknown, object][] = [
    ['m = 0', () => layerShapes(0, [3, 1]), { field: 'm', code: 'not-positive' }],
    ['m = 1.5', () => layerShapes(1.5, [3, 1]), { field: 'm', code: 'not-an-integer' }],
    ['m = NaN', () => layerShapes(Number.NaN, [3, 1]), { field: 'm', code: 'not-an-integer' }],
    ['m = ∞', () => layerShapes(Infinity, [3, 1]), { field: 'm', code: 'not-an-integer' }],
    ['m too large', () => layerShapes(MAX_DIMENSION + 1, [3, 1]), { field: 'm', code: 'too-large' }],
    ['no layers', () => layerShapes(1, []), { field: 'sizes', code: 'too-few-layers' }],
    ['input only', () => layerShapes(1, [3]), { field: 'sizes', code: 'too-few-layers' }],
    ['too many layers', () => layerShapes(1, manyLayers), { field: 'sizes', code: 'too-many-layers' }],
    ['a zero-width layer', () => layerShapes(1, [3, 0, 1]), { field: 'sizes', code: 'not-positive', index: 1 }],
    ['a negative width', () => layerShapes(1, [3, 4, -1]), { field: 'sizes', code: 'not-positive', index: 2 }],
    ['a fractional width', () => layerShapes(1, [2.5, 1]), { field: 'sizes', code: 'not-an-integer', index: 0 }],
    ['a NaN width', () => layerShapes(1, [3, Number.NaN]), { field: 'sizes', code: 'not-an-integer', index: 1 }],
    ['a huge width', () => layerShapes(1, [3, MAX_DIMENSION + 1]), { field: 'sizes', code: 'too-large', index: 1 }],
    ['an unknown layout', () => layerShapes(1, [3, 1], ['columns', 'diagonal' as ConventionId]), { field: 'conventions', code: 'unknown-convention', index: 1 }],
    ['parameterCount, zero width', () => parameterCount([3, 0]), { field: 'sizes', code: 'not-positive', index: 1 }],
  ];
  it.each(CASES)('%s', (_label, run, error) => {
    const result = run();
    expect(result).toEqual({ error });
    expect(JSON.stringify(result)).not.toMatch(/NaN|null/);
  });

  it('the limits themselves are accepted', () => {
    expect(Array.isArray(layerShapes(MAX_DIMENSION, [MAX_DIMENSION, ...new Array(MAX_LAYERS).fill(1)]))).toBe(true);
  });
});
