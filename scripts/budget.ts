/**
 * npm run budget: what the browser loads for every built page, gzipped, against the budgets of
 * issue #8. Followed from each page's HTML:
 *   JS    <script src>, inline scripts, island component and renderer URLs, modulepreload links, and
 *         inside every chunk its static imports, its dynamic imports (quoted or in backticks), Vite's
 *         preload lists (__vite__mapDeps) and workers (new Worker(new URL(…, import.meta.url))).
 *         Lazily imported chunks are counted: a reader who opens the widget or the search loads them.
 *   CSS   <link rel=stylesheet>, inline <style>, @import (recursively) and CSS in preload lists.
 *   fonts every @font-face in that CSS, counted by its first src url (the format a current browser
 *         picks); reported as "declared fonts" because a browser fetches only the faces it uses.
 *   iframes a same-site <iframe src> (the deck's embedded widgets) adds everything its page loads;
 *         a file shared with the host page is counted once, as the browser's cache fetches it once.
 * A page "has a widget" when it hydrates anything (an island, an nn-* element, an embedded widget):
 * every such lesson page gets the widget budget; the others may load no more than Starlight itself.
 * Sizes are each file gzipped on its own, in KiB. The site comes from SITE_DIR (default dist).
 * With --enforce the exit code is 1 when a page is over its budget; without it, over-budget lines
 * are printed and the exit code stays 0.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const SITE = resolve(process.env.SITE_DIR ?? 'dist');
const ENFORCE = process.argv.includes('--enforce');

/** Budgets of issue #8, gzip KiB of JavaScript per page. */
const WORKED_EXAMPLE_JS_KIB = 60;
const WIDGET_LESSON_JS_KIB = 70;
/** A page with no widget: Starlight's own chrome only. This page has none and is measured as that figure. */
const PLAIN_REFERENCE_PAGE = 'reference/glossary/index.html';
const WORKED_EXAMPLE_PAGES = new Set(['backprop/worked-example/index.html', 'en/backprop/worked-example/index.html']);
/** Inline scripts differ by a few bytes between pages (sidebar state hash, page data). */
const PLAIN_TOLERANCE_KIB = 0.2;
/** Starlight's scripts that only pages with that feature load: Expressive Code's copy button. */
const STARLIGHT_OPTIONAL_JS = /^_astro\/ec\.[\w-]+\.js$/;

interface PageLoad {
  page: string;
  kind: 'lesson' | 'embed' | 'deck' | 'example';
  hasWidget: boolean;
  js: Set<string>;
  css: Set<string>;
  fonts: Set<string>;
  /** Inline script and style text of the page and of each same-site iframe, one entry per document. */
  inlineJs: string[];
  inlineCss: string[];
}

const gzipCache = new Map<string, number>();
function gzipKiB(file: string): number {
  let size = gzipCache.get(file);
  if (size === undefined) {
    size = gzipSync(readFileSync(join(SITE, file))).length / 1024;
    gzipCache.set(file, size);
  }
  return size;
}
const gzipTextKiB = (texts: string[]) =>
  texts.reduce((total, text) => total + (text.trim().length === 0 ? 0 : gzipSync(text).length / 1024), 0);
const sum = (files: Iterable<string>) => [...files].reduce((total, file) => total + gzipKiB(file), 0);

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return htmlFiles(path);
    return name.endsWith('.html') ? [path] : [];
  });
}

/** A URL as written in fromFile, as a path inside the site; undefined for external or templated URLs. */
function resolveUrl(url: string, fromFile: string): string | undefined {
  if (/^(?:[a-z]+:)?\/\//i.test(url) || url.startsWith('data:') || url.includes('${')) return undefined;
  const clean = url.split(/[?#]/)[0];
  const path = clean.startsWith('/') ? posix.normalize(clean.slice(1)) : posix.join(posix.dirname(fromFile), clean);
  return existsSync(join(SITE, path)) && statSync(join(SITE, path)).isFile() ? path : undefined;
}

const STRING = String.raw`["'\x60]([^"'\x60]+)["'\x60]`;
const STATIC_IMPORT = new RegExp(String.raw`(?:\bimport|\bfrom)\s*` + STRING, 'g');
const DYNAMIC_IMPORT = new RegExp(String.raw`\bimport\s*\(\s*` + STRING + String.raw`\s*\)`, 'g');
const WORKER_URL = new RegExp(String.raw`new\s+URL\(\s*` + STRING + String.raw`\s*,\s*import\.meta\.url\s*\)`, 'g');
/** Vite's preload list: m.f=["_astro/x.js","_astro/y.css"], paths from the site root. */
const PRELOAD_LIST = /m\.f=\[([^\]]*)\]/g;

/** Every URL a chunk of JavaScript may fetch: imports of both kinds, workers, preload lists. */
function urlsInScript(code: string, fromFile: string): string[] {
  const urls = [STATIC_IMPORT, DYNAMIC_IMPORT, WORKER_URL].flatMap((pattern) =>
    [...code.matchAll(pattern)].map((match) => resolveUrl(match[1], fromFile)),
  );
  for (const list of code.matchAll(PRELOAD_LIST)) {
    for (const entry of list[1].matchAll(/["'\x60]([^"'\x60]+)["'\x60]/g)) urls.push(resolveUrl(`/${entry[1]}`, fromFile));
  }
  return urls.filter((url): url is string => url !== undefined);
}

function followScripts(roots: string[], inlineCode: string, page: string, load: PageLoad): void {
  const queue = [...roots, ...urlsInScript(inlineCode, page)];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (file.endsWith('.css')) {
      followStyles([file], load);
      continue;
    }
    if (!/\.m?js$/.test(file) || load.js.has(file)) continue;
    load.js.add(file);
    queue.push(...urlsInScript(readFileSync(join(SITE, file), 'utf8'), file));
  }
}

function fontsIn(css: string, fromFile: string, load: PageLoad): void {
  for (const face of css.matchAll(/@font-face\s*\{([^}]*)\}/g)) {
    const first = face[1].match(/url\(\s*["']?([^"')]+)["']?\s*\)/);
    const font = first && resolveUrl(first[1], fromFile);
    if (font) load.fonts.add(font);
  }
}

