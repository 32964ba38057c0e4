import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { render } from '@testing-library/svelte';
import Formula from '../../src/components/shared/Formula.svelte';
import { texToMathml } from '../../src/components/shared/tex-to-mathml';
import { linearTex } from '../../src/components/widgets/logic-gates/text';
import { SCALAR_ACTIVATIONS, SOFTMAX_JACOBIAN_TEX, SOFTMAX_TEX } from '../../src/engine/core/activations';
import { texNumber } from '../../src/engine/core/format';
import { texMatrix } from '../../src/engine/core/matrix';
import { identityChecks, MAXOUT_TEX } from '../../src/engine/models/activation-explorer';
import { DOCUMENT_PARAMS, ORDERS, replay } from '../../src/engine/models/backprop222';
import {
  buildPreset,
  forwardModeSteps,
  forwardSteps,
  GRAPH_PRESETS,
  PRESET_IDS,
  reverseModeSteps,
} from '../../src/engine/models/computation-graph';
import { CURVES, CURVE_IDS, descend1d, descend2d, makeLogisticDataset } from '../../src/engine/models/gradient-descent';
import { ALL_CONVENTIONS, CONVENTIONS, documentSymbols, layerShapes } from '../../src/engine/models/layer-shapes';
import { CORRECTED_PRESETS, DOCUMENT_PERCEPTRON, DOCUMENT_PRESETS, XOR_PERCEPTRON } from '../../src/engine/models/logic-gates';
import { matrixView, PRESET_NAMES, PRESETS, replayNetwork } from '../../src/engine/models/network-stepper';
import { CROSS_ENTROPY_GRADIENT_TEX, CROSS_ENTROPY_TEX } from '../../src/engine/models/softmax-cross-entropy';

/** Literal TeX constants written in widget components (const RULE_1D = '…'), read from the source. */
function componentLiterals(): string[] {
  const root = 'src/components/widgets';
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.svelte'))
    .flatMap((file) => [...readFileSync(join(root, file), 'utf8').matchAll(/const [A-Z0-9_]+ = '((?:[^'\\]|\\.)*\\\\(?:[^'\\]|\\.)*)'/g)])
    .map((match) => match[1].replace(/\\\\/g, '\\'));
}

