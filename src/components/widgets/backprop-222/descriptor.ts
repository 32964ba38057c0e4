/** The backprop-222 widget as the registry, the embed route, the custom elements and the share panel see it. */
import type { WidgetDescriptor } from '../../shared/descriptor';
import { PARSERS } from './url';

export const descriptor: WidgetDescriptor = {
  name: 'backprop-222',
  element: 'nn-backprop-stepper',
  title: { 'zh-CN': '2-2-2 网络反向传播逐步回放', en: '2-2-2 backpropagation stepper' },
  lesson: '/backprop/worked-example/',
  strings: 'backprop222',
  fields: Object.keys(PARSERS),
  load: () => import('./Backprop222.svelte'),
};
