/**
 * Starting a widget's Web Worker wherever the widget's bundle is served from: the site, the custom
 * elements bundle in a folder, or another origin. Each widget still writes its own
 * `new Worker(new URL('./x.worker.ts', import.meta.url), …)` (the bundler needs it literally) and
 * passes RelocatedWorker as the constructor.
 */
/**
 * Where the worker file is, given the address the bundler wrote for it and this module's address.
 * The site's build emits the worker beside this module. The custom-element bundle (a library build
 * with base '/') emits it in `assets/` beside the bundle but writes the address from the server root
 * ('/assets/…'), which misses whenever the bundle is served from a folder such as /elements/: an
 * address on this module's server but outside its folder is therefore read relative to that folder.
 */
export function workerUrl(emitted: URL, moduleUrl: string): URL {
  const folder = new URL('.', moduleUrl);
  if (emitted.origin !== folder.origin || emitted.pathname.startsWith(folder.pathname)) return emitted;
  return new URL(`.${emitted.pathname}${emitted.search}`, folder);
}

export type WorkerConstructor = new (url: URL, options: WorkerOptions) => Worker;

/**
 * A Worker constructor that corrects the address first (workerUrl). A page may only start a worker
 * from its own origin; when this bundle is served from another one (a custom element on someone
 * else's page), a one-line module worker made on the page imports the real one — the bundle itself
 * was loaded as a module, with CORS, so the worker file can be too.
 */
export const RelocatedWorker = function (emitted: URL, options: WorkerOptions): Worker {
  const url = workerUrl(emitted, import.meta.url);
  if (typeof location === 'undefined' || url.origin === location.origin) return new globalThis.Worker(url, options);
  const loader = URL.createObjectURL(new Blob([`import ${JSON.stringify(url.href)};`], { type: 'text/javascript' }));
  const worker = new globalThis.Worker(loader, { ...options, type: 'module' });
  // Fetching the blob starts at once; it is not needed after that.
  setTimeout(() => URL.revokeObjectURL(loader), 10_000);
  return worker;
} as unknown as WorkerConstructor;


/**
 * The no-Worker stand-in: each request is answered by `handle` on the main thread in its own timer
 * task, so the page gets control back between requests; close() drops the ones not yet run.
 */
export function timerChannel<Request, Reply>(handle: (request: Request) => Reply, onReply: (reply: Reply) => void) {
  const timers = new Set<ReturnType<typeof setTimeout>>();
  return {
    post(request: Request) {
      const timer = setTimeout(() => {
        timers.delete(timer);
        onReply(handle(request));
      }, 0);
      timers.add(timer);
    },
    close() {
      timers.forEach(clearTimeout);
      timers.clear();
    },
  };
}
