import { fireEvent, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import DecisionBoundary from '../../src/components/widgets/decision-boundary/DecisionBoundary.svelte';
import type { BoundaryStatus } from '../../src/components/widgets/decision-boundary/binding';
import { defaultSettings } from '../../src/components/widgets/decision-boundary/fields';
import { workerChannel, workerUrl } from '../../src/components/widgets/decision-boundary/trainer-client';
import { readBoundaryUrl } from '../../src/components/widgets/decision-boundary/url';
import { renderWidget } from './widget-harness';

const cleanups: (() => void)[] = [];

/** Records the widget events that reach the document (they bubble and cross shadow roots). */
function listen(names = ['nn-ready', 'nn-statechange']) {
  const seen: { name: string; status: BoundaryStatus }[] = [];
  for (const name of names) {
    const listener = (event: Event) => seen.push({ name, status: (event as CustomEvent<BoundaryStatus>).detail });
    document.addEventListener(name, listener);
    cleanups.push(() => document.removeEventListener(name, listener));
  }
  return seen;
}

function setup(props: Record<string, unknown> = {}) {
  const { root, controller, action } = renderWidget(DecisionBoundary, 'decision-boundary', props);
  const status = () => controller.status() as BoundaryStatus;
  const epoch = () => Number(root.querySelector<HTMLElement>('[data-epoch]')!.dataset.epoch);
  const points = () => root.querySelectorAll('[data-role="boundary-plot"] .point').length;
  return { root, controller, status, action, epoch, points };
}

afterEach(() => {
  cleanups.splice(0).forEach((cleanup) => cleanup());
  window.history.replaceState(null, '', '/');
});

describe('DecisionBoundary controller', { timeout: 20000 }, () => {
  it('registers on the widget root; the status has the query, the epoch and the accuracy', () => {
    const { controller, status, root } = setup();
    expect(controller.widget).toBe('decision-boundary');
    const accuracy = Number(root.querySelector<HTMLElement>('[data-accuracy]')!.dataset.accuracy);
    expect(status()).toEqual({ widget: 'decision-boundary', query: '', epoch: 0, accuracy, running: false, diverged: false });
  });

  it("'next' trains one epoch, like the Step button", async () => {
    const { controller, status, epoch } = setup();
    expect(controller.run({ command: 'next' })).toBe(true);
    await waitFor(() => expect(status().epoch).toBe(1), { timeout: 5000 });
    expect(epoch()).toBe(1);
    expect(controller.run({ command: 'next' })).toBe(true);
    await waitFor(() => expect(epoch()).toBe(2), { timeout: 5000 });
    expect(status().accuracy).toBe(Number(document.querySelector<HTMLElement>('[data-accuracy]')!.dataset.accuracy));
  });

  it("'next' is refused while Train runs and after training diverged", async () => {
    const { controller, status, action, root } = setup();
    await fireEvent.click(action('train'));
    expect(status().running).toBe(true);
    expect(controller.run({ command: 'next' })).toBe(false);
    await fireEvent.click(action('pause'));
    expect(controller.run({ command: 'setState', state: { lr: '1000' } })).toBe(true);
    await fireEvent.click(action('train'));
    await waitFor(() => expect(root.dataset.diverged).toBe('true'), { timeout: 5000 });
    expect(status()).toMatchObject({ diverged: true, running: false });
    expect(controller.run({ command: 'next' })).toBe(false);
  });

  it('setState applies the URL fields, resets training and returns true', async () => {
    const { root, controller, status, epoch, points } = setup();
    controller.run({ command: 'next' });
    await waitFor(() => expect(epoch()).toBe(1), { timeout: 5000 });
    expect(controller.run({ command: 'setState', state: { data: 'circle', count: '100', layers: 'none', quad: '1' } })).toBe(true);
    await Promise.resolve();
    expect(status()).toMatchObject({ query: 'data=circle&count=100&layers=none&quad=1', epoch: 0 });
    expect(epoch()).toBe(0);
    expect(points()).toBe(100);
    expect(root.querySelector('[data-role="no-hidden"]')).not.toBeNull();
    expect(root.querySelector('[data-kind="circle"]')!.getAttribute('aria-pressed')).toBe('true');
  });

  it('setState returns false when a field is refused, and still applies the valid ones', async () => {
    const { controller, status } = setup();
    expect(controller.run({ command: 'setState', state: { lr: '-1', act: 'relu' } })).toBe(false);
    expect(controller.run({ command: 'setState', state: { layers: '4,,4' } })).toBe(false);
    expect(controller.run({ command: 'setState', state: { data: 'moons' } })).toBe(false);
    expect(status().query).toBe('act=relu');
    expect(controller.run({ command: 'setState', state: { id: 'demo' } })).toBe(false);
    expect(status().query).toBe('act=relu');
  });

  it("'reset' stops training and restores the default settings at epoch 0", async () => {
    const { controller, status, action, epoch } = setup();
    controller.run({ command: 'setState', state: { layers: '8,8', wseed: '3' } });
    await fireEvent.click(action('train'));
    await waitFor(() => expect(epoch()).toBeGreaterThan(0), { timeout: 5000 });
    expect(controller.run({ command: 'reset' })).toBe(true);
    await Promise.resolve();
    expect(status()).toMatchObject({ query: '', epoch: 0, running: false });
    expect(epoch()).toBe(0);
  });

  it('refuses the commands that would step backwards or jump', () => {
    const { controller, status } = setup();
    for (const command of ['prev', 'first', 'last'] as const) expect(controller.run({ command })).toBe(false);
    expect(controller.run({ command: 'goto', step: 3 })).toBe(false);
    expect(status()).toMatchObject({ query: '', epoch: 0 });
  });

  it('status().query round-trips through the URL reader and a freshly opened widget', async () => {
    const { controller, status } = setup();
    const state = { data: 'spirals', count: '300', noise: '0.2', dseed: '5', layers: '8,8', act: 'relu', lr: '0.3', wseed: '9', quad: '1' };
    expect(controller.run({ command: 'setState', state })).toBe(true);
    const query = status().query;
    expect(Object.fromEntries(new URLSearchParams(query))).toEqual(state);
    expect(readBoundaryUrl(new URLSearchParams(query))).toEqual({
      settings: { ...defaultSettings(), kind: 'spirals', count: 300, noise: 0.2, dataSeed: 5, hiddenLayers: [8, 8], activation: 'relu', learningRate: 0.3, weightSeed: 9, quadratic: true },
      ignored: [],
    });
    window.history.replaceState(null, '', `/intro/?${query}`);
    const reopened = setup({ syncUrl: true });
    await Promise.resolve();
    expect(reopened.status().query).toBe(query);
  });

  it('dispatches nn-ready on mount and nn-statechange for new settings and finished training steps', async () => {
    const seen = listen();
    const { controller, action, epoch } = setup();
    await Promise.resolve();
    controller.run({ command: 'setState', state: { act: 'relu' } });
    await Promise.resolve();
    controller.run({ command: 'next' });
    await waitFor(() => expect(seen.at(-1)?.status.epoch).toBe(1), { timeout: 5000 });
    await fireEvent.click(action('train'));
    await waitFor(() => expect(epoch()).toBeGreaterThan(10), { timeout: 5000 });
    const whileRunning = seen.length;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(seen).toHaveLength(whileRunning);
    await fireEvent.click(action('pause'));
    await waitFor(() => expect(seen.at(-1)?.status.running).toBe(false), { timeout: 5000 });
    controller.run({ command: 'reset' });
    await Promise.resolve();
    const summary = seen.map(({ name, status }) => `${name}:${status.query}:${status.running ? 'running' : status.epoch}`);
    expect(summary.slice(0, 4)).toEqual(['nn-ready::0', 'nn-statechange:act=relu:0', 'nn-statechange:act=relu:1', 'nn-statechange:act=relu:running']);
    expect(summary.at(-1)).toBe('nn-statechange::0');
    expect(seen.at(-2)!.status.epoch).toBeGreaterThan(10);
  });

});

describe('the training worker’s address', () => {
  it('is kept when the bundler put the worker beside the module (the site, the dev server)', () => {
    const site = new URL('/_astro/training.worker-abc.js', 'https://course.example/_astro/DecisionBoundary.x.js');
    expect(workerUrl(site, 'https://course.example/_astro/DecisionBoundary.x.js').href).toBe(site.href);
    const dev = new URL('http://localhost:4321/src/components/widgets/decision-boundary/training.worker.ts?worker_file&type=module');
    expect(workerUrl(dev, 'http://localhost:4321/src/components/widgets/decision-boundary/trainer-client.ts?v=1').href).toBe(dev.href);
    const atRoot = new URL('https://cdn.example/assets/training.worker-abc.js');
    expect(workerUrl(atRoot, 'https://cdn.example/DecisionBoundary-x.js').href).toBe(atRoot.href);
  });

  it('is read relative to the custom-element bundle when written from the server root', () => {
    const bundle = 'https://course.example/elements/DecisionBoundary-x.js';
    expect(workerUrl(new URL('/assets/training.worker-abc.js', bundle), bundle).href).toBe(
      'https://course.example/elements/assets/training.worker-abc.js',
    );
    const elsewhere = 'https://cdn.example/nn/v1/DecisionBoundary-x.js';
    expect(workerUrl(new URL('/assets/training.worker-abc.js', elsewhere), elsewhere).href).toBe(
      'https://cdn.example/nn/v1/assets/training.worker-abc.js',
    );
  });

  it('is started directly, as a module worker, when the bundle comes from the page’s origin', () => {
    const started: { url: string; options: WorkerOptions }[] = [];
    class RecordingWorker {
      onmessage = null;
      onerror = null;
      constructor(url: string | URL, options: WorkerOptions) {
        started.push({ url: String(url), options });
      }
      postMessage() {}
      terminate() {}
    }
    vi.stubGlobal('Worker', RecordingWorker);
    try {
      workerChannel(() => {}, () => {})!.close();
    } finally {
      vi.unstubAllGlobals();
    }
    expect(started).toHaveLength(1);
    expect(started[0].url).not.toMatch(/^blob:/);
    expect(started[0].options).toEqual({ type: 'module' });
  });
});
