/**
 * The decision-boundary demo's controller for embeds, decks and custom elements (see
 * shared/widget-api.ts). Commands:
 *   next      one training epoch (the Step button); false while "Train" runs or after divergence
 *   reset     stop training, restore the default settings and go back to epoch 0
 *   setState  the URL fields (data, count, noise, dseed, layers, act, lr, wseed, quad); resets training
 * 'prev', 'first', 'last' and 'goto' are refused (false): training cannot be stepped backwards.
 *
 * The status carries, besides the query, the epoch, the training accuracy (0–1), whether "Train"
 * is running and whether training diverged. Training is asynchronous (normally in a Web Worker),
 * so right after 'next' the status still shows the old epoch; nn-statechange reports the new one.
 */
import type { WidgetCommand, WidgetController, WidgetStatus } from '../../shared/widget-api';
import type { BoundaryModel } from './model.svelte';
import { applyQuery, queryOf } from './url-sync.svelte';

export const WIDGET_NAME = 'decision-boundary';

export interface BoundaryStatus extends WidgetStatus {
  epoch: number;
  accuracy: number;
  running: boolean;
  diverged: boolean;
}

export function statusOf(model: BoundaryModel): BoundaryStatus {
  const { epoch, accuracy, diverged } = model.snapshot;
  return { widget: WIDGET_NAME, query: queryOf(model), epoch, accuracy, running: model.running, diverged };
}

/**
 * What nn-statechange reports a change of: the settings, and the trained network whenever training
 * is not running (a step finished, a pause, a reset). While "Train" runs the epoch moves many times
 * a second; one event says it started and one more when it stops.
 */
export function stateKey(model: BoundaryModel): string {
  return `${queryOf(model)}|${model.running ? 'running' : model.snapshot.epoch}`;
}

export function createController(model: BoundaryModel): WidgetController {
  return {
    widget: WIDGET_NAME,
    status: () => statusOf(model),
    run(command: WidgetCommand) {
      switch (command.command) {
        case 'next':
          if (model.running || model.snapshot.diverged) return false;
          model.step();
          return true;
        case 'reset':
          model.restoreDefaults();
          return true;
        case 'setState':
          return applyQuery(model, new URLSearchParams(command.state)).length === 0;
        default:
          return false;
      }
    },
  };
}

/**
 * Calls `emit` when the value it is given differs from the one before; the first value is only
 * remembered (nn-ready already reports the state the widget starts in).
 */
export function changeWatcher(emit: () => void): (value: string) => void {
  let last: string | undefined;
  return (value) => {
    if (last !== undefined && value !== last) emit();
    last = value;
  };
}
