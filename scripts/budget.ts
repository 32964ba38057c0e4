/**
 * npm run budget [-- --enforce]: what the browser really loads for every built page, against the
 * budgets of issue #8. The built site (SITE_DIR, default dist) is served gzipped, as a host serves
 * it, and each page is opened in Debian's Chromium with an empty cache. The reader's visit is
 * played out: the page loads, idles (Starlight and the islands start their idle work), is scrolled
 * to the end (islands that hydrate when visible) and idles again. Every response is counted by the
 * bytes that crossed the wire, so dynamic imports, workers, iframes, CSS and fonts are all in.
 * Code loaded only on a reader's action (the search UI when the search opens) is measured once and
 * reported on its own line. The page's element count is read at the end of the visit (hydrated).
 * With --enforce the exit code is 1 when a page is over its JS budget, the worked example reaches its
 * element budget, or any page loads KaTeX's JavaScript.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../tests/e2e/browser';
import { serveStatic } from '../tests/e2e/static-server';

const SITE = resolve(process.env.SITE_DIR ?? 'dist');
const ENFORCE = process.argv.includes('--enforce');

/** Budgets of issue #8, gzip KiB of JavaScript per page, Starlight's own included. */
const WORKED_EXAMPLE_JS_KIB = 60;
const WIDGET_LESSON_JS_KIB = 70;
const WORKED_EXAMPLE_PAGES = new Set(['/backprop/worked-example/', '/en/backprop/worked-example/']);
/** A large DOM makes style and layout slow on every device: the worked example stays under this. */
const WORKED_EXAMPLE_ELEMENTS = 3000;
/** A page with no widget may load what this one does: Starlight's chrome and nothing of ours. */
const PLAIN_REFERENCE_PAGE = '/reference/glossary/';
/** Pages differ by a few bytes of inline page data. */
const PLAIN_TOLERANCE_KIB = 0.3;
/** Starlight's own scripts that only pages with that feature load: Expressive Code's copy button. */
const STARLIGHT_OPTIONAL_JS = /\/_astro\/ec\.[\w-]+\.js$/;
/** KaTeX's parser error prefix: a loaded script that contains it carries KaTeX's renderer. */
const KATEX_JS_MARK = 'KaTeX parse error';

/** Pages measured at once: each waits mostly on quiet network, not on the CPU. */
const PARALLEL_PAGES = 4;

type Kind = 'js' | 'css' | 'font' | 'document' | 'other';
interface Load {
  page: string;
  hasWidget: boolean;
  elements: number;
  kib: Record<Kind, number>;
  /** Each script's URL path and its gzip KiB, largest first. */
  scripts: [string, number][];
  katex: string[];
}

function htmlPages(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return htmlPages(path);
    if (!name.endsWith('.html')) return [];
    const url = `/${relative(SITE, path).split(sep).join('/')}`;
    return [url.endsWith('/index.html') ? url.slice(0, -'index.html'.length) : url];
  });
}

function kindOf(resourceType: string, url: string): Kind {
  if (resourceType === 'script' || /\.m?js$/.test(url)) return 'js';
  if (resourceType === 'stylesheet' || url.endsWith('.css')) return 'css';
  if (resourceType === 'font' || /\.(woff2?|ttf|otf)$/.test(url)) return 'font';
  if (resourceType === 'document') return 'document';
  return 'other';
}

/** Waits until the network has been quiet and the main thread idle, as after Starlight's idle work. */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => new Promise<void>((done) => requestIdleCallback(() => setTimeout(done, 200), { timeout: 2000 })));
  await page.waitForLoadState('networkidle');
}

async function scrollToEnd(page: Page): Promise<void> {
  await page.evaluate(async () => {
    for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight / 2) {
      scrollTo(0, y);
      // A timer, not requestAnimationFrame: pages measured side by side may not be painting.
      await new Promise((next) => setTimeout(next, 50));
    }
  });
}

/**
 * Records every finished response of the page (and its iframes). stop() returns what finished so
 * far; a request that finishes after it is past the measured visit and is left out.
 */
function recordResponses(page: Page) {
  type Response = { kind: Kind; path: string; kib: number; katex: boolean };
  const finished: Promise<Response | undefined>[] = [];
  let stopped = false;
  page.on('requestfinished', (request) => {
    if (stopped) return;
    finished.push(
      (async () => {
        const url = new URL(request.url());
        const kind = kindOf(request.resourceType(), url.pathname);
        const { responseBodySize } = await request.sizes();
        const body = kind === 'js' ? await (await request.response())?.text() : '';
        return { kind, path: url.pathname, kib: responseBodySize / 1024, katex: Boolean(body?.includes(KATEX_JS_MARK)) };
      })().catch((error: unknown) => {
        if (stopped) return undefined;
        throw error;
      }),
    );
  });
  return async () => {
    const responses = await Promise.all(finished);
    stopped = true;
    return responses.filter((response): response is Response => response !== undefined);
  };
}

/** No page may hold the run: a visit that has not settled in this long fails, naming the page. */
const VISIT_LIMIT_MS = 90_000;

