/** The widget's strings, typed by the Chinese reference file. */
import { namespace, type Lang } from '../../../i18n';

export type CgStrings = typeof import('../../../i18n/zh-CN/computationGraph.json');

export const cgStrings = (lang: Lang | undefined) => namespace<CgStrings>(lang, 'computationGraph');
