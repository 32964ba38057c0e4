/**
 * The contract every widget in the registry keeps with embeds, decks and custom elements: one
 * table row per widget, the same checks for all. Widget-specific behaviour stays in each widget's
 * own test file.
 */
import { tick, type Component } from 'svelte';
import { describe, expect, it } from 'vitest';
import { WIDGETS } from '../../src/components/registry';
import { renderWidget, stopListening } from './widget-harness';

interface ContractCase {
  /**
   * How the widget steps: through a fixed list of steps (walk), not at all (none), or open-ended,
   * one training or descent step at a time with no last step to go to (open).
   */
  stepping: 'walk' | 'none' | 'open';
  /** A state given with JSON types (numbers, booleans), as a parent page's postMessage may send it. */
  typedState: Record<string, string | number | boolean>;
  /** What status().query then contains. */
  expectQuery: string;
  /** A reader's own change, made through the widget's controls, and the query it leads to. */
  readerChange: { selector: string; text?: string; expectQuery: string };
}

const CASES: Record<string, ContractCase> = {
  'backprop-222': {
    stepping: 'walk',
    typedState: { w1: 0.2, biases: true },
    expectQuery: 'biases=1&w1=0.2',
    readerChange: { selector: 'input[name="w1"]', text: '0.3', expectQuery: 'w1=0.3' },
  },
  'computation-graph': {
    stepping: 'walk',
    typedState: { a: 3, step: 4 },
    expectQuery: 'step=4&a=3',
    readerChange: { selector: 'input[name="a"]', text: '5', expectQuery: 'a=5' },
  },
  'activation-functions': {
    stepping: 'none',
    typedState: { fn: 'tanh', z: 1.5 },
    expectQuery: 'fn=tanh&z=1.5',
    readerChange: { selector: 'input[name="z"]', text: '2', expectQuery: 'z=2' },
  },
  'softmax-cross-entropy': {
    stepping: 'none',
    typedState: { t: 2 },
    expectQuery: 't=2',
    readerChange: { selector: 'input[name="z1"]', text: '3', expectQuery: 'z=' },
  },
  'logic-gates': {
    stepping: 'none',
    typedState: { t0: -5 },
    expectQuery: 't0=-5',
    readerChange: { selector: '[data-preset="xnor"]', expectQuery: 'preset=xnor' },
  },
  'gradient-descent': {
    stepping: 'open',
    typedState: { alpha: 0.5 },
    expectQuery: 'alpha=0.5',
    readerChange: { selector: 'input[name="alpha"]', text: '0.3', expectQuery: 'alpha=0.3' },
  },
  'layer-shapes': {
    stepping: 'none',
    typedState: { m: 12 },
    expectQuery: 'm=12',
    readerChange: { selector: 'input[data-option="all-layouts"]', expectQuery: 'all=1' },
  },
  'vanishing-gradients': {
    stepping: 'none',
    typedState: { depth: 6 },
    expectQuery: 'depth=6',
    readerChange: { selector: 'input[name="depth"]', text: '7', expectQuery: 'depth=7' },
  },
  'decision-boundary': {
    stepping: 'open',
    typedState: { lr: 0.3 },
    expectQuery: 'lr=0.3',
    readerChange: { selector: 'input[name="learningRate"]', text: '0.2', expectQuery: 'lr=0.2' },
  },
  'mnist-lab': {
    stepping: 'none',
    typedState: { hidden: 30, lr: 0.5 },
    expectQuery: 'lr=0.5&hidden=30',
    readerChange: { selector: 'input[name="epochs"]', text: '3', expectQuery: 'epochs=3' },
  },
  'backprop-stepper': {
    stepping: 'walk',
    typedState: { preset: 'doc004-341', lr: 0.2, step: 3 },
    expectQuery: 'preset=doc004-341&lr=0.2&step=3',
    readerChange: { selector: 'input[name="lr"]', text: '0.3', expectQuery: 'lr=0.3' },
  },
};

/** Each render typesets KaTeX formulas in happy-dom; on a loaded 2-core machine that can take seconds. */
const SLOW = { timeout: 20_000 };

async function open(name: string, props: Record<string, unknown> = {}) {
  const entry = WIDGETS.find((widget) => widget.name === name)!;
  const { default: widget } = await entry.load();
  return renderWidget(widget as Component<never>, name, props);
}

async function readerEdit(root: HTMLElement, change: ContractCase['readerChange']) {
  const element = root.querySelector<HTMLInputElement>(change.selector);
  if (!element) throw new Error(`no ${change.selector} in the widget`);
  if (change.text === undefined) element.click();
  else {
    element.value = change.text;
    element.dispatchEvent(new Event('input', { bubbles: true }));
  }
  await tick();
}

