/**
 * Every number field of every widget answers the same awkward texts with the shared wording, marks
 * itself invalid and keeps the widget's last valid state: "abc" is not a number, "1e400" is too
 * large (not "not a number"), an empty field asks for a number (never quotes an empty string), and
 * "1e-400" is too small instead of silently becoming 0. Each widget's own test keeps the messages
 * for its own limits (ranges, whole numbers).
 */
import { tick, type Component } from 'svelte';
import { describe, expect, it } from 'vitest';
import { fill } from '../../src/i18n';
import fields from '../../src/i18n/zh-CN/fields.json';
import { WIDGETS } from '../../src/components/registry';
import { renderWidget } from './widget-harness';

const CASES = [
  { text: 'abc', says: fill(fields.notANumber, { text: 'abc' }) },
  { text: '1e400', says: fill(fields.tooLarge, { text: '1e400' }) },
  { text: '', says: fields.empty },
  { text: '1e-400', says: fill(fields.tooSmall, { text: '1e-400' }) },
];
/** What no field may say: "“” 不是一个数" for an empty field, or "1e400 不是一个数". */
const WRONG = [fill(fields.notANumber, { text: '' }), fill(fields.notANumber, { text: '1e400' }), fill(fields.notANumber, { text: '1e-400' })];

async function numberFields(name: string) {
  const entry = WIDGETS.find((widget) => widget.name === name)!;
  const { default: widget } = await entry.load();
  const { root, controller } = renderWidget(widget as Component<never>, name);
  return { root, controller, inputs: [...root.querySelectorAll<HTMLInputElement>('input[inputmode="decimal"], input[inputmode="numeric"]')] };
}

describe.each(WIDGETS.map((entry) => entry.name))('the %s widget’s number fields', { timeout: 30_000 }, (name) => {
  it.each(CASES)('answer "$text" with the shared message', async ({ text, says }) => {
    const { root, controller, inputs } = await numberFields(name);
    for (const input of inputs) {
      const kept = controller.status().query;
      input.value = text;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await tick();
      expect(input.getAttribute('aria-invalid'), `field ${input.name}`).toBe('true');
      expect(controller.status().query, `field ${input.name} keeps the last valid state`).toBe(kept);
      const shown = root.textContent ?? '';
      expect(shown, `field ${input.name}`).toContain(says);
      for (const wrong of WRONG) expect(shown, `field ${input.name}`).not.toContain(wrong);
      expect(shown).not.toMatch(/NaN|Infinity/);
      input.value = '1';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await tick();
    }
  });
});
