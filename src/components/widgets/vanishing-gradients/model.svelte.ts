/**
 * Reactive state of the gradient-size demo: the last valid settings, the text in each field and
 * the engine's profile for those settings. Refused text is reported and never reaches the engine.
 */
import { vanishingGradients, type GradientProfile, type VanishingActivation, type VanishingOptions } from '../../../engine/models/vanishing-gradients';
import { perLayerFactor, slopeOnlyLine } from '../../../engine/models/vanishing-summary';
import { nextSeed } from '../../shared/seed';
import { DEFAULT_OPTIONS, FIELD_RANGES, NUMERIC_FIELDS, parseField, presetScale, type FieldError, type NumericField, type ScalePreset } from './fields';

const textsOf = (options: VanishingOptions) =>
  Object.fromEntries(NUMERIC_FIELDS.map((name) => [name, String(options[name])])) as Record<NumericField, string>;

function profileOf(options: VanishingOptions): GradientProfile {
  const result = vanishingGradients(options);
  // Only validated settings are stored, so a refusal here is a programming error, not reader input.
  if ('errors' in result) throw new Error(`invalid settings reached the engine: ${JSON.stringify(result.errors)}`);
  return result;
}

export class VanishingModel {
  options = $state<VanishingOptions>({ ...DEFAULT_OPTIONS });
  texts = $state<Record<NumericField, string>>(textsOf(DEFAULT_OPTIONS));
  errors = $state<FieldError[]>([]);

  readonly profile: GradientProfile = $derived(profileOf(this.options));
  readonly perLayer = $derived(perLayerFactor(this.profile));
  /** The documents' 0.25^k rule only exists for sigmoid; for the others max f′ = 1 says nothing. */
  readonly documentLine: number[] | null = $derived(this.options.activation === 'sigmoid' ? slopeOnlyLine(this.profile) : null);

  setText(name: NumericField, text: string) {
    this.texts[name] = text;
    const result = parseField(name, text, this.options);
    this.errors = [...this.errors.filter((error) => error.name !== name), ...('error' in result ? [result.error] : [])];
    if ('value' in result) this.options = { ...this.options, [name]: result.value };
  }

  setActivation(activation: VanishingActivation) {
    this.options = { ...this.options, activation };
  }

  /** Replaces settings wholesale (from a link); the fields show the new values and old errors go. */
  setOptions(options: Partial<VanishingOptions>) {
    this.options = { ...this.options, ...options };
    this.texts = textsOf(this.options);
    this.errors = [];
  }

  newSeed() {
    this.setOptions({ seed: nextSeed(this.options.seed, FIELD_RANGES.seed.max) });
  }

  applyScalePreset(preset: ScalePreset) {
    this.setOptions({ weightScale: presetScale(preset, this.options.width) });
  }

  reset() {
    this.setOptions({ ...DEFAULT_OPTIONS });
  }
}
