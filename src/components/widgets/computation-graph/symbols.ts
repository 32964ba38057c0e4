/**
 * The engine labels nodes in LaTeX (w_1x_1); SVG text cannot run KaTeX, so the diagram shows the
 * same symbol with Unicode subscripts (w₁x₁).
 */
const SUBSCRIPT_DIGITS = '₀₁₂₃₄₅₆₇₈₉';

export function plainSymbol(tex: string): string {
  return tex
    .replace(/_\{?(\d+)\}?/g, (_, digits: string) => [...digits].map((digit) => SUBSCRIPT_DIGITS[Number(digit)]).join(''))
    .replace(/\\sigma/g, 'σ')
    .replace(/[{}\\]/g, '');
}
