/**
 * Widget strings: one JSON file per language and namespace, src/i18n/<lang>/<namespace>.json.
 * Each widget owns its namespace file; Chinese is the reference and every other language must have
 * the same keys (checked by tests/components/i18n.test.ts).
 */
import backprop222 from './zh-CN/backprop222.json';
import common from './zh-CN/common.json';

export type Lang = 'zh-CN' | 'en';
export const LANGS: readonly Lang[] = ['zh-CN', 'en'];

/** The namespaces the typed accessor knows; widgets added later extend this with their own file. */
const reference = { backprop222, common };
export type Strings = typeof reference & Record<string, Record<string, unknown>>;

const files = import.meta.glob<{ default: Record<string, unknown> }>('./*/*.json', { eager: true });

const DICTIONARIES: Record<Lang, Strings> = Object.fromEntries(
  LANGS.map((lang) => [
    lang,
    Object.fromEntries(
      Object.entries(files)
        .filter(([path]) => path.startsWith(`./${lang}/`))
        .map(([path, module]) => [path.slice(lang.length + 3, -'.json'.length), module.default]),
    ),
  ]),
) as Record<Lang, Strings>;

export function stringsFor(lang: Lang | string | undefined): Strings {
  return DICTIONARIES[lang === 'en' ? 'en' : 'zh-CN'];
}

/** One widget's strings in the given language, typed by its Chinese reference file. */
export function namespace<T>(lang: Lang | string | undefined, name: string): T {
  return stringsFor(lang)[name] as T;
}

/** Fills {placeholders} in a template. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));
}
