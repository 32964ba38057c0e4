/**
 * Trace exports for authors and instructors: JSON, CSV and Markdown. Pure string builders shared
 * by the command line (npm run trace) and the 2-2-2 widget's download buttons. The trace is typed
 * by its shape so that core does not depend on the model that produces it.
 */
import { formatNumber } from './format';
import type { UpdateOrder } from './network';
import type { StepRecord } from './trace';

export type ExportFormat = 'json' | 'csv' | 'markdown';

/** A replayed training round: its steps, the parameters it started from and where N rounds led. */
export interface ExportableTrace {
  params: Readonly<Record<string, number>>;
  steps: readonly ExportableStep[];
  summary: {
    order: UpdateOrder;
    updateBiases: boolean;
    iterations: number;
    E_total_after_1: number;
    E_total_after_N: number;
    out_o1_after_N: number;
    out_o2_after_N: number;
  };
}

type ExportableStep = StepRecord & { phase: string };

/** The fields of a step the JSON export keeps, in a fixed order (shared by every model's JSON export). */
export function stepsForJson(steps: readonly ExportableStep[]) {
  return steps.map(({ key, value, phase, label, tex, texNumeric, uses }) => ({ key, value, phase, label, tex, texNumeric, uses }));
}

export function traceToJson(trace: ExportableTrace): string {
  const steps = stepsForJson(trace.steps);
  const { order, updateBiases, iterations, E_total_after_1, E_total_after_N, out_o1_after_N, out_o2_after_N } = trace.summary;
  return JSON.stringify(
    {
      params: trace.params,
      options: { order, updateBiases, iterations },
      steps,
      summary: { E_total_after_1, E_total_after_N, out_o1_after_N, out_o2_after_N },
    },
    null,
    2,
  );
}

const csvCell = (text: string) => (/[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

export function traceToCsv(trace: { steps: readonly ExportableStep[] }): string {
  const header = ['step', 'key', 'phase', 'value', 'formula', 'substituted', 'uses'];
  const rows = trace.steps.map((step) =>
    [String(step.index + 1), step.key, step.phase, String(step.value), `${step.label} = ${step.tex}`, step.texNumeric, step.uses.join(' ')]
      .map(csvCell)
      .join(','),
  );
  return [header.join(','), ...rows].join('\n') + '\n';
}

const mdCell = (text: string) => text.replace(/\|/g, '\\|');

export function traceToMarkdown(trace: ExportableTrace): string {
  const { order, iterations } = trace.summary;
  return stepsToMarkdown(`2-2-2 backpropagation trace (order: ${order}, N = ${iterations})`, trace.steps);
}

/** A Markdown table of the steps under a level-1 title. */
export function stepsToMarkdown(title: string, steps: readonly ExportableStep[]): string {
  const lines = [
    `# ${title}`,
    '',
    '| # | key | phase | formula | substituted | value |',
    '|---|-----|-------|---------|-------------|-------|',
    ...steps.map(
      (step) =>
        `| ${step.index + 1} | \`${mdCell(step.key)}\` | ${step.phase} | $${mdCell(step.label)} = ${mdCell(step.tex)}$ | $${mdCell(step.texNumeric)}$ | ${formatNumber(step.value)} |`,
    ),
    '',
  ];
  return lines.join('\n');
}

export function exportTrace(trace: ExportableTrace, format: ExportFormat): string {
  if (format === 'csv') return traceToCsv(trace);
  if (format === 'markdown') return traceToMarkdown(trace);
  return traceToJson(trace);
}
