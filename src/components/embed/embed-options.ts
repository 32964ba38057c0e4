/**
 * Options every embed page understands, on top of the widget's own fields:
 *   controls=0    hide the editing controls
 *   projector=1   large type, high contrast, fewer controls
 *   theme=light|dark
 *   lang=zh-CN|en
 */
import type { Lang } from '../../i18n';
import { parseBoolean, readUrlState, type FieldParser } from '../shared/url-state';

export interface EmbedOptions {
  controls: boolean;
  projector: boolean;
  theme: 'light' | 'dark' | undefined;
  lang: Lang;
}

export const EMBED_FIELDS = ['controls', 'projector', 'theme', 'lang'] as const;

const choice = <T extends string>(options: readonly T[]): FieldParser<T> => (raw) =>
  (options as readonly string[]).includes(raw) ? { value: raw as T } : { error: true };

/** Reads the embed options; names that are neither embed options nor `widgetFields` are reported as ignored. */
export function readEmbedOptions(query: URLSearchParams, widgetFields: readonly string[] = []): { options: EmbedOptions; ignored: string[] } {
  const unknown = [...query]
    .filter(([name]) => !(EMBED_FIELDS as readonly string[]).includes(name) && !widgetFields.includes(name))
    .map(([name, value]) => `${name}=${value}`);
  const only = new URLSearchParams([...query].filter(([name]) => (EMBED_FIELDS as readonly string[]).includes(name)));
  const { values, ignored } = readUrlState(only, {
    controls: parseBoolean,
    projector: parseBoolean,
    theme: choice(['light', 'dark'] as const),
    lang: choice(['zh-CN', 'en'] as const),
  });
  const projector = values.projector ?? false;
  return {
    options: {
      projector,
      controls: values.controls ?? !projector,
      theme: values.theme,
      lang: values.lang ?? 'zh-CN',
    },
    ignored: [...ignored, ...unknown],
  };
}
