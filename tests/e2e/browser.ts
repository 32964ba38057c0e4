/**
 * Debian's Chromium driven by playwright-core. Never downloads a browser: if none is installed,
 * callers stop with a message saying how to install one. The browser tests share one server
 * started by global-setup.ts; scripts such as scripts/budget.ts launch their own.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserServer } from 'playwright-core';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];

const ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
];

export const MISSING_CHROMIUM =
  'No Chromium found for the browser tests. Install Debian\'s Chromium with `sudo apt-get install -y chromium` ' +
  '(or set CHROMIUM_PATH to a Chromium binary), then run `npm test` again.';

function chromiumPath(): string {
  const path = CANDIDATES.find((candidate): candidate is string => Boolean(candidate) && existsSync(candidate!));
  if (!path) throw new Error(MISSING_CHROMIUM);
  return path;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: ARGS });
}

/** A browser that test files reach through its `wsEndpoint()` with `chromium.connect`. */
export function launchBrowserServer(): Promise<BrowserServer> {
  return chromium.launchServer({ executablePath: chromiumPath(), args: ARGS });
}
