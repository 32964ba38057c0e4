/**
 * Widget settings in the query string. Every field has a parser; a value that does not parse is
 * left out and reported, so a malformed link opens the widget with its defaults and a notice
 * instead of an error.
 */

export type FieldParser<T> = (raw: string) => { value: T } | { error: true };

export type FieldParsers<S> = { [K in keyof S]: FieldParser<S[K]> };

export interface UrlReadResult<S> {
  values: Partial<S>;
  /** "name=value" of each entry that was refused. */
  ignored: string[];
}

/**
 * Reads the fields a widget knows from a query string. With `strict`, names the widget does not
 * know are reported too (embed pages, whose whole query belongs to one widget).
 */
export function readUrlState<S extends object>(
  query: URLSearchParams,
  parsers: FieldParsers<S>,
  options: { prefix?: string; strict?: boolean } = {},
): UrlReadResult<S> {
  const { prefix = '', strict = false } = options;
  const values: Partial<S> = {};
  const ignored: string[] = [];
  for (const [fullName, raw] of query) {
    if (!fullName.startsWith(prefix)) continue;
    const name = fullName.slice(prefix.length) as keyof S & string;
    const parser = (parsers as Record<string, FieldParser<unknown> | undefined>)[name];
    if (!parser) {
      if (strict) ignored.push(`${fullName}=${raw}`);
      continue;
    }
    const result = parser(raw);
    if ('error' in result) ignored.push(`${fullName}=${raw}`);
    else values[name] = result.value as S[typeof name];
  }
  return { values, ignored };
}

/** Writes the given fields into a query string; undefined removes a field. Other fields are kept. */
export function writeUrlState(query: URLSearchParams, fields: Record<string, string | undefined>, prefix = ''): URLSearchParams {
  const next = new URLSearchParams(query);
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined) next.delete(prefix + name);
    else next.set(prefix + name, value);
  }
  return next;
}

/** Reads `step` from a hash such as "#step=12" when the query has none. */
export function stepFromHash(hash: string): string | undefined {
  const match = /^#?step=([^&]+)/.exec(hash);
  return match ? decodeURIComponent(match[1]) : undefined;
}

export const parseBoolean: FieldParser<boolean> = (raw) =>
  raw === '1' || raw === 'true' ? { value: true } : raw === '0' || raw === 'false' ? { value: false } : { error: true };

/**
 * Writes a widget's fields into the address bar. replaceState, not pushState: every slider move
 * would otherwise become a Back-button stop. With `dropStepHash`, a "#step=K" the page was opened
 * with gives way to the query's step, so the two never disagree.
 */
export function replaceUrlFields(fields: Record<string, string | undefined>, prefix = '', dropStepHash = false): void {
  const { pathname, search, hash } = window.location;
  const query = writeUrlState(new URLSearchParams(search), fields, prefix).toString();
  const keptHash = dropStepHash && hash.startsWith('#step=') ? '' : hash;
  const next = `${pathname}${query ? `?${query}` : ''}${keptHash}`;
  if (next !== `${pathname}${search}${hash}`) window.history.replaceState(window.history.state, '', next);
}

const pendingWrites = new Map<string, () => void>();

function flushUrlWrites(): void {
  const writes = [...pendingWrites.values()];
  pendingWrites.clear();
  for (const write of writes) write();
}

/**
 * replaceUrlFields after the next frame. history.replaceState takes several milliseconds in
 * Chromium (over 10 ms for a stepper's long query), which a click or a keystroke would otherwise
 * wait for before it paints; a burst of steps or keystrokes also writes the address once. Each
 * widget (prefix) keeps its last write; leaving or hiding the page writes at once.
 */
export function replaceUrlFieldsAfterPaint(fields: Record<string, string | undefined>, prefix = '', dropStepHash = false): void {
  if (pendingWrites.size === 0) {
    requestAnimationFrame(() => setTimeout(flushUrlWrites));
    addEventListener('pagehide', flushUrlWrites, { once: true });
    document.addEventListener('visibilitychange', flushUrlWrites, { once: true });
  }
  pendingWrites.set(prefix, () => replaceUrlFields(fields, prefix, dropStepHash));
}

/** The query a widget reads on start: the page's query, plus `step` from a "#step=K" hash when the query has none. */
export function startQuery(location: Pick<Location, 'search' | 'hash'>, prefix = ''): URLSearchParams {
  const query = new URLSearchParams(location.search);
  const hashStep = stepFromHash(location.hash);
  if (!query.has(`${prefix}step`) && hashStep !== undefined) query.set(`${prefix}step`, hashStep);
  return query;
}

/** "name=value" of each entry whose name (after the prefix) is none of `known`: what a strict reader refuses. */
export function unknownFields(query: URLSearchParams, known: readonly string[], prefix = ''): string[] {
  return [...query]
    .filter(([name]) => name.startsWith(prefix) && !known.includes(name.slice(prefix.length)))
    .map(([name, value]) => `${name}=${value}`);
}
