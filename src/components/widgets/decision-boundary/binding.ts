/**
 * How the decision-boundary demo meets the shared shell. Besides the settings (query fields, reset)
 * it reports training in the status and trains one epoch on 'next':
 *   next      one training epoch (the Step button); false while "Train" runs or after divergence
 *   reset     stop training, restore the default settings and go back to epoch 0
 *   setState  the URL fields (data, count, noise, dseed, layers, act, lr, wseed, quad); resets training
 * 'prev', 'first', 'last' and 'goto' are refused: training cannot be stepped backwards. There is no
 * step position either, since epochs have no last one.
 *
 * Training is asynchronous (normally in a Web Worker), so right after 'next' the status still shows
 * the old epoch; nn-statechange reports the new one (see training-events.svelte.ts).
 */
import type { WidgetStatus } from '../../shared/widget-api';
import { unknownFields, writeUrlState } from '../../shared/url-state';
import type { ApplyOptions, WidgetBinding } from '../../shared/widget-binding';
import type { BoundaryModel } from './model.svelte';
import { PARSERS, boundaryUrlFields, readBoundaryUrl } from './url';

export interface BoundaryStatus extends WidgetStatus {
  epoch: number;
  /** Training accuracy, 0–1. */
  accuracy: number;
  running: boolean;
  diverged: boolean;
}

/**
 * Applies query fields to the model (a link, or a controller's setState); returns the "name=value"
 * entries it had to ignore. Any valid field resets training, as changing a setting by hand does.
 * With `strict` (setState), names the demo does not know are refused too.
 */
function applyQuery(model: BoundaryModel, query: URLSearchParams, options: ApplyOptions = {}): string[] {
  const { settings, ignored } = readBoundaryUrl(query, options.prefix);
  if (Object.keys(settings).length > 0) model.setSettings(settings);
  return options.strict ? [...ignored, ...unknownFields(query, Object.keys(PARSERS), options.prefix)] : ignored;
}

export function decisionBoundaryBinding(model: BoundaryModel): WidgetBinding {
  return {
    name: 'decision-boundary',
    apply: (query, options) => applyQuery(model, query, options),
    urlFields: () => boundaryUrlFields(model.settings),
    reset: () => model.restoreDefaults(),
    step(command) {
      if (command.command !== 'next' || model.running || model.snapshot.diverged) return false;
      model.step();
      return true;
    },
    // A finished step, Train starting or stopping, and Reset leave the query as it was but are news to
    // a parent page; while Train runs the epoch moves many times a second, so it counts as one change.
    changeKey: () => `${writeUrlState(new URLSearchParams(), boundaryUrlFields(model.settings))}|${model.running ? 'running' : model.snapshot.epoch}`,
    extraStatus() {
      const { epoch, accuracy, diverged } = model.snapshot;
      return { epoch, accuracy, running: model.running, diverged } satisfies Omit<BoundaryStatus, keyof WidgetStatus>;
    },
  };
}