describe.each(WIDGETS.map((entry) => entry.name))('the %s widget keeps the widget contract', SLOW, (name) => {
  const contract = CASES[name];

  it('has a contract case', () => {
    expect(contract).toBeDefined();
  });

  it('registers a controller whose status names the widget, with a consistent step', async () => {
    const { controller } = await open(name);
    const status = controller.status();
    expect(controller.widget).toBe(name);
    expect(status.widget).toBe(name);
    expect(typeof status.query).toBe('string');
    if (status.count !== undefined) {
      expect(status.step).toBeGreaterThanOrEqual(1);
      expect(status.step).toBeLessThanOrEqual(status.count!);
    }
  });

  it('takes setState with numbers and booleans as it takes their text, and round-trips the query', async () => {
    const typed = await open(name);
    expect(typed.controller.run({ command: 'setState', state: contract.typedState })).toBe(true);
    await tick();
    const query = typed.controller.status().query;
    for (const part of contract.expectQuery.split('&')) expect(query.split('&')).toContain(part);
    stopListening();
    const fresh = await open(name);
    expect(fresh.controller.run({ command: 'setState', state: Object.fromEntries(new URLSearchParams(query)) })).toBe(true);
    await tick();
    expect(fresh.controller.status().query).toBe(query);
  });

  it('refuses unknown fields and values that are neither text, number nor boolean, keeping its state', async () => {
    const { controller } = await open(name);
    const before = controller.status().query;
    expect(controller.run({ command: 'setState', state: { zoom: '2' } })).toBe(false);
    expect(controller.run({ command: 'setState', state: { [Object.keys(contract.typedState)[0]]: { nested: 1 } } as never })).toBe(false);
    expect(controller.run({ command: 'setState', state: null } as never)).toBe(false);
    expect(controller.run({ command: 'jump' } as never)).toBe(false);
    expect(controller.run(undefined as never)).toBe(false);
    expect(controller.status().query).toBe(before);
  });

  it('reset returns to the state it opened with', async () => {
    const { controller } = await open(name);
    const opened = controller.status();
    controller.run({ command: 'setState', state: contract.typedState });
    await tick();
    expect(controller.status().query).not.toBe(opened.query);
    expect(controller.run({ command: 'reset' })).toBe(true);
    await tick();
    expect(controller.status()).toEqual(opened);
  });

  it('steps as its kind of stepping says, and refuses a step it does not have', async () => {
    const { controller } = await open(name);
    const status = controller.status();
    expect(status.count !== undefined).toBe(contract.stepping === 'walk');
    if (contract.stepping === 'none') {
      for (const command of ['next', 'prev', 'first', 'last'] as const) expect(controller.run({ command })).toBe(false);
    }
    if (contract.stepping === 'open') expect(controller.run({ command: 'last' })).toBe(false);
    if (contract.stepping === 'walk') expect(controller.run({ command: 'goto', step: 'no-such-step' })).toBe(false);
    else expect(controller.run({ command: 'goto', step: 1 })).toBe(false);
    expect(controller.status().step).toBe(status.step);
  });

  it('announces nn-ready once on mount, and nn-statechange for a setState and for a reader’s change', async () => {
    const { root, controller, seen } = await open(name);
    expect(seen.filter((event) => event.name === 'nn-ready')).toHaveLength(1);
    controller.run({ command: 'setState', state: contract.typedState });
    await tick();
    expect(seen.filter((event) => event.name === 'nn-statechange').at(-1)?.detail.query).toBe(controller.status().query);
    controller.run({ command: 'reset' });
    await tick();
    await readerEdit(root, contract.readerChange);
    const last = seen.filter((event) => event.name === 'nn-statechange').at(-1);
    expect(last?.detail.query).toContain(contract.readerChange.expectQuery);
    expect(seen.filter((event) => event.name === 'nn-ready')).toHaveLength(1);
  });

  it('offers the embed code for its current state when controls are shown, and none without', async () => {
    const { root, controller } = await open(name);
    controller.run({ command: 'setState', state: contract.typedState });
    await tick();
    const link = root.querySelector<HTMLTextAreaElement>('[data-role="share"] [data-snippet="link"]')!;
    expect(link.value).toContain(`/embed/${name}/?${controller.status().query}`);
    stopListening();
    const bare = await open(name, { controls: false });
    expect(bare.root.querySelector('[data-role="share"]')).toBeNull();
  });
});
