/**
 * Lesson maths as MathML only. KaTeX's default output adds an HTML copy of every formula for
 * browsers without MathML; that copy is most of a lesson's DOM, and every current browser renders
 * MathML natively (and screen readers read it). Markdown maths (rehype-katex, then
 * rehypeMathmlMarkup) and the build-time lesson components (renderMathml) share one markup: a bare
 * <math> inline, display maths inside a scroll box that takes focus so that a wide formula can be
 * scrolled from the keyboard, and KaTeX's MathML trimmed of what costs elements but shows nothing.
 */
import katex from 'katex';
import { readMath } from './math-label';

export const DISPLAY_MATH_CLASS = 'math-display';

/**
 * Runs of single letters at least this long are one name rather than a product: the handout writes
 * net, out, target and total in italics, and KaTeX gives each letter its own <mi>.
 */
const MIN_NAME_LENGTH = 3;

/** The part of a hast node (or of an MDX node in a hast tree) that this module reads. */
interface MathNode {
  type: string;
  value?: string;
  children?: MathNode[];
}
interface MathElement extends MathNode {
  type: 'element';
  tagName: string;
  properties: Record<string, unknown>;
  children: MathNode[];
}
type Parent = { children: MathNode[] };

const isElement = (node: MathNode | undefined): node is MathElement => node?.type === 'element';
const hasAttributes = (element: MathElement) => Object.keys(element.properties).length > 0;
const elementChildren = (element: MathElement) => element.children.filter(isElement);

function singleLetter(node: MathNode | undefined): string | undefined {
  if (!isElement(node) || node.tagName !== 'mi' || hasAttributes(node) || node.children.length !== 1) return undefined;
  const [text] = node.children;
  return text.type === 'text' && /^[A-Za-z]$/.test(text.value ?? '') ? text.value : undefined;
}

/** MathML draws a one-letter <mi> in italics and a longer one upright, so a joined name says it is italic. */
const italicName = (name: string): MathElement => ({
  type: 'element',
  tagName: 'mi',
  properties: { mathvariant: 'italic' },
  children: [{ type: 'text', value: name }],
});

const SCRIPTED = new Set(['msub', 'msup', 'msubsup']);
/** Elements whose children are a row; in the others (scripts, fractions) each child has its own place. */
const ROWS = new Set(['math', 'mrow', 'mstyle', 'msqrt', 'mtd', 'mpadded', 'mphantom', 'menclose', 'merror']);

/**
 * Joins n, e, t into one <mi>net</mi>. When the last letter carries a script (TeX attaches
 * out_{o1}'s subscript to the t alone), the script moves to the whole name, which draws the same.
 */
function joinNames(children: MathNode[]): MathNode[] {
  const joined: MathNode[] = [];
  let index = 0;
  while (index < children.length) {
    let end = index;
    while (singleLetter(children[end]) !== undefined) end++;
    const letters = children.slice(index, end).map((node) => singleLetter(node)!);
    const next = children[end];
    const scriptBase = isElement(next) && SCRIPTED.has(next.tagName) && !hasAttributes(next) ? singleLetter(next.children[0]) : undefined;
    const name = letters.join('') + (scriptBase ?? '');
    if (letters.length === 0 || name.length < MIN_NAME_LENGTH) {
      joined.push(...children.slice(index, Math.max(end, index + 1)));
      index = Math.max(end, index + 1);
    } else if (scriptBase !== undefined && isElement(next)) {
      joined.push({ ...next, children: [italicName(name), ...next.children.slice(1)] });
      index = end + 1;
    } else {
      joined.push(italicName(name));
      index = end;
    }
  }
  return joined;
}

/**
 * KaTeX leaves an upright operator name such as log or tanh as a plain <mi>; saying mathvariant
 * "normal" outright lets the stylesheet give every plain <mi> KaTeX's italic letters.
 */
function markUprightNames(element: MathElement): void {
  const [text, ...rest] = element.children;
  if (element.tagName !== 'mi' || hasAttributes(element) || rest.length > 0 || text?.type !== 'text') return;
  if ([...(text.value ?? '')].length > 1) element.properties.mathvariant = 'normal';
}

/**
 * Drops <semantics> with its TeX <annotation> (shown to nobody, but indexed by search), unwraps
 * <mrow>s around a single element (an <mo> keeps its row, whose position sets its spacing) and
 * <mstyle>s around one (their attributes move onto it), and joins letter runs into names.
 */
