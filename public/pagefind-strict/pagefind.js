/**
 * Pagefind's search API, as the search dialog uses it, with one change. When no indexed word
 * matches a query word, Pagefind falls back to the longest indexed word that begins it, so
 * "asdfghjkl" finds every page with the variable "a". Here a search whose best result matches
 * only such a stump (at most half of a Latin-letter query word) finds nothing. Prefixes still work
 * ("sigm" finds "sigmoid"), and so do stems ("networks" finds "network") and Chinese words, which
 * Pagefind splits into shorter words on purpose.
 */
import * as pagefind from '/pagefind/pagefind.js';

export * from '/pagefind/pagefind.js';

const MARKED = /<mark>([^<]*)<\/mark>/g;

function onlyStumps(term, excerpt) {
  const queryWords = term.toLowerCase().split(/\s+/).filter(Boolean);
  if (queryWords.length === 0 || !queryWords.every((word) => /^[a-z0-9]+$/.test(word))) return false;
  const marked = [...excerpt.matchAll(MARKED)].map(([, word]) => word.trim().toLowerCase()).filter(Boolean);
  return marked.length > 0 && marked.every((word) => queryWords.some((query) => query.startsWith(word) && word.length * 2 <= query.length));
}

export async function search(term, options) {
  const response = await pagefind.search(term, options);
  if (!response || response.results.length === 0 || typeof term !== 'string') return response;
  const best = await response.results[0].data();
  return onlyStumps(term, best.excerpt) ? { ...response, results: [], unfilteredResultCount: 0 } : response;
}
