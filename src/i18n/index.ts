/**
 * Widget strings: one JSON file per language and namespace, src/i18n/<lang>/<namespace>.json.
 * Each widget owns its namespace file; Chinese is the reference and every other language must have
 * the same keys (checked by tests/components/i18n.test.ts).
 *
 * In the browser each file is its own small chunk, loaded on demand: a page fetches its widget's
 * strings in its own language and nothing else. A widget root loads them before it first renders
 * (loadPageStrings in its module script), so hydration finds the words the server wrote. The server
 * build and the unit tests have every file at hand, so server rendering stays synchronous.
 */
import { SvelteMap } from 'svelte/reactivity';
import type backprop222 from './zh-CN/backprop222.json';
import type common from './zh-CN/common.json';

export type Lang = 'zh-CN' | 'en';
export const LANGS: readonly Lang[] = ['zh-CN', 'en'];

/** The namespaces the typed accessor knows; widgets added later extend this with their own file. */
type Reference = { backprop222: typeof backprop222; common: typeof common };
export type Strings = Reference & Record<string, Record<string, unknown>>;

/** What every widget root shows besides its own namespace: number-field messages and the share panel. */
const WIDGET_SHARED_NAMESPACES = ['fields', 'share'];

/** The namespaces a widget root needs: its own (its descriptor's `strings`), the shared ones and any extra. */
export function widgetNamespaces(own: string, ...extra: string[]): string[] {
  return [own, ...WIDGET_SHARED_NAMESPACES, ...extra];
}

type Dictionary = Record<string, unknown>;

const FILES = import.meta.glob<Dictionary>('./*/*.json', { import: 'default' });

/** `${lang}/${namespace}` → strings; reactive, so a widget shown in a language loaded later updates. */
const loaded = new SvelteMap<string, Dictionary>();
const pending = new Map<string, Promise<void>>();

const keyOf = (lang: Lang, name: string) => `${lang}/${name}`;

export function langOf(value: Lang | string | null | undefined): Lang {
  return value === 'en' || value?.startsWith('en-') ? 'en' : 'zh-CN';
}

if (import.meta.env.SSR || import.meta.env.MODE === 'test') {
  const { ALL_STRINGS } = await import('./all-strings');
  for (const [path, strings] of Object.entries(ALL_STRINGS)) loaded.set(path.slice(2, -'.json'.length), strings);
}

function load(lang: Lang, name: string): Promise<void> {
  const key = keyOf(lang, name);
  if (loaded.has(key)) return Promise.resolve();
  const file = FILES[`./${key}.json`];
  if (!file) return Promise.reject(new Error(`no strings file src/i18n/${key}.json`));
  let loading = pending.get(key);
  if (!loading) {
    loading = file().then((strings) => {
      loaded.set(key, strings);
      pending.delete(key);
    });
    pending.set(key, loading);
  }
  return loading;
}

/** Fetches the namespaces in one language; resolves at once for those already here. */
export async function loadStrings(lang: Lang | string | undefined, names: readonly string[]): Promise<void> {
  await Promise.all(names.map((name) => load(langOf(lang), name)));
}

/**
 * The languages the page's islands are written in: each island's content language (its closest
 * lang attribute), which on a page shown in another locale's fallback is the content's, not the page's.
 */
function pageLangs(): Lang[] {
  const islands = [...document.querySelectorAll('astro-island')];
  const langs = new Set(islands.map((island) => langOf(island.closest('[lang]')?.getAttribute('lang'))));
  return langs.size > 0 ? [...langs] : [langOf(document.documentElement.lang)];
}

/** In a module script of a widget root: the namespaces in the page's languages, before the first render. */
export async function loadPageStrings(names: readonly string[]): Promise<void> {
  if (typeof document === 'undefined') return;
  await Promise.all(pageLangs().map((lang) => loadStrings(lang, names)));
}

/**
 * One namespace's strings, typed by its Chinese reference file. When the language asked for is not
 * loaded yet (a widget whose language differs from its page's), it is fetched and the other
 * language shows meanwhile; the strings update when it arrives.
 */
export function namespace<T>(lang: Lang | string | undefined, name: string): T {
  const wanted = langOf(lang);
  const strings = loaded.get(keyOf(wanted, name));
  if (strings) return strings as T;
  void load(wanted, name);
  const standIn = LANGS.map((other) => loaded.get(keyOf(other, name))).find(Boolean);
  if (!standIn) throw new Error(`strings "${name}" used before loadStrings/loadPageStrings fetched them`);
  return standIn as T;
}

/** Every loaded namespace in one language (on the server and in tests: all of them). */
export function stringsFor(lang: Lang | string | undefined): Strings {
  const prefix = `${langOf(lang)}/`;
  return Object.fromEntries(
    [...loaded.entries()].filter(([key]) => key.startsWith(prefix)).map(([key, strings]) => [key.slice(prefix.length), strings]),
  ) as Strings;
}

/** Fills {placeholders} in a template. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));
}
