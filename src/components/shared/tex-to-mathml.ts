/**
 * TeX → MathML for the formulas the widgets build while they run, so that no page has to load a
 * TeX engine: every current browser lays out MathML natively. It covers exactly the TeX the engine
 * records and the widget components write (tests/components/tex-to-mathml.test.ts converts all of
 * it); anything else comes out as a visible <merror>, never as an exception. The markup follows the
 * lesson pages' build-time MathML (src/components/lesson/mathml.ts) so that the site stylesheet
 * gives both the same fonts: a plain <mi> is one italic letter, longer names say their variant.
 */

import { readMath } from '../lesson/math-label';

type MathNode = { tag: string; attributes?: Record<string, string>; children: (MathNode | string)[] };

const node = (tag: string, children: (MathNode | string)[] = [], attributes?: Record<string, string>): MathNode => ({
  tag,
  children,
  attributes,
});

/** Letter runs at least this long are one italic name (net, out, target), as the lesson pages draw them. */
const MIN_NAME_LENGTH = 3;

const GREEK: Record<string, string> = {
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ϵ', varepsilon: 'ε', zeta: 'ζ', eta: 'η',
  theta: 'θ', iota: 'ι', kappa: 'κ', lambda: 'λ', mu: 'μ', nu: 'ν', xi: 'ξ', pi: 'π', rho: 'ρ',
  sigma: 'σ', tau: 'τ', upsilon: 'υ', phi: 'ϕ', varphi: 'φ', chi: 'χ', psi: 'ψ', omega: 'ω',
};
/** TeX sets capital Greek upright. */
const CAPITAL_GREEK: Record<string, string> = {
  Gamma: 'Γ', Delta: 'Δ', Theta: 'Θ', Lambda: 'Λ', Xi: 'Ξ', Pi: 'Π', Sigma: 'Σ', Phi: 'Φ', Psi: 'Ψ', Omega: 'Ω',
};
const OPERATORS: Record<string, string> = {
  cdot: '⋅', times: '×', odot: '⊙', pm: '±', le: '≤', leq: '≤', ge: '≥', geq: '≥', ne: '≠', neq: '≠',
  approx: '≈', to: '→', rightarrow: '→', leftarrow: '←', in: '∈', cdots: '⋯', ldots: '…', dots: '…',
  mid: '∣', lbrace: '{', rbrace: '}', langle: '⟨', rangle: '⟩',
};
const SYMBOLS: Record<string, string> = { partial: '∂', infty: '∞', nabla: '∇', ell: 'ℓ', top: '⊤' };
const LARGE_OPERATORS: Record<string, string> = { sum: '∑', prod: '∏' };
const FUNCTION_NAMES = new Set(['log', 'ln', 'exp', 'tanh', 'cosh', 'sinh', 'sin', 'cos', 'tan', 'max', 'min', 'arg', 'det']);
const SPACES: Record<string, string> = {
  ',': '0.1667em', ':': '0.2222em', '>': '0.2222em', ';': '0.2778em', '!': '-0.1667em', ' ': '0.25em',
  quad: '1em', qquad: '2em',
};
const ACCENTS: Record<string, string> = { hat: '^', bar: '¯', tilde: '~', vec: '→', dot: '˙' };
/** Environments: their delimiters and whether their cells are left-aligned. */
const ENVIRONMENTS: Record<string, { open: string; close: string; align?: string }> = {
  matrix: { open: '', close: '' },
  bmatrix: { open: '[', close: ']' },
  pmatrix: { open: '(', close: ')' },
  vmatrix: { open: '|', close: '|' },
  cases: { open: '{', close: '', align: 'left' },
  aligned: { open: '', close: '', align: 'right left' },
};
/** Function names (log, max) as parsed, so that scripts attach to the name before it is applied. */
const FUNCTION_NODES = new WeakSet<MathNode>();
/** Operators after which a minus is binary again: a closing bracket ends an operand. */
const CLOSING = new Set([')', ']', '|', '}', '′']);
const UNSTRETCHED_FENCES = new Set(['(', ')', '[', ']', '|']);

type Token = { kind: 'command' | 'char' | 'number' | 'letter' | 'space'; value: string };

function tokenize(tex: string): Token[] {
  const tokens: Token[] = [];
  const pattern = /\\([A-Za-z]+|.)|(\d+(?:\.\d+)?|\.\d+)|([A-Za-z])|(\s+)|(.)/gsu;
  for (const [, command, number, letter, space, char] of tex.matchAll(pattern)) {
    if (command !== undefined) tokens.push({ kind: 'command', value: command });
    else if (number !== undefined) tokens.push({ kind: 'number', value: number });
    else if (letter !== undefined) tokens.push({ kind: 'letter', value: letter });
    else if (space !== undefined) tokens.push({ kind: 'space', value: space });
    else tokens.push({ kind: 'char', value: char });
  }
  return tokens;
}

