import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import Backprop222 from '../../src/components/widgets/backprop-222/Backprop222.svelte';

function setup(props: Record<string, unknown> = {}) {
  const result = render(Backprop222, { props: { syncUrl: false, ...props } });
  const root = result.container.querySelector<HTMLElement>('[data-widget="backprop-222"]')!;
  const current = () => root.querySelector<HTMLElement>('[data-step-key]')!;
  const action = (name: string) => root.querySelector<HTMLButtonElement>(`[data-action="${name}"]`)!;
  return { root, current, action };
}

describe('Backprop222 stepper', () => {
  it('starts at the first forward step with test hooks in place', () => {
    const { root, current, action } = setup();
    expect(current().dataset.stepKey).toBe('net_h1');
    expect(Number(current().dataset.stepValue)).toBeCloseTo(0.3775, 12);
    expect(action('prev').disabled).toBe(true);
    expect(root.textContent).toContain('第 1 步 / 共 51 步');
  });

  it('steps with the buttons and updates the ledger', async () => {
    const { root, current, action } = setup();
    await fireEvent.click(action('next'));
    await fireEvent.click(action('next'));
    expect(current().dataset.stepKey).toBe('net_h2');
    expect(root.querySelectorAll('[data-ledger-key]')).toHaveLength(3);
    await fireEvent.click(action('prev'));
    expect(current().dataset.stepKey).toBe('out_h1');
    await fireEvent.click(action('last'));
    expect(current().dataset.stepKey).toBe('E_total_after_N');
    expect(action('next').disabled).toBe(true);
    await fireEvent.click(action('first'));
    expect(current().dataset.stepKey).toBe('net_h1');
  });

  it.each([
    ['ArrowRight', 'out_h1'],
    [' ', 'out_h1'],
    ['End', 'E_total_after_N'],
  ])('key %j on the widget moves to %s', async (key, expected) => {
    const { root, current } = setup();
    await fireEvent.keyDown(root, { key });
    expect(current().dataset.stepKey).toBe(expected);
  });

  it('ignores stepping keys typed into a parameter field', async () => {
    const { root, current } = setup();
    const field = root.querySelector<HTMLInputElement>('input[name="w1"]')!;
    await fireEvent.keyDown(field, { key: 'ArrowRight' });
    expect(current().dataset.stepKey).toBe('net_h1');
  });

  it('jumps to a phase', async () => {
    const { root, current } = setup();
    const select = root.querySelector<HTMLSelectElement>('select[data-action="phase"]')!;
    await fireEvent.change(select, { target: { value: 'update' } });
    expect(current().dataset.stepKey).toBe("w5'");
  });

  it('reports a non-number, keeps the last valid value and never shows NaN', async () => {
    const { root, current } = setup();
    const field = root.querySelector<HTMLInputElement>('input[name="lr"]')!;
    await fireEvent.input(field, { target: { value: 'fast' } });
    expect(root.querySelector('[data-role="param-errors"]')!.textContent).toContain('“fast” 不是一个数');
    await fireEvent.input(field, { target: { value: '-1' } });
    expect(root.querySelector('[data-role="param-errors"]')!.textContent).toContain('学习率必须大于 0');
    expect(root.textContent).not.toMatch(/NaN/);
    await fireEvent.click(root.querySelector<HTMLButtonElement>('[data-action="reset"]')!);
    expect(root.querySelector('[data-role="param-errors"]')).toBeNull();
    expect(current().dataset.stepKey).toBe('net_h1');
  });

  it('recomputes every step when a weight changes', async () => {
    const { root, current } = setup();
    await fireEvent.input(root.querySelector<HTMLInputElement>('input[name="w1"]')!, { target: { value: '1' } });
    expect(Number(current().dataset.stepValue)).toBeCloseTo(1 * 0.05 + 0.2 * 0.1 + 0.35, 12);
  });

  it('marks the steps where the two update orders differ', async () => {
    const { root, current } = setup();
    await fireEvent.change(root.querySelector<HTMLSelectElement>('select[data-action="phase"]')!, {
      target: { value: 'backward-hidden' },
    });
    await fireEvent.click(root.querySelector<HTMLButtonElement>('[data-action="next"]')!);
    expect(current().dataset.stepKey).toBe('dnet_o1/dout_h1');
    expect(current().querySelector('.differs')).not.toBeNull();
    await fireEvent.click(root.querySelector<HTMLInputElement>('input[data-order="published"]')!);
    expect(Number(current().dataset.stepValue)).toBeCloseTo(0.35891648, 8);
  });

  it('hides the editing controls when asked', () => {
    const { root } = setup({ controls: false });
    expect(root.querySelector('input[name="w1"]')).toBeNull();
    expect(root.querySelector('[data-role="training"]')).toBeNull();
  });

  it('speaks English when asked', () => {
    setup({ lang: 'en' });
    expect(screen.getByText('Step 1 of 51')).toBeTruthy();
  });
});

describe('Backprop222 controller and events', () => {
  it('runs commands and reports its status', async () => {
    const { controllerOf } = await import('../../src/components/shared/widget-api');
    const { root, current } = setup();
    const controller = controllerOf(root)!;
    expect(controller.widget).toBe('backprop-222');
    expect(controller.run({ command: 'goto', step: "w5'" })).toBe(true);
    await Promise.resolve();
    expect(current().dataset.stepKey).toBe("w5'");
    expect(controller.status()).toMatchObject({ step: 17, count: 51, key: "w5'" });
    expect(controller.run({ command: 'goto', step: 'nowhere' })).toBe(false);
    expect(controller.run({ command: 'setState', state: { order: 'published', w1: '0.2' } })).toBe(true);
    expect(controller.status().query).toContain('order=published');
    expect(controller.run({ command: 'setState', state: { w1: 'abc' } })).toBe(false);
    controller.run({ command: 'reset' });
    expect(controller.status()).toMatchObject({ step: 1, query: 'step=1' });
  });

  it('announces step changes, the start and the end as bubbling DOM events', async () => {
    const { root, action } = setup();
    const seen: string[] = [];
    for (const name of ['nn-stepchange', 'nn-start', 'nn-end']) {
      document.addEventListener(name, (event) => seen.push(`${name}:${(event as CustomEvent).detail.step}`));
    }
    await fireEvent.click(action('next'));
    await fireEvent.click(action('last'));
    await fireEvent.click(action('first'));
    expect(seen).toEqual(['nn-stepchange:2', 'nn-stepchange:51', 'nn-end:51', 'nn-stepchange:1', 'nn-start:1']);
    expect(root).toBeTruthy();
  });
});
