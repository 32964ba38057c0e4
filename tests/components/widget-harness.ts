/**
 * Renders a widget for controller tests and records every widget event that bubbles up to the
 * document. Recording stops, and the address is reset, after each test of the calling file.
 */
import { render } from '@testing-library/svelte';
import type { Component } from 'svelte';
import { afterEach } from 'vitest';
import { controllerOf, type WidgetController, type WidgetStatus } from '../../src/components/shared/widget-api';

const EVENTS = ['nn-ready', 'nn-statechange', 'nn-stepchange', 'nn-start', 'nn-end'];
let stopRecording = () => {};

afterEach(() => {
  stopRecording();
  window.history.replaceState(null, '', '/');
});

export interface RenderedWidget {
  root: HTMLElement;
  controller: WidgetController;
  seen: { name: string; detail: WidgetStatus }[];
  /** The control with data-action="name" and the input named `name`, the hooks every widget offers. */
  action: (name: string) => HTMLButtonElement;
  field: (name: string) => HTMLInputElement;
  unmount: () => void;
}

export function renderWidget(widget: Component<never>, name: string, props: Record<string, unknown> = {}): RenderedWidget {
  stopRecording();
  const seen: RenderedWidget['seen'] = [];
  const listener = (event: Event) => seen.push({ name: event.type, detail: (event as CustomEvent<WidgetStatus>).detail });
  EVENTS.forEach((event) => document.addEventListener(event, listener));
  stopRecording = () => EVENTS.forEach((event) => document.removeEventListener(event, listener));
  const result = render(widget as Component<Record<string, unknown>>, { props: { syncUrl: false, ...props } });
  const root = result.container.querySelector<HTMLElement>(`[data-widget="${name}"]`)!;
  return {
    root,
    controller: controllerOf(root)!,
    seen,
    action: (action) => root.querySelector<HTMLButtonElement>(`[data-action="${action}"]`)!,
    field: (field) => root.querySelector<HTMLInputElement>(`input[name="${field}"]`)!,
    unmount: result.unmount,
  };
}

/** Ends the current recording early, e.g. before rendering a second widget in the same test. */
export function stopListening() {
  stopRecording();
}

/** Widgets write the address bar after the next frame (url-state's replaceUrlFieldsAfterPaint): wait for it. */
export function addressWritten(): Promise<void> {
  return new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
}
