/**
 * Predict mode of the general stepper: answers judged by the engine's checkPrediction, hints that
 * grow with wrong tries, reveal, the score per phase, and progress kept in localStorage per preset
 * (also when the browser refuses storage).
 */
import { fireEvent } from '@testing-library/svelte';
import { tick, type Component } from 'svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import BackpropStepper from '../../src/components/widgets/backprop-stepper/BackpropStepper.svelte';
import { progressKey } from '../../src/components/widgets/backprop-stepper/progress-store';
import { PRESETS } from '../../src/engine/models/network-stepper';
import { fill } from '../../src/i18n';
import strings from '../../src/i18n/zh-CN/backpropStepper.json';
import { renderWidget, stopListening } from './widget-harness';

const SLOW = { timeout: 60_000 };
const { weights, biases, inputs } = PRESETS['doc004-341'];
/** net[1][0] and out[1][0] of the 3-4-1 preset, summed here from its numbers. */
const NET_1_0 = weights[0][0].reduce((sum, w, k) => sum + w * inputs[k], biases[0][0]);
const OUT_1_0 = 1 / (1 + Math.exp(-NET_1_0));

afterEach(() => {
  vi.unstubAllGlobals();
  localStorage.clear();
});

function open(props: Record<string, unknown> = { preset: 'doc004-341', predict: true }) {
  const widget = renderWidget(BackpropStepper as Component<never>, 'backprop-stepper', props);
  const { root } = widget;
  const current = () => root.querySelector<HTMLElement>('[data-step-key]')!;
  const feedback = () => root.querySelector<HTMLElement>('[data-feedback]')?.dataset.feedback;
  async function answer(text: string) {
    const input = root.querySelector<HTMLInputElement>('[data-role="prediction"]')!;
    input.value = text;
    await fireEvent.input(input);
    await fireEvent.click(root.querySelector<HTMLButtonElement>('[data-action="check"]')!);
  }
  const shownLabels = () => [...current().querySelectorAll('dt')].map((dt) => dt.textContent);
  return { ...widget, current, feedback, answer, shownLabels };
}