/** Every formula a widget can show, as the components assemble it from engine records. */
function inventory(): string[] {
  const formulas: string[] = [];
  for (const order of ORDERS) {
    for (const updateBiases of [false, true]) {
      for (const step of replay(DOCUMENT_PARAMS, { order, updateBiases, iterations: 1 }).steps) {
        formulas.push(`${step.label} = ${step.tex}`, `= ${step.texNumeric}`, `${step.label} = ${texNumber(step.value)}`, step.label);
      }
    }
  }
  for (const name of PRESET_NAMES) {
    const trace = replayNetwork(PRESETS[name]);
    for (const step of trace.steps) {
      formulas.push(`${step.label} = ${step.tex}`, `= ${step.texNumeric}`, `${step.label} = ${texNumber(step.value)}`, step.label);
      for (const row of matrixView(trace, step.index).rows) formulas.push(row.label, row.tex, row.texNumeric);
    }
  }
  for (const id of PRESET_IDS) {
    formulas.push(GRAPH_PRESETS[id].tex);
    const built = buildPreset(id);
    if (!built.ok) throw new Error(`preset ${id} does not build`);
    const { graph } = built;
    for (const step of [...forwardSteps(graph), ...reverseModeSteps(graph), ...forwardModeSteps(graph)]) {
      formulas.push([step.label, step.tex, step.texNumeric, texNumber(step.value)].join(' = '), step.label);
    }
  }
  for (const id of CURVE_IDS) {
    formulas.push(CURVES[id].tex);
    const run = descend1d(id, -4.2, 0.3, 8);
    if ('errors' in run) throw new Error(`descent on ${id} refused`);
    formulas.push(...run.records.map((record) => record.texNumeric));
  }
  const run2d = descend2d(makeLogisticDataset().points, { w0: 1.5, b0: -0.75 }, 0.5, 6);
  if ('errors' in run2d) throw new Error('2-D descent refused');
  formulas.push(...run2d.records.flatMap((record) => [record.texNumeric, ...record.texNumeric.split(',\\quad ')]));
  for (const activation of Object.values(SCALAR_ACTIVATIONS)) formulas.push(`\\displaystyle ${activation.tex}`, `\\displaystyle ${activation.derivativeTex}`);
  formulas.push(`\\displaystyle ${MAXOUT_TEX}`, SOFTMAX_TEX);
  const checks = identityChecks([-1, 0, 1]);
  if ('error' in checks) throw new Error('identity checks refused');
  formulas.push(...checks.map((check) => `\\displaystyle ${check.lhsTex} = ${check.rhsTex}`));
  formulas.push(...[CROSS_ENTROPY_TEX, CROSS_ENTROPY_GRADIENT_TEX, SOFTMAX_JACOBIAN_TEX].map((tex) => `\\displaystyle ${tex}`));
  const records = layerShapes(5, [4, 3, 5, 2], ALL_CONVENTIONS);
  if ('error' in records) throw new Error('layer shapes refused');
  formulas.push(...records.flatMap((record) => [record.name, record.usedAs.name, record.formula]));
  formulas.push(...Object.values(CONVENTIONS).map((convention) => convention.tex));
  for (const kind of ['weight', 'bias', 'pre-activation', 'activation'] as const) {
    for (const layer of [0, 1, 2, 3]) formulas.push(...documentSymbols(kind, layer).map((symbol) => symbol.tex));
  }
  for (const preset of [...DOCUMENT_PRESETS, ...CORRECTED_PRESETS]) {
    formulas.push(preset.tex, `h_\\theta(x) = \\sigma(${linearTex(preset.theta.slice(1), preset.theta[0], ['x_1', 'x_2'])})`);
  }
  for (const network of [DOCUMENT_PERCEPTRON, XOR_PERCEPTRON]) {
    formulas.push(
      `G_{h_1} = ${linearTex(network.h1.w, network.h1.b, ['x_1', 'x_2'])}`,
      `G_o = ${linearTex(network.o.w, network.o.b, ['y_{h_1}', 'y_{h_2}'])}`,
    );
  }
  formulas.push(texMatrix([[0.1, -0.25], [1, 2]]), ...componentLiterals());
  return [...new Set(formulas)];
}

const MATHML_ELEMENTS = new Set([
  'math', 'semantics', 'annotation', 'mrow', 'mi', 'mn', 'mo', 'mtext', 'mspace', 'mfrac', 'msub', 'msup', 'msubsup',
  'munder', 'mover', 'munderover', 'msqrt', 'mstyle', 'mtable', 'mtr', 'mtd', 'merror',
]);
const EMPTY_ALLOWED = new Set(['mspace', 'mtd', 'mrow', 'mstyle']);
const ARITY: Record<string, number> = { mfrac: 2, msub: 2, msup: 2, munder: 2, mover: 2, msubsup: 3, munderover: 3, semantics: 2 };

interface Element {
  tag: string;
  children: (Element | string)[];
}

