/**
 * Starlight's search dialog builds Pagefind's UI as soon as every page goes idle: 26 KiB gzip of
 * JavaScript that most readers of a lesson never use, and over a third of a widget page's budget.
 * astro.config.mjs aliases '@pagefind/default-ui' to this module, so Starlight's own search code
 * gets this stand-in. It fetches the real UI when the reader points at or focuses the search button
 * (so it is usually there by the click) and builds it the first time the dialog opens, then puts the
 * focus in its search box, where Starlight would have put it. The UI reads Pagefind's API from
 * public/pagefind-strict/, which answers a nonsense word with nothing (see that file).
 */
type PagefindOptions = { element: string } & Record<string, unknown>;

let realUi: Promise<{ PagefindUI: new (options: PagefindOptions) => unknown }> | undefined;
// The package's file itself: the alias covers only the bare package name.
const fetchRealUi = () => (realUi ??= import('@pagefind/default-ui/npm_dist/mjs/ui-core.mjs'));

/** Starlight's bundle path, <base>/pagefind/, with the strict wrapper's folder in its place. */
function strictBundlePath(options: PagefindOptions): string {
  const bundlePath = typeof options.bundlePath === 'string' ? options.bundlePath : '/pagefind/';
  return bundlePath.replace(/pagefind\/?$/, 'pagefind-strict/');
}

export class PagefindUI {
  constructor(options: PagefindOptions) {
    const container = document.querySelector(options.element);
    const dialog = container?.closest('dialog');
    if (!dialog) return;
    const opener = document.querySelector('button[data-open-modal]');
    for (const warmUp of ['pointerenter', 'focus', 'touchstart']) opener?.addEventListener(warmUp, fetchRealUi, { once: true, passive: true });

    const buildOnOpen = () => {
      if (!dialog.open) return;
      opening.disconnect();
      void fetchRealUi().then(({ PagefindUI: RealUI }) => {
        new RealUI({ ...options, bundlePath: strictBundlePath(options) });
        if (dialog.open) container?.querySelector('input')?.focus();
      });
    };
    const opening = new MutationObserver(buildOnOpen);
    opening.observe(dialog, { attributes: true, attributeFilter: ['open'] });
    buildOnOpen();
  }
}
