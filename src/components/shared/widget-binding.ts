/**
 * What a widget root hands the shared shell: how its state reads from and writes to query fields,
 * how it resets, and (for widgets that step) how it moves. The shell does the rest: reading the
 * address bar, writing it back, registering the controller, emitting events, the notice and the
 * share panel. One generic controller serves every widget, so all nine answer commands alike.
 */
import { writeUrlState } from './url-state';
import type { Lang } from '../../i18n';
import type { StepperAction } from './stepper.svelte';
import { refusals, type CommandResult, type WidgetCommand, type WidgetController, type WidgetStatus } from './widget-api';

/** The props every widget root takes and passes on to the shell. */
export type WidgetProps = {
  lang?: Lang;
  /** Read the state from the address bar on start and keep the address bar updated. */
  syncUrl?: boolean;
  /** Show the editing controls and the share panel. */
  controls?: boolean;
  /** Prefix of this widget's query fields, so two widgets on one page keep apart. */
  urlPrefix?: string;
  /**
   * The level of the widget's title, chosen by the page around it: 3 (the default) under a lesson's
   * section heading, 2 on an embed page, whose only heading above it is the page's h1.
   */
  headingLevel?: 2 | 3;
};

export interface ApplyOptions {
  prefix?: string;
  /** Report names the widget does not know (embed pages and setState, where the whole query is the widget's). */
  strict?: boolean;
}

/** The position of a stepping widget: 1-based step, the number of steps and the current step's key. */
export interface StepPosition {
  step: number;
  count: number;
  key?: string;
}

export type StepCommand = { command: StepperAction } | Extract<WidgetCommand, { command: 'goto' }>;

export interface WidgetBinding {
  name: string;
  /** Applies query fields (a link or a controller's setState); returns the refused "name=value" entries. */
  apply(query: URLSearchParams, options?: ApplyOptions): string[];
  /** The fields the address bar carries; undefined removes a field, so defaults stay out of links. */
  urlFields(): Record<string, string | undefined>;
  /**
   * The state as an unprefixed query string, for status, share links and embeds. Defaults to the
   * URL fields; a widget whose lesson starts it away from its embed default names more here.
   */
  query?(): string;
  reset(): void;
  /** Where a stepping widget stands; undefined for widgets without steps. */
  position?(): StepPosition;
  /** Carries out a step command; widgets without steps leave this out and refuse them. */
  step?(command: StepCommand): boolean;
  /**
   * A stepping key pressed inside the widget (→ Space ← Home End). Defaults to the step command of
   * the same name; a widget whose keys mean more than its commands (End runs a batch) says so here.
   */
  key?(action: StepperAction): void;
  /**
   * What nn-statechange follows, when more than the query can change (training progress): an event
   * is sent whenever this text changes. Defaults to the query.
   */
  changeKey?(): string;
  /** Extra status fields a widget reports (e.g. whether training runs). */
  extraStatus?(): Record<string, unknown>;
}

export function queryOf(binding: WidgetBinding): string {
  return binding.query?.() ?? writeUrlState(new URLSearchParams(), binding.urlFields()).toString();
}

export function statusOf(binding: WidgetBinding): WidgetStatus {
  return { widget: binding.name, ...binding.position?.(), ...binding.extraStatus?.(), query: queryOf(binding) };
}

/** A setState payload as query fields; numbers and booleans are taken as their text ("0.2", "true"). */
export function stateQuery(state: Record<string, unknown>): URLSearchParams | undefined {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(state)) {
    if (typeof value === 'string') query.set(name, value);
    else if (typeof value === 'number' || typeof value === 'boolean') query.set(name, String(value));
    else return undefined;
  }
  return query;
}

