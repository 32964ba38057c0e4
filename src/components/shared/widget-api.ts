/**
 * The programmatic face of every widget, used by embed pages (postMessage), slide decks and the
 * custom elements. A widget registers a controller on its root element and announces changes as
 * DOM events that bubble out of shadow roots:
 *   nn-ready, nn-stepchange, nn-start (reached the first step), nn-end (reached the last step), nn-statechange
 */

export type WidgetCommand =
  | { command: 'next' | 'prev' | 'first' | 'last' | 'reset' }
  | { command: 'goto'; step: number | string }
  | { command: 'setState'; state: Record<string, string | number | boolean> };

export const COMMAND_NAMES = ['next', 'prev', 'first', 'last', 'reset', 'goto', 'setState'] as const;

export interface WidgetStatus {
  widget: string;
  /** 1-based current step and the number of steps, for widgets that step. */
  step?: number;
  count?: number;
  key?: string;
  /** The widget's settings as a query string, the same fields its URL uses. */
  query: string;
}

/** What a command came to; a refusal says why (unknown command or field, bad value, no such step). */
export type CommandResult = { ok: true } | { ok: false; reason: string };

/** A value echoed in a refusal, quoted and cut short: a hostile caller may send thousands of characters. */
function quoted(value: unknown): string {
  const text = typeof value === 'string' ? value : String(JSON.stringify(value) ?? value);
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 39)}…` : text);
}

/**
 * Why a command was refused, in words a programmer reads in the bridge reply or the custom
 * element's return value (an API answer, not reader-facing text, so it is not translated).
 */
export const refusals = {
  unknownCommand: (command: unknown) => `unknown command ${quoted(command)}`,
  badState: 'state must be an object whose values are text, numbers or booleans',
  unknownField: (name: string) => `unknown field ${quoted(name)}`,
  badValue: (name: string, value: string) => `bad value for ${quoted(name)}: ${quoted(value)}`,
  noSteps: 'this widget has no steps',
  unknownStep: (step: unknown) => `unknown step ${quoted(step)}`,
  noLastStep: 'this widget has no last step',
  noNumberedSteps: 'this widget has no numbered steps to go to',
  noStepThatWay: (command: string) => `no step to take with ${quoted(command)} from here`,
} as const;

export interface WidgetController {
  widget: string;
  /** Carries out a command and says whether it could, and if not, why. */
  execute(command: WidgetCommand): CommandResult;
  /** Carries out a command; false when the widget cannot (unknown step, no steps, bad state). */
  run(command: WidgetCommand): boolean;
  status(): WidgetStatus;
}

export type WidgetEventName = 'nn-ready' | 'nn-stepchange' | 'nn-start' | 'nn-end' | 'nn-statechange';

const controllers = new WeakMap<Element, WidgetController>();

export function registerController(root: Element, controller: WidgetController): () => void {
  controllers.set(root, controller);
  return () => controllers.delete(root);
}

export function controllerOf(root: Element | null | undefined): WidgetController | undefined {
  return root ? controllers.get(root) : undefined;
}

export function emitWidgetEvent(root: Element, name: WidgetEventName, status: WidgetStatus) {
  root.dispatchEvent(new CustomEvent(name, { detail: status, bubbles: true, composed: true }));
}

/** nn-stepchange, plus nn-start / nn-end when the step is the first or the last. */
export function emitStepEvents(root: Element, status: WidgetStatus) {
  emitWidgetEvent(root, 'nn-stepchange', status);
  if (status.step === 1) emitWidgetEvent(root, 'nn-start', status);
  if (status.step !== undefined && status.step === status.count) emitWidgetEvent(root, 'nn-end', status);
}

/** Checks untrusted data (e.g. a postMessage payload) and returns it as a command, or undefined. */
export function parseCommand(data: unknown): WidgetCommand | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const { command, step, state } = data as Record<string, unknown>;
  if (command === 'goto') {
    return typeof step === 'number' || typeof step === 'string' ? { command, step } : undefined;
  }
  if (command === 'setState') {
    // Values of other types stay in, so the controller refuses the state instead of dropping them unseen.
    return typeof state === 'object' && state !== null ? { command, state: state as Record<string, string> } : undefined;
  }
  return command === 'next' || command === 'prev' || command === 'first' || command === 'last' || command === 'reset'
    ? { command }
    : undefined;
}
