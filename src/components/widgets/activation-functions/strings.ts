/** The explorer's strings, typed by the Chinese reference file. */
import { namespace, type Lang } from '../../../i18n';
import type zh from '../../../i18n/zh-CN/activationFunctions.json';

export type ActivationStrings = typeof zh;

export const activationStrings = (lang: Lang) => namespace<ActivationStrings>(lang, 'activationFunctions');
