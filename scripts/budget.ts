/**
 * npm run budget: the JavaScript each built page loads, gzipped, against a budget. Prints every
 * page's figure and exits non-zero when a page is over.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const DIST = resolve('dist');
/** Budget for one page's scripts, gzipped. The stepper carries KaTeX (about 75 KiB) for live formulas. */
const PAGE_BUDGET_KIB = 160;

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return htmlFiles(path);
    return name.endsWith('.html') ? [path] : [];
  });
}

/** Every script a page loads, following static imports between chunks. */
function scriptsOf(html: string): Set<string> {
  const found = new Set<string>();
  const queue = [...html.matchAll(/(?:src|component-url|renderer-url|href)="(\/_astro\/[^"]+\.js)"/g)].map((m) => m[1]);
  queue.push(...[...html.matchAll(/import\("(\/_astro\/[^"]+\.js)"\)/g)].map((m) => m[1]));
  while (queue.length > 0) {
    const url = queue.pop()!;
    if (found.has(url)) continue;
    found.add(url);
    const code = readFileSync(join(DIST, url), 'utf8');
    for (const match of code.matchAll(/(?:from|import)\s*\(?\s*"\.\/([^"]+\.js)"/g)) queue.push(`/_astro/${match[1]}`);
  }
  return found;
}

let over = 0;
for (const file of htmlFiles(DIST).sort()) {
  const scripts = scriptsOf(readFileSync(file, 'utf8'));
  const gzipped = [...scripts].reduce((sum, url) => sum + gzipSync(readFileSync(join(DIST, url))).length, 0) / 1024;
  const flag = gzipped > PAGE_BUDGET_KIB ? '  OVER BUDGET' : '';
  if (flag) over++;
  console.log(`${relative(DIST, file).padEnd(48)} ${String(scripts.size).padStart(3)} scripts ${gzipped.toFixed(1).padStart(7)} KiB gzip${flag}`);
}
console.log(`budget: ${PAGE_BUDGET_KIB} KiB gzip per page; ${over} page(s) over`);
process.exit(over > 0 ? 1 : 0);