function followStyles(roots: string[], load: PageLoad): void {
  const queue = [...roots];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (load.css.has(file)) continue;
    load.css.add(file);
    const css = readFileSync(join(SITE, file), 'utf8');
    fontsIn(css, file, load);
    for (const match of css.matchAll(/@import\s+(?:url\(\s*)?["']?([^"')\s;]+)/g)) {
      const url = resolveUrl(match[1], file);
      if (url) queue.push(url);
    }
  }
}

/**
 * The page's markup with every attribute value that itself contains markup emptied, so code shown
 * on the page (a copy button's data-code="<script …>") is not read as tags. Script and style
 * contents are copied untouched.
 */
function markupOnly(html: string): string {
  let out = '';
  let i = 0;
  while (i < html.length) {
    const open = html.indexOf('<', i);
    if (open < 0) return out + html.slice(i);
    out += html.slice(i, open);
    let j = open + 1;
    let tag = '<';
    while (j < html.length && html[j] !== '>') {
      const quote = html[j];
      if (quote === '"' || quote === "'") {
        const close = html.indexOf(quote, j + 1);
        const value = html.slice(j + 1, close < 0 ? html.length : close);
        tag += /[<>]/.test(value) ? `${quote}${quote}` : `${quote}${value}${quote}`;
        j = close < 0 ? html.length : close + 1;
      } else {
        tag += html[j++];
      }
    }
    out += `${tag}>`;
    i = j + 1;
    const rawText = tag.match(/^<(script|style)\b/i);
    if (rawText) {
      const end = html.toLowerCase().indexOf(`</${rawText[1].toLowerCase()}`, i);
      const stop = end < 0 ? html.length : end;
      out += html.slice(i, stop);
      i = stop;
    }
  }
  return out;
}

function attribute(tag: string, name: string): string | undefined {
  return tag.match(new RegExp(`\\s${name}=["']?([^"'\\s>]+)`, 'i'))?.[1];
}

/** The HTML file a same-site link to a page points at (a directory URL means its index.html). */
function pageFile(url: string, fromFile: string): string | undefined {
  if (/^(?:[a-z]+:)?\/\//i.test(url)) return undefined;
  const clean = url.split(/[?#]/)[0];
  const path = clean.startsWith('/') ? clean.slice(1) : posix.join(posix.dirname(fromFile), clean);
  const file = path === '' || path.endsWith('/') ? `${path}index.html` : path;
  return existsSync(join(SITE, file)) ? posix.normalize(file) : undefined;
}

function measurePage(page: string, visited = new Set<string>()): PageLoad {
  visited.add(page);
  const html = markupOnly(readFileSync(join(SITE, page), 'utf8'));
  const kind = page.startsWith('embed/') ? 'embed' : page.startsWith('decks/') ? 'deck' : page.startsWith('examples/') ? 'example' : 'lesson';
  const iframes = [...html.matchAll(/<iframe\b[^>]*\ssrc="([^"]+)"/gi)]
    .map((match) => pageFile(match[1].replaceAll('&amp;', '&'), page))
    .filter((file): file is string => file !== undefined);
  const load: PageLoad = {
    page, kind, hasWidget: /<astro-island\b|<nn-[a-z]/.test(html) || iframes.length > 0,
    js: new Set(), css: new Set(), fonts: new Set(), inlineJs: [], inlineCss: [],
  };
  const scriptRoots: string[] = [];
  for (const tag of html.matchAll(/<(?:script|astro-island|link)\b[^>]*>/gi)) {
    const isLink = /^<link/i.test(tag[0]);
    const rel = isLink ? attribute(tag[0], 'rel') : undefined;
    if (isLink && rel !== 'modulepreload') continue;
    for (const name of isLink ? ['href'] : ['src', 'component-url', 'renderer-url', 'before-hydration-url']) {
      const value = attribute(tag[0], name);
      const url = value && resolveUrl(value, page);
      if (url) scriptRoots.push(url);
    }
  }
  const inlineScripts = [...html.matchAll(/<script\b(?![^>]*\ssrc=)([^>]*)>([\s\S]*?)<\/script>/gi)]
    .filter((match) => !/type=["']?(?:application\/(?:ld\+)?json|importmap)/i.test(match[1]))
    .map((match) => match[2]);
  load.inlineJs.push(inlineScripts.join('\n'));
  followScripts(scriptRoots, inlineScripts.join('\n'), page, load);

  const styleRoots = [...html.matchAll(/<link\b[^>]*>/gi)]
    .filter((tag) => attribute(tag[0], 'rel') === 'stylesheet')
    .map((tag) => resolveUrl(attribute(tag[0], 'href') ?? '', page))
    .filter((url): url is string => url !== undefined);
  followStyles(styleRoots, load);
  const inlineCss = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)].map((match) => match[1]).join('\n');
  load.inlineCss.push(inlineCss);
  fontsIn(inlineCss, page, load);
  for (const frame of iframes.filter((file) => !visited.has(file))) {
    const inner = measurePage(frame, visited);
    for (const key of ['js', 'css', 'fonts'] as const) for (const file of inner[key]) load[key].add(file);
    load.inlineJs.push(...inner.inlineJs);
    load.inlineCss.push(...inner.inlineCss);
  }
  return load;
}

interface Figures {
  js: number;
  css: number;
  fonts: number;
}
const figuresOf = (load: PageLoad): Figures => ({
  js: sum(load.js) + gzipTextKiB(load.inlineJs),
  css: sum(load.css) + gzipTextKiB(load.inlineCss),
  fonts: sum(load.fonts),
});

if (!existsSync(SITE)) {
  console.error(`no built site at ${SITE}; run npm run build or set SITE_DIR`);
  process.exit(1);
}
const loads = htmlFiles(SITE)
  .map((file) => relative(SITE, file).split('\\').join('/'))
  .sort()
  .map((page) => measurePage(page));
const plainReference = loads.find((load) => load.page === PLAIN_REFERENCE_PAGE);
if (!plainReference || plainReference.hasWidget) {
  console.error(`${PLAIN_REFERENCE_PAGE} must exist and have no widget: it is the measure of Starlight's own JS`);
  process.exit(1);
}
const starlightJs = figuresOf(plainReference).js;

function budgetOf(load: PageLoad): { kib: number; rule: string } | undefined {
  if (WORKED_EXAMPLE_PAGES.has(load.page)) return { kib: WORKED_EXAMPLE_JS_KIB, rule: 'worked example' };
  if (load.kind !== 'lesson') return undefined;
  if (load.hasWidget) return { kib: WIDGET_LESSON_JS_KIB, rule: 'lesson with a widget' };
  const optional = sum([...load.js].filter((file) => STARLIGHT_OPTIONAL_JS.test(file) && !plainReference!.js.has(file)));
  return { kib: starlightJs + optional + PLAIN_TOLERANCE_KIB, rule: "no widget: Starlight's own" };
}

const kib = (value: number) => value.toFixed(1).padStart(7);
console.log(`${'page'.padEnd(50)} ${'JS'.padStart(7)} ${'CSS'.padStart(7)} ${'fonts*'.padStart(7)}  files  budget (JS)`);
const over: string[] = [];
const totals = { lesson: [] as Figures[], embed: [] as Figures[], deck: [] as Figures[], example: [] as Figures[] };
for (const load of loads) {
  const figures = figuresOf(load);
  totals[load.kind].push(figures);
  const budget = budgetOf(load);
  const isOver = budget !== undefined && figures.js > budget.kib;
  if (isOver) over.push(`over budget: /${load.page.replace(/index\.html$/, '')} loads ${figures.js.toFixed(1)} KiB gzip JS, budget ${budget.kib.toFixed(1)} KiB (${budget.rule})`);
  const files = `${load.js.size}/${load.css.size}/${load.fonts.size}`.padStart(9);
  const budgetText = budget ? `${budget.kib.toFixed(1)}${isOver ? '  OVER' : ''}` : '-';
  console.log(`${load.page.padEnd(50)} ${kib(figures.js)} ${kib(figures.css)} ${kib(figures.fonts)} ${files}  ${budgetText}`);
}

console.log('\nKiB gzip; files = JS/CSS/declared fonts; *declared fonts: the first src of every @font-face in the page’s CSS.');
console.log(`Starlight's own JS, measured on /${PLAIN_REFERENCE_PAGE.replace(/index\.html$/, '')}: ${starlightJs.toFixed(1)} KiB`);
for (const [kind, list] of Object.entries(totals)) {
  if (list.length === 0) continue;
  const largest = (key: keyof Figures) => Math.max(...list.map((f) => f[key])).toFixed(1);
  console.log(`${`${kind} pages (${list.length})`.padEnd(20)} largest JS ${largest('js')} KiB, CSS ${largest('css')} KiB, declared fonts ${largest('fonts')} KiB`);
}
for (const line of over) console.log(line);
console.log(`${over.length} page(s) over budget${ENFORCE ? '' : ' (not enforced: run with --enforce to fail on them)'}`);
process.exit(ENFORCE && over.length > 0 ? 1 : 0);
