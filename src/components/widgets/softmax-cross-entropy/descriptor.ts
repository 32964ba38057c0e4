/** The softmax-cross-entropy widget as the registry, the embed route, the custom elements and the share panel see it. */
import type { WidgetDescriptor } from '../../shared/descriptor';
import { PARSERS } from './url';

export const descriptor: WidgetDescriptor = {
  name: 'softmax-cross-entropy',
  element: 'nn-softmax-cross-entropy',
  title: { 'zh-CN': 'softmax 与交叉熵', en: 'Softmax and cross-entropy' },
  lesson: '/loss/softmax-cross-entropy/',
  strings: 'softmaxCrossEntropy',
  fields: Object.keys(PARSERS),
  load: () => import('./SoftmaxCrossEntropy.svelte'),
};
