/**
 * Playback state shared by every stepper widget: only an index into a list of step records.
 * The count is read through a function so the list can be recomputed (new parameters) freely.
 */
export type StepperAction = 'next' | 'prev' | 'first' | 'last';

export class Stepper {
  index = $state(0);
  readonly #count: () => number;

  constructor(count: () => number) {
    this.#count = count;
  }

  get count(): number {
    return this.#count();
  }

  /** The index clamped to the current list, so a shorter recomputed list never leaves it dangling. */
  get current(): number {
    return Math.min(Math.max(this.index, 0), Math.max(this.count - 1, 0));
  }

  get atStart(): boolean {
    return this.current === 0;
  }

  get atEnd(): boolean {
    return this.current >= this.count - 1;
  }

  goTo = (index: number) => {
    this.index = Math.min(Math.max(index, 0), Math.max(this.count - 1, 0));
  };

  next = () => this.goTo(this.current + 1);
  prev = () => this.goTo(this.current - 1);
  first = () => this.goTo(0);
  last = () => this.goTo(this.count - 1);

  run(action: StepperAction) {
    this[action]();
  }
}
