import { fireEvent } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import type { WidgetStatus } from '../../src/components/shared/widget-api';
import VanishingGradients from '../../src/components/widgets/vanishing-gradients/VanishingGradients.svelte';
import { readVanishingUrl } from '../../src/components/widgets/vanishing-gradients/url';
import { renderWidget } from './widget-harness';

const cleanups: (() => void)[] = [];

/** Records the widget events that reach the document (they bubble and cross shadow roots). */
function listen(names = ['nn-ready', 'nn-statechange']) {
  const seen: { name: string; status: WidgetStatus }[] = [];
  for (const name of names) {
    const listener = (event: Event) => seen.push({ name, status: (event as CustomEvent<WidgetStatus>).detail });
    document.addEventListener(name, listener);
    cleanups.push(() => document.removeEventListener(name, listener));
  }
  return seen;
}

function setup(props: Record<string, unknown> = {}) {
  const { root, controller, field } = renderWidget(VanishingGradients, 'vanishing-gradients', props);
  const bars = () => root.querySelectorAll('g[data-layer]').length;
  const pressed = (activation: string) => root.querySelector(`[data-activation="${activation}"]`)!.getAttribute('aria-pressed');
  return { root, controller, bars, pressed, field };
}

afterEach(() => {
  cleanups.splice(0).forEach((cleanup) => cleanup());
  window.history.replaceState(null, '', '/');
});

describe('VanishingGradients controller', () => {
  it('registers on the widget root and reports the settings as the URL query', () => {
    const { controller } = setup();
    expect(controller.widget).toBe('vanishing-gradients');
    expect(controller.status()).toEqual({ widget: 'vanishing-gradients', query: '' });
  });

  it('setState applies the URL fields and returns true', async () => {
    const { controller, bars, pressed, field } = setup();
    expect(controller.run({ command: 'setState', state: { depth: '20', act: 'relu', scale: '0.25' } })).toBe(true);
    await Promise.resolve();
    expect(controller.status().query).toBe('depth=20&act=relu&scale=0.25');
    expect(bars()).toBe(21);
    expect(pressed('relu')).toBe('true');
    expect(field('depth').value).toBe('20');
  });

  it('setState returns false when a field is refused, and still applies the valid ones', async () => {
    const { controller, pressed } = setup();
    expect(controller.run({ command: 'setState', state: { depth: 'abc', act: 'tanh' } })).toBe(false);
    expect(controller.run({ command: 'setState', state: { act: 'softmax' } })).toBe(false);
    expect(controller.run({ command: 'setState', state: { scale: '0' } })).toBe(false);
    await Promise.resolve();
    expect(controller.status().query).toBe('act=tanh');
    expect(pressed('tanh')).toBe('true');
  });

  it('setState refuses names it does not know, like every widget, and keeps its state', () => {
    const { controller } = setup();
    expect(controller.run({ command: 'setState', state: { id: 'demo', class: 'wide' } })).toBe(false);
    expect(controller.status().query).toBe('');
  });

  it('reset restores the defaults and clears refused input', async () => {
    const { root, controller, bars, field } = setup();
    controller.run({ command: 'setState', state: { depth: '5', width: '16', seed: '7' } });
    await Promise.resolve();
    await fireEvent.input(field('depth'), { target: { value: 'x' } });
    expect(root.querySelector('[data-role="field-error"]')).not.toBeNull();
    expect(controller.run({ command: 'reset' })).toBe(true);
    await Promise.resolve();
    expect(controller.status().query).toBe('');
    expect(bars()).toBe(11);
    expect(root.querySelector('[data-role="field-error"]')).toBeNull();
  });

  it('status().query round-trips through the URL reader and a freshly opened widget', async () => {
    const { controller } = setup();
    controller.run({ command: 'setState', state: { depth: '14', width: '32', act: 'leakyRelu', scale: '0.1768', seed: '9' } });
    const query = controller.status().query;
    expect(readVanishingUrl(new URLSearchParams(query))).toEqual({
      options: { depth: 14, width: 32, activation: 'leakyRelu', weightScale: 0.1768, seed: 9 },
      ignored: [],
    });
    window.history.replaceState(null, '', `/deep/?${query}`);
    const reopened = setup({ syncUrl: true });
    await Promise.resolve();
    expect(reopened.controller.status().query).toBe(query);
  });

  it('dispatches nn-ready on mount and nn-statechange when the settings change, bubbling', async () => {
    const seen = listen();
    const { controller, field } = setup();
    await Promise.resolve();
    expect(seen).toEqual([{ name: 'nn-ready', status: { widget: 'vanishing-gradients', query: '' } }]);
    controller.run({ command: 'setState', state: { depth: '12' } });
    await Promise.resolve();
    await fireEvent.input(field('width'), { target: { value: '10' } });
    controller.run({ command: 'setState', state: { depth: '12' } });
    await Promise.resolve();
    controller.run({ command: 'reset' });
    await Promise.resolve();
    expect(seen.map((event) => `${event.name}:${event.status.query}`)).toEqual([
      'nn-ready:',
      'nn-statechange:depth=12',
      'nn-statechange:depth=12&width=10',
      'nn-statechange:',
    ]);
  });

});
