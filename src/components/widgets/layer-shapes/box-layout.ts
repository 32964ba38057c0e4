/**
 * Geometry of the to-scale matrix drawings: one batch forward step, Z = W A + b or Z = A W + bᵀ,
 * laid out left to right with every side proportional to its dimension (clamped to stay visible).
 */
import { CONVENTIONS, type Shape, type ShapeRecord } from '../../../engine/models/layer-shapes';

/** The shortest side drawn, in SVG units: a length-1 side stays visible next to a 10000 one. */
export const MIN_SIDE = 5;
/** The longest side drawn, so a 784-wide layer still fits a phone. */
export const MAX_SIDE = 140;
/** Pixels per row or column when everything is small. */
export const MAX_UNIT = 16;

/** One scale for every drawing of the network, so boxes compare across layers and layouts. */
export function unitFor(dimensions: readonly number[]): number {
  return Math.min(MAX_UNIT, MAX_SIDE / Math.max(1, ...dimensions));
}

export function boxSide(length: number, unit: number): { side: number; clamped: boolean } {
  const side = length * unit;
  return side < MIN_SIDE ? { side: MIN_SIDE, clamped: true } : { side, clamped: false };
}

export interface OperatorSlot {
  kind: 'operator';
  symbol: string;
  x: number;
  width: number;
}

export interface MatrixSlot {
  kind: 'matrix';
  record: ShapeRecord;
  /** The name as it appears in the formula (W^{[l]T} when transposed). */
  text: string;
  shape: Shape;
  x: number;
  width: number;
  boxX: number;
  boxY: number;
  boxWidth: number;
  boxHeight: number;
  clamped: boolean;
  /** The outline a bias is broadcast to, centred in the slot. */
  broadcast?: { width: number; height: number };
}

export type Slot = OperatorSlot | MatrixSlot;

export interface StepLayout {
  slots: Slot[];
  width: number;
  height: number;
  /** Top and bottom of the box area, and its middle line. */
  top: number;
  bottom: number;
  middle: number;
  clamped: boolean;
}

const PAD = 8;
const GAP = 6;
const OPERATOR_WIDTH = 18;
const LABEL_TOP = 28;
const LABEL_BOTTOM = 26;
/** A rough width of a 13 px label, enough to keep neighbouring labels apart. */
const labelWidth = (text: string) => text.length * 7.6 + 6;

export interface StepRecords {
  weight: ShapeRecord;
  bias: ShapeRecord;
  previous: ShapeRecord;
  result: ShapeRecord;
}

export function layoutStep({ weight, bias, previous, result }: StepRecords, unit: number): StepLayout {
  const columns = CONVENTIONS[weight.convention].samples === 'columns';
  const matrix = (record: ShapeRecord, useAs: boolean) => {
    const shape = useAs ? { rows: record.usedAs.rows, cols: record.usedAs.cols } : { rows: record.rows, cols: record.cols };
    const w = boxSide(shape.cols, unit);
    const h = boxSide(shape.rows, unit);
    const broadcast = record.broadcastTo
      ? { width: boxSide(record.broadcastTo.cols, unit).side, height: boxSide(record.broadcastTo.rows, unit).side }
      : undefined;
    return { record, text: useAs ? record.usedAs.name : record.name, shape, w, h, broadcast };
  };
  const product = columns ? [matrix(weight, true), matrix(previous, false)] : [matrix(previous, false), matrix(weight, true)];
  const sequence = [product[0], '·', product[1], '+', matrix(bias, true), '=', matrix(result, false)] as const;

  const areaHeight = Math.max(
    ...sequence.map((item) => (typeof item === 'string' ? 0 : Math.max(item.h.side, item.broadcast?.height ?? 0))),
  );
  const top = LABEL_TOP;
  const bottom = top + areaHeight;
  const middle = top + areaHeight / 2;
  const slots: Slot[] = [];
  let x = PAD;
  for (const item of sequence) {
    if (typeof item === 'string') {
      slots.push({ kind: 'operator', symbol: item, x, width: OPERATOR_WIDTH });
      x += OPERATOR_WIDTH + GAP;
      continue;
    }
    const shapeLabel = `(${item.shape.rows}, ${item.shape.cols})`;
    const width = Math.max(item.w.side, item.broadcast?.width ?? 0, labelWidth(shapeLabel), 30);
    const outerWidth = item.broadcast?.width ?? item.w.side;
    const outerHeight = item.broadcast?.height ?? item.h.side;
    // A bias sits in the top-left corner of the block it is broadcast over.
    const boxX = x + (width - outerWidth) / 2;
    const boxY = middle - outerHeight / 2;
    slots.push({
      kind: 'matrix',
      record: item.record,
      text: item.text,
      shape: item.shape,
      x,
      width,
      boxX,
      boxY,
      boxWidth: item.w.side,
      boxHeight: item.h.side,
      clamped: item.w.clamped || item.h.clamped,
      broadcast: item.broadcast,
    });
    x += width + GAP;
  }
  const clamped = slots.some((slot) => slot.kind === 'matrix' && slot.clamped);
  return { slots, width: x - GAP + PAD, height: bottom + LABEL_BOTTOM, top, bottom, middle, clamped };
}
