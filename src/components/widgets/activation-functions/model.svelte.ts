/**
 * Reactive state of the activation explorer. The engine samples the curves, finds saturation and
 * kinks and checks the identities; this module keeps the reader's choices, the text of every field
 * and why a text was refused. State only ever holds values the engine has accepted.
 */
import {
  RANGE_LIMIT,
  identityChecks,
  maxoutAt,
  maxoutSpecialCases,
  sampleActivation,
  saturationIntervals,
  sigmoidDerivativeMaximum,
  valueAt,
  type ActivationSamples,
  type ExplorerActivationName,
  type ExplorerErrorCode,
  type IdentityCheck,
  type MaxoutParams,
  type MaxoutSpecialCase,
  type ZInterval,
} from '../../../engine/models/activation-explorer';
import type { EngineError } from '../../../engine/core/validation';
import { readTypedNumber, type TypedNumberError } from '../../shared/typed-number';
import { DEFAULT_NAME, DEFAULT_SETTINGS, SETTING_FIELDS, type SettingField, type Settings } from './settings';

/** Samples per curve: smooth at projector size, and z = 0 is a sample point for symmetric ranges. */
export const SAMPLE_POINTS = 401;

export interface FieldError {
  code: TypedNumberError | ExplorerErrorCode;
  raw: string;
}

const textsOf = (settings: Settings) =>
  Object.fromEntries(SETTING_FIELDS.map((field) => [field, String(settings[field])])) as Record<SettingField, string>;

/** The engine's verdict is the only source of truth; a refusal here means a caller skipped validation. */
function accepted<T extends object>(result: T | { error: EngineError<ExplorerErrorCode> }): T {
  if ('error' in result) throw new Error(`activation explorer state was refused by the engine: ${JSON.stringify(result.error)}`);
  return result;
}

/** Rounds a z picked on the plot or slider to the step, so links and fields stay short. */
export function roundToStep(z: number, step: number): number {
  const decimals = Math.max(0, Math.ceil(-Math.log10(step)));
  const rounded = Number((Math.round(z / step) * step).toFixed(decimals));
  return rounded === 0 ? 0 : rounded;
}

export class ActivationExplorerModel {
  name = $state<ExplorerActivationName>(DEFAULT_NAME);
  settings = $state<Settings>({ ...DEFAULT_SETTINGS });
  texts = $state<Record<SettingField, string>>(textsOf(DEFAULT_SETTINGS));
  errors = $state<Partial<Record<SettingField, FieldError>>>({});

  readonly maxout: MaxoutParams = $derived({ w1: this.settings.w1, b1: this.settings.b1, w2: this.settings.w2, b2: this.settings.b2 });
  readonly range: ZInterval = $derived({ from: this.settings.from, to: this.settings.to });
  readonly samples: ActivationSamples = $derived(
    accepted(sampleActivation(this.name, { ...this.range, points: SAMPLE_POINTS, alpha: this.settings.alpha, maxout: this.maxout })),
  );
  readonly saturation: ZInterval[] = $derived(
    accepted(saturationIntervals(this.name, this.range, this.settings.threshold, { alpha: this.settings.alpha, maxout: this.maxout })).intervals,
  );
  readonly identities: IdentityCheck[] = $derived(accepted(identityChecks(this.samples.z)));
  readonly specialCases: MaxoutSpecialCase[] = $derived(accepted(maxoutSpecialCases(this.samples.z, this.settings.alpha)));
  readonly value = $derived(valueAt(this.name, this.settings.z, this.settings.alpha, this.maxout));
  readonly activePiece = $derived(this.name === 'maxout' ? maxoutAt(this.settings.z, this.maxout).activePiece : undefined);
  /** Each kink with the value the engine assigns to f and f′ exactly there. */
  readonly kinkPoints = $derived(
    this.samples.kinks.map((z) => ({ z, ...valueAt(this.name, z, this.settings.alpha, this.maxout) })),
  );
  readonly pointInRange = $derived(this.settings.z >= this.settings.from && this.settings.z <= this.settings.to);
  readonly pointSaturated = $derived(this.saturation.some((interval) => this.settings.z >= interval.from && this.settings.z <= interval.to));
  /** Slider step: about a hundred keyboard steps across the range, at a round decimal. */
  readonly pointStep = $derived(10 ** Math.floor(Math.log10((this.settings.to - this.settings.from) / 100)));
  readonly sigmoidPeak = sigmoidDerivativeMaximum();
  readonly isDefault = $derived(
    this.name === DEFAULT_NAME && SETTING_FIELDS.every((field) => this.settings[field] === DEFAULT_SETTINGS[field]),
  );

