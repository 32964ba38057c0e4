/** The gradient-descent widget as the registry, the embed route, the custom elements and the share panel see it. */
import type { WidgetDescriptor } from '../../shared/descriptor';
import { PARSERS } from './url';

export const descriptor: WidgetDescriptor = {
  name: 'gradient-descent',
  element: 'nn-gradient-descent',
  title: { 'zh-CN': '梯度下降', en: 'Gradient descent' },
  lesson: '/gradients/gradient-descent/',
  strings: 'gradientDescent',
  fields: Object.keys(PARSERS),
  load: () => import('./GradientDescent.svelte'),
};
