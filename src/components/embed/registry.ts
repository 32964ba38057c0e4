/**
 * Every widget that can be embedded, by the name used in data-widget, /embed/<name>/ and the
 * custom element <nn-<element>>. `load` imports the component only when a page needs it.
 */
import type { Component } from 'svelte';
import { PARAM_NAMES } from '../../engine/backprop222';

export interface WidgetEntry {
  name: string;
  /** Custom element tag. */
  element: string;
  title: { 'zh-CN': string; en: string };
  /** The lesson a reader should go to for the explanation. */
  lesson: string;
  /** Query-string fields the widget reads; anything else on an embed URL is reported as ignored. */
  fields: readonly string[];
  load: () => Promise<{ default: Component<Record<string, unknown>> }>;
}

export const WIDGETS: readonly WidgetEntry[] = [
  {
    name: 'backprop-222',
    element: 'nn-backprop-stepper',
    title: { 'zh-CN': '2-2-2 网络反向传播逐步回放', en: '2-2-2 backpropagation stepper' },
    lesson: '/backprop/worked-example/',
    fields: ['step', 'order', 'biases', ...PARAM_NAMES],
    load: () => import('../widgets/backprop-222/Backprop222.svelte') as never,
  },
];

export function widgetByName(name: string): WidgetEntry | undefined {
  return WIDGETS.find((entry) => entry.name === name);
}
