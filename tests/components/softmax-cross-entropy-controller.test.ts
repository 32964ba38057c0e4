import { tick } from 'svelte';
import { describe, expect, it } from 'vitest';
import SoftmaxCrossEntropy from '../../src/components/widgets/softmax-cross-entropy/SoftmaxCrossEntropy.svelte';
import { SoftmaxModel } from '../../src/components/widgets/softmax-cross-entropy/model.svelte';
import { softmaxCrossEntropyBinding } from '../../src/components/widgets/softmax-cross-entropy/binding';
import { queryOf } from '../../src/components/shared/widget-binding';
import { renderWidget, stopListening } from './widget-harness';

/** Renders the widget with its event recorder and the helpers these tests read it with. */
function setup(props: Record<string, unknown> = {}) {
  const { root, controller, seen } = renderWidget(SoftmaxCrossEntropy, 'softmax-cross-entropy', props);
  const loss = () => root.querySelector<HTMLElement>('[data-role="loss"]')!.dataset;
  return { root, controller, seen, loss };
}

/** Each render typesets KaTeX formulas in happy-dom; on a loaded 2-core machine that can pass 5 s. */
const SLOW = { timeout: 15_000 };

describe('SoftmaxCrossEntropy controller and events', SLOW, () => {
  it('registers a controller that reports the default state as an empty query', () => {
    const { controller } = setup();
    expect(controller.widget).toBe('softmax-cross-entropy');
    expect(controller.status()).toEqual({ widget: 'softmax-cross-entropy', query: '' });
  });

  it('setState applies the logits and the target and the widget shows them', async () => {
    const { root, controller, loss } = setup();
    expect(controller.run({ command: 'setState', state: { z: '1,2,3,4', t: '3' } })).toBe(true);
    await tick();
    expect(root.querySelectorAll('[data-bar]')).toHaveLength(4);
    expect(loss().target).toBe('3');
    expect(controller.status().query).toBe('z=1%2C2%2C3%2C4&t=3');
    expect(controller.run({ command: 'setState', state: { t: '0' } })).toBe(true);
    await tick();
    expect(loss().target).toBe('0');
  });

  it('setState preset=002 loads document 002’s example', async () => {
    const { controller, root } = setup();
    expect(controller.run({ command: 'setState', state: { preset: '002' } })).toBe(true);
    await tick();
    expect(root.querySelectorAll('[data-bar]')).toHaveLength(10);
    expect(controller.status().query).toBe('preset=002');
  });

  it.each<[Record<string, string>, string]>([
    [{ z: '1,abc' }, 'a malformed logit'],
    [{ z: '1,2e7' }, 'a logit the engine refuses'],
    [{ t: '7' }, 'a target beyond the classes'],
    [{ preset: '003' }, 'an unknown preset'],
    [{ zoom: '2' }, 'an unknown field'],
  ])('setState %j is refused (%s) and the state is kept', (state) => {
    const { controller } = setup();
    controller.run({ command: 'setState', state: { z: '0,1', t: '1' } });
    expect(controller.run({ command: 'setState', state })).toBe(false);
    expect(controller.status().query).toBe('z=0%2C1&t=1');
  });

  it('status().query round-trips through the URL reader', () => {
    const { controller } = setup();
    controller.run({ command: 'setState', state: { z: '-1.5,0,2.25,7,3', t: '4' } });
    const { query } = controller.status();
    const fresh = new SoftmaxModel();
    const binding = softmaxCrossEntropyBinding(fresh);
    expect(binding.apply(new URLSearchParams(`?${query}`))).toEqual([]);
    expect(queryOf(binding)).toBe(query);
    expect(fresh.logits).toEqual([-1.5, 0, 2.25, 7, 3]);
  });

  it('reset restores the defaults', async () => {
    const { controller, loss, root } = setup();
    controller.run({ command: 'setState', state: { preset: '002' } });
    expect(controller.run({ command: 'reset' })).toBe(true);
    await tick();
    expect(controller.status().query).toBe('');
    expect(root.querySelectorAll('[data-bar]')).toHaveLength(3);
    expect(loss().target).toBe('0');
  });

  it('announces nn-ready on mount and nn-statechange for each real change only', async () => {
    const { controller, seen } = setup();
    await tick();
    controller.run({ command: 'setState', state: { preset: '002' } });
    await tick();
    controller.run({ command: 'setState', state: { preset: '002' } });
    await tick();
    controller.run({ command: 'reset' });
    await tick();
    expect(seen.map(({ name, detail }) => `${name}:${detail.query}`)).toEqual(['nn-ready:', 'nn-statechange:preset=002', 'nn-statechange:']);
    expect(seen[1].detail.widget).toBe('softmax-cross-entropy');
  });

});
