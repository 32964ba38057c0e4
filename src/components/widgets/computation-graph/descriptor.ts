/** The computation-graph widget as the registry, the embed route, the custom elements and the share panel see it. */
import type { WidgetDescriptor } from '../../shared/descriptor';
import { PARSERS } from './url';

export const descriptor: WidgetDescriptor = {
  name: 'computation-graph',
  element: 'nn-computation-graph',
  title: { 'zh-CN': '计算图：正向与反向求导', en: 'Computation graphs: forward and reverse mode' },
  lesson: '/gradients/computation-graphs/',
  strings: 'computationGraph',
  fields: Object.keys(PARSERS),
  load: () => import('./ComputationGraph.svelte'),
};
