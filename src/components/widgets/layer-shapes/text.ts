/** How the layer-shapes widget prints shapes and matrix names. */
import type { Shape } from '../../../engine/models/layer-shapes';

export type LayerShapesStrings = typeof import('../../../i18n/zh-CN/layerShapes.json');

/** (4, 3), as the documents print dimensions. */
export function shapeText(shape: Shape): string {
  return `(${shape.rows}, ${shape.cols})`;
}

export interface PlainName {
  letter: string;
  /** "[1]" */
  layer: string;
  transposed: boolean;
}

/** Splits an engine name such as W^{[1]T} into parts an SVG <text> can show without KaTeX. */
export function plainName(tex: string): PlainName {
  const match = /^([A-Za-z])\^\{\[(\d+)\](T?)\}$/.exec(tex);
  if (!match) return { letter: tex, layer: '', transposed: false };
  return { letter: match[1], layer: `[${match[2]}]`, transposed: match[3] === 'T' };
}
