/**
 * The stepper's trace in the export formats of core/export.ts, with the 2-2-2 trace's top-level
 * JSON shape: params (the given values by key), options, steps, summary.
 */
import { stepsForJson, stepsToMarkdown, traceToCsv, type ExportFormat } from '../../core/export';
import { isDocument222, toParams222 } from './document222';
import { givenValues } from './replay';
import type { StepperTrace } from './types';

export function networkTraceToJson(trace: StepperTrace): string {
  const d = trace.description;
  const params = isDocument222(d) ? toParams222(d) : Object.fromEntries(givenValues(d));
  const options = {
    layers: d.layers, activations: d.activations, loss: d.loss, order: d.order,
    sharedBias: d.sharedBias, updateBiases: d.updateBiases ?? true,
  };
  return JSON.stringify({ params, options, steps: stepsForJson(trace.steps), summary: trace.summary }, null, 2);
}

export function exportNetworkTrace(trace: StepperTrace, format: ExportFormat): string {
  if (format === 'csv') return traceToCsv(trace);
  const d = trace.description;
  if (format === 'markdown') return stepsToMarkdown(`${d.layers.join('-')} backpropagation trace (order: ${d.order})`, trace.steps);
  return networkTraceToJson(trace);
}