const error = (message: string) => node('merror', [node('mtext', [message])]);
const operator = (symbol: string, attributes?: Record<string, string>) => node('mo', [symbol], attributes);
const row = (children: MathNode[]) => (children.length === 1 ? children[0] : node('mrow', children));

class Parser {
  private position = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token | undefined {
    while (this.tokens[this.position]?.kind === 'space') this.position++;
    return this.tokens[this.position];
  }

  private next(): Token | undefined {
    const token = this.peek();
    this.position++;
    return token;
  }

  private isAt(kind: Token['kind'], value?: string): boolean {
    const token = this.peek();
    return token !== undefined && token.kind === kind && (value === undefined || token.value === value);
  }

  /** A row up to (not including) `}`, `&`, `\\`, \right or \end, or the end of the input. */
  parseRow(): MathNode[] {
    const items: MathNode[] = [];
    for (;;) {
      const token = this.peek();
      if (!token || this.endsRow(token)) return items;
      if (token.kind === 'command' && token.value === 'displaystyle') {
        this.next();
        return [...items, node('mstyle', this.parseRow(), { displaystyle: 'true' })];
      }
      items.push(this.signAfterOperator(this.parseScripted(), items[items.length - 1]));
    }
  }

  /**
   * A minus or plus straight after another operator is a sign, as TeX sets it: "= −0.04" and
   * "(−0.2)" without the spaces of a binary minus. MathML only infers that at the start of a row.
   */
  private signAfterOperator(item: MathNode, previous: MathNode | undefined): MathNode {
    const isSign = item.tag === 'mo' && (item.children[0] === '−' || item.children[0] === '+');
    const afterOperator = previous?.tag === 'mo' && !CLOSING.has(String(previous.children[0]));
    return isSign && afterOperator ? operator(String(item.children[0]), { form: 'prefix' }) : item;
  }

  private endsRow(token: Token): boolean {
    if (token.kind === 'char') return token.value === '}' || token.value === '&';
    return token.kind === 'command' && (token.value === '\\' || token.value === 'right' || token.value === 'end');
  }

  /** One atom with its primes, subscript and superscript; a function name then applies to what follows. */
  private parseScripted(): MathNode {
    const base = this.parseAtom();
    const scripted = this.attachScripts(base);
    return FUNCTION_NODES.has(base) ? this.applyFunction(scripted) : scripted;
  }

  private attachScripts(base: MathNode): MathNode {
    let sub: MathNode | undefined;
    let sup: MathNode | undefined;
    let primes = '';
    for (;;) {
      if (this.isAt('char', "'")) {
        this.next();
        primes += '′';
      } else if (this.isAt('char', '_') && !sub) {
        this.next();
        sub = this.parseArgument();
      } else if (this.isAt('char', '^') && !sup) {
        this.next();
        sup = this.parseArgument();
      } else break;
    }
    if (primes) sup = sup ? row([operator(primes), sup]) : operator(primes);
    const large = base.tag === 'mo' && base.attributes?.movablelimits === 'true';
    if (sub && sup) return node(large ? 'munderover' : 'msubsup', [base, sub, sup]);
    if (sub) return node(large ? 'munder' : 'msub', [base, sub]);
    if (sup) return node(large ? 'mover' : 'msup', [base, sup]);
    return base;
  }

  /** A script or command argument: a braced group or a single token. */
  private parseArgument(): MathNode {
    if (this.isAt('char', '{')) return row(this.parseGroup());
    const token = this.peek();
    if (!token || this.endsRow(token)) return error('missing argument');
    if (token.kind === 'letter') {
      this.next();
      return node('mi', [token.value]);
    }
    if (token.kind === 'number') {
      // TeX takes one digit as the argument: x^23 is x² followed by 3.
      this.next();
      const [first, ...rest] = token.value;
      if (rest.length > 0) this.tokens.splice(this.position, 0, { kind: 'number', value: rest.join('') });
      return node('mn', [first]);
    }
    return this.parseAtom();
  }

  private parseGroup(): MathNode[] {
    this.next();
    const items = this.parseRow();
    if (this.isAt('char', '}')) this.next();
    else items.push(error('missing }'));
    return items;
  }

