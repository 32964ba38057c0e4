import { describe, expect, it } from 'vitest';
import en from '../../src/i18n/en.json';
import zhCN from '../../src/i18n/zh-CN.json';
import { fill } from '../../src/i18n';

function keyPaths(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keyPaths(child, prefix ? `${prefix}.${key}` : key));
}

describe('widget strings', () => {
  it('every language has exactly the Chinese keys', () => {
    expect(keyPaths(en).sort()).toEqual(keyPaths(zhCN).sort());
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(fill('第 {k} 步 / 共 {n} 步', { k: 3, n: 51 })).toBe('第 3 步 / 共 51 步');
    expect(fill('{missing}', {})).toBe('{missing}');
  });
});
