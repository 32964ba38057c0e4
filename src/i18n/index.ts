/**
 * Widget strings, one JSON file per language. Chinese is the reference: every other language must
 * have the same keys (checked by tests/components/i18n.test.ts).
 */
import en from './en.json';
import zhCN from './zh-CN.json';

export type Lang = 'zh-CN' | 'en';
export type Strings = typeof zhCN;
export const LANGS: readonly Lang[] = ['zh-CN', 'en'];

const DICTIONARIES: Record<Lang, Strings> = { 'zh-CN': zhCN, en };

export function stringsFor(lang: Lang | string | undefined): Strings {
  return DICTIONARIES[lang === 'en' ? 'en' : 'zh-CN'];
}

/** Fills {placeholders} in a template. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));
}
