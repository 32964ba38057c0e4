/** What a stepper's live region reads after each step: position, phase, the step's key and its value. */
import { formatNumber } from '../../engine/core/format';
import { fill } from '../../i18n';

/** template has {k} {n} {phase} {key} {value}. */
export function stepAnnouncement(
  template: string,
  position: { current: number; count: number },
  phase: string,
  step: { key: string; value: number },
): string {
  return fill(template, { k: position.current + 1, n: position.count, phase, key: step.key, value: formatNumber(step.value) });
}
