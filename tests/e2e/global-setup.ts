import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { chromiumPath, MISSING_CHROMIUM } from './browser';
import { serveStatic } from './static-server';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/** Serves the built site for the browser tests; fails early with a clear message when something is missing. */
export default async function setup(project: TestProject) {
  if (!chromiumPath()) throw new Error(MISSING_CHROMIUM);
  const root = resolve('dist');
  if (!existsSync(resolve(root, 'index.html'))) {
    throw new Error('The built site is missing (dist/index.html). Run `npm run build` first, or use `npm test`, which builds it.');
  }
  const { server, url } = await serveStatic(root);
  project.provide('baseUrl', url);
  return () => new Promise<void>((done) => server.close(() => done()));
}
