/**
 * The key scheme of the general trace and the LaTeX names that go with it (see types.ts): keys use
 * 0-based j, k positions and a 1-based weight layer l; LaTeX counts units from 1.
 */

export const keyOf = {
  input: (k: number) => `x[${k}]`,
  target: (j: number) => `t[${j}]`,
  weight: (l: number, j: number, k: number) => `w[${l}][${j}][${k}]`,
  bias: (l: number, j: number, shared: boolean) => (shared ? `b[${l}]` : `b[${l}][${j}]`),
  net: (l: number, j: number) => `net[${l}][${j}]`,
  /** out[0][k] is the input x[k]. */
  out: (l: number, j: number) => (l === 0 ? `x[${j}]` : `out[${l}][${j}]`),
  lossTerm: (j: number) => `E[${j}]`,
  dEdout: (l: number, j: number) => `dE/dout[${l}][${j}]`,
  doutdnet: (l: number, j: number) => `dout/dnet[${l}][${j}]`,
  delta: (l: number, j: number) => `delta[${l}][${j}]`,
  dnetdw: (l: number, j: number, k: number) => `dnet[${l}][${j}]/dw[${l}][${j}][${k}]`,
  dnetdout: (above: number, i: number, j: number) => `dnet[${above}][${i}]/dout[${above - 1}][${j}]`,
  dEdw: (l: number, j: number, k: number) => `dE/dw[${l}][${j}][${k}]`,
  dEdb: (l: number, j: number, shared: boolean) => (shared ? `dE/db[${l}]` : `dE/db[${l}][${j}]`),
  updated: (key: string) => `${key}'`,
};

export const texOf = {
  input: (k: number) => `x_{${k + 1}}`,
  target: (j: number) => `t_{${j + 1}}`,
  weight: (l: number, j: number, k: number) => `w^{(${l})}_{${j + 1}${k + 1}}`,
  bias: (l: number, j: number, shared: boolean) => (shared ? `b^{(${l})}` : `b^{(${l})}_{${j + 1}}`),
  net: (l: number, j: number) => `net^{(${l})}_{${j + 1}}`,
  out: (l: number, j: number) => (l === 0 ? `x_{${j + 1}}` : `out^{(${l})}_{${j + 1}}`),
  lossTerm: (j: number) => `E_{${j + 1}}`,
  delta: (l: number, j: number) => `\\delta^{(${l})}_{${j + 1}}`,
};

export const subjectOf = {
  unit: (l: number, j: number) => `unit:${l}:${j}`,
  weight: (l: number, j: number, k: number) => `weight:${l}:${j}:${k}`,
  bias: (l: number, j: number, shared: boolean) => `bias:${l}:${shared ? 0 : j}`,
  network: 'network',
};
