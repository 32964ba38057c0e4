/**
 * Every refusal a widget's controller gives carries a reason a programmer can act on: the same
 * checks for every widget in the registry, through the one generic controller.
 */
import type { Component } from 'svelte';
import { describe, expect, it } from 'vitest';
import { WIDGETS } from '../../src/components/registry';
import { renderWidget } from './widget-harness';

/** A field each widget knows and a value it must refuse for that field. */
const BAD_VALUES: Record<string, [field: string, value: string | number]> = {
  'backprop-222': ['w1', 'abc'],
  'computation-graph': ['a', '1e400'],
  'activation-functions': ['fn', 'cosine'],
  'softmax-cross-entropy': ['t', 99],
  'logic-gates': ['t0', 'x'],
  'gradient-descent': ['alpha', 'fast'],
  'layer-shapes': ['m', -3],
  'vanishing-gradients': ['depth', 'deep'],
  'decision-boundary': ['lr', 'NaN'],
  'mnist-lab': ['batch', 2.5],
  'backprop-stepper': ['layers', '9-9'],
};

const SLOW = { timeout: 20_000 };

async function open(name: string) {
  const entry = WIDGETS.find((widget) => widget.name === name)!;
  const { default: widget } = await entry.load();
  return renderWidget(widget as Component<never>, name).controller;
}

describe.each(WIDGETS.map((entry) => entry.name))('the %s controller says why it refuses', SLOW, (name) => {
  it('names an unknown field', async () => {
    const controller = await open(name);
    expect(controller.execute({ command: 'setState', state: { zoom: 2 } })).toEqual({ ok: false, reason: 'unknown field "zoom"' });
  });

  it('names the field of a bad value, and the value', async () => {
    const [field, value] = BAD_VALUES[name];
    const controller = await open(name);
    expect(controller.execute({ command: 'setState', state: { [field]: value } })).toEqual({
      ok: false,
      reason: `bad value for "${field}": "${value}"`,
    });
  });

  it('names an unknown command and a state that is not an object of plain values', async () => {
    const controller = await open(name);
    expect(controller.execute({ command: 'jump' } as never)).toEqual({ ok: false, reason: 'unknown command "jump"' });
    expect(controller.execute({ command: 'setState', state: { [BAD_VALUES[name][0]]: [1] } as never })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('state must be an object'),
    });
  });

  it('says there is no such step, or no steps at all', async () => {
    const controller = await open(name);
    const result = controller.execute({ command: 'goto', step: 'no-such-step' });
    expect(result.ok).toBe(false);
    const walks = controller.status().count !== undefined;
    expect(!result.ok && result.reason).toEqual(walks ? 'unknown step "no-such-step"' : expect.stringMatching(/no steps|no numbered steps/));
  });

  it('cuts a huge refused value short in the reason', async () => {
    const controller = await open(name);
    const result = controller.execute({ command: 'setState', state: { [BAD_VALUES[name][0]]: 'x'.repeat(10_000) } });
    expect(!result.ok && result.reason.length).toBeLessThan(100);
  });
});
