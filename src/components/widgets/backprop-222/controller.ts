/** The stepper's controller for embeds, decks and custom elements (see shared/widget-api.ts). */
import type { WidgetCommand, WidgetController, WidgetStatus } from '../../shared/widget-api';
import type { Backprop222Model } from './model.svelte';
import { resolveStep } from './url';
import { applyQuery, queryOf } from './url-sync.svelte';

export const WIDGET_NAME = 'backprop-222';

export function statusOf(model: Backprop222Model): WidgetStatus {
  return {
    widget: WIDGET_NAME,
    step: model.stepper.current + 1,
    count: model.stepper.count,
    key: model.step.key,
    query: queryOf(model),
  };
}

export function createController(model: Backprop222Model): WidgetController {
  return {
    widget: WIDGET_NAME,
    status: () => statusOf(model),
    run(command: WidgetCommand) {
      switch (command.command) {
        case 'next':
        case 'prev':
        case 'first':
        case 'last':
          model.stepper.run(command.command);
          return true;
        case 'reset':
          model.reset();
          model.order = 'textbook';
          model.updateBiases = false;
          model.stepper.first();
          return true;
        case 'goto': {
          const index = resolveStep(model.trace, String(command.step));
          if (index === undefined) return false;
          model.stepper.goTo(index);
          return true;
        }
        case 'setState':
          return applyQuery(model, new URLSearchParams(command.state)).length === 0;
      }
    },
  };
}
