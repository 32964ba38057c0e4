/** The layer-shapes widget as the registry, the embed route, the custom elements and the share panel see it. */
import type { WidgetDescriptor } from '../../shared/descriptor';
import { PARSERS } from './url';

export const descriptor: WidgetDescriptor = {
  name: 'layer-shapes',
  element: 'nn-layer-shapes',
  title: { 'zh-CN': '每一层的矩阵形状', en: 'The shape of every layer' },
  lesson: '/structure/forward-propagation/',
  strings: 'layerShapes',
  fields: Object.keys(PARSERS),
  load: () => import('./LayerShapes.svelte'),
};
