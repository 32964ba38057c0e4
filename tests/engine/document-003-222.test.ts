/**
 * Oracle: every number document 003 §3.2 prints for the 2-2-2 example, checked to the precision it
 * is printed with, plus the documented discrepancies between the two update orders.
 */
import { describe, expect, it } from 'vitest';
import { DOCUMENT_PARAMS, replay, type Order222 } from '../../src/engine/models/backprop222';
import { decimalsOf } from '../../src/engine/core/format';

const textbook = replay(DOCUMENT_PARAMS, { order: 'textbook' });
const published = replay(DOCUMENT_PARAMS, { order: 'published' });
const traces: Record<Order222, typeof textbook> = { textbook, published };
const valueOf = (order: Order222, key: string) => {
  const step = traces[order].steps.find((s) => s.key === key);
  if (!step) throw new Error(`no step ${key}`);
  return step.value;
};

/** |computed − printed| must be within half a unit of the printed figure's last decimal. */
function expectPrinted(value: number, printed: string) {
  const tolerance = 0.5 * 10 ** -decimalsOf(printed) + 1e-15;
  expect(Math.abs(value - Number(printed)), `${value} vs printed ${printed}`).toBeLessThanOrEqual(tolerance);
}

const PRINTED_BOTH_ORDERS: [string, string][] = [
  ['net_h1', '0.3775'],
  ['out_h1', '0.593269992'],
  ['out_h2', '0.596884378'],
  ['net_o1', '1.105905967'],
  ['out_o1', '0.75136507'],
  ['out_o2', '0.772928465'],
  ['E_o1', '0.274811083'],
  ['E_o2', '0.023560026'],
  ['E_total', '0.298371109'],
  ['dE_total/dout_o1', '0.74136507'],
  ['dout_o1/dnet_o1', '0.186815602'],
  ['dnet_o1/dw5', '0.593269992'],
  ['dE_total/dw5', '0.082167041'],
  ["w5'", '0.35891648'],
  ["w6'", '0.408666186'],
  ["w7'", '0.511301270'],
  ["w8'", '0.561370121'],
  ['dE_o1/dnet_o1', '0.138498562'],
];

/** Printed in the hand calculation, which reads the original w5..w8. */
const PRINTED_TEXTBOOK: [string, string][] = [
  ['dnet_o1/dout_h1', '0.40'],
  ['dE_o1/dout_h1', '0.055399425'],
  ['dE_total/dout_h1', '0.036350306'],
  ['dout_h1/dnet_h1', '0.241300709'],
  ['dnet_h1/dw1', '0.05'],
  ['dE_total/dw1', '0.000438568'],
  ["w1'", '0.149780716'],
  ["w2'", '0.19956143'],
  ["w3'", '0.24975114'],
  ["w4'", '0.29950229'],
];

/** Printed after the hand calculation; only the update order that feeds new w5..w8 into δ_h gives them. */
const PRINTED_PUBLISHED: [string, string][] = [
  ['E_total_after_1', '0.291027924'],
  ['E_total_after_N', '0.000035085'],
  ['out_o1_after_N', '0.015912196'],
  ['out_o2_after_N', '0.984065734'],
];

describe('document 003 §3.2: the 2-2-2 worked example', () => {
  it.each(PRINTED_BOTH_ORDERS)('%s = %s in both update orders', (key, printed) => {
    expectPrinted(valueOf('textbook', key), printed);
    expectPrinted(valueOf('published', key), printed);
  });

  it.each(PRINTED_TEXTBOOK)('textbook order: %s = %s', (key, printed) => {
    expectPrinted(valueOf('textbook', key), printed);
  });

  it.each(PRINTED_PUBLISHED)('published order: %s = %s', (key, printed) => {
    expectPrinted(valueOf('published', key), printed);
  });

  it.each([
    ['E_total_after_1', '0.2910277737'],
    ['E_total_after_N', '0.0000351019'],
    ['out_o1_after_N', '0.0159136'],
    ['out_o2_after_N', '0.9840643'],
  ])('textbook order gives %s = %s instead', (key, printed) => {
    expectPrinted(valueOf('textbook', key), printed);
  });

  it.each(PRINTED_PUBLISHED)('the textbook order does not reproduce the printed %s = %s', (key, printed) => {
    const tolerance = 0.5 * 10 ** -decimalsOf(printed);
    expect(Math.abs(valueOf('textbook', key) - Number(printed))).toBeGreaterThan(tolerance);
  });

  it('erratum: the forward-pass summary misprints out_o1 as 0.75136079', () => {
    expect(Math.abs(valueOf('textbook', 'out_o1') - 0.75136079)).toBeGreaterThan(1e-6);
  });

  it('erratum: ∂E_o2/∂out_h1 is −0.019049118; the printed −0.019049119 comes from rounding δ_o2 first', () => {
    const exact = valueOf('textbook', 'dE_o2/dout_h1');
    expectPrinted(exact, '-0.019049118');
    const roundedDelta = Number(valueOf('textbook', 'delta_o2').toFixed(9));
    expectPrinted(roundedDelta * DOCUMENT_PARAMS.w7, '-0.019049119');
  });

  it('the published order leaves the output layer unchanged and moves only w1..w4', () => {
    for (const key of ["w5'", "w6'", "w7'", "w8'"]) expect(valueOf('published', key)).toBe(valueOf('textbook', key));
    for (const key of ["w1'", "w2'", "w3'", "w4'"]) {
      expect(Math.abs(valueOf('published', key) - valueOf('textbook', key))).toBeGreaterThan(1e-6);
    }
    expectPrinted(valueOf('published', 'dnet_o1/dout_h1'), '0.35891648');
  });
});