describe('predict mode', SLOW, () => {
  it('holds the value back and blocks the next step until it is answered', async () => {
    const { root, action, controller, current, shownLabels } = open();
    expect(current().dataset.stepKey).toBe('net[1][0]');
    expect(shownLabels()).toEqual([strings.result]);
    expect(action('next').disabled).toBe(true);
    expect(root.querySelector('[data-role="blocked"]')!.textContent).toBe(strings.blocked);
    expect(controller.run({ command: 'next' })).toBe(false);
    expect(controller.run({ command: 'goto', step: 5 })).toBe(false);
    await fireEvent.keyDown(root, { key: 'ArrowRight' });
    expect(current().dataset.stepKey).toBe('net[1][0]');
  });

  it('answers a wrong value with the formula, a second with the numbers too, and a right one with "correct"', async () => {
    const { root, action, answer, feedback, shownLabels, current } = open();
    await answer((NET_1_0 + 0.5).toFixed(4));
    expect(feedback()).toBe('wrong');
    expect(shownLabels()).toEqual([strings.symbolic, strings.result]);
    await answer((NET_1_0 - 0.5).toFixed(4));
    expect(feedback()).toBe('wrong');
    expect(shownLabels()).toEqual([strings.symbolic, strings.substituted, strings.result]);
    await answer('not a number');
    expect(root.textContent).toContain(fill(strings.feedback.invalid, { text: 'not a number' }));
    await answer(NET_1_0.toFixed(4));
    expect(feedback()).toBe('correct');
    expect(shownLabels()).toEqual([strings.symbolic, strings.substituted, strings.result]);
    expect(action('next').disabled).toBe(false);
    await fireEvent.click(action('next'));
    expect(current().dataset.stepKey).toBe('out[1][0]');
    expect(feedback()).toBeUndefined();
  });

  it('asks for more digits, without counting a try, when an answer is too rough to judge', async () => {
    const { root, answer, feedback, shownLabels } = open();
    const rough = NET_1_0.toPrecision(1);
    await answer(rough);
    expect(feedback()).toBe('too-coarse');
    expect(root.textContent).toContain(fill(strings.feedback['too-coarse'], { text: rough }));
    expect(root.querySelector('[data-role="prediction"]')!.getAttribute('aria-invalid')).toBe('true');
    // No hint: the rough answer was not a try.
    expect(shownLabels()).toEqual([strings.result]);
    await answer(NET_1_0.toPrecision(4));
    expect(feedback()).toBe('correct');
    // Still right at the first try.
    const forward = root.querySelector<HTMLElement>('[data-role="score"] [data-phase="forward"]')!;
    expect([forward.dataset.right, forward.dataset.answered]).toEqual(['1', '1']);
  });

  it('reveals a value on request and scores first tries per phase', async () => {
    const { root, action, answer, feedback } = open();
    await answer(NET_1_0.toPrecision(5));
    await fireEvent.click(action('next'));
    await fireEvent.click(action('reveal'));
    expect(feedback()).toBe('revealed');
    const forward = root.querySelector<HTMLElement>('[data-role="score"] [data-phase="forward"]')!;
    expect(forward.dataset.right).toBe('1');
    expect(forward.dataset.answered).toBe('2');
    expect(forward.textContent).toContain(fill(strings.scoreLine, { phase: strings.phases.forward, right: 1, answered: 2 }));
  });

  it('keeps the progress of the preset in localStorage across a reload, and clears it on request', async () => {
    const first = open();
    await first.answer(NET_1_0.toFixed(4));
    await fireEvent.click(first.action('next'));
    await first.answer(OUT_1_0.toFixed(5));
    expect(first.feedback()).toBe('correct');
    expect(localStorage.getItem(progressKey('doc004-341'))).toContain('out[1][0]');
    first.unmount();
    stopListening();
    const again = open();
    await tick();
    expect(again.current().dataset.stepKey).toBe('out[1][0]');
    expect(again.feedback()).toBe('correct');
    expect(again.root.querySelector<HTMLElement>('[data-role="score"] [data-phase="forward"]')!.dataset.right).toBe('2');
    await fireEvent.click(again.action('reset-progress'));
    expect(again.current().dataset.stepKey).toBe('net[1][0]');
    expect(again.root.querySelector('[data-role="score"] [data-phase]')).toBeNull();
    expect(localStorage.getItem(progressKey('doc004-341'))).toBeNull();
  });

  it('forgets the answers when the network changes, since every value may change with it', async () => {
    const { answer, feedback, field, action } = open();
    await answer(NET_1_0.toFixed(4));
    expect(feedback()).toBe('correct');
    field('x[0]').value = '0.25';
    await fireEvent.input(field('x[0]'));
    expect(feedback()).toBeUndefined();
    expect(action('next').disabled).toBe(true);
  });

  it('ignores stored progress that is corrupt or belongs to another network', async () => {
    localStorage.setItem(progressKey('doc004-341'), '{not json');
    const broken = open();
    await tick();
    expect(broken.current().dataset.stepKey).toBe('net[1][0]');
    broken.unmount();
    stopListening();
    localStorage.setItem(progressKey('doc004-341'), JSON.stringify({ network: 'other', answers: { 'net[1][0]': { outcome: 'correct', firstTry: true } }, tries: {}, step: 3 }));
    const other = open();
    await tick();
    expect(other.feedback()).toBeUndefined();
    expect(other.action('next').disabled).toBe(true);
  });

  it('still works when the browser refuses storage, and says progress will not be kept', async () => {
    const refuse = () => {
      throw new DOMException('quota exceeded', 'QuotaExceededError');
    };
    vi.stubGlobal('localStorage', { getItem: refuse, setItem: refuse, removeItem: refuse });
    const { root, answer, feedback, action } = open();
    await answer(NET_1_0.toFixed(4));
    expect(feedback()).toBe('correct');
    expect(root.querySelector('[data-role="storage-warning"]')!.textContent).toBe(strings.storageUnavailable);
    await fireEvent.click(action('next'));
    expect(root.querySelector('[data-step-key]')!.getAttribute('data-step-key')).toBe('out[1][0]');
  });

  it('is switched on by the toggle and travels in the link as mode=predict', async () => {
    const { root, controller, action } = open({});
    expect(action('next').disabled).toBe(false);
    await fireEvent.click(root.querySelector<HTMLInputElement>('input[data-option="predict"]')!);
    expect(controller.status().query).toContain('mode=predict');
    expect(action('next').disabled).toBe(true);
    expect(root.querySelector('[data-role="prediction"]')).not.toBeNull();
  });
});