  setName(name: ExplorerActivationName) {
    this.name = name;
  }

  /**
   * Takes the text of one field: a refused text is recorded with its reason and the last valid value
   * stays. Returns whether the text was accepted.
   */
  setText(field: SettingField, raw: string): boolean {
    this.texts[field] = raw;
    const parsed = readTypedNumber(raw);
    if ('error' in parsed) return this.refuse(field, parsed.error, raw);
    const refusal = this.refusal(field, parsed.value);
    if (refusal !== undefined) return this.refuse(field, refusal, raw);
    this.settings[field] = parsed.value;
    this.clearError(field);
    // A range end refused for being on the wrong side of the other may be fine now that the other moved.
    if (field === 'from' || field === 'to') {
      const other = field === 'from' ? 'to' : 'from';
      const pending = this.errors[other];
      if (pending && (pending.code === 'inverted-range' || pending.code === 'empty-range')) this.setText(other, this.texts[other]);
    }
    return true;
  }

  /** Moves the reading point, e.g. from the slider or a tap on the plot; z is already a number. */
  setPoint(z: number, step: number = this.pointStep) {
    const clamped = Math.min(this.settings.to, Math.max(this.settings.from, z));
    const rounded = roundToStep(clamped, step);
    this.settings.z = rounded;
    this.texts.z = String(rounded);
    this.clearError('z');
  }

  useMaxoutPieces(params: MaxoutParams) {
    for (const key of ['w1', 'b1', 'w2', 'b2'] as const) {
      this.settings[key] = params[key];
      this.texts[key] = String(params[key]);
      this.clearError(key);
    }
  }

  reset() {
    this.name = DEFAULT_NAME;
    this.settings = { ...DEFAULT_SETTINGS };
    this.texts = textsOf(DEFAULT_SETTINGS);
    this.errors = {};
  }

  /** Drops the reader-facing error of a field and shows its valid value again (used after a refused link value). */
  discardText(field: SettingField) {
    this.texts[field] = String(this.settings[field]);
    this.clearError(field);
  }

  private refuse(field: SettingField, code: FieldError['code'], raw: string): false {
    this.errors = { ...this.errors, [field]: { code, raw } };
    return false;
  }

  private clearError(field: SettingField) {
    if (!(field in this.errors)) return;
    const { [field]: _dropped, ...rest } = this.errors;
    this.errors = rest;
  }

  /** Why the engine would refuse this value for this field, if it would. */
  private refusal(field: SettingField, value: number): ExplorerErrorCode | undefined {
    if (field === 'z') return Math.abs(value) > RANGE_LIMIT ? 'out-of-range' : undefined;
    const candidate = { ...this.settings, [field]: value };
    const maxout = { w1: candidate.w1, b1: candidate.b1, w2: candidate.w2, b2: candidate.b2 };
    const range = { from: candidate.from, to: candidate.to };
    const result =
      field === 'threshold'
        ? saturationIntervals(this.name, range, candidate.threshold, { alpha: candidate.alpha, maxout })
        : sampleActivation(this.name, { ...range, points: 2, alpha: candidate.alpha, maxout });
    return 'error' in result ? result.error.code : undefined;
  }
}
