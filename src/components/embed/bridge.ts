/**
 * postMessage bridge between an embedded widget and the page around its iframe (a slide deck, an
 * LMS page). Messages in both directions carry `source: 'nn-courseware'`.
 *
 * Commands to the widget:  { source, command: 'next'|'prev'|'first'|'last'|'reset'|'status' }
 *                          { source, command: 'goto', step: 12 | "w5'" }
 *                          { source, command: 'setState', state: { order: 'published', w1: '0.2' } }
 *   optional `id` is echoed in the reply: { source, type: 'result', id, ok, status }, and a refusal
 *   (ok: false) says why: { ..., ok: false, reason: 'bad value for "w1": "abc"' }
 * Events from the widget:  { source, type: 'event', event: 'ready'|'stepchange'|'start'|'end'|'statechange', status }
 *                          { source, type: 'event', event: 'key', key: 'ArrowRight'|'ArrowLeft', status } when a
 *                          stepping key is pressed inside the iframe but the widget has no step left that way,
 *                          so a deck can move to the next or previous slide.
 * Size of the page:        { source, type: 'size', height } whenever the embed's content height changes (CSS
 *                          pixels), so the page around the iframe can size or scale it to show all of it.
 */
import { controllerOf, parseCommand, refusals, type WidgetEventName, type WidgetStatus } from '../shared/widget-api';

export const MESSAGE_SOURCE = 'nn-courseware';
const NOT_READY = 'the widget is not ready yet: wait for the ready event';
const EVENTS: readonly WidgetEventName[] = ['nn-ready', 'nn-stepchange', 'nn-start', 'nn-end', 'nn-statechange'];

export interface BridgeMessage {
  source: typeof MESSAGE_SOURCE;
  type: 'event' | 'result' | 'size';
  event?: string;
  key?: string;
  id?: unknown;
  ok?: boolean;
  /** Why a command was refused. */
  reason?: string;
  status?: WidgetStatus;
  /** The embed's content height, on `size` messages. */
  height?: number;
}

/** A command that did not parse: a known one with bad arguments, or one the widgets do not know. */
function malformedReason(command: unknown): string {
  if (command === 'goto') return 'goto needs a step: a number or a step key';
  if (command === 'setState') return refusals.badState;
  return refusals.unknownCommand(command);
}

/**
 * Relays commands from `peer` to the widget inside `container`, and the widget's events back.
 * A widget that was ready before the bridge connected is announced at once, so the peer always
 * hears `ready`. Returns a function that disconnects it.
 */
export function connectBridge(container: Element, self: Window, peer: Window): () => void {
  const widgetRoot = () => container.querySelector('[data-widget]');
  const post = (message: BridgeMessage) => peer.postMessage(message, '*');

  const onMessage = (event: MessageEvent) => {
    const data = event.data as Record<string, unknown> | null;
    if (!data || data.source !== MESSAGE_SOURCE || data.type !== undefined) return;
    const controller = controllerOf(widgetRoot());
    if (!controller) {
      post({ source: MESSAGE_SOURCE, type: 'result', id: data.id, ok: false, reason: NOT_READY });
      return;
    }
    if (data.command === 'status') {
      post({ source: MESSAGE_SOURCE, type: 'result', id: data.id, ok: true, status: controller.status() });
      return;
    }
    const command = parseCommand(data);
    const result = command ? controller.execute(command) : ({ ok: false, reason: malformedReason(data.command) } as const);
    queueMicrotask(() => post({ source: MESSAGE_SOURCE, type: 'result', id: data.id, ...result, status: controller.status() }));
  };

  const forwarders = EVENTS.map((name) => {
    const forward = (event: Event) =>
      post({ source: MESSAGE_SOURCE, type: 'event', event: name.slice(3), status: (event as CustomEvent<WidgetStatus>).detail });
    container.addEventListener(name, forward);
    return () => container.removeEventListener(name, forward);
  });

  /** Runs before the widget's own key handling, so it sees the position the key was pressed at. */
  const onKeydown = (event: KeyboardEvent) => {
    const status = controllerOf(widgetRoot())?.status();
    if (!status || status.step === undefined || status.count === undefined) return;
    const forward = event.key === 'ArrowRight' || event.key === ' ';
    const backward = event.key === 'ArrowLeft';
    if ((forward && status.step >= status.count) || (backward && status.step <= 1)) {
      post({ source: MESSAGE_SOURCE, type: 'event', event: 'key', key: backward ? 'ArrowLeft' : 'ArrowRight', status });
    }
  };

  const stopReportingSize = reportSize(container, (height) => post({ source: MESSAGE_SOURCE, type: 'size', height }));
  self.addEventListener('message', onMessage);
  self.addEventListener('keydown', onKeydown, { capture: true });
  const alreadyReady = controllerOf(widgetRoot());
  if (alreadyReady) post({ source: MESSAGE_SOURCE, type: 'event', event: 'ready', status: alreadyReady.status() });
  return () => {
    self.removeEventListener('message', onMessage);
    self.removeEventListener('keydown', onKeydown, { capture: true });
    forwarders.forEach((stop) => stop());
    stopReportingSize();
  };
}

/** Calls `report` with the container's height now and whenever it changes by a whole pixel. */
function reportSize(container: Element, report: (height: number) => void): () => void {
  if (typeof ResizeObserver === 'undefined') return () => {};
  let last = 0;
  const observer = new ResizeObserver(() => {
    const height = Math.ceil(container.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    report(height);
  });
  observer.observe(container);
  return () => observer.disconnect();
}
