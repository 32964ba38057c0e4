import { fireEvent, render, waitFor } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  GRID_EXTENT, accuracy, createTrainingState, makeDataset, trainEpochs,
  type DataPoint, type TrainingOptions, type TrainingState,
} from '../../src/engine/models/decision-boundary';
import DecisionBoundary from '../../src/components/widgets/decision-boundary/DecisionBoundary.svelte';
import { DEFAULT_SETTINGS, defaultSettings, parseField, withLayerAdded, withUnitsChanged } from '../../src/components/widgets/decision-boundary/fields';
import { heatmapPixels, probabilityColour } from '../../src/components/widgets/decision-boundary/heatmap';
import {
  GRID_RESOLUTION, createTrainingSession, initialSnapshot,
  type TrainerReply, type TrainerRequest, type TrainingSnapshot,
} from '../../src/components/widgets/decision-boundary/protocol';
import { INLINE_BUDGET_MS, TrainingClient, WORKER_BUDGET_MS } from '../../src/components/widgets/decision-boundary/trainer-client';
import { boundaryUrlFields, parseLayers, readBoundaryUrl } from '../../src/components/widgets/decision-boundary/url';
import { addressWritten } from './widget-harness';

const XOR = (makeDataset('xor', { count: 60, noise: 0.1, seed: 1 }) as { points: DataPoint[] }).points;
const OPTIONS: TrainingOptions = { hiddenLayers: [4], activation: 'tanh', learningRate: 1, seed: 1, dataset: XOR };

function engineState(options: TrainingOptions = OPTIONS): TrainingState {
  const state = createTrainingState(options);
  if ('errors' in state) throw new Error('refused');
  return state;
}

const snapshotOf = (reply: TrainerReply): TrainingSnapshot => {
  if (reply.type !== 'snapshot') throw new Error(`expected a snapshot, got ${JSON.stringify(reply)}`);
  return reply.snapshot;
};

