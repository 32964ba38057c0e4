/**
 * The logic-gates widget's controller for embeds, decks and custom elements (see shared/widget-api.ts).
 * The widget has no steps: next/prev/first/last/goto are refused; setState takes the URL's fields.
 */
import type { WidgetCommand, WidgetController, WidgetStatus } from '../../shared/widget-api';
import type { LogicGatesModel } from './model.svelte';
import type { PresetId } from './presets';
import { applyQuery, queryOf } from './url-sync.svelte';

export const WIDGET_NAME = 'logic-gates';

export function statusOf(model: LogicGatesModel): WidgetStatus {
  return { widget: WIDGET_NAME, query: queryOf(model) };
}

/** `initialPreset` is the preset the widget started on, which reset returns to. */
export function createController(model: LogicGatesModel, initialPreset: PresetId = 'and'): WidgetController {
  return {
    widget: WIDGET_NAME,
    status: () => statusOf(model),
    run(command: WidgetCommand) {
      switch (command.command) {
        case 'setState':
          if (typeof command.state !== 'object' || command.state === null) return false;
          return applyQuery(model, new URLSearchParams(command.state), { strict: true }).length === 0;
        case 'reset':
          model.reset(initialPreset);
          return true;
        default:
          return false;
      }
    },
  };
}
