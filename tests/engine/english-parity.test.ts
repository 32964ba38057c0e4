/**
 * The two editions stay in step: every Chinese page under src/content/docs has an English twin under
 * src/content/docs/en/ that cites the same document sections, imports the same widgets and site
 * components (each used as often, and each told lang="en"), and prints every precise number the
 * Chinese page prints.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

const DOCS = 'src/content/docs';
const ENGLISH = join(DOCS, 'en');

function mdxFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return path === ENGLISH ? [] : mdxFiles(path);
    return /\.mdx?$/.test(name) ? [path] : [];
  });
}

interface Page {
  frontmatter: Record<string, unknown>;
  /** Everything after the frontmatter: imports, exports and prose. */
  body: string;
}

export function parsePage(text: string): Page {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
  if (!match) return { frontmatter: {}, body: text };
  return { frontmatter: (load(match[1]) as Record<string, unknown>) ?? {}, body: text.slice(match[0].length) };
}

/** The names a page imports from the site's own components (src/components/…/*.svelte or *.astro). */
export function siteComponents(body: string): string[] {
  const names = [...body.matchAll(/^import\s+(\w+)\s+from\s+['"]([^'"]+)['"]/gm)]
    .filter(([, , from]) => /(^|\/)components\/.+\.(svelte|astro)$/.test(from))
    .map(([, name]) => name);
  return [...new Set(names)].sort();
}

/** Each opening tag of `name` in the body, from `<name` to its closing `>`, braces and quotes respected. */
export function tagsOf(body: string, name: string): string[] {
  const tags: string[] = [];
  const opening = new RegExp(`<${name}(?=[\\s/>])`, 'g');
  for (let match = opening.exec(body); match; match = opening.exec(body)) {
    let depth = 0;
    let quote = '';
    let end = match.index + match[0].length;
    for (; end < body.length; end++) {
      const char = body[end];
      if (quote) {
        if (char === quote) quote = '';
      } else if (char === '"' || char === "'" || char === '`') quote = char;
      else if (char === '{') depth++;
      else if (char === '}') depth--;
      else if (char === '>' && depth === 0) break;
    }
    tags.push(body.slice(match.index, end + 1));
  }
  return tags;
}

/** Decimal numbers with at least three digits after the point: the engine's numbers, which a translation must keep. */
export function preciseNumbers(body: string): string[] {
  return [...new Set([...body.matchAll(/\d+\.\d{3,}/g)].map((m) => m[0]))];
}

const chinesePages = mdxFiles(DOCS)
  .map((path) => relative(DOCS, path).split(sep).join('/'))
  .sort();
const read = (path: string) => parsePage(readFileSync(path, 'utf8'));

describe('the parity helpers', () => {
  it('read a tag across lines and past a > inside braces or quotes', () => {
    const body = 'a <NumericAnswer client:visible\n  answer={x > 1 ? 2 : 3} label="a>b" lang="en" /> b <Erratum id="x" />';
    expect(tagsOf(body, 'NumericAnswer')).toEqual(['<NumericAnswer client:visible\n  answer={x > 1 ? 2 : 3} label="a>b" lang="en" />']);
    expect(tagsOf(body, 'Erratum')).toEqual(['<Erratum id="x" />']);
    expect(tagsOf('<ErratumList />', 'Erratum')).toEqual([]);
  });

  it('list only components imported from src/components', () => {
    const body = [
      "import { Aside } from '@astrojs/starlight/components';",
      "import Erratum from '../../../components/lesson/Erratum.astro';",
      "import Backprop222 from '../../../components/widgets/backprop-222/Backprop222.svelte';",
      "import { renderMathml } from '../../../components/lesson/mathml';",
    ].join('\n');
    expect(siteComponents(body)).toEqual(['Backprop222', 'Erratum']);
  });

  it('find the precise decimals once each', () => {
    expect(preciseNumbers('0.75136507 and 0.25, 1.5, 0.291027774 and 0.75136507')).toEqual(['0.75136507', '0.291027774']);
  });
});

describe.each(chinesePages)('%s', (page) => {
  const twin = join(ENGLISH, page);

  it('has an English twin', () => {
    expect(existsSync(twin), `missing ${twin}`).toBe(true);
  });

  describe.runIf(existsSync(twin))('whose English twin', () => {
    const chinese = read(join(DOCS, page));
    const english = existsSync(twin) ? read(twin) : chinese;

    it('cites the same document sections', () => {
      expect(english.frontmatter.sources ?? []).toEqual(chinese.frontmatter.sources ?? []);
    });

    it('imports the same widgets and site components and uses each as often', () => {
      const components = siteComponents(chinese.body);
      expect(siteComponents(english.body)).toEqual(components);
      for (const name of components) expect(tagsOf(english.body, name).length, name).toBe(tagsOf(chinese.body, name).length);
    });

    it('tells every widget and site component to speak English', () => {
      const untold = siteComponents(english.body).flatMap((name) => tagsOf(english.body, name).filter((tag) => !/\slang=["']en["']/.test(tag)));
      expect(untold).toEqual([]);
    });

    it('prints every precise number the Chinese page prints', () => {
      const missing = preciseNumbers(chinese.body).filter((number) => !english.body.includes(number));
      expect(missing).toEqual([]);
    });
  });
});