describe('worker protocol: createTrainingSession', () => {
  it('init answers with epoch 0, the engine’s loss and accuracy, and a 40 × 40 grid', () => {
    const session = createTrainingSession();
    const reply = session.handle({ type: 'init', generation: 3, options: OPTIONS });
    expect(reply.generation).toBe(3);
    const snapshot = snapshotOf(reply);
    const state = engineState();
    expect(snapshot.epoch).toBe(0);
    expect(snapshot.loss).toBe(state.loss);
    expect(snapshot.accuracy).toBe(accuracy(state));
    expect(snapshot.grid.resolution).toBe(GRID_RESOLUTION);
    expect(snapshot.grid.extent).toBe(GRID_EXTENT);
    expect(snapshot.grid.values).toHaveLength(GRID_RESOLUTION ** 2);
    expect(snapshot.diverged).toBe(false);
  });

  it('train runs exactly the requested epochs when time allows, identical to the engine', () => {
    const session = createTrainingSession(() => 0);
    session.handle({ type: 'init', generation: 1, options: OPTIONS });
    const first = snapshotOf(session.handle({ type: 'train', generation: 1, epochs: 30, budgetMs: 50 }));
    const second = snapshotOf(session.handle({ type: 'train', generation: 1, epochs: 20, budgetMs: 50 }));
    const engine = trainEpochs(engineState(), 50);
    expect(first.epoch).toBe(30);
    expect(second.epoch).toBe(50);
    expect(second.loss).toBe(engine.loss);
    expect(second.lossHistory).toEqual(engine.lossHistory);
    expect(second.accuracy).toBe(accuracy(engine));
  });

  it('stops a chunk early once the time budget is spent', () => {
    let clock = 0;
    const session = createTrainingSession(() => (clock += 4));
    session.handle({ type: 'init', generation: 1, options: OPTIONS });
    const snapshot = snapshotOf(session.handle({ type: 'train', generation: 1, epochs: 50, budgetMs: 10 }));
    expect(snapshot.epoch).toBeGreaterThanOrEqual(1);
    expect(snapshot.epoch).toBeLessThan(50);
  });

  it('refuses training before init, for another generation, and malformed requests', () => {
    const session = createTrainingSession();
    expect(session.handle({ type: 'train', generation: 0, epochs: 1, budgetMs: 5 })).toMatchObject({ type: 'error', reason: 'not-initialised' });
    session.handle({ type: 'init', generation: 2, options: OPTIONS });
    expect(session.handle({ type: 'train', generation: 1, epochs: 1, budgetMs: 5 })).toMatchObject({ type: 'error', generation: 1, reason: 'not-initialised' });
    for (const bad of [
      { type: 'train', generation: 2, epochs: 0, budgetMs: 5 },
      { type: 'train', generation: 2, epochs: 1.5, budgetMs: 5 },
      { type: 'train', generation: 2, epochs: 1, budgetMs: -1 },
      { type: 'fly', generation: 2 },
      null,
    ]) {
      expect(session.handle(bad as unknown as TrainerRequest)).toMatchObject({ type: 'error', reason: 'bad-request' });
    }
    expect(snapshotOf(session.handle({ type: 'train', generation: 2, epochs: 1, budgetMs: 5 })).epoch).toBe(1);
  });

  it('reports refused options with the engine’s error records', () => {
    const reply = createTrainingSession().handle({ type: 'init', generation: 1, options: { ...OPTIONS, learningRate: 0, hiddenLayers: [17] } });
    expect(reply).toMatchObject({ type: 'error', reason: 'invalid-options' });
    expect(reply.type === 'error' && reply.errors.map((e) => e.field)).toEqual(['hiddenLayers[0]', 'learningRate']);
  });

  it('an absurd learning rate ends in a diverged snapshot and further chunks change nothing', () => {
    const session = createTrainingSession(() => 0);
    session.handle({ type: 'init', generation: 1, options: { ...OPTIONS, learningRate: 1000 } });
    const blown = snapshotOf(session.handle({ type: 'train', generation: 1, epochs: 50, budgetMs: 50 }));
    expect(blown.diverged).toBe(true);
    expect(blown.epoch).toBeLessThan(50);
    expect(snapshotOf(session.handle({ type: 'train', generation: 1, epochs: 50, budgetMs: 50 })).epoch).toBe(blown.epoch);
    blown.grid.values.forEach((v) => expect(Number.isFinite(v)).toBe(true));
  });

  it('requests and replies are plain data that survive structuredClone (postMessage)', () => {
    const request: TrainerRequest = { type: 'init', generation: 1, options: OPTIONS };
    expect(structuredClone(request)).toEqual(request);
    const reply = createTrainingSession().handle(request);
    expect(structuredClone(reply)).toEqual(reply);
  });

  it('initialSnapshot is the init reply, or the engine’s refusal', () => {
    expect(initialSnapshot(OPTIONS)).toEqual(snapshotOf(createTrainingSession().handle({ type: 'init', generation: 0, options: OPTIONS })));
    expect(initialSnapshot({ ...OPTIONS, dataset: [] })).toEqual({ errors: [{ field: 'dataset', received: '', code: 'empty' }] });
  });

  it('the worker entry answers each message with one reply', async () => {
    const posted: unknown[] = [];
    const post = vi.spyOn(self, 'postMessage').mockImplementation((message: unknown) => void posted.push(message));
    await import('../../src/components/widgets/decision-boundary/training.worker');
    self.onmessage!(new MessageEvent('message', { data: { type: 'init', generation: 7, options: OPTIONS } }));
    self.onmessage!(new MessageEvent('message', { data: { type: 'train', generation: 7, epochs: 2, budgetMs: 1000 } }));
    expect(posted).toHaveLength(2);
    expect(posted[1]).toMatchObject({ type: 'snapshot', generation: 7, snapshot: { epoch: 2 } });
    post.mockRestore();
    self.onmessage = null;
  });
});

