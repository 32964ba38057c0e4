/** The widget's strings, typed by the Chinese reference file, and the subscript digits its labels use. */
import { namespace, type Lang } from '../../../i18n';
import type zh from '../../../i18n/zh-CN/softmaxCrossEntropy.json';

export type SoftmaxStrings = typeof zh;

export const softmaxStrings = (lang: Lang) => namespace<SoftmaxStrings>(lang, 'softmaxCrossEntropy');

const SUBSCRIPTS = '₀₁₂₃₄₅₆₇₈₉';
/** 12 → "₁₂", for labels such as z₁₂. */
export const subscript = (k: number) => String(k).replace(/\d/g, (digit) => SUBSCRIPTS[Number(digit)]);
