/** The MNIST lab as the registry, the embed route, the custom elements and the share panel see it. */
import type { WidgetDescriptor } from '../../shared/descriptor';
import { PARSERS } from './url';

export const descriptor: WidgetDescriptor = {
  name: 'mnist-lab',
  element: 'nn-mnist-lab',
  title: { 'zh-CN': 'MNIST 实验室：均方差与交叉熵现场对比', en: 'MNIST lab: squared error and cross-entropy, trained live' },
  lesson: '/deep/mnist-lab/',
  strings: 'mnistLab',
  fields: Object.keys(PARSERS),
  load: () => import('./MnistLab.svelte'),
};
