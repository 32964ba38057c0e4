/**
 * Reactive state of the gradient-descent widget: the reader's settings for each view and how many
 * steps have been taken. The engine replays the whole run from the start on every change, so
 * "step back" and "reset" only change a count.
 */
import {
  CURVES, CURVE_IDS, MAX_STEPS, costGrid, contourLevels, descend1d, descend2d, makeLogisticDataset,
  type CurveId, type Descent1dRun, type Descent2dRun, type DescentErrorCode,
} from '../../../engine/models/gradient-descent';
import type { Refusal } from '../../../engine/core/validation';
import { readTypedNumber, type TypedNumberError } from '../../shared/typed-number';
import {
  CURVE_DEFAULTS, CURVE_VIEWS, DEFAULT_BATCH, MAX_BATCH, SURFACE_DEFAULTS, SURFACE_VIEW, VIEW_BOUND, type DescentView,
} from './settings';

export type FieldName = 'alpha' | 'w0' | 'b0' | 'batch';
export type FieldIssue = TypedNumberError | Exclude<DescentErrorCode, 'unknown-curve' | 'empty-data'>;

export interface FieldError {
  field: FieldName;
  raw: string;
  issue: FieldIssue;
}

export interface CurveSettings {
  curveId: CurveId;
  alpha: number;
  w0: number;
  steps: number;
}

export interface SurfaceSettings {
  alpha: number;
  w0: number;
  b0: number;
  steps: number;
}

export type Outcome = Descent1dRun['outcome'] | 'not-started';

const curveDefaults = (curveId: CurveId): CurveSettings => ({ curveId, alpha: CURVE_DEFAULTS.alpha, w0: CURVE_VIEWS[curveId].start, steps: 0 });
const surfaceDefaults = (): SurfaceSettings => ({ ...SURFACE_DEFAULTS, steps: 0 });

function unwrap<T extends { ok: true }>(result: T | Refusal<DescentErrorCode>): T {
  // Settings are checked by the engine before they are stored, so an error here is a programming error.
  if (!result.ok) throw new Error(`invalid descent settings: ${result.errors.map((error) => error.message).join('; ')}`);
  return result;
}

const clampSteps = (steps: number) => Math.min(Math.max(Math.round(steps), 0), MAX_STEPS);

export class GradientDescentModel {
  view = $state<DescentView>('curve');
  curve = $state<CurveSettings>(curveDefaults(CURVE_DEFAULTS.curveId));
  surface = $state<SurfaceSettings>(surfaceDefaults());
  batch = $state(DEFAULT_BATCH);
  texts = $state<Record<FieldName, string>>({ alpha: '', w0: '', b0: '', batch: '' });
  errors = $state<FieldError[]>([]);

  readonly dataset = makeLogisticDataset();
  readonly grid = costGrid(this.dataset.points, SURFACE_VIEW.wRange, SURFACE_VIEW.bRange, SURFACE_VIEW.resolution);
  readonly levels = contourLevels(this.grid, SURFACE_VIEW.levels);

  readonly curveRun: Descent1dRun = $derived(
    unwrap(descend1d(this.curve.curveId, this.curve.w0, this.curve.alpha, this.curve.steps, { bound: VIEW_BOUND })),
  );
  readonly surfaceRun: Descent2dRun = $derived(
    unwrap(descend2d(this.dataset.points, { w0: this.surface.w0, b0: this.surface.b0 }, this.surface.alpha, this.surface.steps, { bound: VIEW_BOUND })),
  );
  readonly settings = $derived(this.view === 'curve' ? this.curve : this.surface);
  readonly run: Descent1dRun | Descent2dRun = $derived(this.view === 'curve' ? this.curveRun : this.surfaceRun);
  /** Steps actually taken: fewer than asked for once a run has stopped as diverged. */
  readonly taken = $derived(this.run.records.length - 1);
  readonly stopped = $derived(this.run.stopReason !== 'completed');
  readonly outcome: Outcome = $derived(this.taken === 0 && !this.stopped ? 'not-started' : this.run.outcome);
  readonly curveInfo = $derived(CURVES[this.curve.curveId]);
  /** Whether the last step raised J, which is what a growing oscillation looks like before it diverges. */
  readonly rising = $derived(this.taken > 0 && this.run.records[this.taken].J > this.run.records[this.taken - 1].J);

  /** The setting the widget opened with; links leave it out. */
  readonly startView: DescentView;

  constructor(view: DescentView = 'curve') {
    this.startView = view === 'surface' ? 'surface' : 'curve';
    this.view = this.startView;
    this.syncTexts();
  }

