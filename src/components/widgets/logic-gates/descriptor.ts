/** The logic-gates widget as the registry, the embed route, the custom elements and the share panel see it. */
import type { WidgetDescriptor } from '../../shared/descriptor';
import { PARSERS } from './url';

export const descriptor: WidgetDescriptor = {
  name: 'logic-gates',
  element: 'nn-logic-gates',
  title: { 'zh-CN': '用神经元搭逻辑门', en: 'Logic gates from neurons' },
  lesson: '/intro/logic-gates/',
  strings: 'logicGates',
  fields: Object.keys(PARSERS),
  load: () => import('./LogicGates.svelte'),
};