function trimChildren(parent: MathElement): void {
  const trimmed = parent.children.map((child): MathNode => {
    if (!isElement(child)) return child;
    trimChildren(child);
    markUprightNames(child);
    if (child.tagName === 'semantics') return child.children[0];
    const [only, ...rest] = elementChildren(child);
    const soleChild = only && rest.length === 0 && child.children.length === 1;
    if (child.tagName === 'mrow' && !hasAttributes(child) && soleChild && only.tagName !== 'mo') return only;
    // \dfrac's <mstyle displaystyle scriptlevel> around one fraction: MathML Core takes both attributes on any element.
    if (child.tagName === 'mstyle' && soleChild) {
      const styled: MathElement = { ...only, properties: { ...child.properties, ...only.properties } };
      return styled;
    }
    return child;
  });
  parent.children = ROWS.has(parent.tagName) ? joinNames(trimmed) : trimmed;
}

function trimMath(math: MathElement): void {
  trimChildren(math);
  delete math.properties.xmlns;
  const [only] = math.children;
  if (math.children.length === 1 && isElement(only) && only.tagName === 'mrow' && !hasAttributes(only)) {
    math.children = only.children;
  }
}

/** KaTeX's MathML markup, read back into nodes: only tags, double-quoted attributes and escaped text. */
function parseMarkup(markup: string): MathNode[] {
  const root: Parent = { children: [] };
  const open: Parent[] = [root];
  for (const [, closing, tagName, attributes, text] of markup.matchAll(/<(\/?)([a-z]+)((?:\s+[\w:-]+="[^"]*")*)\s*>|([^<]+)/g)) {
    const parent = open[open.length - 1];
    if (text !== undefined) {
      parent.children.push({ type: 'text', value: text });
    } else if (closing) {
      open.pop();
    } else {
      const properties = Object.fromEntries([...attributes.matchAll(/([\w:-]+)="([^"]*)"/g)].map(([, name, value]) => [name, value]));
      const element: MathElement = { type: 'element', tagName, properties, children: [] };
      parent.children.push(element);
      open.push(element);
    }
  }
  return root.children;
}

function serialize(node: MathNode): string {
  if (!isElement(node)) return node.value ?? '';
  const attributes = Object.entries(node.properties).map(([name, value]) => ` ${name}="${String(value)}"`).join('');
  return `<${node.tagName}${attributes}>${node.children.map(serialize).join('')}</${node.tagName}>`;
}

/** The bare <math> element; a display formula still needs its scroll box (see renderMathml). */
export function mathElement(tex: string, { display = false }: { display?: boolean } = {}): string {
  const rendered = katex.renderToString(tex, { output: 'mathml', displayMode: display, throwOnError: true });
  const [wrapper] = parseMarkup(rendered);
  const [math] = isElement(wrapper) ? wrapper.children : [];
  if (!isElement(math) || math.tagName !== 'math') throw new Error(`KaTeX returned unexpected markup for "${tex}": ${rendered.slice(0, 80)}`);
  trimMath(math);
  return serialize(math);
}

export function renderMathml(tex: string, { display = false }: { display?: boolean } = {}): string {
  const math = mathElement(tex, { display });
  return display ? `<div class="${DISPLAY_MATH_CLASS}" tabindex="0">${math}</div>` : math;
}

/** The <math> that rehype-katex wrapped in <span class="katex">, if this node is such a wrapper. */
function wrappedMath(node: MathNode): MathElement | undefined {
  if (!isElement(node) || node.tagName !== 'span') return undefined;
  const className = node.properties.className;
  if (!Array.isArray(className) || !className.includes('katex')) return undefined;
  const [only, ...rest] = node.children;
  return isElement(only) && rest.length === 0 && only.tagName === 'math' ? only : undefined;
}

function replaceKatexWrappers(parent: Parent): void {
  const soleContent = parent.children.filter((child) => child.type !== 'text' || child.value?.trim()).length === 1;
  parent.children = parent.children.map((child) => {
    const math = wrappedMath(child);
    if (!math) {
      if (child.children) replaceKatexWrappers(child as Parent);
      return child;
    }
    trimMath(math);
    // A header cell holding only maths would otherwise have no name (see math-label.ts).
    if (soleContent && isElement(parent as MathNode) && (parent as MathElement).tagName === 'th') math.properties.ariaLabel = readMath(math);
    if (math.properties.display !== 'block') return math;
    const scrollBox: MathElement = { type: 'element', tagName: 'div', properties: { className: [DISPLAY_MATH_CLASS], tabIndex: 0 }, children: [math] };
    return scrollBox;
  });
}

/**
 * Runs after rehype-katex (with output: 'mathml') so that Markdown maths gets renderMathml()'s
 * markup, inside MDX components' children too (those are MDX nodes, not hast elements).
 */
export function rehypeMathmlMarkup() {
  return (tree: Parent) => replaceKatexWrappers(tree);
}
