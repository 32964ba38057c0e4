/**
 * Predict mode: the student types each step's value before it is shown. The engine's
 * checkPrediction judges an answer at the precision it was typed with; a wrong answer earns a hint
 * (the formula, then the formula with numbers), and the value can be revealed at any time.
 */
import { checkPrediction, type StepperPhase, type StepperStep } from '../../../engine/models/network-stepper';
import { clearProgress, loadProgress, saveProgress, type Answer, type Progress } from './progress-store';

export type Feedback = 'correct' | 'wrong' | 'revealed' | 'too-coarse' | 'invalid';
/** How much of the formula a hint shows: nothing yet, the symbolic formula, or also the numbers. */
export type HintLevel = 'none' | 'tex' | 'numeric';

/** A phase's steps answered right at the first try (`right`) out of those answered or revealed (`answered`). */
export type PhaseScore = { phase: StepperPhase; right: number; answered: number };

type ScoredStep = Pick<StepperStep, 'key' | 'phase'>;

export class PredictSession {
  answers = $state<Record<string, Answer>>({});
  tries = $state<Record<string, number>>({});
  /** What the last check said, for the step it was about; an invalid or too coarse answer is not a try. */
  last = $state<{ key: string; feedback: Feedback; text: string } | undefined>(undefined);
  /** False once the browser refused to save, so the widget can say progress will not survive a reload. */
  saved = $state(true);
  /** Whether stored progress has been read since the widget started. */
  restored = false;

  answered(key: string): boolean {
    return this.answers[key] !== undefined;
  }

  feedbackFor(key: string): Feedback | undefined {
    const answer = this.answers[key];
    if (answer) return answer.outcome;
    if (this.last?.key === key) return this.last.feedback;
    return (this.tries[key] ?? 0) > 0 ? 'wrong' : undefined;
  }

  hintFor(key: string): HintLevel {
    const tries = this.tries[key] ?? 0;
    return tries >= 2 ? 'numeric' : tries === 1 ? 'tex' : 'none';
  }

  check(step: { key: string; value: number }, typed: string): Feedback {
    if (this.answered(step.key)) return this.answers[step.key].outcome;
    const verdict = checkPrediction(step.value, typed);
    const tries = this.tries[step.key] ?? 0;
    if (verdict === 'correct') this.answers[step.key] = { outcome: 'correct', firstTry: tries === 0 };
    else if (verdict === 'wrong') this.tries[step.key] = tries + 1;
    this.last = { key: step.key, feedback: verdict, text: typed };
    return verdict;
  }

  reveal(step: { key: string }) {
    if (!this.answered(step.key)) this.answers[step.key] = { outcome: 'revealed', firstTry: false };
    this.last = { key: step.key, feedback: 'revealed', text: '' };
  }

  /** First-try results per phase, in the order the phases come in the trace. */
  scores(steps: readonly ScoredStep[]): PhaseScore[] {
    const byPhase = new Map<StepperPhase, PhaseScore>();
    for (const step of steps) {
      const answer = this.answers[step.key];
      if (!answer) continue;
      const score = byPhase.get(step.phase) ?? { phase: step.phase, right: 0, answered: 0 };
      score.answered++;
      if (answer.firstTry) score.right++;
      byPhase.set(step.phase, score);
    }
    return [...byPhase.values()];
  }

  /** Takes the stored progress of this preset's network; returns the step it was at, if any. */
  restore(preset: string, network: string): number | undefined {
    const progress = loadProgress(preset, network);
    this.restored = true;
    this.answers = progress?.answers ?? {};
    this.tries = progress?.tries ?? {};
    this.last = undefined;
    return progress?.step;
  }

  save(preset: string, network: string, step: number) {
    const progress: Progress = { network, answers: $state.snapshot(this.answers), tries: $state.snapshot(this.tries), step };
    this.saved = saveProgress(preset, progress);
  }

  clear(preset: string) {
    this.answers = {};
    this.tries = {};
    this.last = undefined;
    clearProgress(preset);
  }
}
