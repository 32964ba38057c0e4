/**
 * One edit of the 2-2-2 stepper trains each update order once: the trace, the other order's trace
 * (for the highlighted differences) and the training chart share the same two runs.
 */
import { fireEvent, render } from '@testing-library/svelte';
import { tick } from 'svelte';
import { describe, expect, it, vi } from 'vitest';

const calls = vi.hoisted(() => ({ orders: [] as string[] }));
/** Every 2-2-2 training, whoever asks for it (replay or the chart), runs on this kernel. */
vi.mock('../../src/engine/models/kernel222', async (importOriginal) => {
  const kernel = await importOriginal<typeof import('../../src/engine/models/kernel222')>();
  return {
    ...kernel,
    trainKernel222: (...args: Parameters<typeof kernel.trainKernel222>) => {
      calls.orders.push(args[1].order);
      return kernel.trainKernel222(...args);
    },
  };
});

const { default: Backprop222 } = await import('../../src/components/widgets/backprop-222/Backprop222.svelte');

describe('Backprop222 training runs', () => {
  it('trains each order once when it opens and once per edit, and the chart shows those runs', async () => {
    const { container } = render(Backprop222, { props: { syncUrl: false } });
    await tick();
    const root = container.querySelector<HTMLElement>('[data-widget="backprop-222"]')!;
    expect(calls.orders.sort()).toEqual(['published', 'textbook']);

    calls.orders = [];
    await fireEvent.input(root.querySelector<HTMLInputElement>('input[name="w1"]')!, { target: { value: '0.3' } });
    await tick();
    expect(calls.orders.sort()).toEqual(['published', 'textbook']);

    calls.orders = [];
    await fireEvent.click(root.querySelector<HTMLButtonElement>('[data-rounds="100"]')!);
    await tick();
    expect(calls.orders).toEqual([]);
    const shownError = Number(root.querySelector<HTMLElement>('[data-training-order="textbook"]')!.dataset.error);
    const { train222, DOCUMENT_PARAMS } = await vi.importActual<typeof import('../../src/engine/models/backprop222')>('../../src/engine/models/backprop222');
    expect(shownError).toBe(train222({ ...DOCUMENT_PARAMS, w1: 0.3 }, { iterations: 100 }).errors[100]);
  });
});
