/**
 * How the lab meets the shared shell: the settings are its URL fields (setState and a link reset
 * training, as editing a field does), and the status reports the training phase and epoch. Every
 * step command is refused: training runs forward on its own, started by the reader.
 */
import type { WidgetStatus } from '../../shared/widget-api';
import { unknownFields, writeUrlState } from '../../shared/url-state';
import type { ApplyOptions, WidgetBinding } from '../../shared/widget-binding';
import type { LabModel } from './model.svelte';
import { PARSERS, labUrlFields, readLabUrl } from './url';

export interface LabStatus extends WidgetStatus {
  phase: LabModel['phase'];
  /** Epochs both networks have finished. */
  epoch: number;
}

function applyQuery(model: LabModel, query: URLSearchParams, options: ApplyOptions = {}): string[] {
  const { settings, ignored } = readLabUrl(query, options.prefix);
  if (Object.keys(settings).length > 0) model.setSettings(settings);
  return options.strict ? [...ignored, ...unknownFields(query, Object.keys(PARSERS), options.prefix)] : ignored;
}

export function mnistLabBinding(model: LabModel): WidgetBinding {
  return {
    name: 'mnist-lab',
    apply: (query, options) => applyQuery(model, query, options),
    urlFields: () => labUrlFields(model.settings),
    reset: () => model.restoreDefaults(),
    changeKey: () => `${writeUrlState(new URLSearchParams(), labUrlFields(model.settings))}|${model.phase}|${model.epoch}`,
    extraStatus: () => ({ phase: model.phase, epoch: model.epoch }) satisfies Omit<LabStatus, keyof WidgetStatus>,
  };
}
