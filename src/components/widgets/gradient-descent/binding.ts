/**
 * How the gradient-descent widget's state meets the shared shell: query fields in and out, reset,
 * and its own kind of stepping. A descent has no fixed number of steps, so the widget reports no
 * position (decks and the bridge treat it as a widget without steps to walk through); its status
 * carries `step` (descent steps taken, 0 before the first) and `outcome` instead.
 *   next   one descent step (refused once the run has stopped or reached the step limit)
 *   prev   one step back (refused at the start)
 *   first  back to the start point, keeping the settings
 *   last   refused: a descent has no last step (End on the keyboard runs one batch of N steps)
 *   goto   refused: setState({ steps: '12' }) jumps to a step count
 */
import { MAX_STEPS } from '../../../engine/models/gradient-descent';
import { writeUrlState } from '../../shared/url-state';
import type { StepperAction } from '../../shared/stepper.svelte';
import type { ApplyOptions, WidgetBinding } from '../../shared/widget-binding';
import type { GradientDescentModel } from './model.svelte';
import { CURVE_DEFAULTS, CURVE_VIEWS, DEFAULT_BATCH, SURFACE_DEFAULTS, VIEWS } from './settings';
import { readGradientDescentUrl } from './url';

/**
 * Applies query fields to the model (a link or a controller's setState); returns the "name=value"
 * entries it had to ignore. With `strict`, names the widget does not know count as ignored.
 */
export function applyQuery(model: GradientDescentModel, query: URLSearchParams, options: ApplyOptions = {}): string[] {
  const { prefix = '', strict = false } = options;
  const { values, ignored } = readGradientDescentUrl(query, { prefix, strict });
  if (values.view) model.setView(values.view);
  if (values.curve) {
    if (model.view === 'curve') model.setCurve(values.curve);
    else ignored.push(`${prefix}curve=${values.curve}`);
  }
  const refused = model.apply({ alpha: values.alpha, w0: values.w0, b0: values.b0, batch: values.n, steps: values.steps });
  for (const field of refused) {
    const name = field === 'batch' ? 'n' : field;
    ignored.push(`${prefix}${name}=${query.get(prefix + name)}`);
  }
  return ignored;
}

/** The query fields that describe the active view; defaults are left out so links stay short. */
export function urlFields(model: GradientDescentModel): Record<string, string | undefined> {
  const unlessDefault = (value: number, fallback: number) => (value === fallback ? undefined : String(value));
  const curveView = model.view === 'curve';
  const settings = model.settings;
  return {
    view: model.view === model.startView ? undefined : model.view,
    curve: curveView && model.curve.curveId !== CURVE_DEFAULTS.curveId ? model.curve.curveId : undefined,
    alpha: unlessDefault(settings.alpha, curveView ? CURVE_DEFAULTS.alpha : SURFACE_DEFAULTS.alpha),
    w0: unlessDefault(settings.w0, curveView ? CURVE_VIEWS[model.curve.curveId].start : SURFACE_DEFAULTS.w0),
    b0: curveView ? undefined : unlessDefault(model.surface.b0, SURFACE_DEFAULTS.b0),
    steps: unlessDefault(settings.steps, 0),
    n: unlessDefault(model.batch, DEFAULT_BATCH),
  };
}

/**
 * The model's state as a query string for status, share links and embeds. Unlike the address bar,
 * it names the view whenever it is not the curve, because an embed page opens on that.
 */
export function queryOf(model: GradientDescentModel): string {
  const view = model.view === VIEWS[0] ? undefined : model.view;
  return writeUrlState(new URLSearchParams(), { ...urlFields(model), view }).toString();
}

export const canStepForward = (model: GradientDescentModel) => !model.stopped && model.taken < MAX_STEPS;

function descentStep(model: GradientDescentModel, action: StepperAction | 'goto'): boolean {
  switch (action) {
    case 'next':
      if (!canStepForward(model)) return false;
      model.stepForward();
      return true;
    case 'prev':
      if (model.taken === 0) return false;
      model.stepBack();
      return true;
    case 'first':
      model.reset();
      return true;
    default:
      return false;
  }
}

export function gradientDescentBinding(model: GradientDescentModel): WidgetBinding {
  return {
    name: 'gradient-descent',
    apply: (query, options) => applyQuery(model, query, options),
    urlFields: () => urlFields(model),
    query: () => queryOf(model),
    reset: () => model.restoreAll(),
    step: (command) => descentStep(model, command.command),
    key: (action) => {
      if (action !== 'last') descentStep(model, action);
      else if (canStepForward(model)) model.runBatch();
    },
    extraStatus: () => ({ step: model.taken, outcome: model.outcome }),
  };
}