function measure(browser: Browser, origin: string, path: string): Promise<Load> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, fail) => {
    timer = setTimeout(() => fail(new Error(`${path}: the visit did not settle within ${VISIT_LIMIT_MS / 1000} s`)), VISIT_LIMIT_MS);
  });
  const named = visit(browser, origin, path).catch((error: unknown) => {
    throw new Error(`${path}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  });
  return Promise.race([named, limit]).finally(() => clearTimeout(timer));
}

async function visit(browser: Browser, origin: string, path: string): Promise<Load> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  // Generous: four pages load side by side, and a loaded CI machine can take long to go quiet; VISIT_LIMIT_MS still bounds a visit.
  page.setDefaultTimeout(60_000);
  const responses = recordResponses(page);
  await page.goto(origin + path, { waitUntil: 'load' });
  await settle(page);
  await scrollToEnd(page);
  await settle(page);
  const { hasWidget, elements } = await page.evaluate(() => {
    const all = [...document.querySelectorAll('*')];
    // Counted as Lighthouse's DOM-size audit counts: the body and everything in it.
    const elements = document.body.querySelectorAll('*').length + 1;
    return { hasWidget: Boolean(document.querySelector('astro-island, iframe, [data-widget]') || all.some((element) => element.localName.startsWith('nn-'))), elements };
  });
  const loaded = await responses();
  await context.close();
  const kib: Record<Kind, number> = { js: 0, css: 0, font: 0, document: 0, other: 0 };
  for (const response of loaded) kib[response.kind] += response.kib;
  const scripts = loaded.filter((response) => response.kind === 'js').map((response): [string, number] => [response.path, response.kib]).sort((a, b) => b[1] - a[1]);
  return { page: path, hasWidget, elements, kib, scripts, katex: loaded.filter((response) => response.katex).map((response) => response.path) };
}

/** What opening the search adds on the home page: Pagefind's UI, its index and its WebAssembly. */
async function searchCost(browser: Browser, origin: string): Promise<number> {
  const page = await browser.newPage();
  await page.goto(`${origin}/`, { waitUntil: 'load' });
  await settle(page);
  const responses = recordResponses(page);
  await page.click('button[data-open-modal]');
  await page.locator('#starlight__search input').fill('sigmoid');
  await page.locator('.pagefind-ui__result').first().waitFor({ timeout: 15_000 });
  await settle(page);
  const added = await responses();
  await page.close();
  return added.reduce((total, response) => total + response.kib, 0);
}

function budgetOf(load: Load, plain: Load): { kib: number; rule: string } | undefined {
  if (WORKED_EXAMPLE_PAGES.has(load.page)) return { kib: WORKED_EXAMPLE_JS_KIB, rule: 'worked example' };
  if (/^\/(en\/)?(embed|decks|examples|elements)\//.test(load.page) || load.page.endsWith('.html')) return undefined;
  if (load.hasWidget) return { kib: WIDGET_LESSON_JS_KIB, rule: 'lesson with a widget' };
  const optional = load.scripts.filter(([path]) => STARLIGHT_OPTIONAL_JS.test(path)).reduce((total, [, size]) => total + size, 0);
  return { kib: plain.kib.js + optional + PLAIN_TOLERANCE_KIB, rule: "no widget: Starlight's own" };
}

const { server, url: origin } = await serveStatic(SITE);
const browser = await launchBrowser();
try {
  const pages = htmlPages(SITE).sort();
  const loads: Load[] = [];
  for (let start = 0; start < pages.length; start += PARALLEL_PAGES) {
    loads.push(...(await Promise.all(pages.slice(start, start + PARALLEL_PAGES).map((path) => measure(browser, origin, path)))));
  }
  const plain = loads.find((load) => load.page === PLAIN_REFERENCE_PAGE);
  if (!plain || plain.hasWidget) throw new Error(`${PLAIN_REFERENCE_PAGE} must exist and have no widget: it is the measure of Starlight's own JS`);

  const column = (value: number) => value.toFixed(1).padStart(7);
  console.log(`${'page'.padEnd(46)} ${'JS'.padStart(7)} ${'CSS'.padStart(7)} ${'fonts'.padStart(7)} ${'HTML'.padStart(7)} ${'elements'.padStart(8)}  budget (JS)`);
  const failures: string[] = [];
  for (const load of loads) {
    const budget = budgetOf(load, plain);
    const over = budget !== undefined && load.kib.js > budget.kib;
    if (over) failures.push(`over budget: ${load.page} loads ${load.kib.js.toFixed(1)} KiB gzip JS, budget ${budget.kib.toFixed(1)} KiB (${budget.rule})`);
    if (WORKED_EXAMPLE_PAGES.has(load.page) && load.elements >= WORKED_EXAMPLE_ELEMENTS) {
      failures.push(`too large a DOM: ${load.page} has ${load.elements} elements, budget under ${WORKED_EXAMPLE_ELEMENTS}`);
    }
    if (load.katex.length > 0) failures.push(`KaTeX JavaScript: ${load.page} loads ${load.katex.join(', ')}`);
    const budgetText = budget ? `${budget.kib.toFixed(1)}${over ? '  OVER' : ''}` : '-';
    console.log(`${load.page.padEnd(46)} ${column(load.kib.js)} ${column(load.kib.css)} ${column(load.kib.font)} ${column(load.kib.document)} ${String(load.elements).padStart(8)}  ${budgetText}`);
  }
  const worked = loads.find((load) => load.page === '/backprop/worked-example/');
  console.log('\nKiB gzip as transferred, after load, idle, scrolling to the end and idle again; empty cache per page.');
  console.log(`Starlight's own JS, measured on ${PLAIN_REFERENCE_PAGE}: ${plain.kib.js.toFixed(1)} KiB`);
  if (worked) console.log(`/backprop/worked-example/ scripts: ${worked.scripts.map(([path, size]) => `${path.replace('/_astro/', '')} ${size.toFixed(1)}`).join(', ')}`);
  console.log(`opening the search and searching adds ${(await searchCost(browser, origin)).toFixed(1)} KiB (Pagefind UI, index, WebAssembly)`);
  for (const line of failures) console.log(line);
  console.log(`${failures.length} problem(s)${ENFORCE || failures.length === 0 ? '' : ' (not enforced: run with --enforce to fail on them)'}`);
  process.exitCode = ENFORCE && failures.length > 0 ? 1 : 0;
} finally {
  await browser.close();
  server.close();
}
