import type reference from '../../../i18n/zh-CN/vanishingGradients.json';
import { namespace, type Lang } from '../../../i18n';

export type VanishingStrings = typeof reference;

export const vanishingStrings = (lang: Lang) => namespace<VanishingStrings>(lang, 'vanishingGradients');
