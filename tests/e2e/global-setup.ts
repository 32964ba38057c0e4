import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { launchBrowserServer } from './browser';
import { serveStatic } from './static-server';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    siteDir: string;
    wsEndpoint: string;
  }
}

/**
 * Serves the built site and starts the one Chromium every test file connects to, so a run pays for
 * one browser start instead of one per file. Fails early with a clear message when something is missing.
 */
export default async function setup(project: TestProject) {
  const browserServer = await launchBrowserServer();
  const root = resolve(process.env.SITE_DIR ?? 'dist');
  if (!existsSync(resolve(root, 'index.html'))) {
    await browserServer.close();
    throw new Error(`The built site is missing (${root}/index.html). Run \`npm run build\` first, or use \`npm test\`, which builds it.`);
  }
  const { server, url } = await serveStatic(root);
  project.provide('baseUrl', url);
  project.provide('siteDir', root);
  project.provide('wsEndpoint', browserServer.wsEndpoint());
  return async () => {
    await browserServer.close();
    await new Promise<void>((done) => server.close(() => done()));
  };
}
