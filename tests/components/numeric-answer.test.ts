import { fireEvent, render } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import NumericAnswer from '../../src/components/exercise/NumericAnswer.svelte';

async function answerWith(text: string, props: Record<string, unknown> = { answer: 0.25, decimals: 3 }) {
  const { container } = render(NumericAnswer, { props: props as never });
  const form = container.querySelector('form')!;
  await fireEvent.input(form.querySelector('input')!, { target: { value: text } });
  await fireEvent.submit(form);
  return form;
}

describe('NumericAnswer', () => {
  it.each([
    ['0.25', 'correct'],
    ['0.2504', 'correct'],
    ['0.251', 'incorrect'],
    ['-0.25', 'incorrect'],
    ['abc', 'not-a-number'],
    ['', 'not-a-number'],
    ['1e400', 'not-a-number'],
  ])('%j is %s', async (text, verdict) => {
    const form = await answerWith(text);
    expect(form.dataset.verdict).toBe(verdict);
    expect(form.textContent).not.toMatch(/NaN/);
  });

  it('reveals the engine’s answer on request', async () => {
    const form = await answerWith('', { answer: 0.196611933, decimals: 4 });
    await fireEvent.click(form.querySelector<HTMLButtonElement>('.reveal')!);
    expect(form.textContent).toContain('0.196612');
  });
});
