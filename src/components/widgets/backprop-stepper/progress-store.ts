/**
 * Predict-mode progress in localStorage, one entry per preset. Storage may be missing (a private
 * window, a sandboxed embed), full or hold something another version wrote: every failure reads as
 * "no progress" or is reported as not saved, and the widget goes on without it.
 */

/** How the student reached a step's value. */
export interface Answer {
  outcome: 'correct' | 'revealed';
  /** Right at the first try (no wrong answer before). */
  firstTry: boolean;
}

export interface Progress {
  /** Which network the answers belong to: an edited preset starts afresh. */
  network: string;
  answers: Record<string, Answer>;
  /** Wrong tries at steps not yet answered, so a reload keeps the hints earned. */
  tries: Record<string, number>;
  step: number;
}

export const progressKey = (preset: string) => `nn-backprop-stepper:${preset}`;

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

const isAnswer = (value: unknown): value is Answer =>
  typeof value === 'object' &&
  value !== null &&
  ((value as Answer).outcome === 'correct' || (value as Answer).outcome === 'revealed') &&
  typeof (value as Answer).firstTry === 'boolean';

const isRecordOf = <T>(value: unknown, check: (entry: unknown) => entry is T): value is Record<string, T> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every(check);

const isCount = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0;

/** The stored progress for this preset and network, or undefined when there is none or it cannot be read. */
export function loadProgress(preset: string, network: string): Progress | undefined {
  try {
    const text = storage()?.getItem(progressKey(preset));
    if (!text) return undefined;
    const stored: unknown = JSON.parse(text);
    if (typeof stored !== 'object' || stored === null) return undefined;
    const { network: storedNetwork, answers, tries, step } = stored as Progress;
    if (storedNetwork !== network || !isRecordOf(answers, isAnswer) || !isRecordOf(tries, isCount) || !isCount(step)) return undefined;
    return { network, answers, tries, step };
  } catch {
    return undefined;
  }
}

/** Saves the progress; false when the browser refused (no storage, quota exceeded). */
export function saveProgress(preset: string, progress: Progress): boolean {
  try {
    const store = storage();
    if (!store) return false;
    store.setItem(progressKey(preset), JSON.stringify(progress));
    return true;
  } catch {
    return false;
  }
}

export function clearProgress(preset: string): void {
  try {
    storage()?.removeItem(progressKey(preset));
  } catch {
    // Nothing was stored where nothing can be removed.
  }
}
