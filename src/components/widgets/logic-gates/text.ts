/** How the logic-gates widget prints engine numbers: short decimals with a true minus sign. */
import { formatNumber } from '../../../engine/core/format';

export type LogicGatesStrings = typeof import('../../../i18n/zh-CN/logicGates.json');

/** Four decimals are enough to tell 0.7311 from 1; full precision stays in data attributes. */
export function short(value: number, decimals = 4): string {
  return formatNumber(value, decimals).replace(/^-/, '−');
}

/** (3, −2, −2) */
export function tuple(values: readonly number[]): string {
  return `(${values.map((value) => short(value)).join(', ')})`;
}

/** Lists input rows such as "(0, 1)、(1, 0)" with the language's separator. */
export function rowList(rows: readonly (readonly number[])[], separator: string): string {
  return rows.map((row) => tuple(row)).join(separator);
}

/** LaTeX of b + w1·v1 + w2·v2 with the signs folded in: "x_1 + x_2 - 1". */
export function linearTex(weights: readonly number[], bias: number, variables: readonly string[]): string {
  const terms = weights.map((w, i) => ({ coefficient: w, symbol: variables[i] })).filter((term) => term.coefficient !== 0);
  let tex = '';
  terms.forEach(({ coefficient, symbol }, i) => {
    const magnitude = Math.abs(coefficient) === 1 ? '' : formatNumber(Math.abs(coefficient), 4);
    const sign = coefficient < 0 ? (i === 0 ? '-' : ' - ') : i === 0 ? '' : ' + ';
    tex += `${sign}${magnitude}${magnitude ? ' ' : ''}${symbol}`;
  });
  if (bias !== 0 || tex === '') tex += `${tex === '' ? (bias < 0 ? '-' : '') : bias < 0 ? ' - ' : ' + '}${formatNumber(Math.abs(bias), 4)}`;
  return tex;
}
