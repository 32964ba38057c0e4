/** Renders text with inline math between $…$ to HTML at build time (errata fields use this form). */
import type { Lang } from '../../i18n';
import { renderMathml } from './mathml';

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Han characters with the CJK and full-width punctuation that travels with them. */
const CHINESE_RUN = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]+/g;

/**
 * Marks each run of Chinese in already escaped text as lang="zh-CN", so that on an English page a
 * quoted character (a typo the document printed, say) is read out and hyphenated as Chinese.
 */
export function markChinese(html: string): string {
  return html.replace(CHINESE_RUN, (run) => `<span lang="zh-CN">${run}</span>`);
}

/**
 * `text` as HTML with its $…$ maths as MathML. `lang` is the language the text is written in: in
 * English text, Chinese quotations are marked as such (see markChinese).
 */
export function inlineMath(text: string, lang: Lang = 'zh-CN'): string {
  const prose = lang === 'zh-CN' ? escapeHtml : (part: string) => markChinese(escapeHtml(part));
  return text
    .split(/(\$[^$]+\$)/g)
    .map((part) => (part.startsWith('$') && part.endsWith('$') && part.length > 2 ? renderMathml(part.slice(1, -1)) : prose(part)))
    .join('');
}
