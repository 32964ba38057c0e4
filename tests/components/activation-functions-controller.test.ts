import { tick } from 'svelte';
import { describe, expect, it } from 'vitest';
import ActivationFunctions from '../../src/components/widgets/activation-functions/ActivationFunctions.svelte';
import { ActivationExplorerModel } from '../../src/components/widgets/activation-functions/model.svelte';
import { activationFunctionsBinding } from '../../src/components/widgets/activation-functions/binding';
import { queryOf } from '../../src/components/shared/widget-binding';
import { renderWidget, stopListening } from './widget-harness';

const setup = (props: Record<string, unknown> = {}) => renderWidget(ActivationFunctions, 'activation-functions', props);

/** Each render typesets KaTeX formulas in happy-dom; on a loaded 2-core machine that can pass 5 s. */
const SLOW = { timeout: 15_000 };

describe('ActivationFunctions controller and events', SLOW, () => {
  it('registers a controller that reports the default state as an empty query', () => {
    const { controller } = setup();
    expect(controller.widget).toBe('activation-functions');
    expect(controller.status()).toEqual({ widget: 'activation-functions', query: '' });
  });

  it('setState applies the URL fields and the widget shows them', async () => {
    const { root, controller } = setup();
    expect(controller.run({ command: 'setState', state: { fn: 'leakyRelu', alpha: '0.1', z: '-2' } })).toBe(true);
    await tick();
    expect(root.dataset.activation).toBe('leakyRelu');
    expect(Number(root.querySelector<HTMLElement>('[data-role="readout"]')!.dataset.z)).toBe(-2);
    expect(controller.status().query).toBe('fn=leakyRelu&alpha=0.1&z=-2');
  });

  it.each<[Record<string, string>, string]>([
    [{ alpha: 'abc' }, 'a malformed number'],
    [{ fn: 'softmax' }, 'an unknown function'],
    [{ threshold: '-1' }, 'a value the engine refuses'],
    [{ zoom: '2' }, 'an unknown field'],
  ])('setState %j is refused (%s) and the state is kept', async (state) => {
    const { controller } = setup();
    controller.run({ command: 'setState', state: { fn: 'tanh' } });
    expect(controller.run({ command: 'setState', state })).toBe(false);
    expect(controller.status().query).toBe('fn=tanh');
  });

  it('setState applies the good fields of a partly refused state', () => {
    const { controller } = setup();
    expect(controller.run({ command: 'setState', state: { fn: 'relu', z: 'oops' } })).toBe(false);
    expect(controller.status().query).toBe('fn=relu');
  });

  it('status().query round-trips through the URL reader', () => {
    const { controller } = setup();
    controller.run({ command: 'setState', state: { fn: 'maxout', w1: '2', b2: '-1', from: '-3', to: '4', threshold: '0.1', z: '1.5' } });
    const { query } = controller.status();
    const fresh = activationFunctionsBinding(new ActivationExplorerModel());
    expect(fresh.apply(new URLSearchParams(`?${query}`))).toEqual([]);
    expect(queryOf(fresh)).toBe(query);
  });

  it('reset restores the defaults', async () => {
    const { root, controller } = setup();
    controller.run({ command: 'setState', state: { fn: 'relu', from: '-2', to: '2' } });
    expect(controller.run({ command: 'reset' })).toBe(true);
    await tick();
    expect(controller.status().query).toBe('');
    expect(root.dataset.activation).toBe('sigmoid');
  });

  it('announces nn-ready on mount and nn-statechange for each real change only', async () => {
    const { controller, seen } = setup();
    await tick();
    expect(seen).toEqual([{ name: 'nn-ready', detail: { widget: 'activation-functions', query: '' } }]);
    controller.run({ command: 'setState', state: { fn: 'tanh' } });
    await tick();
    controller.run({ command: 'setState', state: { fn: 'tanh' } });
    await tick();
    controller.run({ command: 'reset' });
    await tick();
    expect(seen.map(({ name, detail }) => `${name}:${detail.query}`)).toEqual(['nn-ready:', 'nn-statechange:fn=tanh', 'nn-statechange:']);
  });

  it('the ready event carries the state read from the URL', async () => {
    window.history.replaceState(null, '', '/?fn=relu&z=1');
    const { seen } = setup({ syncUrl: true });
    await tick();
    expect(seen.map(({ name, detail }) => `${name}:${detail.query}`)).toEqual(['nn-ready:fn=relu&z=1']);
  });

});
