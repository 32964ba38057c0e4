/**
 * The gradient-descent widget's controller for embeds, decks and custom elements (see
 * shared/widget-api.ts). Its natural action is "one more descent step":
 *   next   one descent step (false once the run has stopped or reached the step limit)
 *   prev   one step back (false at the start)
 *   first  back to the start point, keeping the settings
 *   last, goto   refused: a descent has no last step; setState({ steps: '12' }) jumps to a step count
 *   reset  the defaults the widget opened with
 *   setState  the URL's fields (view, curve, alpha, w0, b0, steps, n)
 * The status has no `count`, so decks and the bridge treat the widget as one without steps to walk
 * through; `step` is the number of descent steps taken (0 before the first) and `outcome` says how
 * the run is going: not-started, descending, oscillating, converged or diverged.
 */
import { MAX_STEPS } from '../../../engine/gradient-descent';
import type { WidgetCommand, WidgetController, WidgetStatus } from '../../shared/widget-api';
import type { GradientDescentModel, Outcome } from './model.svelte';
import { applyQuery, queryOf } from './url-sync.svelte';

export const WIDGET_NAME = 'gradient-descent';

export interface GradientDescentStatus extends WidgetStatus {
  /** Descent steps taken so far; 0 before the first. */
  step: number;
  outcome: Outcome;
}

export function statusOf(model: GradientDescentModel): GradientDescentStatus {
  return { widget: WIDGET_NAME, step: model.taken, outcome: model.outcome, query: queryOf(model) };
}

export function createController(model: GradientDescentModel): WidgetController {
  return {
    widget: WIDGET_NAME,
    status: () => statusOf(model),
    run(command: WidgetCommand) {
      switch (command?.command) {
        case 'next':
          if (model.stopped || model.taken >= MAX_STEPS) return false;
          model.stepForward();
          return true;
        case 'prev':
          if (model.taken === 0) return false;
          model.stepBack();
          return true;
        case 'first':
          model.reset();
          return true;
        case 'reset':
          model.restoreAll();
          return true;
        case 'setState':
          if (typeof command.state !== 'object' || command.state === null) return false;
          return applyQuery(model, new URLSearchParams(command.state), { strict: true }).length === 0;
        default:
          return false;
      }
    },
  };
}
