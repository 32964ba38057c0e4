/** The widget's strings, typed by the Chinese reference file. */
import { namespace, type Lang } from '../../../i18n';

export type GdStrings = typeof import('../../../i18n/zh-CN/gradientDescent.json');

export const gdStrings = (lang: Lang | undefined) => namespace<GdStrings>(lang, 'gradientDescent');
