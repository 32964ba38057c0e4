import type reference from '../../../i18n/zh-CN/mnistLab.json';
import { namespace, type Lang } from '../../../i18n';

export type LabStrings = typeof reference;

export const labStrings = (lang: Lang) => namespace<LabStrings>(lang, 'mnistLab');