  /** The raw text of a braced argument, for \text, \mathrm, \operatorname and environment names. */
  private parseText(): string | undefined {
    if (!this.isAt('char', '{')) return undefined;
    let depth = 0;
    let text = '';
    for (let token = this.tokens[this.position]; token; token = this.tokens[++this.position]) {
      if (token.kind === 'char' && token.value === '{' && depth++ === 0) continue;
      if (token.kind === 'char' && token.value === '}' && --depth === 0) {
        this.position++;
        return text;
      }
      text += token.kind === 'command' ? (/^[A-Za-z]/.test(token.value) ? `\\${token.value}` : token.value) : token.value;
    }
    return undefined;
  }

  private parseAtom(): MathNode {
    const token = this.next()!;
    switch (token.kind) {
      case 'number':
        return node('mn', [token.value]);
      case 'letter':
        return this.parseLetters(token.value);
      case 'command':
        return this.parseCommand(token.value);
      default:
        return this.parseChar(token.value);
    }
  }

  /** A run of letters long enough to be a name is one italic <mi>; otherwise each letter is its own. */
  private parseLetters(first: string): MathNode {
    let end = this.position;
    while (this.tokens[end]?.kind === 'letter') end++;
    const name = first + this.tokens.slice(this.position, end).map((token) => token.value).join('');
    if (name.length < MIN_NAME_LENGTH) return node('mi', [first]);
    this.position = end;
    return node('mi', [name], { mathvariant: 'italic' });
  }

  private parseChar(char: string): MathNode {
    if (char === '{') {
      this.position--;
      return node('mrow', this.parseGroup());
    }
    if (char === '-') return operator('−');
    if (char === ':' && this.tokens[this.position]?.value === '=') {
      this.position++;
      return operator(':=');
    }
    if (char === '*') return operator('∗');
    if (UNSTRETCHED_FENCES.has(char)) return operator(char, { stretchy: 'false' });
    if (char === '~') return node('mspace', [], { width: '0.3333em' });
    if (char === '}' || char === '_' || char === '^') return error(`unexpected ${char}`);
    if (/[\p{L}]/u.test(char)) return node('mi', [char]);
    return operator(char);
  }

  private parseCommand(name: string): MathNode {
    if (name in GREEK) return node('mi', [GREEK[name]]);
    if (name in CAPITAL_GREEK) return node('mi', [CAPITAL_GREEK[name]], { mathvariant: 'normal' });
    if (name in SYMBOLS) return node('mi', [SYMBOLS[name]], { mathvariant: 'normal' });
    if (name in OPERATORS) return operator(OPERATORS[name]);
    if (name in LARGE_OPERATORS) return operator(LARGE_OPERATORS[name], { movablelimits: 'true' });
    if (name in SPACES) return node('mspace', [], { width: SPACES[name] });
    if (name in ACCENTS) return node('mover', [this.parseArgument(), operator(ACCENTS[name], { stretchy: 'false' })], { accent: 'true' });
    if (FUNCTION_NAMES.has(name)) return this.functionName(name);
    if (name === '{' || name === '}' || name === '|') return operator(name, { stretchy: 'false' });
    switch (name) {
      case 'frac':
        return node('mfrac', [this.parseArgument(), this.parseArgument()]);
      case 'dfrac':
      case 'tfrac': {
        const fraction = node('mfrac', [this.parseArgument(), this.parseArgument()]);
        return node('mstyle', [fraction], { displaystyle: name === 'dfrac' ? 'true' : 'false' });
      }
      case 'sqrt':
        return node('msqrt', [this.parseArgument()]);
      case 'text':
        return this.textArgument(name, (text) => node('mtext', [text]));
      case 'mathrm':
      case 'operatorname':
        return this.textArgument(name, (text) => (name === 'operatorname' ? this.functionName(text) : node('mi', [text], { mathvariant: 'normal' })));
      case 'mathbf':
        return this.textArgument(name, (text) => node('mi', [text], { mathvariant: 'bold' }));
      case 'boxed':
        return node('mrow', [this.parseArgument()], { class: 'boxed', style: 'border: 1px solid; padding: 0.1em 0.2em' });
      case 'left':
        return this.parseFenced();
      case 'begin':
        return this.parseEnvironment();
      default:
        return error(`\\${name}`);
    }
  }

  private textArgument(command: string, build: (text: string) => MathNode): MathNode {
    const text = this.parseText();
    return text === undefined ? error(`\\${command} needs {…}`) : build(text);
  }

  /** log, max, tanh: an upright name. */
  private functionName(name: string): MathNode {
    const upright = node('mi', [name], { mathvariant: 'normal' });
    FUNCTION_NODES.add(upright);
    return upright;
  }

