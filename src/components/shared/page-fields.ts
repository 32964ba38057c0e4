/**
 * Link parameters on a lesson page that no widget on it reads. Every widget root carries the query
 * fields it reads (with its prefix) in `data-url-fields`, written by the server, so a widget that
 * hydrates early still sees the fields of one further down that has not hydrated yet.
 */

/** The attribute on each widget root listing the (prefixed) query fields it reads. */
export const URL_FIELDS_ATTRIBUTE = 'data-url-fields';

/** Parameters the site around the widgets uses: Pagefind's search-result highlighting. */
const SITE_FIELDS: readonly string[] = ['pagefind-highlight'];

/** Parameters only an embed page understands; on a lesson page the notice says so. */
export const EMBED_ONLY_FIELDS: readonly string[] = ['theme', 'lang', 'controls', 'projector'];

export function claimedFields(document: Document): Set<string> {
  const claimed = new Set(SITE_FIELDS);
  for (const root of document.querySelectorAll(`[${URL_FIELDS_ATTRIBUTE}]`)) {
    for (const name of root.getAttribute(URL_FIELDS_ATTRIBUTE)!.split(' ')) if (name) claimed.add(name);
  }
  return claimed;
}

/** "name=value" of each parameter no widget on the page claims. */
export function unclaimedParameters(query: URLSearchParams, claimed: ReadonlySet<string>): string[] {
  return [...query].filter(([name]) => !claimed.has(name)).map(([name, value]) => `${name}=${value}`);
}

/** Whether `root` is the first widget on the page: the one that names parameters nobody uses, so they are named once. */
export function isFirstWidget(root: Element): boolean {
  return root.ownerDocument.querySelector(`[${URL_FIELDS_ATTRIBUTE}]`) === root;
}