  setView(view: DescentView) {
    if (view !== 'curve' && view !== 'surface') return;
    this.view = view;
    this.syncTexts();
  }

  setCurve(curveId: CurveId) {
    if (!(CURVE_IDS as readonly string[]).includes(curveId)) return;
    this.curve = { ...curveDefaults(curveId), alpha: this.curve.alpha };
    this.syncTexts();
  }

  stepForward(count = 1) {
    if (this.stopped) return;
    this.setSteps(this.taken + count);
  }

  stepBack() {
    this.setSteps(this.taken - 1);
  }

  runBatch() {
    this.stepForward(this.batch);
  }

  reset() {
    this.setSteps(0);
  }

  setSteps(steps: number) {
    if (this.view === 'curve') this.curve = { ...this.curve, steps: clampSteps(steps) };
    else this.surface = { ...this.surface, steps: clampSteps(steps) };
  }

  /** From the slider: an already valid α. */
  setAlpha(alpha: number) {
    if (this.store('alpha', String(alpha))) return;
    this.texts = { ...this.texts, alpha: String(alpha) };
    this.errors = this.errors.filter((error) => error.field !== 'alpha');
  }

  /** Takes the text of one field; a refused value is reported and the last valid value stays. */
  setText(field: FieldName, raw: string) {
    this.texts = { ...this.texts, [field]: raw };
    const issue = this.store(field, raw);
    this.errors = [...this.errors.filter((error) => error.field !== field), ...(issue ? [{ field, raw, issue }] : [])];
  }

  /** Applies already-read numbers (from a link); returns the fields the engine refused. */
  apply(values: Partial<Record<FieldName | 'steps', number>>): string[] {
    const refused: string[] = [];
    for (const field of ['alpha', 'w0', 'b0', 'batch'] as const) {
      const value = values[field];
      if (value === undefined) continue;
      const belongs = field !== 'b0' || this.view === 'surface';
      if (!belongs || this.store(field, String(value))) refused.push(field);
    }
    if (values.steps !== undefined) {
      if (Number.isInteger(values.steps) && values.steps >= 0 && values.steps <= MAX_STEPS) this.setSteps(values.steps);
      else refused.push('steps');
    }
    this.syncTexts();
    return refused;
  }

  /** Restores the current view's defaults. */
  restoreDefaults() {
    if (this.view === 'curve') this.curve = curveDefaults(this.curve.curveId);
    else this.surface = surfaceDefaults();
    this.syncTexts();
  }

  /** Everything back to how the widget opened: its first view, the default curve, settings and batch size, no steps. */
  restoreAll() {
    this.view = this.startView;
    this.curve = curveDefaults(CURVE_DEFAULTS.curveId);
    this.surface = surfaceDefaults();
    this.batch = DEFAULT_BATCH;
    this.syncTexts();
  }

  private syncTexts() {
    const settings = this.view === 'curve' ? this.curve : this.surface;
    this.texts = {
      alpha: String(settings.alpha),
      w0: String(settings.w0),
      b0: String(this.surface.b0),
      batch: String(this.batch),
    };
    this.errors = [];
  }

  /** Stores the value when the text reads as a number the engine accepts; otherwise returns why not. */
  private store(field: FieldName, raw: string): FieldIssue | undefined {
    const read = readTypedNumber(raw);
    if ('error' in read) return read.error;
    const value = read.value;
    if (field === 'batch') {
      if (!Number.isInteger(value)) return 'not-an-integer';
      if (value < 1 || value > MAX_BATCH) return 'out-of-range';
      this.batch = value;
      return undefined;
    }
    if (field === 'b0' && this.view === 'curve') return 'not-a-number';
    const candidate = { ...this.settings, [field]: value };
    // The engine is the judge of what a valid setting is: a zero-step run validates without computing.
    const result =
      this.view === 'curve'
        ? descend1d(this.curve.curveId, candidate.w0, candidate.alpha, 0, { bound: VIEW_BOUND })
        : descend2d(this.dataset.points, { w0: candidate.w0, b0: (candidate as SurfaceSettings).b0 }, candidate.alpha, 0, { bound: VIEW_BOUND });
    if (!result.ok) {
      const issue = result.errors[0].code;
      return issue === 'unknown-curve' || issue === 'empty-data' ? 'not-a-number' : issue;
    }
    if (this.view === 'curve') this.curve = { ...this.curve, [field]: value };
    else this.surface = { ...this.surface, [field]: value };
    return undefined;
  }
}
