/**
 * npm run dom-size [dist-dir]: serves an already built site, opens every page in Chromium with
 * JavaScript on, and prints each page's element count (after hydration) and HTML size. Exits
 * non-zero when the worked-example lesson reaches the element budget: a large DOM makes style and
 * layout slow on every device.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { launchBrowser } from '../tests/e2e/browser';
import { serveStatic } from '../tests/e2e/static-server';

const ELEMENT_BUDGET = 3000;
const BUDGETED_PAGE = '/backprop/worked-example/';

const root = resolve(process.argv[2] ?? 'dist');

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return htmlFiles(path);
    return name.endsWith('.html') ? [path] : [];
  });
}

function urlPathOf(file: string): string {
  const path = `/${relative(root, file).split(sep).join('/')}`;
  return path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path;
}

const pages = htmlFiles(root)
  .map((file) => ({ path: urlPathOf(file), bytes: statSync(file).size }))
  .sort((a, b) => a.path.localeCompare(b.path));
if (!pages.some((page) => page.path === BUDGETED_PAGE)) {
  console.error(`${root} has no ${BUDGETED_PAGE}: build the site first (npx astro build --outDir ${root})`);
  process.exit(1);
}

const { server, url } = await serveStatic(root);
const browser = await launchBrowser();
let budgetedCount = Number.POSITIVE_INFINITY;
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  console.log(`${'page'.padEnd(44)} ${'elements'.padStart(8)} ${'in .katex'.padStart(9)} ${'HTML KiB'.padStart(8)}`);
  for (const { path, bytes } of pages) {
    await page.goto(url + path, { waitUntil: 'load' });
    await page
      .waitForFunction(() => document.querySelectorAll('astro-island[ssr]:not([client="visible"])').length === 0, null, { timeout: 5000 })
      .catch(() => console.warn(`${path}: an island did not hydrate within 5 s`));
    const { elements, inKatex } = await page.evaluate(() => ({
      elements: document.querySelectorAll('*').length,
      inKatex: document.querySelectorAll('.katex *').length,
    }));
    if (path === BUDGETED_PAGE) budgetedCount = elements;
    const flag = path === BUDGETED_PAGE && elements >= ELEMENT_BUDGET ? '  OVER BUDGET' : '';
    console.log(
      `${path.padEnd(44)} ${String(elements).padStart(8)} ${String(inKatex).padStart(9)} ${(bytes / 1024).toFixed(1).padStart(8)}${flag}`,
    );
  }
} finally {
  await browser.close();
  server.close();
}
console.log(`budget: ${BUDGETED_PAGE} under ${ELEMENT_BUDGET} elements; it has ${budgetedCount}`);
process.exit(budgetedCount < ELEMENT_BUDGET ? 0 : 1);
