/**
 * Reactive state of the MNIST lab: the settings, the data file's loading, and the two networks'
 * training, which happens behind a LabChannel (normally a Web Worker). The page keeps only what it
 * shows: positions, one small report per network and epoch, and the weights after the last epoch.
 */
import type { DenseLoss, DenseNetwork } from '../../../engine/models/dense-sigmoid';
import { CLASSES, PIXELS, type LabField, type LabSettings } from '../../../engine/models/mnist-lab';
import type { MnistPack } from '../../../engine/models/mnist-pack';
import { weightsFromJson, weightsToJson, type WeightsProblem } from '../../../engine/models/lab-weights';
import { loadDataFile, type DataProblem } from './data-file';
import { budgetFor, openLabChannel, type LabChannel } from './lab-client';
import type { EpochReport, LabReply, NetworkWeights, RunPosition } from './protocol';
import { defaultLabSettings, parseLabField, textsOf, type LabFieldError } from './settings';

export type LabPhase = 'idle' | 'loading' | 'running' | 'paused' | 'finished';

export class LabModel {
  settings = $state<LabSettings>(defaultLabSettings());
  texts = $state<Record<LabField, string>>(textsOf(defaultLabSettings()));
  errors = $state<LabFieldError[]>([]);
  phase = $state<LabPhase>('idle');
  dataLoaded = $state(0);
  dataTotal = $state(0);
  dataProblem = $state<DataProblem | null>(null);
  weightsProblem = $state<WeightsProblem | null>(null);
  positions = $state.raw<RunPosition[]>([]);
  reports = $state.raw<EpochReport[]>([]);
  /** The networks the pictures and the drawing pad use: the last finished epoch's, or a loaded file's. */
  networks = $state.raw<Record<DenseLoss, DenseNetwork> | null>(null);
  normalizer = $state.raw<{ mean: Float64Array; std: Float64Array } | null>(null);
  /** Epochs behind `networks`. */
  networksEpoch = $state(0);
  /** The data file, once loaded: the gallery draws its test digits. */
  pack = $state.raw<MnistPack | null>(null);
  onWorker = $state(false);
  #channel: LabChannel | undefined;
  #generation = 0;
  #trainedSettings: LabSettings = defaultLabSettings();
  /** Each network's parameters after its last finished epoch (the two may end an epoch in different replies). */
  #latest: Partial<Record<DenseLoss, NetworkWeights>> = {};
  readonly #useWorker: boolean;

  constructor(options: { useWorker?: boolean } = {}) {
    this.#useWorker = options.useWorker ?? true;
  }

  /** Epochs both networks have finished. */
  get epoch(): number {
    return Math.min(...(this.positions.length ? this.positions.map((p) => p.epoch) : [0]));
  }

  setText(name: LabField, text: string) {
    this.texts[name] = text;
    const result = parseLabField(name, text);
    this.errors = [...this.errors.filter((error) => error.name !== name), ...('error' in result ? [result.error] : [])];
    if ('value' in result) this.#change({ [name]: result.value });
  }

  setSettings(settings: Partial<LabSettings>) {
    this.#change(settings);
    this.texts = textsOf(this.settings);
    this.errors = [];
  }

  restoreDefaults() {
    this.setSettings(defaultLabSettings());
  }

  /** Loads the data if needed, then trains both networks from epoch 0 with the current settings. */
  start = async () => {
    if (this.phase === 'loading' || this.phase === 'running') return;
    this.reset();
    if (!this.pack) {
      this.phase = 'loading';
      const generation = this.#generation;
      const result = await loadDataFile((loaded, total) => {
        this.dataLoaded = loaded;
        this.dataTotal = total;
      });
      if (generation !== this.#generation) return;
      if ('problem' in result) {
        this.dataProblem = result.problem;
        this.phase = 'idle';
        return;
      }
      this.pack = result.pack;
      const copy = result.bytes.slice().buffer;
      this.#connect().post({ type: 'data', bytes: copy }, [copy]);
    }
    this.#trainedSettings = $state.snapshot(this.settings);
    this.#connect().post({ type: 'start', generation: this.#generation, settings: this.#trainedSettings });
    this.phase = 'running';
    this.#requestChunk();
  };

  pause = () => {
    if (this.phase === 'running') this.phase = 'paused';
  };

  resume = () => {
    if (this.phase !== 'paused') return;
    this.phase = 'running';
    this.#requestChunk();
  };

  /** Back to no training; the data stays loaded. */
  reset = () => {
    this.#generation++;
    this.phase = 'idle';
    this.positions = [];
    this.reports = [];
    this.networks = null;
    this.#latest = {};
    this.networksEpoch = 0;
    this.weightsProblem = null;
    this.dataProblem = null;
  };

  weightsJson(): string | undefined {
    if (!this.networks || !this.normalizer) return undefined;
    return weightsToJson({ settings: this.#trainedSettings, epochs: this.networksEpoch, normalizer: this.normalizer, networks: this.networks });
  }

  loadWeights(text: string) {
    const result = weightsFromJson(text);
    if ('problem' in result) {
      this.weightsProblem = result.problem;
      return;
    }
    const { weights } = result;
    this.setSettings(weights.settings);
    this.#trainedSettings = weights.settings;
    this.networks = weights.networks;
    this.normalizer = weights.normalizer;
    this.networksEpoch = weights.epochs;
  }

  dispose() {
    this.#generation++;
    this.#channel?.close();
    this.#channel = undefined;
  }

  #change(settings: Partial<LabSettings>) {
    this.settings = { ...this.settings, ...settings };
    if (this.phase !== 'loading') this.reset();
  }

  #connect(): LabChannel {
    this.#channel ??= openLabChannel((reply) => this.#receive(reply), this.#useWorker);
    this.onWorker = this.#channel.onWorker;
    return this.#channel;
  }

  #requestChunk() {
    this.#connect().post({ type: 'train', generation: this.#generation, budgetMs: budgetFor(this.#connect()) });
  }

  #receive(reply: LabReply) {
    if (reply.type === 'data-error') {
      this.dataProblem = reply.problem;
      this.pack = null;
      this.phase = 'idle';
      return;
    }
    if (reply.type === 'data-ready' || reply.generation !== this.#generation) return;
    if (reply.type === 'started') {
      this.normalizer = reply.normalizer;
      return;
    }
    if (reply.type === 'refused') {
      this.phase = 'idle';
      return;
    }
    this.positions = reply.positions;
    if (reply.reports.length > 0) this.reports = [...this.reports, ...reply.reports];
    if (reply.networks) {
      this.#latest = { ...this.#latest, ...reply.networks };
      const { halfSumSquares, binaryCrossEntropy } = this.#latest;
      if (halfSumSquares && binaryCrossEntropy) {
        this.networks = withSizes({ halfSumSquares, binaryCrossEntropy }, this.#trainedSettings.hidden);
        this.networksEpoch = Math.min(...reply.positions.map((p) => p.epoch));
      }
    }
    if (reply.finished) this.phase = 'finished';
    else if (this.phase === 'running') this.#requestChunk();
  }
}

function withSizes(networks: Record<DenseLoss, NetworkWeights>, hidden: number): Record<DenseLoss, DenseNetwork> {
  const sizes = [PIXELS, hidden, CLASSES];
  return {
    halfSumSquares: { sizes, ...networks.halfSumSquares },
    binaryCrossEntropy: { sizes, ...networks.binaryCrossEntropy },
  };
}
