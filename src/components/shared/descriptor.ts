/**
 * One widget's identity card: the single place its name, custom-element tag, titles, lesson,
 * strings namespace and URL fields are written. The registry lists descriptors; the embed route,
 * the custom elements and the reference table read them.
 */
import type { Component } from 'svelte';

export interface WidgetDescriptor {
  /** The name used in data-widget, /embed/<name>/ and the controller's status. */
  name: string;
  /** Custom element tag. */
  element: string;
  title: { 'zh-CN': string; en: string };
  /** The lesson a reader should go to for the explanation. */
  lesson: string;
  /** The widget's strings namespace (src/i18n/<lang>/<strings>.json). */
  strings: string;
  /** Query fields the widget reads: the keys of its URL parsers. Anything else on an embed URL is reported. */
  fields: readonly string[];
  /** The root component, imported only when a page (or the custom-element bundle) needs it. */
  load: () => Promise<{ default: Component<Record<string, unknown>> }>;
}
