/**
 * Reactive state of the decision-boundary demo. The settings and the picture at epoch 0 live here
 * (cheap, and what the server renders); training itself happens behind TrainingClient, normally in
 * a Web Worker, one short chunk per animation frame while the reader has "Train" on.
 */
import { makeDataset, type Dataset, type DatasetKind, type HiddenActivation } from '../../../engine/models/decision-boundary';
import { nextSeed } from '../../shared/seed';
import {
  FIELD_RANGES, TEXT_FIELDS, defaultSettings, parseField, trainingOptions, withLayerAdded, withUnitsChanged,
  type BoundarySettings, type FieldError, type TextField,
} from './fields';
import { initialSnapshot, type TrainingSnapshot } from './protocol';
import { TrainingClient } from './trainer-client';

/** Epochs asked for per animation frame: slow enough to watch the boundary bend, fast enough to finish XOR in about a second. */
export const EPOCHS_PER_CHUNK = 5;

const textsOf = (settings: BoundarySettings) =>
  Object.fromEntries(TEXT_FIELDS.map((name) => [name, String(settings[name])])) as Record<TextField, string>;

function datasetOf(settings: BoundarySettings): Dataset {
  const result = makeDataset(settings.kind, { count: settings.count, noise: settings.noise, seed: settings.dataSeed });
  // Only validated settings are stored, so a refusal here is a programming error, not reader input.
  if ('errors' in result) throw new Error(`invalid dataset settings: ${JSON.stringify(result.errors)}`);
  return result;
}

function snapshotAtStart(settings: BoundarySettings, dataset: Dataset): TrainingSnapshot {
  const result = initialSnapshot(trainingOptions(settings, dataset.points));
  if ('errors' in result) throw new Error(`invalid network settings: ${JSON.stringify(result.errors)}`);
  return result;
}

const nextFrame = (callback: () => void) =>
  typeof requestAnimationFrame === 'function' ? requestAnimationFrame(() => callback()) : setTimeout(callback, 16);

export class BoundaryModel {
  settings = $state<BoundarySettings>(defaultSettings());
  texts = $state<Record<TextField, string>>(textsOf(defaultSettings()));
  errors = $state<FieldError[]>([]);
  running = $state(false);
  /** Whether the last reply came from a Web Worker (false before the first request and on the fallback). */
  onWorker = $state(false);
  /** The latest reply from the trainer; null until the reader trains this network. */
  #trained = $state.raw<TrainingSnapshot | null>(null);
  #client: TrainingClient | undefined;
  #needsInit = true;
  readonly #useWorker: boolean;

  readonly dataset: Dataset = $derived(datasetOf(this.settings));
  readonly snapshot: TrainingSnapshot = $derived(this.#trained ?? snapshotAtStart(this.settings, this.dataset));

  constructor(options: { useWorker?: boolean } = {}) {
    this.#useWorker = options.useWorker ?? true;
  }


  setText(name: TextField, text: string) {
    this.texts[name] = text;
    const result = parseField(name, text, this.settings);
    this.errors = [...this.errors.filter((error) => error.name !== name), ...('error' in result ? [result.error] : [])];
    if ('value' in result) this.#change({ [name]: result.value });
  }

  setKind = (kind: DatasetKind) => this.#change({ kind });
  setActivation = (activation: HiddenActivation) => this.#change({ activation });
  setQuadratic = (quadratic: boolean) => this.#change({ quadratic });
  addLayer = () => this.#change({ hiddenLayers: withLayerAdded(this.settings.hiddenLayers) });
  removeLayer = () => this.#change({ hiddenLayers: this.settings.hiddenLayers.slice(0, -1) });
  changeUnits = (index: number, change: 1 | -1) => this.#change({ hiddenLayers: withUnitsChanged(this.settings.hiddenLayers, index, change) });
  newDataSeed = () => this.setSettings({ dataSeed: nextSeed(this.settings.dataSeed, FIELD_RANGES.dataSeed.max) });
  newWeightSeed = () => this.setSettings({ weightSeed: nextSeed(this.settings.weightSeed, FIELD_RANGES.weightSeed.max) });

  /** Replaces settings wholesale (a link, a seed button); the fields show the new values and old errors go. */
  setSettings(settings: Partial<BoundarySettings>) {
    this.#change(settings);
    this.texts = textsOf(this.settings);
    this.errors = [];
  }

  restoreDefaults() {
    this.setSettings(defaultSettings());
  }

  train = () => {
    if (this.snapshot.diverged) return;
    this.running = true;
    if (this.#idle()) this.#request(EPOCHS_PER_CHUNK);
  };

  pause = () => {
    this.running = false;
  };

  step = () => {
    if (this.running || this.snapshot.diverged) return;
    this.#request(1);
  };

  /** Back to epoch 0 with the same settings (the same seeds give the same starting weights). */
  reset = () => {
    this.running = false;
    this.#trained = null;
    this.#needsInit = true;
    this.#client?.invalidate();
  };

  dispose() {
    this.running = false;
    this.#client?.close();
    this.#client = undefined;
    this.#needsInit = true;
  }

  #change(settings: Partial<BoundarySettings>) {
    this.settings = { ...this.settings, ...settings };
    this.reset();
  }

  #idle(): boolean {
    return (this.#client?.pending ?? 0) === 0;
  }

  #request(epochs: number) {
    this.#client ??= new TrainingClient({ onSnapshot: (snapshot) => this.#receive(snapshot), useWorker: this.#useWorker });
    if (this.#needsInit) {
      this.#client.restart($state.snapshot(trainingOptions(this.settings, this.dataset.points)));
      this.#needsInit = false;
    }
    this.#client.train(epochs);
  }

  #receive(snapshot: TrainingSnapshot) {
    this.#trained = snapshot;
    this.onWorker = this.#client?.usesWorker ?? false;
    if (snapshot.diverged) this.running = false;
    if (!this.running || !this.#idle()) return;
    nextFrame(() => {
      if (this.running && this.#idle()) this.#request(EPOCHS_PER_CHUNK);
    });
  }
}
