/**
 * A one-line plain-text reading of a short MathML formula, such as "σ′(z)" or "W_13^2", for a table
 * header whose only content is maths. Accessibility checkers treat <math> as embedded content with
 * no text, so such a header reads as empty to them (and to any tool that asks for a header's name);
 * the reading goes into the <math>'s aria-label.
 */
interface MathNode {
  type: string;
  value?: string;
  tagName?: string;
  children?: MathNode[];
}

const SCRIPT_MARKS: Record<string, string[]> = { msub: ['_'], msup: ['^'], msubsup: ['_', '^'] };

/** A script longer than one character is bracketed so the reading stays unambiguous. */
const script = (text: string) => ([...text].length > 1 ? `{${text}}` : text);

function linear(node: MathNode): string {
  if (node.type === 'text') return node.value ?? '';
  const parts = (node.children ?? []).filter((child) => child.type === 'element' || child.type === 'text').map(linear);
  const marks = SCRIPT_MARKS[node.tagName ?? ''];
  if (marks) {
    const [base, ...scripts] = parts;
    // A prime is written as a superscript in MathML but read as part of the name.
    return base + scripts.map((text, index) => (/^[′″]+$/.test(text) ? text : `${marks[index]}${script(text)}`)).join('');
  }
  if (node.tagName === 'mfrac') return `${script(parts[0])}/${script(parts[1])}`;
  if (node.tagName === 'msqrt') return `√${script(parts.join(''))}`;
  return parts.join('');
}

export function readMath(math: MathNode): string {
  // U+2061 (function application) sits between a name such as tanh and its argument.
  return linear(math).replace(/\u2061/g, ' ').replace(/\s+/g, ' ').trim();
}
