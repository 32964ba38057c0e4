/**
 * The names a trace gives its quantities: step keys and LaTeX. The general scheme (see types.ts)
 * uses 0-based j, k positions and a 1-based weight layer l in keys, and counts units from 1 in LaTeX;
 * document 003's 2-2-2 network keeps the document's names (i1, w5, net_h1, dE_total/dw5…).
 */

/** Names of the quantities that have both a key and a LaTeX symbol. */
interface QuantityNames {
  input(k: number): string;
  target(j: number): string;
  weight(l: number, j: number, k: number): string;
  bias(l: number, j: number): string;
  net(l: number, j: number): string;
  /** out(0, k) is the input k. */
  out(l: number, j: number): string;
  lossTerm(j: number): string;
  delta(l: number, j: number): string;
}

export interface Naming {
  key: QuantityNames & {
    dEdout(l: number, j: number): string;
    doutdnet(l: number, j: number): string;
    dnetdw(l: number, j: number, k: number): string;
    dnetdout(above: number, i: number, j: number): string;
    dEdw(l: number, j: number, k: number): string;
    dEdb(l: number, j: number): string;
    /** ∂E_i/∂net_i and ∂E_i/∂out of a unit in the layer below: one output's share of a hidden gradient. */
    termByNet(i: number): string;
    termByOut(i: number, l: number, j: number): string;
  };
  tex: QuantityNames & {
    /** Output j after the update, in E_total_after_1. */
    updatedOut(j: number): string;
  };
}

export const updatedKey = (key: string) => `${key}'`;

/** The general key scheme; with shared biases a layer's bias is b[l] and its gradient dE/db[l]. */
export function generalNaming(shared: boolean, outputLayer: number): Naming {
  const out = (l: number, j: number) => (l === 0 ? `x[${j}]` : `out[${l}][${j}]`);
  const outTex = (l: number, j: number) => (l === 0 ? `x_{${j + 1}}` : `out^{(${l})}_{${j + 1}}`);
  return {
    key: {
      input: (k) => `x[${k}]`,
      target: (j) => `t[${j}]`,
      weight: (l, j, k) => `w[${l}][${j}][${k}]`,
      bias: (l, j) => (shared ? `b[${l}]` : `b[${l}][${j}]`),
      net: (l, j) => `net[${l}][${j}]`,
      out,
      lossTerm: (j) => `E[${j}]`,
      dEdout: (l, j) => `dE/dout[${l}][${j}]`,
      doutdnet: (l, j) => `dout/dnet[${l}][${j}]`,
      delta: (l, j) => `delta[${l}][${j}]`,
      dnetdw: (l, j, k) => `dnet[${l}][${j}]/dw[${l}][${j}][${k}]`,
      dnetdout: (above, i, j) => `dnet[${above}][${i}]/dout[${above - 1}][${j}]`,
      dEdw: (l, j, k) => `dE/dw[${l}][${j}][${k}]`,
      dEdb: (l, j) => (shared ? `dE/db[${l}]` : `dE/db[${l}][${j}]`),
      termByNet: (i) => `dE[${i}]/dnet[${outputLayer}][${i}]`,
      termByOut: (i, l, j) => `dE[${i}]/dout[${l}][${j}]`,
    },
    tex: {
      input: (k) => `x_{${k + 1}}`,
      target: (j) => `t_{${j + 1}}`,
      weight: (l, j, k) => `w^{(${l})}_{${j + 1}${k + 1}}`,
      bias: (l, j) => (shared ? `b^{(${l})}` : `b^{(${l})}_{${j + 1}}`),
      net: (l, j) => `net^{(${l})}_{${j + 1}}`,
      out: outTex,
      lossTerm: (j) => `E_{${j + 1}}`,
      delta: (l, j) => `\\delta^{(${l})}_{${j + 1}}`,
      updatedOut: (j) => `out'^{(${outputLayer})}_{${j + 1}}`,
    },
  };
}

/** Document 003's names: inputs i1, i2, hidden h1, h2, outputs o1, o2, weights w1..w8 row by row, biases b1, b2. */
const UNIT_LETTERS = ['i', 'h', 'o'];
/** i1, h2, o1…: unit j of layer l (0 = inputs) in document 003's names. */
export const documentUnit = (l: number, j: number) => `${UNIT_LETTERS[l]}${j + 1}`;
const unit = documentUnit;
/** w1..w8: the weight from unit k of layer l − 1 to unit j of layer l, numbered row by row. */
export const documentWeightNumber = (l: number, j: number, k: number) => (l - 1) * 4 + j * 2 + k + 1;
const weightNumber = documentWeightNumber;

export const DOCUMENT_NAMING: Naming = {
  key: {
    input: (k) => `i${k + 1}`,
    target: (j) => `t${j + 1}`,
    weight: (l, j, k) => `w${weightNumber(l, j, k)}`,
    bias: (l) => `b${l}`,
    net: (l, j) => `net_${unit(l, j)}`,
    out: (l, j) => (l === 0 ? `i${j + 1}` : `out_${unit(l, j)}`),
    lossTerm: (j) => `E_o${j + 1}`,
    dEdout: (l, j) => `dE_total/dout_${unit(l, j)}`,
    doutdnet: (l, j) => `dout_${unit(l, j)}/dnet_${unit(l, j)}`,
    delta: (l, j) => `delta_${unit(l, j)}`,
    dnetdw: (l, j, k) => `dnet_${unit(l, j)}/dw${weightNumber(l, j, k)}`,
    dnetdout: (above, i, j) => `dnet_${unit(above, i)}/dout_${unit(above - 1, j)}`,
    dEdw: (l, j, k) => `dE_total/dw${weightNumber(l, j, k)}`,
    dEdb: (l) => `dE_total/db${l}`,
    termByNet: (i) => `dE_o${i + 1}/dnet_o${i + 1}`,
    termByOut: (i, l, j) => `dE_o${i + 1}/dout_${unit(l, j)}`,
  },
  tex: {
    input: (k) => `i_${k + 1}`,
    target: (j) => `target_{o${j + 1}}`,
    weight: (l, j, k) => `w_${weightNumber(l, j, k)}`,
    bias: (l) => `b_${l}`,
    net: (l, j) => `net_{${unit(l, j)}}`,
    out: (l, j) => (l === 0 ? `i_${j + 1}` : `out_{${unit(l, j)}}`),
    lossTerm: (j) => `E_{o${j + 1}}`,
    delta: (l, j) => `\\delta_{${unit(l, j)}}`,
    updatedOut: (j) => `out'_{o${j + 1}}`,
  },
};

export const subjectOf = {
  unit: (l: number, j: number) => `unit:${l}:${j}`,
  weight: (l: number, j: number, k: number) => `weight:${l}:${j}:${k}`,
  bias: (l: number, j: number, shared: boolean) => `bias:${l}:${shared ? 0 : j}`,
  network: 'network',
};
