/**
 * The programmatic face of every widget, used by embed pages (postMessage), slide decks and the
 * custom elements. A widget registers a controller on its root element and announces changes as
 * DOM events that bubble out of shadow roots:
 *   nn-ready, nn-stepchange, nn-start (reached the first step), nn-end (reached the last step), nn-statechange
 */

export type WidgetCommand =
  | { command: 'next' | 'prev' | 'first' | 'last' | 'reset' }
  | { command: 'goto'; step: number | string }
  | { command: 'setState'; state: Record<string, string> };

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

export interface WidgetController {
  widget: string;
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
    if (typeof state !== 'object' || state === null) return undefined;
    const entries = Object.entries(state).filter((entry): entry is [string, string] => typeof entry[1] === 'string');
    return { command, state: Object.fromEntries(entries) };
  }
  return command === 'next' || command === 'prev' || command === 'first' || command === 'last' || command === 'reset'
    ? { command }
    : undefined;
}
