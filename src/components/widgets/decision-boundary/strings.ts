import type reference from '../../../i18n/zh-CN/decisionBoundary.json';
import { namespace, type Lang } from '../../../i18n';

export type BoundaryStrings = typeof reference;

export const boundaryStrings = (lang: Lang) => namespace<BoundaryStrings>(lang, 'decisionBoundary');