describe('TrainingClient', () => {
  it('runs on the main thread in small time-boxed chunks when there is no Worker', async () => {
    expect(typeof Worker).toBe('undefined');
    const snapshots: TrainingSnapshot[] = [];
    const client = new TrainingClient({ onSnapshot: (s) => snapshots.push(s) });
    client.restart(OPTIONS);
    client.train(3);
    expect(client.pending).toBe(2);
    await waitFor(() => expect(snapshots).toHaveLength(2), { timeout: 5000 });
    expect(client.usesWorker).toBe(false);
    expect(snapshots.map((s) => s.epoch)).toEqual([0, 3]);
    expect(client.pending).toBe(0);
    expect(INLINE_BUDGET_MS).toBeLessThan(WORKER_BUDGET_MS);
    client.close();
  });

  it('drops replies to requests made before a restart or invalidate', async () => {
    const snapshots: TrainingSnapshot[] = [];
    const client = new TrainingClient({ onSnapshot: (s) => snapshots.push(s) });
    client.restart(OPTIONS);
    client.train(5);
    client.restart({ ...OPTIONS, seed: 2 });
    client.train(1);
    await waitFor(() => expect(client.pending).toBe(0), { timeout: 5000 });
    expect(snapshots.map((s) => s.epoch)).toEqual([0, 1]);
    client.invalidate();
    client.train(1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(snapshots).toHaveLength(2);
    client.close();
  });

  describe('with a Worker that fails to start', () => {
    beforeEach(() => {
      class BrokenWorker {
        onmessage: ((event: MessageEvent) => void) | null = null;
        onerror: ((event: Event) => void) | null = null;
        constructor() {
          setTimeout(() => this.onerror?.(new Event('error', { cancelable: true })), 0);
        }
        postMessage() {}
        terminate() {}
      }
      vi.stubGlobal('Worker', BrokenWorker);
    });
    afterEach(() => vi.unstubAllGlobals());

    it('falls back to the main thread and still answers every request', async () => {
      const snapshots: TrainingSnapshot[] = [];
      const client = new TrainingClient({ onSnapshot: (s) => snapshots.push(s) });
      client.restart(OPTIONS);
      client.train(4);
      await waitFor(() => expect(snapshots.map((s) => s.epoch)).toEqual([0, 4]), { timeout: 5000 });
      expect(client.usesWorker).toBe(false);
      client.close();
    });
  });
});

function setup(props: Record<string, unknown> = {}) {
  const result = render(DecisionBoundary, { props: { syncUrl: false, ...props } });
  const root = result.container.querySelector<HTMLElement>('[data-widget="decision-boundary"]')!;
  const action = (name: string) => root.querySelector<HTMLButtonElement>(`[data-action="${name}"]`)!;
  const epoch = () => Number(root.querySelector<HTMLElement>('[data-epoch]')!.dataset.epoch);
  const accuracyShown = () => Number(root.querySelector<HTMLElement>('[data-accuracy]')!.dataset.accuracy);
  const field = (name: string) => root.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;
  return { ...result, root, action, epoch, accuracy: accuracyShown, field };
}

afterEach(() => window.history.replaceState(null, '', '/'));

describe('DecisionBoundary widget', { timeout: 20000 }, () => {
  it('renders the dataset with two shapes, epoch 0 readouts and the loss chart before any training', () => {
    const { root, epoch, accuracy: acc } = setup();
    const circles = root.querySelectorAll('[data-role="boundary-plot"] circle.class-1');
    const squares = root.querySelectorAll('[data-role="boundary-plot"] rect.class-0');
    expect(circles.length + squares.length).toBe(DEFAULT_SETTINGS.count);
    expect(circles.length).toBe(DEFAULT_SETTINGS.count / 2);
    expect(epoch()).toBe(0);
    expect(acc()).toBeGreaterThanOrEqual(0);
    expect(acc()).toBeLessThanOrEqual(1);
    expect(root.querySelector('path[data-series="训练损失"]')).not.toBeNull();
    expect(root.querySelector('canvas')).not.toBeNull();
    expect(root.textContent).not.toMatch(/NaN|Infinity/);
  });

  it('Step trains one epoch, Train runs until Pause, Reset returns to epoch 0', async () => {
    const { root, action, epoch } = setup();
    await fireEvent.click(action('step'));
    await waitFor(() => expect(epoch()).toBe(1), { timeout: 5000 });
    await fireEvent.click(action('train'));
    expect(root.dataset.running).toBe('true');
    expect(action('step').disabled).toBe(true);
    await waitFor(() => expect(epoch()).toBeGreaterThan(20), { timeout: 5000 });
    await fireEvent.click(action('pause'));
    expect(root.dataset.running).toBe('false');
    await new Promise((resolve) => setTimeout(resolve, 200));
    const stopped = epoch();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(epoch()).toBe(stopped);
    expect(root.querySelector('[data-role="announcer"]')!.textContent).toContain(`第 ${stopped} 轮`);
    await fireEvent.click(action('reset'));
    expect(epoch()).toBe(0);
  });

  it('learns XOR with one hidden layer of 4 tanh units to at least 95 %', async () => {
    const { action, accuracy: acc, root } = setup();
    await fireEvent.click(action('train'));
    await waitFor(() => expect(acc()).toBeGreaterThanOrEqual(0.95), { timeout: 8000 });
    await fireEvent.click(action('pause'));
    expect(root.dataset.diverged).toBe('false');
  }, 15000);

  it('without a hidden layer XOR stays at or below 75 %, with a hint saying why', async () => {
    const { root, action, epoch, accuracy: acc } = setup();
    await fireEvent.click(action('remove-layer'));
    expect(root.querySelector('[data-role="no-hidden"]')).not.toBeNull();
    expect(action('remove-layer').disabled).toBe(true);
    await fireEvent.click(action('train'));
    await waitFor(() => expect(epoch()).toBeGreaterThanOrEqual(300), { timeout: 8000 });
    await fireEvent.click(action('pause'));
    expect(acc()).toBeLessThanOrEqual(0.75);
  }, 15000);

  it('an absurd learning rate diverges, says so and disables training', async () => {
    const { root, action, field } = setup();
    await fireEvent.input(field('learningRate'), { target: { value: '1000' } });
    await fireEvent.click(action('train'));
    await waitFor(() => expect(root.dataset.diverged).toBe('true'), { timeout: 5000 });
    const alert = root.querySelector<HTMLElement>('[data-role="diverged"]')!;
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.textContent).toContain('发散');
    expect(root.dataset.running).toBe('false');
    expect(action('train').disabled).toBe(true);
    expect(root.textContent).not.toMatch(/NaN|Infinity/);
    await fireEvent.click(action('reset'));
    expect(root.dataset.diverged).toBe('false');
  });

  it('edits hidden layers within the engine’s limits', async () => {
    const { root, action } = setup();
    const layers = () => [...root.querySelectorAll<HTMLElement>('[data-hidden-layer]')].map((li) => Number(li.dataset.units));
    for (let i = 0; i < 5; i++) await fireEvent.click(action('add-layer'));
    expect(layers()).toEqual([4, 4, 4, 4]);
    expect(action('add-layer').disabled).toBe(true);
    const addUnit = root.querySelector<HTMLButtonElement>('[data-hidden-layer="1"] [data-action="add-unit"]')!;
    for (let i = 0; i < 14; i++) await fireEvent.click(addUnit);
    expect(layers()[0]).toBe(16);
    expect(addUnit.disabled).toBe(true);
    expect(addUnit.getAttribute('aria-label')).toBe('第 1 隐层增加一个神经元');
    const removeUnit = root.querySelector<HTMLButtonElement>('[data-hidden-layer="2"] [data-action="remove-unit"]')!;
    for (let i = 0; i < 5; i++) await fireEvent.click(removeUnit);
    expect(layers()[1]).toBe(1);
    expect(removeUnit.disabled).toBe(true);
    expect(withLayerAdded([])).toEqual([4]);
    expect(withUnitsChanged([16], 0, 1)).toEqual([16]);
  }, 20000);

  it('changing the dataset, activation or features resets training and redraws the points', async () => {
    const { root, action, epoch } = setup();
    await fireEvent.click(action('step'));
    await waitFor(() => expect(epoch()).toBe(1), { timeout: 5000 });
    await fireEvent.click(root.querySelector<HTMLButtonElement>('[data-kind="circle"]')!);
    expect(epoch()).toBe(0);
    expect(root.querySelector('[data-kind="circle"]')!.getAttribute('aria-pressed')).toBe('true');
    await fireEvent.change(root.querySelector<HTMLSelectElement>('select[name="activation"]')!, { target: { value: 'relu' } });
    await fireEvent.click(root.querySelector<HTMLInputElement>('input[name="quadratic"]')!);
    await fireEvent.click(action('new-data'));
    expect(root.querySelector<HTMLInputElement>('input[name="dataSeed"]')!.value).toBe('2');
    await fireEvent.click(action('new-weights'));
    expect(root.querySelector<HTMLInputElement>('input[name="weightSeed"]')!.value).toBe('2');
  });

  it.each([
    ['count', '3', '4 到 1000 的整数'],
    ['count', '10.5', '不是整数'],
    ['noise', '0.6', '0 到 0.5'],
    ['learningRate', '0', '大于 0'],
    ['weightSeed', '-1', '超出允许范围'],
  ])('%s = %j is refused with a message and the last valid settings stay', async (name, text, message) => {
    const { root, field } = setup();
    const before = root.querySelectorAll('[data-role="boundary-plot"] .point').length;
    await fireEvent.input(field(name), { target: { value: text } });
    const alert = root.querySelector<HTMLElement>(`[data-role="field-error"][data-field="${name}"]`)!;
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.textContent).toContain(message);
    expect(root.querySelectorAll('[data-role="boundary-plot"] .point')).toHaveLength(before);
    expect(root.textContent).not.toMatch(/NaN|Infinity/);
  });

  it('parseField uses the engine’s validators', () => {
    expect(parseField('count', '12', defaultSettings())).toEqual({ value: 12 });
    expect(parseField('learningRate', '2e6', defaultSettings())).toMatchObject({ error: { code: 'out-of-range' } });
  });

  it('renders in English without the panels when controls is false', () => {
    const { root } = setup({ lang: 'en', controls: false });
    expect(root.textContent).toContain('Decision boundary');
    expect(root.querySelector('[data-action="train"]')!.textContent).toContain('Train');
    expect(root.querySelector('input')).toBeNull();
  });
});