/** "name=value" entries a setState refused, as one reason naming each field and what was wrong with it. */
function refusedStateReason(refused: readonly string[], fields: readonly string[] | undefined): string {
  return refused
    .map((entry) => {
      const cut = entry.indexOf('=');
      const name = cut < 0 ? entry : entry.slice(0, cut);
      const value = cut < 0 ? '' : entry.slice(cut + 1);
      return fields && !fields.includes(name) ? refusals.unknownField(name) : refusals.badValue(name, value);
    })
    .join('; ');
}

const refuse = (reason: string): CommandResult => ({ ok: false, reason });
const OK: CommandResult = { ok: true };

/**
 * The one controller every widget registers. `fields` are the query fields the widget knows (its
 * descriptor's), so a refused setState can tell an unknown field from a bad value.
 */
export function createController(binding: WidgetBinding, fields?: readonly string[]): WidgetController {
  const stepResult = (done: boolean | undefined, otherwise: string): CommandResult =>
    done === undefined ? refuse(refusals.noSteps) : done ? OK : refuse(otherwise);
  const walks = () => binding.position !== undefined;

  function execute(command: WidgetCommand): CommandResult {
    switch (command?.command) {
      case 'setState': {
        const query = typeof command.state === 'object' && command.state !== null ? stateQuery(command.state) : undefined;
        if (query === undefined) return refuse(refusals.badState);
        const refused = binding.apply(query, { strict: true });
        return refused.length === 0 ? OK : refuse(refusedStateReason(refused, fields));
      }
      case 'reset':
        binding.reset();
        return OK;
      case 'next':
      case 'prev':
      case 'first':
        return stepResult(binding.step?.({ command: command.command }), refusals.noStepThatWay(command.command));
      case 'last':
        return stepResult(binding.step?.({ command: 'last' }), walks() ? refusals.noStepThatWay('last') : refusals.noLastStep);
      case 'goto':
        return stepResult(binding.step?.(command), walks() ? refusals.unknownStep(command.step) : refusals.noNumberedSteps);
      default:
        return refuse(refusals.unknownCommand((command as { command?: unknown } | undefined)?.command));
    }
  }

  return {
    widget: binding.name,
    status: () => statusOf(binding),
    execute,
    run: (command) => execute(command).ok,
  };
}

/** The step commands of an ordinary stepper; `resolve` turns a goto target into an index. */
export function stepperCommands(
  stepper: { run(action: StepperAction): void; goTo(index: number): void },
  resolve: (step: string) => number | undefined,
): (command: StepCommand) => boolean {
  return (command) => {
    if (command.command !== 'goto') {
      stepper.run(command.command);
      return true;
    }
    const index = resolve(String(command.step));
    if (index === undefined) return false;
    stepper.goTo(index);
    return true;
  };
}

/** How a model's state is read from and written to query fields: the two functions a widget's binding wraps. */
export interface ModelQueryFields<M> {
  apply(model: M, query: URLSearchParams, options?: ApplyOptions): string[];
  urlFields(model: M): Record<string, string | undefined>;
}

/**
 * The binding of a widget whose model resets itself and whose state goes through `fields`;
 * `extra` adds or replaces members (a query that names more, steps, another reset).
 */
export function modelBinding<M extends { reset(): void }>(
  name: string,
  model: M,
  fields: ModelQueryFields<M>,
  extra: Partial<WidgetBinding> = {},
): WidgetBinding {
  return {
    name,
    apply: (query, options) => fields.apply(model, query, options),
    urlFields: () => fields.urlFields(model),
    reset: () => model.reset(),
    ...extra,
  };
}

/** Position and step commands of a widget that walks a list of step records with a Stepper. */
export function walkingSteps(
  stepper: { current: number; count: number; run(action: StepperAction): void; goTo(index: number): void },
  currentKey: () => string,
  resolve: (step: string) => number | undefined,
): Pick<WidgetBinding, 'position' | 'step'> {
  return {
    position: () => ({ step: stepper.current + 1, count: stepper.count, key: currentKey() }),
    step: stepperCommands(stepper, resolve),
  };
}
