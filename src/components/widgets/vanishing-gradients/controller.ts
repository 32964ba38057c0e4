/**
 * The gradient-size demo's controller for embeds, decks and custom elements (see
 * shared/widget-api.ts). The demo has no steps: 'setState' and 'reset' are all it does; 'next',
 * 'prev', 'first', 'last' and 'goto' are refused (false).
 */
import type { WidgetCommand, WidgetController, WidgetStatus } from '../../shared/widget-api';
import type { VanishingModel } from './model.svelte';
import { applyQuery, queryOf } from './url-sync.svelte';

export const WIDGET_NAME = 'vanishing-gradients';

export function statusOf(model: VanishingModel): WidgetStatus {
  return { widget: WIDGET_NAME, query: queryOf(model) };
}

export function createController(model: VanishingModel): WidgetController {
  return {
    widget: WIDGET_NAME,
    status: () => statusOf(model),
    run(command: WidgetCommand) {
      switch (command.command) {
        case 'reset':
          model.reset();
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
