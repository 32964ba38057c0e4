/**
 * Step traces: a computation recorded one quantity at a time, in the order a lesson narrates it.
 * A widget shows steps[index] and playback only changes index, so every step carries its own
 * formula, substituted numbers and value. The 2-2-2 replay and the computation-graph passes both
 * record through StepTraceBuilder.
 */

/** What every recorded quantity has; a model adds its own fields (phase, the node it concerns…). */
export interface StepRecord {
  /** Position in the trace, from 0. */
  index: number;
  /** Stable name, unique within the trace. */
  key: string;
  /** LaTeX of the quantity itself. */
  label: string;
  /** Symbolic right-hand side. */
  tex: string;
  /** The same right-hand side with numbers substituted. */
  texNumeric: string;
  /** Full-precision value. */
  value: number;
  /** Keys this step reads: earlier steps or values the builder was started with. */
  uses: string[];
}

/**
 * Collects steps and refuses one that reads a key not yet known, so a trace cannot show a formula
 * whose inputs come later. Every value is read back by key, so formulas and numbers agree.
 */
export class StepTraceBuilder<Step extends StepRecord> {
  readonly steps: Step[] = [];
  private readonly values = new Map<string, number>();

  /** known: values available before the first step (parameters, an already evaluated graph). */
  constructor(known: Iterable<readonly [string, number]> = []) {
    for (const [key, value] of known) this.values.set(key, value);
  }

  /** The value recorded or given under key; throws if it is not known yet. */
  value(key: string): number {
    const value = this.values.get(key);
    if (value === undefined) throw new Error(`trace uses "${key}" before it is computed`);
    return value;
  }

  /** Appends the step after checking that everything it uses is known. */
  add(step: Omit<Step, 'index'>): Step {
    for (const used of step.uses) this.value(used);
    const recorded = { ...step, index: this.steps.length } as Step;
    this.steps.push(recorded);
    this.values.set(step.key, step.value);
    return recorded;
  }
}

/** The step recorded under key, or undefined. */
export function findStep<Step extends Pick<StepRecord, 'key'>>(steps: readonly Step[], key: string): Step | undefined {
  return steps.find((step) => step.key === key);
}

