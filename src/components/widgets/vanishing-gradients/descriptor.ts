/** The vanishing-gradients widget as the registry, the embed route, the custom elements and the share panel see it. */
import type { WidgetDescriptor } from '../../shared/descriptor';
import { PARSERS } from './url';

export const descriptor: WidgetDescriptor = {
  name: 'vanishing-gradients',
  element: 'nn-vanishing-gradients',
  title: { 'zh-CN': '梯度消失与梯度爆炸', en: 'Vanishing and exploding gradients' },
  lesson: '/deep/vanishing-gradients/',
  strings: 'vanishingGradients',
  fields: Object.keys(PARSERS),
  load: () => import('./VanishingGradients.svelte'),
};
