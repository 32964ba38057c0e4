/**
 * Reactive state of the layer-shapes widget: the sample count, the layer widths (as typed and as
 * last accepted) and which layouts to list. Every shape and count comes from the engine.
 */
import {
  ALL_CONVENTIONS,
  DEFAULT_CONVENTIONS,
  MAX_LAYERS,
  layerShapes,
  parameterCount,
  type ParameterCount,
  type ShapeRecord,
} from '../../../engine/models/layer-shapes';
import { parseLayerSize, parseSampleCount, type DimensionProblem } from './url';

export interface DimensionError {
  /** 'm', or the index of a layer width. */
  field: 'm' | number;
  raw: string;
  problem: DimensionProblem;
}

export const PRESETS = { '000': [3, 4, 1], '003': [3, 3, 1] } as const;
export type PresetId = keyof typeof PRESETS;

export const DEFAULT_M = 5;
export const DEFAULT_SIZES: readonly number[] = PRESETS['000'];

export class LayerShapesModel {
  m = $state(DEFAULT_M);
  sizes = $state<number[]>([...DEFAULT_SIZES]);
  mText = $state(String(DEFAULT_M));
  sizeTexts = $state<string[]>(DEFAULT_SIZES.map(String));
  errors = $state<DimensionError[]>([]);
  showAll = $state(false);

  readonly conventions = $derived(this.showAll ? ALL_CONVENTIONS : DEFAULT_CONVENTIONS);
  readonly records: ShapeRecord[] = $derived.by(() => {
    const result = layerShapes(this.m, this.sizes, this.conventions);
    return 'error' in result ? [] : result;
  });
  readonly count: ParameterCount | undefined = $derived.by(() => {
    const result = parameterCount(this.sizes);
    return 'error' in result ? undefined : result;
  });
  readonly canAdd = $derived(this.sizes.length - 1 < MAX_LAYERS);
  readonly canRemove = $derived(this.sizes.length > 2);

  #replaceError(field: DimensionError['field'], error?: DimensionError) {
    this.errors = [...this.errors.filter((e) => e.field !== field), ...(error ? [error] : [])];
  }

  /** Takes the text of the m field; a refused value is reported and the last valid m stays. */
  setMText(text: string) {
    this.mText = text;
    const result = parseSampleCount(text);
    this.#replaceError('m', 'error' in result ? { field: 'm', raw: text, problem: result.error } : undefined);
    if ('value' in result) this.m = result.value;
  }

  setSizeText(index: number, text: string) {
    this.sizeTexts[index] = text;
    const result = parseLayerSize(text);
    this.#replaceError(index, 'error' in result ? { field: index, raw: text, problem: result.error } : undefined);
    if ('value' in result) this.sizes[index] = result.value;
  }

  setSizes(sizes: readonly number[]) {
    this.sizes = [...sizes];
    this.sizeTexts = sizes.map(String);
    this.errors = this.errors.filter((error) => error.field === 'm');
  }

  setM(m: number) {
    this.m = m;
    this.mText = String(m);
    this.errors = this.errors.filter((error) => error.field !== 'm');
  }

  /** A new hidden layer just before the output, as wide as the layer before it. */
  addLayer() {
    if (!this.canAdd) return;
    const output = this.sizes.length - 1;
    this.setSizes([...this.sizes.slice(0, output), this.sizes[output - 1], this.sizes[output]]);
  }

  removeLayer(index: number) {
    if (!this.canRemove) return;
    this.setSizes(this.sizes.filter((_, i) => i !== index));
  }

  /** Back to document 000's 3-4-1 network, m = 5, the two main layouts and no pending errors. */
  reset() {
    this.setM(DEFAULT_M);
    this.setSizes(DEFAULT_SIZES);
    this.errors = [];
    this.showAll = false;
  }

  loadPreset(id: PresetId) {
    this.setSizes(PRESETS[id]);
  }

  isPreset(id: PresetId): boolean {
    const preset = PRESETS[id];
    return preset.length === this.sizes.length && preset.every((n, i) => n === this.sizes[i]);
  }
}
