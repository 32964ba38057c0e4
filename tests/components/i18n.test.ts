import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { WIDGETS } from '../../src/components/registry';
import { fill, langOf, LANGS, loadStrings, namespace, stringsFor, widgetNamespaces } from '../../src/i18n';

function keyPaths(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keyPaths(child, prefix ? `${prefix}.${key}` : key));
}

describe('widget strings', () => {
  it.each(LANGS.filter((lang) => lang !== 'zh-CN'))('%s has exactly the Chinese keys in every namespace', (lang) => {
    expect(keyPaths(stringsFor(lang)).sort()).toEqual(keyPaths(stringsFor('zh-CN')).sort());
  });

  it('has no empty strings', () => {
    for (const lang of LANGS) {
      const empty = keyPaths(stringsFor(lang)).filter((path) => {
        const value = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], stringsFor(lang));
        return typeof value === 'string' && value.trim() === '';
      });
      expect(empty, lang).toEqual([]);
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(fill('第 {k} 步 / 共 {n} 步', { k: 3, n: 51 })).toBe('第 3 步 / 共 51 步');
    expect(fill('{missing}', {})).toBe('{missing}');
  });

  it.each(WIDGETS.map((entry) => [entry.name, entry.strings]))('%s has a strings file for its namespace in every language', (_name, strings) => {
    for (const lang of LANGS) {
      for (const name of widgetNamespaces(strings, 'common')) expect(existsSync(`src/i18n/${lang}/${name}.json`), `${lang}/${name}`).toBe(true);
    }
  });

  it.each([
    ['en', 'en'],
    ['en-GB', 'en'],
    ['zh-CN', 'zh-CN'],
    ['fr', 'zh-CN'],
    ['', 'zh-CN'],
    [undefined, 'zh-CN'],
  ])('reads the language %j as %s', (given, expected) => {
    expect(langOf(given)).toBe(expected);
  });

  it('gives one namespace in the language asked for', () => {
    expect(namespace<{ title: string }>('en', 'backprop222').title).toBe(stringsFor('en').backprop222.title);
    expect(namespace<{ title: string }>('zh-CN', 'backprop222').title).not.toBe(namespace<{ title: string }>('en', 'backprop222').title);
  });

  it('refuses a namespace that has no file, naming the file', async () => {
    await expect(loadStrings('en', ['noSuchWidget'])).rejects.toThrow('src/i18n/en/noSuchWidget.json');
  });
});

