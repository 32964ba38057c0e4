/** The three ways to hand a widget's current state to someone else: an iframe, a reveal.js slide, a link. */

export interface Snippets {
  link: string;
  iframe: string;
  reveal: string;
}

export function embedSnippets(origin: string, widget: string, query: string, title: string): Snippets {
  const search = query ? `?${query}` : '';
  const embedUrl = `${origin}/embed/${widget}/${search}`;
  const escapedTitle = title.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const iframe = `<iframe src="${embedUrl}" title="${escapedTitle}" width="100%" height="640" style="border:0" loading="lazy"></iframe>`;
  const reveal = `<section>\n  <iframe data-nn-widget="${widget}" src="${embedUrl}${search ? '&' : '?'}controls=0" title="${escapedTitle}" width="100%" height="640"></iframe>\n</section>`;
  return { link: embedUrl, iframe, reveal };
}
