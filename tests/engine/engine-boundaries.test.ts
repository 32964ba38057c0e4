/**
 * The engine is pure TypeScript that any page, worker or script can run and every test can replay:
 * it imports only itself, never touches the DOM, and never reads a clock or an unseeded random
 * number. Inside it, core serves everything, models serve widgets and lessons serve lesson pages,
 * so imports only point down that list. Read from the syntax tree, so comments and strings
 * ("document 003", "Date") do not count.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ENGINE = resolve(__dirname, '../../src/engine');
const LAYERS = ['core', 'models', 'lessons'] as const;
type Layer = (typeof LAYERS)[number];
/** Which layers a file in each layer may import from. */
const MAY_IMPORT: Record<Layer, readonly Layer[]> = {
  core: ['core'],
  models: ['core', 'models'],
  lessons: ['core', 'models', 'lessons'],
};
/** Browser globals and sources of time or non-reproducible randomness. */
const FORBIDDEN_GLOBALS = new Set([
  'window', 'document', 'navigator', 'location', 'localStorage', 'sessionStorage', 'globalThis', 'self',
  'HTMLElement', 'Element', 'Node', 'Event', 'CustomEvent', 'requestAnimationFrame', 'fetch', 'XMLHttpRequest',
  'Date', 'performance', 'setTimeout', 'setInterval', 'crypto',
]);

function engineFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return engineFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

const layerOf = (path: string): Layer | undefined => {
  const top = relative(ENGINE, path).split(sep)[0];
  return (LAYERS as readonly string[]).includes(top) ? (top as Layer) : undefined;
};

/** A node that names a property or a key rather than reading a variable. */
function isPropertyName(node: ts.Identifier): boolean {
  const parent = node.parent;
  return (
    (ts.isPropertyAccessExpression(parent) && parent.name === node) ||
    (ts.isPropertyAssignment(parent) && parent.name === node) ||
    (ts.isPropertySignature(parent) && parent.name === node) ||
    (ts.isPropertyDeclaration(parent) && parent.name === node) ||
    (ts.isMethodDeclaration(parent) && parent.name === node) ||
    (ts.isQualifiedName(parent) && parent.right === node) ||
    (ts.isBindingElement(parent) && parent.propertyName === node)
  );
}

interface Findings {
  imports: string[];
  problems: string[];
}

function inspect(path: string, text = readFileSync(path, 'utf8')): Findings {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const imports: string[] = [];
  const problems: string[] = [];
  const declared = new Set<string>();
  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      imports.push(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && ts.isStringLiteral(node.arguments[0])) {
      imports.push(node.arguments[0].text);
    } else if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'Math' && node.name.text === 'random') {
      problems.push('Math.random (use core/random with a seed)');
    } else if (ts.isIdentifier(node) && FORBIDDEN_GLOBALS.has(node.text) && !isPropertyName(node) && !declared.has(node.text)) {
      problems.push(node.text);
    }
    if ((ts.isParameter(node) || ts.isVariableDeclaration(node) || ts.isBindingElement(node)) && ts.isIdentifier(node.name)) declared.add(node.name.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { imports, problems };
}

const files = engineFiles(ENGINE);

describe('the engine stands alone', () => {
  it('has files in core, models and lessons only', () => {
    expect(files.length).toBeGreaterThan(0);
    expect(files.filter((path) => layerOf(path) === undefined).map((path) => relative(ENGINE, path))).toEqual([]);
  });

  it.each(files.map((path) => [relative(ENGINE, path), path]))('%s imports only the engine, down the layers', (_name, path) => {
    const layer = layerOf(path)!;
    const refused = inspect(path).imports.filter((specifier) => {
      if (!specifier.startsWith('./') && !specifier.startsWith('../')) return true;
      if (/\.(svelte|astro|mdx?|css|json)$/.test(specifier)) return true;
      const target = resolve(dirname(path), specifier);
      if (!target.startsWith(ENGINE + sep)) return true;
      const targetLayer = layerOf(target);
      return targetLayer === undefined || !MAY_IMPORT[layer].includes(targetLayer);
    });
    expect(refused).toEqual([]);
  });

  it.each(files.map((path) => [relative(ENGINE, path), path]))('%s uses no DOM, clock or Math.random', (_name, path) => {
    expect(inspect(path).problems).toEqual([]);
  });
});

describe('the boundary check itself', () => {
  const check = (code: string) => inspect(join(ENGINE, 'core', 'probe.ts'), code).problems;

  it('sees globals in code but not in comments, strings or property names', () => {
    expect(check('const t = Date.now(); const r = Math.random(); window.alert(performance.now());')).toEqual(['Date', 'Math.random (use core/random with a seed)', 'window', 'performance']);
    expect(check('// Date and window\nconst s = "document 003"; const o = { document: 1 }; o.document;')).toEqual([]);
  });

  it('sees imports of components, content and packages', () => {
    expect(inspect(join(ENGINE, 'models', 'probe.ts'), "import a from '../../components/x.svelte'; import b from 'katex'; const c = import('../lessons/y');").imports)
      .toEqual(['../../components/x.svelte', 'katex', '../lessons/y']);
  });
});
