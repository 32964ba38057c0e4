import { describe, expect, it } from 'vitest';
import { fill, LANGS, stringsFor } from '../../src/i18n';

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
});