describe('DecisionBoundary URL', () => {
  it('reads every field and reports the malformed ones', () => {
    const { settings, ignored } = readBoundaryUrl(
      new URLSearchParams('data=spirals&count=300&noise=0.2&dseed=5&layers=8,8&act=relu&lr=0.3&wseed=9&quad=1'),
    );
    expect(settings).toEqual({ kind: 'spirals', count: 300, noise: 0.2, dataSeed: 5, hiddenLayers: [8, 8], activation: 'relu', learningRate: 0.3, weightSeed: 9, quadratic: true });
    expect(ignored).toEqual([]);
  });

  it.each([
    'data=moons', 'count=3', 'count=abc', 'noise=1', 'dseed=-1', 'layers=abc', 'layers=0', 'layers=17', 'layers=1,2,3,4,5',
    'layers=4,,4', 'layers=', 'act=softmax', 'lr=0', 'lr=1e400', 'lr=-1', 'wseed=1.5', 'quad=maybe',
  ])('%s is ignored and reported', (entry) => {
    const { settings, ignored } = readBoundaryUrl(new URLSearchParams(entry));
    expect(settings).toEqual({});
    expect(ignored).toEqual([entry]);
  });

  it('"none" means no hidden layer and is what an empty list writes', () => {
    expect(parseLayers('none')).toEqual({ value: [] });
    expect(boundaryUrlFields({ ...defaultSettings(), hiddenLayers: [] }).layers).toBe('none');
    expect(boundaryUrlFields(defaultSettings())).toEqual(Object.fromEntries(Object.keys(boundaryUrlFields(defaultSettings())).map((k) => [k, undefined])));
    expect(boundaryUrlFields({ ...defaultSettings(), quadratic: true, hiddenLayers: [2, 3] })).toMatchObject({ quad: '1', layers: '2,3' });
  });

  it('applies the URL on mount with a prefix, shows a notice for malformed values and keeps working', async () => {
    window.history.replaceState(null, '', '/intro/?db-layers=banana&db-data=circle&db-lr=-5&layers=none');
    const { root, action, epoch } = setup({ syncUrl: true, urlPrefix: 'db-' });
    await Promise.resolve();
    const notice = root.querySelector<HTMLElement>('[data-role="url-notice"]')!;
    expect(notice.getAttribute('role')).toBe('status');
    expect(notice.textContent).toContain('db-layers=banana');
    expect(notice.textContent).toContain('db-lr=-5');
    expect(root.querySelector('[data-kind="circle"]')!.getAttribute('aria-pressed')).toBe('true');
    expect(root.querySelectorAll('[data-hidden-layer]')).toHaveLength(1);
    await fireEvent.click(action('step'));
    await waitFor(() => expect(epoch()).toBe(1), { timeout: 5000 });
    await fireEvent.click(action('add-layer'));
    await addressWritten();
    const query = new URLSearchParams(window.location.search);
    expect(query.get('db-layers')).toBe('4,4');
    expect(query.get('db-data')).toBe('circle');
    expect(query.get('layers')).toBe('none');
  });
});

describe('heat-map colours', () => {
  it('runs from orange through a neutral tint to blue, and never produces NaN', () => {
    const [r0, , b0] = probabilityColour(0, 'light');
    const [r1, , b1] = probabilityColour(1, 'light');
    expect(r0).toBeGreaterThan(b0);
    expect(b1).toBeGreaterThan(r1);
    expect(probabilityColour(0.5, 'light')).toEqual([250, 250, 250]);
    expect(probabilityColour(NaN, 'dark')).toEqual(probabilityColour(0.5, 'dark'));
    const pixels = heatmapPixels([0, 0.5, 1, 0.25], 'dark');
    expect(pixels).toHaveLength(16);
    expect([...pixels].every((v) => Number.isInteger(v) && v >= 0 && v <= 255)).toBe(true);
    expect(pixels[3]).toBe(255);
  });
});
