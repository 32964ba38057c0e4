/** Renders text with inline math between $…$ to HTML at build time (errata fields use this form). */
import { renderMathml } from './mathml';

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function inlineMath(text: string): string {
  return text
    .split(/(\$[^$]+\$)/g)
    .map((part) => (part.startsWith('$') && part.endsWith('$') && part.length > 2 ? renderMathml(part.slice(1, -1)) : escapeHtml(part)))
    .join('');
}