/** A strict reader of the markup: known MathML tags only, quoted attributes, every tag closed in order. */
function parseMarkup(markup: string): Element {
  const root: Element = { tag: '#root', children: [] };
  const open: Element[] = [root];
  let rest = markup;
  while (rest.length > 0) {
    const tag = /^<(\/?)([a-z]+)((?:\s[a-z:-]+="[^"<>]*")*)>/.exec(rest);
    if (tag) {
      const [whole, closing, name] = tag;
      if (!MATHML_ELEMENTS.has(name)) throw new Error(`unexpected element <${name}>`);
      if (closing) {
        const top = open.pop();
        if (top?.tag !== name) throw new Error(`</${name}> closes <${top?.tag}>`);
      } else {
        const element: Element = { tag: name, children: [] };
        open[open.length - 1].children.push(element);
        open.push(element);
      }
      rest = rest.slice(whole.length);
      continue;
    }
    const text = /^[^<]+/.exec(rest);
    if (!text) throw new Error(`malformed markup at ${rest.slice(0, 20)}`);
    if (/&(?!(amp|lt|gt|quot);)/.test(text[0])) throw new Error(`unescaped & in ${text[0]}`);
    open[open.length - 1].children.push(text[0]);
    rest = rest.slice(text[0].length);
  }
  if (open.length !== 1) throw new Error(`<${open[open.length - 1].tag}> is never closed`);
  return root;
}

function checkShape(element: Element): void {
  const elements = element.children.filter((child): child is Element => typeof child !== 'string');
  if (element.tag in ARITY && elements.length !== ARITY[element.tag]) {
    throw new Error(`<${element.tag}> has ${elements.length} children, needs ${ARITY[element.tag]}`);
  }
  if (element.children.length === 0 && !EMPTY_ALLOWED.has(element.tag)) throw new Error(`empty <${element.tag}>`);
  elements.forEach(checkShape);
}

/** The converted formula without its <math>, <semantics>, annotation and outer row. */
function body(tex: string): string {
  const match = /^<math><semantics><mrow>(.*)<\/mrow><annotation encoding="application\/x-tex">.*<\/annotation><\/semantics><\/math>$/s.exec(
    texToMathml(tex),
  );
  if (!match) throw new Error(`unexpected wrapper for ${tex}: ${texToMathml(tex)}`);
  return match[1];
}

describe('texToMathml on every formula the widgets show', () => {
  const formulas = inventory();

  it('collects the stepper, graph, descent, activation, softmax, shape and gate formulas', () => {
    expect(formulas.length).toBeGreaterThan(400);
    expect(formulas).toContain('w := w - \\alpha \\frac{dJ}{dw}');
    expect(formulas.some((tex) => tex.includes('\\begin{cases}'))).toBe(true);
  });

  it.each(formulas.map((tex) => [tex]))('%s', (tex) => {
    const markup = texToMathml(tex, { display: true });
    expect(markup).not.toContain('<merror>');
    const [math] = parseMarkup(markup).children as Element[];
    expect(math.tag).toBe('math');
    checkShape(math);
  });
});

describe('texToMathml structure', () => {
  it.each([
    ['fraction', '\\frac{1}{2}', '<mfrac><mn>1</mn><mn>2</mn></mfrac>'],
    ['text-style fraction', '\\tfrac{1}{2}', '<mstyle displaystyle="false"><mfrac><mn>1</mn><mn>2</mn></mfrac></mstyle>'],
    ['display fraction', '\\dfrac{a}{b}', '<mstyle displaystyle="true"><mfrac><mi>a</mi><mi>b</mi></mfrac></mstyle>'],
    ['partial derivative', '\\frac{\\partial J}{\\partial w}', '<mfrac><mrow><mi mathvariant="normal">∂</mi><mi>J</mi></mrow><mrow><mi mathvariant="normal">∂</mi><mi>w</mi></mrow></mfrac>'],
    ['subscript and superscript', 'x_1^2', '<msubsup><mi>x</mi><mn>1</mn><mn>2</mn></msubsup>'],
    ['one digit is a script argument', 'x^23', '<msup><mi>x</mi><mn>2</mn></msup><mn>3</mn>'],
    ['a name keeps its script', 'net_{h1}', '<msub><mi mathvariant="italic">net</mi><mrow><mi>h</mi><mn>1</mn></mrow></msub>'],
    ['two letters stay a product', 'bc', '<mi>b</mi><mi>c</mi>'],
    ['prime with subscript', "w_5'", '<msubsup><mi>w</mi><mn>5</mn><mo>′</mo></msubsup>'],
    ['prime after a name', "out'_{o1}", '<msubsup><mi mathvariant="italic">out</mi><mrow><mi>o</mi><mn>1</mn></mrow><mo>′</mo></msubsup>'],
    ['decimal and minus', '-0.3775', '<mo>−</mo><mn>0.3775</mn>'],
    ['a sign after an operator', '= -0.5 \\times (-2)', '<mo>=</mo><mo form="prefix">−</mo><mn>0.5</mn><mo>×</mo><mo stretchy="false">(</mo><mo form="prefix">−</mo><mn>2</mn><mo stretchy="false">)</mo>'],
    ['a minus between operands stays binary', '(a) - b', '<mo stretchy="false">(</mo><mi>a</mi><mo stretchy="false">)</mo><mo>−</mo><mi>b</mi>'],
    ['dot and times', 'a \\cdot b \\times 2', '<mi>a</mi><mo>⋅</mo><mi>b</mi><mo>×</mo><mn>2</mn>'],
    ['Greek', '\\delta_{o1} \\eta \\Delta', '<msub><mi>δ</mi><mrow><mi>o</mi><mn>1</mn></mrow></msub><mi>η</mi><mi mathvariant="normal">Δ</mi>'],
    ['assignment', 'w := w', '<mi>w</mi><mo>:=</mo><mi>w</mi>'],
    ['sum with limits', '\\sum_{j=1}^{n} e', '<munderover><mo movablelimits="true">∑</mo><mrow><mi>j</mi><mo>=</mo><mn>1</mn></mrow><mi>n</mi></munderover><mi>e</mi>'],
    ['plain parentheses do not stretch', '(a)', '<mo stretchy="false">(</mo><mi>a</mi><mo stretchy="false">)</mo>'],
    ['\\left and \\right stretch', '\\left( \\frac{a}{b} \\right)', '<mrow><mo fence="true" form="prefix">(</mo><mfrac><mi>a</mi><mi>b</mi></mfrac><mo fence="true" form="postfix">)</mo></mrow>'],
    ['bmatrix', '\\begin{bmatrix} 1 & 2 \\\\ 3 & 4 \\end{bmatrix}', '<mrow><mo fence="true" form="prefix">[</mo><mtable><mtr><mtd><mn>1</mn></mtd><mtd><mn>2</mn></mtd></mtr><mtr><mtd><mn>3</mn></mtd><mtd><mn>4</mn></mtd></mtr></mtable><mo fence="true" form="postfix">]</mo></mrow>'],
    ['pmatrix', '\\begin{pmatrix} a \\end{pmatrix}', '<mrow><mo fence="true" form="prefix">(</mo><mtable><mtr><mtd><mi>a</mi></mtd></mtr></mtable><mo fence="true" form="postfix">)</mo></mrow>'],
    ['cases', '\\begin{cases}1 & z>0\\\\0 & z\\le 0\\end{cases}', '<mrow><mo fence="true" form="prefix">{</mo><mtable columnalign="left"><mtr><mtd><mn>1</mn></mtd><mtd><mi>z</mi><mo>&gt;</mo><mn>0</mn></mtd></mtr><mtr><mtd><mn>0</mn></mtd><mtd><mi>z</mi><mo>≤</mo><mn>0</mn></mtd></mtr></mtable></mrow>'],
    ['aligned', '\\begin{aligned} a &= b \\end{aligned}', '<mrow><mtable columnalign="right left" displaystyle="true"><mtr><mtd><mi>a</mi></mtd><mtd><mo>=</mo><mi>b</mi></mtd></mtr></mtable></mrow>'],
    ['text and mathrm', '\\text{if } \\mathrm{ReLU}', '<mtext>if </mtext><mi mathvariant="normal">ReLU</mi>'],
    ['operator name with a bare argument', '\\log a', '<mrow><mi mathvariant="normal">log</mi><mo>\u2061</mo><mspace width="0.1667em"></mspace></mrow><mi>a</mi>'],
    ['function with a power', '\\tanh^2(z)', '<mrow><msup><mi mathvariant="normal">tanh</mi><mn>2</mn></msup><mo>\u2061</mo></mrow><mo stretchy="false">(</mo><mi>z</mi><mo stretchy="false">)</mo>'],
    ['operatorname', '\\operatorname{sech}(z)', '<mrow><mi mathvariant="normal">sech</mi><mo>\u2061</mo></mrow><mo stretchy="false">(</mo><mi>z</mi><mo stretchy="false">)</mo>'],
    ['spacing', 'a\\,b\\quad c', '<mi>a</mi><mspace width="0.1667em"></mspace><mi>b</mi><mspace width="1em"></mspace><mi>c</mi>'],
    ['hat and odot', '\\hat{y} \\odot x', '<mover accent="true"><mi>y</mi><mo stretchy="false">^</mo></mover><mo>⊙</mo><mi>x</mi>'],
    ['displaystyle', '\\displaystyle a', '<mstyle displaystyle="true"><mi>a</mi></mstyle>'],
    ['escaping', 'a<b', '<mi>a</mi><mo>&lt;</mo><mi>b</mi>'],
  ])('%s', (_name, tex, expected) => {
    expect(body(tex)).toBe(expected);
  });

  it.each([
    ['an unknown command', '\\foo x', '\\foo'],
    ['an unclosed group', '\\frac{1}{2', 'missing }'],
    ['a stray closing brace', 'a}', 'unexpected }'],
    ['an unknown environment', '\\begin{foo}a\\end{foo}', 'unknown environment foo'],
    ['\\left without \\right', '\\left( a', '\\left without \\right'],
    ['a missing argument', 'x^', 'missing argument'],
  ])('marks %s with a visible <merror> and keeps the rest', (_name, tex, message) => {
    const markup = texToMathml(tex);
    expect(markup).toContain(`<merror><mtext>${message}</mtext></merror>`);
    expect(() => parseMarkup(markup)).not.toThrow();
  });

  it('keeps the TeX as an annotation and marks display maths as a block', () => {
    expect(texToMathml('a<b', { display: true })).toBe(
      '<math display="block"><semantics><mrow><mi>a</mi><mo>&lt;</mo><mi>b</mi></mrow><annotation encoding="application/x-tex">a&lt;b</annotation></semantics></math>',
    );
  });
});

describe('Formula', () => {
  it('puts display maths in a focusable scroll box and inline maths in the text', () => {
    const display = render(Formula, { tex: '\\frac{1}{2}', display: true }).container;
    const box = display.querySelector('.formula-display');
    expect(box?.getAttribute('tabindex')).toBe('0');
    expect(box?.querySelector('math')?.getAttribute('display')).toBe('block');
    expect(box?.querySelector('annotation')?.textContent).toBe('\\frac{1}{2}');

    const inline = render(Formula, { tex: 'x_1' }).container;
    expect(inline.querySelector('.formula-display')).toBeNull();
    expect(inline.querySelector('math')?.hasAttribute('display')).toBe(false);
    expect(inline.querySelector('msub')).not.toBeNull();
    expect(inline.querySelector('math')?.hasAttribute('aria-label')).toBe(false);
  });

  // A table header holding only maths needs a text name (axe's empty-table-header finds none in <math>).
  it.each([
    ['W^{[1]}', 'W^{[1]}'],
    ['b^{[2]}', 'b^{[2]}'],
    ['A^{[0]}', 'A^{[0]}'],
    ['x_1', 'x_1'],
    ["w_5'", 'w_5′'],
  ])('names %s "%s" when asked to', (tex, reading) => {
    const named = render(Formula, { tex, named: true }).container.querySelector('math');
    expect(named?.getAttribute('aria-label')).toBe(reading);
    expect(named?.querySelector('annotation')?.textContent).toBe(tex);
  });
});
