/**
 * The computation-graph stepper's controller for embeds, decks and custom elements (see
 * shared/widget-api.ts): next/prev/first/last/goto move through all steps of the three passes,
 * setState takes the URL's fields (preset, inputs, step), reset returns to the opening example.
 */
import type { WidgetCommand, WidgetController, WidgetStatus } from '../../shared/widget-api';
import type { ComputationGraphModel } from './model.svelte';
import { resolveStep } from './url';
import { applyQuery, queryOf } from './url-sync.svelte';

export const WIDGET_NAME = 'computation-graph';

export function statusOf(model: ComputationGraphModel): WidgetStatus {
  return {
    widget: WIDGET_NAME,
    step: model.stepper.current + 1,
    count: model.stepper.count,
    key: model.step.key,
    query: queryOf(model),
  };
}

export function createController(model: ComputationGraphModel): WidgetController {
  return {
    widget: WIDGET_NAME,
    status: () => statusOf(model),
    run(command: WidgetCommand) {
      switch (command?.command) {
        case 'next':
        case 'prev':
        case 'first':
        case 'last':
          model.stepper.run(command.command);
          return true;
        case 'reset':
          // The opening example with its document values, at the first step.
          model.setPreset(model.startPreset);
          return true;
        case 'goto': {
          const index = resolveStep(model.steps, String(command.step));
          if (index === undefined) return false;
          model.stepper.goTo(index);
          return true;
        }
        case 'setState':
          if (typeof command.state !== 'object' || command.state === null) return false;
          return applyQuery(model, new URLSearchParams(command.state), { strict: true }).length === 0;
        default:
          return false;
      }
    },
  };
}
