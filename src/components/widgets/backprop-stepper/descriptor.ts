/** The general backpropagation stepper as the registry, the embed route, the custom elements and the share panel see it. */
import type { WidgetDescriptor } from '../../shared/descriptor';
import { PARSERS } from './url';

export const descriptor: WidgetDescriptor = {
  name: 'backprop-stepper',
  // nn-backprop-stepper is the 2-2-2 widget's tag, and instructors' slides use it.
  element: 'nn-network-stepper',
  title: { 'zh-CN': '任意小网络的反向传播逐步回放', en: 'Backpropagation stepper for any small network' },
  lesson: '/backprop/general-algorithm/',
  strings: 'backpropStepper',
  fields: Object.keys(PARSERS),
  load: () => import('./BackpropStepper.svelte'),
};