  /** The invisible function application, and a thin space before a bare argument as TeX sets it. */
  private applyFunction(scripted: MathNode): MathNode {
    const parts: MathNode[] = [scripted, operator('\u2061')];
    const next = this.peek();
    const bracketed = next?.kind === 'char' && (next.value === '(' || next.value === '[');
    if (next && !bracketed && !this.endsRow(next)) parts.push(node('mspace', [], { width: '0.1667em' }));
    return node('mrow', parts);
  }

  private delimiter(): string | undefined {
    const token = this.next();
    if (!token) return undefined;
    if (token.kind === 'char') return token.value === '.' ? '' : token.value;
    if (token.kind === 'command') return token.value === '{' || token.value === '}' || token.value === '|' ? token.value : OPERATORS[token.value];
    return undefined;
  }

  private parseFenced(): MathNode {
    const open = this.delimiter();
    const inside = this.parseRow();
    if (!this.isAt('command', 'right')) return error('\\left without \\right');
    this.next();
    const close = this.delimiter();
    if (open === undefined || close === undefined) return error('unknown delimiter');
    const fence = (symbol: string, form: string) => (symbol ? [operator(symbol, { fence: 'true', form })] : []);
    return node('mrow', [...fence(open, 'prefix'), row(inside), ...fence(close, 'postfix')]);
  }

  private parseEnvironment(): MathNode {
    const name = this.parseText();
    const environment = name === undefined ? undefined : ENVIRONMENTS[name];
    if (!environment) return error(`unknown environment ${name ?? ''}`);
    const rows: MathNode[][] = [[]];
    for (;;) {
      rows[rows.length - 1].push(node('mtd', this.parseRow()));
      const token = this.next();
      if (!token) return error(`\\begin{${name}} without \\end`);
      if (token.kind === 'char' && token.value === '&') continue;
      if (token.kind === 'command' && token.value === '\\') {
        rows.push([]);
        continue;
      }
      if (token.kind === 'command' && token.value === 'end') {
        this.parseText();
        break;
      }
      return error(`unexpected ${token.value} in ${name}`);
    }
    const filled = rows.filter((cells) => cells.some((cell) => cell.children.length > 0));
    const attributes: Record<string, string> = environment.align ? { columnalign: environment.align } : {};
    if (name === 'aligned') attributes.displaystyle = 'true';
    const table = node('mtable', filled.map((cells) => node('mtr', cells)), attributes);
    const fence = (symbol: string, form: string) => (symbol ? [operator(symbol, { fence: 'true', form })] : []);
    return node('mrow', [...fence(environment.open, 'prefix'), table, ...fence(environment.close, 'postfix')]);
  }

  /** Everything left after a complete formula: an unmatched closing brace, \right or \end. */
  rest(): MathNode[] {
    const stray: MathNode[] = [];
    while (this.peek()) {
      const token = this.next()!;
      stray.push(error(`unexpected ${token.kind === 'command' ? '\\' : ''}${token.value}`));
      stray.push(...this.parseRow());
    }
    return stray;
  }
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function serialize(item: MathNode | string): string {
  if (typeof item === 'string') return escape(item);
  const attributes = Object.entries(item.attributes ?? {})
    .map(([name, value]) => ` ${name}="${escape(value)}"`)
    .join('');
  return `<${item.tag}${attributes}>${item.children.map(serialize).join('')}</${item.tag}>`;
}

/** The formula's MathML tree, without the <math> element around it. */
export function texToMathmlNodes(tex: string): MathNode {
  const parser = new Parser(tokenize(tex));
  return node('mrow', [...parser.parseRow(), ...parser.rest()]);
}

/** The tree in the shape math-label.ts reads (the lesson pages' hast). */
function asHast(item: MathNode | string): Parameters<typeof readMath>[0] {
  if (typeof item === 'string') return { type: 'text', value: item };
  return { type: 'element', tagName: item.tag, children: item.children.map(asHast) };
}

export interface MathmlOptions {
  display?: boolean;
  /**
   * Names the <math> with a plain reading such as "W^{[1]}", as the lesson pages do for a table
   * header that holds only maths: accessibility checkers find no text in <math> and would call the
   * header empty (see lesson/math-label.ts).
   */
  named?: boolean;
}

/**
 * A <math> element for the TeX, with the TeX itself as its annotation so that copying or reading the
 * source still gives the formula. Display maths is a block with TeX's display style.
 */
export function texToMathml(tex: string, { display = false, named = false }: MathmlOptions = {}): string {
  const tree = texToMathmlNodes(tex);
  const semantics = node('semantics', [tree, node('annotation', [tex], { encoding: 'application/x-tex' })]);
  const attributes: Record<string, string> = {};
  if (display) attributes.display = 'block';
  if (named) attributes['aria-label'] = readMath(asHast(tree));
  return serialize(node('math', [semantics], attributes));
}
