/** The decision-boundary widget as the registry, the embed route, the custom elements and the share panel see it. */
import type { WidgetDescriptor } from '../../shared/descriptor';
import { PARSERS } from './url';

export const descriptor: WidgetDescriptor = {
  name: 'decision-boundary',
  element: 'nn-decision-boundary',
  title: { 'zh-CN': '决策边界：隐层让边界弯曲', en: 'Decision boundaries: hidden layers bend them' },
  lesson: '/intro/why-neural-networks/',
  strings: 'decisionBoundary',
  fields: Object.keys(PARSERS),
  load: () => import('./DecisionBoundary.svelte'),
};
