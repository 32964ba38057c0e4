/**
 * Link check over the built site (the one the browser tests serve): every internal href and src in
 * every page points to a file in it, and every #fragment on an internal page link names an id on the target page.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { siteDir } from './harness';

const DIST = siteDir;

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return htmlFiles(path);
    return name.endsWith('.html') ? [path] : [];
  });
}

/** The file a root-relative URL is served from, or undefined. */
function targetFile(pathname: string): string | undefined {
  const path = join(DIST, decodeURIComponent(pathname));
  if (existsSync(path) && statSync(path).isFile()) return path;
  const index = join(path, 'index.html');
  return existsSync(index) ? index : undefined;
}

/** Attribute values in built HTML may carry character references such as &amp; or &#x26;. */
function decodeEntities(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, decimal: string) => String.fromCodePoint(Number(decimal)))
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"');
}

const idsCache = new Map<string, Set<string>>();
function idsIn(file: string): Set<string> {
  let ids = idsCache.get(file);
  if (!ids) {
    ids = new Set([...readFileSync(file, 'utf8').matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
    idsCache.set(file, ids);
  }
  return ids;
}

describe('links in the built site', () => {
  const pages = htmlFiles(DIST);

  it('has pages to check', () => {
    expect(pages.length).toBeGreaterThan(5);
  });

  it('every internal link and asset resolves', () => {
    const broken: string[] = [];
    for (const page of pages) {
      const html = readFileSync(page, 'utf8');
      const pageUrl = new URL(`http://site/${relative(DIST, page).replace(/index\.html$/, '')}`);
      for (const [, attribute, raw] of html.matchAll(/\s(href|src)="([^"]*)"/g)) {
        if (/^(https?:|mailto:|data:|javascript:|#$)/.test(raw) || raw === '') continue;
        const url = new URL(decodeEntities(raw), pageUrl);
        if (url.host !== 'site') continue;
        const file = targetFile(url.pathname);
        if (!file) {
          broken.push(`${relative(DIST, page)}: ${attribute}="${raw}"`);
          continue;
        }
        const fragment = decodeURIComponent(url.hash.slice(1));
        if (fragment && file.endsWith('.html') && !idsIn(file).has(fragment)) {
          broken.push(`${relative(DIST, page)}: ${raw} (no id "${fragment}")`);
        }
      }
    }
    expect(broken).toEqual([]);
  });
});
