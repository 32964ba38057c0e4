/** Site paths in either edition: Chinese is the root locale, English lives under /en/. */
import type { Lang } from '../../i18n';

/** `path` (a root-relative site path such as /backprop/worked-example/) in `lang`'s edition. */
export function localePath(lang: Lang, path: string): string {
  return lang === 'en' ? `/en${path}` : path;
}
