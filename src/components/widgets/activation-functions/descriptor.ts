/** The activation-functions widget as the registry, the embed route, the custom elements and the share panel see it. */
import type { WidgetDescriptor } from '../../shared/descriptor';
import { PARSERS } from './url';

export const descriptor: WidgetDescriptor = {
  name: 'activation-functions',
  element: 'nn-activation-functions',
  title: { 'zh-CN': '激活函数与它们的导数', en: 'Activation functions and their derivatives' },
  lesson: '/activations/activation-functions/',
  strings: 'activationFunctions',
  fields: Object.keys(PARSERS),
  load: () => import('./ActivationFunctions.svelte'),
};
