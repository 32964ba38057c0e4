/**
 * npm run lighthouse [-- PATH ...] [--runs N]: Lighthouse 12 (mobile preset: a throttled mid-range
 * phone on slow 4G) against the built site served gzipped, in Debian's Chromium. Prints, per page,
 * the median over the runs of the performance score and its metrics, plus the accessibility score.
 * Defaults to the worked example, its embed page and a plain lesson page. It prints figures and
 * exits 0: scores move with the machine's load, so it is a measurement, not a CI gate.
 */
import { resolve } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { serveStatic } from '../tests/e2e/static-server';

const SITE = resolve(process.env.SITE_DIR ?? 'dist');
const DEFAULT_PAGES = ['/backprop/worked-example/', '/embed/backprop-222/', '/reference/glossary/'];
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Math.max(1, Number.parseInt(args[runsAt + 1], 10) || 1) : 3;
const pages = args.filter((arg, index) => arg.startsWith('/') && index !== runsAt + 1);

const METRICS = [
  ['first-contentful-paint', 'FCP', 'ms'],
  ['largest-contentful-paint', 'LCP', 'ms'],
  ['total-blocking-time', 'TBT', 'ms'],
  ['cumulative-layout-shift', 'CLS', ''],
  ['speed-index', 'SI', 'ms'],
  ['dom-size', 'DOM', ' elements'],
] as const;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const { server, url: origin } = await serveStatic(SITE);
const chrome = await chromeLauncher.launch({
  chromePath: CHROMIUM,
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  for (const path of pages.length > 0 ? pages : DEFAULT_PAGES) {
    const results: { performance: number; accessibility: number; metrics: number[]; scriptKib: number }[] = [];
    for (let run = 0; run < runs; run++) {
      const result = await lighthouse(origin + path, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] });
      if (!result) throw new Error(`Lighthouse returned nothing for ${path}`);
      const { categories, audits } = result.lhr;
      const scripts = (audits['network-requests'].details as { items: { resourceType?: string; transferSize?: number }[] }).items
        .filter((item) => item.resourceType === 'Script')
        .reduce((total, item) => total + (item.transferSize ?? 0), 0);
      results.push({
        performance: Math.round((categories.performance.score ?? 0) * 100),
        accessibility: Math.round((categories.accessibility.score ?? 0) * 100),
        metrics: METRICS.map(([id]) => audits[id].numericValue ?? Number.NaN),
        scriptKib: scripts / 1024,
      });
    }
    const metricText = METRICS.map(([, label, unit], index) => {
      const value = median(results.map((result) => result.metrics[index]));
      return `${label} ${unit === '' ? value.toFixed(3) : Math.round(value)}${unit}`;
    }).join(', ');
    console.log(
      `${path}: performance ${median(results.map((result) => result.performance))} (runs: ${results.map((result) => result.performance).join(' ')}), ` +
        `accessibility ${median(results.map((result) => result.accessibility))}; ${metricText}; JS ${median(results.map((result) => result.scriptKib)).toFixed(1)} KiB transferred`,
    );
  }
} finally {
  await chrome.kill();
  server.close();
}
