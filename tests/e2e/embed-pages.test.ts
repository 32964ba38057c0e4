/**
 * What every /embed/<widget>/ page promises, checked widget by widget: it opens the linked state
 * without site chrome when controls=0, names unusable parameters in a polite notice and still works,
 * offers the embed code for the current state when controls are shown, and (for widgets whose state
 * is their whole story) takes setState commands from a parent page and reports the change back.
 */
import { describe, expect, it } from 'vitest';
import { descend1d, type CurveId } from '../../src/engine/models/gradient-descent';
import { buildPreset, forwardModeSteps, forwardSteps, reverseModeSteps } from '../../src/engine/models/computation-graph';
import { PRESETS } from '../../src/engine/models/network-stepper';
import { vanishingGradients } from '../../src/engine/models/vanishing-gradients';
import { baseUrl, events, LESSONS, openPage, results, useBrowser, widgetHarness, type WidgetName, type WidgetPage } from './harness';

interface Sent {
  message: { command: string; id: string | number };
  accepted: boolean;
}
const accept = (command: string, id: string | number, detail: object = {}): Sent => ({ message: { command, id, ...detail }, accepted: true });
const refuse = (command: string, id: string | number, detail: object = {}): Sent => ({ message: { command, id, ...detail }, accepted: false });

interface EmbedCase {
  name: WidgetName;
  linked: {
    query: string;
    /** Controls that controls=0 must hide. */
    controls: string;
    /** What must be absent when the link is valid; most embeds show no status line at all. */
    quiet?: string;
    check(widget: WidgetPage): Promise<void>;
  };
  malformed: { query: string; entries: string[]; stillWorks(widget: WidgetPage): Promise<void> };
  /** `link` is the state the embed code must carry, when it differs from how `query` was written. */
  share?: { query: string; edit?(widget: WidgetPage): Promise<void>; link?: string };
  bridge?: {
    /** The state query every reply carries once the first setState has been taken. */
    query: string;
    commands: Sent[];
    check(widget: WidgetPage): Promise<void>;
    afterReset?(widget: WidgetPage): Promise<void>;
  };
}

function descent(w0: number, alpha: number, steps: number, id: CurveId = 'parabola') {
  // 100 is the widget's plot-sized divergence bound (settings.ts VIEW_BOUND).
  const run = descend1d(id, w0, alpha, steps, { bound: 100 });
  if (!run.ok) throw new Error('invalid run');
  return run;
}

function jStep(key: string) {
  const result = buildPreset('J=3(a+bc)', { c: 3 });
  if (!result.ok) throw new Error('J does not build');
  return [...forwardSteps(result.graph), ...reverseModeSteps(result.graph), ...forwardModeSteps(result.graph)].find((step) => step.key === key)!;
}

const produced = (widget: WidgetPage) =>
  widget.find('[data-role="truth-table"] tbody tr').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-produced')));
const target = (widget: WidgetPage) => widget.number('[data-role="loss"]', 'data-target');
const count = (widget: WidgetPage, selector: string) => widget.find(selector).count();

/** Checks that the widget root's attribute `name` reads `from`, and `to` once `control` is clicked. */
const switches = (name: string, from: string, control: string, to: string) => async (widget: WidgetPage) => {
  expect(await widget.attr(name)).toBe(from);
  await widget.find(control).click();
  expect(await widget.attr(name)).toBe(to);
};

const CASES: EmbedCase[] = [
  {
    name: 'activation-functions',
    linked: {
      query: '?fn=leakyRelu&alpha=0.1&z=-2&controls=0',
      controls: 'input[name="alpha"]',
      async check(widget) {
        expect(await widget.attr('data-activation')).toBe('leakyRelu');
        expect(await widget.number('[data-role="readout"]', 'data-z')).toBe(-2);
        expect(await widget.number('[data-role="readout"]', 'data-f')).toBeCloseTo(-0.2, 12);
      },
    },
    malformed: {
      query: '?fn=bogus&z=abc&zoom=9&controls=maybe',
      entries: ['fn=bogus', 'z=abc', 'zoom=9', 'controls=maybe'],
      stillWorks: switches('data-activation', 'sigmoid', 'label:has(input[data-activation="tanh"])', 'tanh'),
    },
    share: { query: '?fn=relu' },
    bridge: {
      query: 'fn=relu&z=1.5',
      commands: [accept('setState', 1, { state: { fn: 'relu', z: '1.5' } }), refuse('setState', 2, { state: { z: 'abc' } }), refuse('next', 3), accept('status', 4)],
      async check(widget) {
        expect(await widget.attr('data-activation')).toBe('relu');
        expect(await widget.number('[data-role="readout"]', 'data-z')).toBe(1.5);
      },
      async afterReset(widget) {
        expect(await widget.attr('data-activation')).toBe('sigmoid');
      },
    },
  },
  {
    name: 'backprop-222',
    linked: {
      query: '?step=dnet_o1/dout_h1&order=published&controls=0',
      controls: 'input[name="w1"]',
      quiet: '[data-role="embed-notice"]',
      async check(widget) {
        expect(await widget.stepKey()).toBe('dnet_o1/dout_h1');
        expect(await widget.stepValue()).toBeCloseTo(0.35891648, 8);
      },
    },
    malformed: {
      query: '?step=3&zoom=9&controls=maybe&w2=abc',
      entries: ['zoom=9', 'controls=maybe', 'w2=abc'],
      async stillWorks(widget) {
        expect(await widget.stepKey()).toBe('net_h2');
        await widget.click('next');
        expect(await widget.stepKey()).toBe('out_h2');
      },
    },
  },
  {
    name: 'backprop-stepper',
    linked: {
      query: '?preset=doc004-341&step=net[1][2]&controls=0',
      controls: 'input[name="lr"]',
      async check(widget) {
        const { weights, biases, inputs } = PRESETS['doc004-341'];
        expect(await widget.attr('data-layers')).toBe('3-4-1');
        expect(await widget.stepKey()).toBe('net[1][2]');
        expect(await widget.stepValue()).toBeCloseTo(weights[0][2].reduce((sum, w, k) => sum + w * inputs[k], biases[0][2]), 12);
      },
    },
    malformed: {
      query: '?preset=doc999&layers=9-9&zoom=9&step=2',
      entries: ['preset=doc999', 'layers=9-9', 'zoom=9'],
      async stillWorks(widget) {
        expect(await widget.stepKey()).toBe('out_h1');
        await widget.click('next');
        expect(await widget.stepKey()).toBe('net_h2');
      },
    },
    share: { query: '?preset=doc002-shallow&step=4' },
    bridge: {
      query: 'preset=doc004-341&lr=0.2&step=1',
      commands: [
        accept('setState', 1, { state: { preset: 'doc004-341', lr: 0.2 } }),
        refuse('setState', 2, { state: { layers: '9-9' } }),
        accept('status', 3),
      ],
      async check(widget) {
        expect(await widget.stepKey()).toBe('net[1][0]');
        expect(await widget.field('lr').count()).toBe(0);
      },
      async afterReset(widget) {
        expect(await widget.stepKey()).toBe('net_h1');
      },
    },
  },
  {
    name: 'computation-graph',
    linked: {
      query: '?preset=J&c=3&step=reverse:dJ/dc&controls=0',
      controls: 'input[name="a"]',
      async check(widget) {
        expect(await widget.attr('data-preset')).toBe('J=3(a+bc)');
        expect(await widget.stepKey()).toBe('reverse:dJ/dc');
        expect(await widget.stepValue()).toBe(jStep('reverse:dJ/dc').value);
        expect(await widget.stepValue()).toBe(12);
      },
    },
    malformed: {
      query: '?preset=J&step=3&zoom=9&a=abc&x1=2&controls=0',
      entries: ['zoom=9', 'a=abc', 'x1=2'],
      async stillWorks(widget) {
        expect(await widget.attr('data-preset')).toBe('J=3(a+bc)');
        expect(await widget.stepKey()).toBe('c');
        await widget.click('next');
        expect(await widget.stepKey()).toBe('u');
      },
    },
    share: {
      query: '?preset=logistic&step=5',
      async edit(widget) {
        expect(await widget.page.locator('input[name="w1"]').count()).toBe(1);
      },
    },
  },
  {
    name: 'decision-boundary',
    linked: {
      query: '?data=circle&count=100&layers=none&quad=1&controls=0',
      controls: 'input',
      async check(widget) {
        expect(await count(widget, '[data-role="boundary-plot"] .point')).toBe(100);
        expect(await count(widget, '[data-role="no-hidden"]')).toBe(1);
        expect(await widget.number('[data-epoch]', 'data-epoch')).toBe(0);
        await widget.click('step');
        await expect.poll(() => widget.number('[data-epoch]', 'data-epoch')).toBe(1);
        expect(await widget.attr('data-worker')).toBe('true');
      },
    },
    malformed: {
      query: '?layers=banana&lr=-1&zoom=2&data=circle&controls=0',
      entries: ['layers=banana', 'lr=-1', 'zoom=2'],
      async stillWorks(widget) {
        expect(await count(widget, '[data-role="boundary-plot"] .point')).toBe(200);
        await widget.click('step');
        await expect.poll(() => widget.number('[data-epoch]', 'data-epoch')).toBe(1);
      },
    },
    share: {
      query: '?data=spirals',
      edit: (widget) => widget.field('count').fill('300'),
      link: '?data=spirals&count=300',
    },
  },
  {
    name: 'gradient-descent',
    linked: {
      query: '?curve=quartic&alpha=0.5&w0=1.5&steps=4&controls=0',
      controls: 'input[name="alpha"]',
      quiet: '[data-role="embed-notice"], [data-role="url-notice"]',
      async check(widget) {
        const run = descent(1.5, 0.5, 4, 'quartic');
        expect(await widget.number('[data-role="readout"]', 'data-steps')).toBe(4);
        expect(await widget.number('[data-role="readout"]', 'data-w')).toBe(run.records[4].w);
        expect(await widget.find('[data-role="outcome"]').getAttribute('data-outcome')).toBe(run.outcome);
        expect(await widget.action('step').count()).toBe(1);
      },
    },
    malformed: {
      query: '?alpha=abc&zoom=9&steps=2&controls=0',
      entries: ['alpha=abc', 'zoom=9'],
      async stillWorks(widget) {
        expect(await widget.number('[data-role="readout"]', 'data-steps')).toBe(2);
        await widget.click('step');
        expect(await widget.number('[data-role="readout"]', 'data-steps')).toBe(3);
        expect(await widget.number('[data-role="readout"]', 'data-w')).toBe(descent(0, 0.1, 3).records[3].w);
      },
    },
    share: { query: '?view=surface&steps=3' },
  },
  {
    name: 'layer-shapes',
    linked: {
      query: '?m=7&sizes=2-3-4&all=1&controls=0',
      controls: 'input[name="m"], input[data-option="all-layouts"]',
      async check(widget) {
        expect(await widget.attr('data-sizes')).toBe('2-3-4');
        expect(await widget.attr('data-m')).toBe('7');
        expect(await count(widget, '[data-role="shape-table"]')).toBe(4);
        const w1 = widget.find('[data-role="shape-table"][data-convention="columns"] tr[data-name="W^{[1]}"]');
        expect(await w1.getAttribute('data-shape')).toBe('3,2');
      },
    },
    malformed: {
      query: '?m=0&sizes=3-x&zoom=9',
      entries: ['m=0', 'sizes=3-x', 'zoom=9'],
      stillWorks: switches('data-sizes', '3-4-1', 'button[data-preset="003"]', '3-3-1'),
    },
    share: { query: '?sizes=3-3-1&all=1' },
    bridge: {
      query: 'm=100&sizes=784-30-10',
      commands: [accept('setState', 'a', { state: { m: '100', sizes: '784-30-10' } }), refuse('setState', 'b', { state: { m: '-1' } }), refuse('first', 'c')],
      async check(widget) {
        expect({ sizes: await widget.attr('data-sizes'), m: await widget.attr('data-m') }).toEqual({ sizes: '784-30-10', m: '100' });
      },
      async afterReset(widget) {
        expect(await widget.attr('data-sizes')).toBe('3-4-1');
      },
    },
  },
  {
    name: 'logic-gates',
    linked: {
      query: '?preset=nor&t0=1&controls=0',
      controls: 'button[data-preset], input[name="t0"]',
      async check(widget) {
        expect(await widget.attr('data-preset')).toBe('nor');
        expect(await produced(widget)).toEqual(['1', '0', '0', '0']);
      },
    },
    malformed: {
      query: '?preset=nand&t1=abc&zoom=9',
      entries: ['preset=nand', 't1=abc', 'zoom=9'],
      async stillWorks(widget) {
        await switches('data-preset', 'and', 'button[data-preset="or"]', 'or')(widget);
        expect(await produced(widget)).toEqual(['0', '1', '1', '1']);
      },
    },
    share: { query: '?preset=perceptron' },
    bridge: {
      query: 'preset=xnor&mode=thresholded',
      commands: [accept('setState', 'a', { state: { preset: 'xnor', mode: 'thresholded' } }), refuse('setState', 'b', { state: { mode: 'fuzzy' } }), refuse('prev', 'c')],
      async check(widget) {
        expect(await widget.attr('data-view')).toBe('xnor');
        expect(await widget.find('[data-role="xnor-table"]').getAttribute('data-mode')).toBe('thresholded');
      },
      async afterReset(widget) {
        expect(await widget.attr('data-preset')).toBe('and');
      },
    },
  },
  {
    name: 'softmax-cross-entropy',
    linked: {
      query: '?z=1,2,3&t=2&controls=0',
      controls: 'input[name="z0"], [data-action="preset"]',
      async check(widget) {
        expect(await count(widget, '[data-bar]')).toBe(3);
        expect(await target(widget)).toBe(2);
        expect(await widget.number('[data-role="loss"]', 'data-loss')).toBeCloseTo(0.40760596444, 10);
      },
    },
    malformed: {
      query: '?z=1,abc&t=x&zoom=9&controls=0',
      entries: ['z=1,abc', 't=x', 'zoom=9'],
      async stillWorks(widget) {
        expect(await count(widget, '[data-bar]')).toBe(3);
        expect(await target(widget)).toBe(0);
        await widget.find('[data-bar="1"]').click();
        expect(await target(widget)).toBe(1);
      },
    },
    share: { query: '?z=1,2&t=1', link: '?z=1%2C2&t=1' },
    bridge: {
      query: 'preset=002',
      commands: [accept('setState', 'a', { state: { preset: '002' } }), refuse('setState', 'b', { state: { t: '11' } }), refuse('goto', 'c', { step: 2 })],
      async check(widget) {
        expect(await count(widget, '[data-bar]')).toBe(10);
        expect(await target(widget)).toBe(6);
      },
      async afterReset(widget) {
        expect(await count(widget, '[data-bar]')).toBe(3);
      },
    },
  },
  {
    name: 'vanishing-gradients',
    linked: {
      query: '?depth=20&width=64&act=relu&scale=0.1768&controls=0',
      controls: 'input',
      async check(widget) {
        expect(await count(widget, 'g[data-layer]')).toBe(21);
        const expected = vanishingGradients({ depth: 20, width: 64, activation: 'relu', weightScale: 0.1768, seed: 1 });
        if ('errors' in expected) throw new Error('refused');
        expect(await widget.attr('data-classification')).toBe(expected.classification);
        expect(expected.classification).not.toBe('vanishing');
      },
    },
    malformed: {
      query: '?depth=abc&act=tanh&zoom=2&controls=0',
      entries: ['depth=abc', 'zoom=2'],
      async stillWorks(widget) {
        expect(await count(widget, 'g[data-layer]')).toBe(11);
        expect(await widget.find('[data-role="verdict"]').textContent()).not.toContain('梯度消失');
      },
    },
    share: {
      query: '?act=tanh&depth=12',
      async edit(widget) {
        await widget.field('depth').fill('15');
        await expect.poll(() => count(widget, 'g[data-layer]')).toBe(16);
      },
      link: '?depth=15&act=tanh',
    },
    bridge: {
      query: 'depth=6&act=relu',
      commands: [accept('setState', 1, { state: { depth: '6', act: 'relu' } }), refuse('setState', 2, { state: { depth: '99' } }), refuse('next', 3), accept('status', 7)],
      async check(widget) {
        expect(await count(widget, 'g[data-layer]')).toBe(7);
      },
    },
  },
];

describe.each(CASES)('the $name embed page', ({ name, linked, malformed, share, bridge }) => {
  const { openEmbed, lesson } = widgetHarness(name);

  it('opens the linked state without site chrome, with the controls hidden and a credit to the lesson', async () => {
    const widget = await openEmbed(linked.query);
    await linked.check(widget);
    const { page } = widget;
    expect(await page.locator(linked.controls).count()).toBe(0);
    expect(await page.locator('[data-role="share"]').count()).toBe(0);
    expect(await page.locator('header, nav.sidebar, .sl-container').count()).toBe(0);
    expect(await page.locator(linked.quiet ?? '[role="status"]').count()).toBe(0);
    expect(await page.locator('.credit a').getAttribute('href')).toBe(lesson);
  });

  it('shows a polite notice for unknown or malformed parameters and still works', async () => {
    const widget = await openEmbed(malformed.query);
    await widget.expectEmbedNotice(malformed.entries);
    await malformed.stillWorks(widget);
  });

  if (share) it('offers the embed code for the current state when the controls are shown', async () => {
    const widget = await openEmbed(share.query);
    await share.edit?.(widget);
    await widget.page.locator('[data-role="share"] summary').click();
    const url = `${baseUrl}/embed/${name}/${share.link ?? share.query}`;
    await expect.poll(() => widget.find('[data-role="share"] [data-snippet="link"]').inputValue()).toBe(url);
    expect(await widget.find('[data-role="share"] [data-snippet="iframe"]').inputValue()).toContain(`src="${url}"`);
  });

  if (bridge) it('answers setState and other postMessage commands and reports the state change to the parent page', async () => {
    const widget = await openEmbed('?controls=0');
    const seen = await widget.exchange(bridge.commands.map(({ message }) => message));
    expect(events(seen, 'query')).toEqual([`statechange:${bridge.query}`]);
    expect(results(seen, 'query')).toEqual(bridge.commands.map(({ message, accepted }) => `${message.id}:${accepted}:${bridge.query}`));
    await bridge.check(widget);
    if (!bridge.afterReset) return;
    await widget.exchange([{ command: 'reset' }]);
    await bridge.afterReset(widget);
  });
});

describe('an embed page inside an iframe', () => {
  useBrowser();

  // Issue #14: a page listening from the start heard `ready` twice.
  it.each(Object.keys(LESSONS) as WidgetName[])('%s tells the page around it once that it is ready', async (name) => {
    const page = await openPage('/');
    await page.evaluate((src) => {
      const heard: string[] = [];
      (window as unknown as { heard: string[] }).heard = heard;
      window.addEventListener('message', (event) => {
        if (event.data?.source === 'nn-courseware' && event.data.type === 'event') heard.push(event.data.event);
      });
      const frame = document.createElement('iframe');
      frame.src = src;
      frame.title = 'widget';
      frame.dataset.probe = '';
      frame.style.width = '800px';
      frame.style.height = '600px';
      document.body.append(frame);
    }, `/embed/${name}/`);
    const frame = (await (await page.waitForSelector('iframe[data-probe]')).contentFrame())!;
    await frame.locator(`[data-widget="${name}"][data-ready="true"]`).waitFor();
    await expect.poll(() => page.evaluate(() => (window as unknown as { heard: string[] }).heard.filter((event) => event === 'ready').length)).toBe(1);
    // Late duplicates would arrive within a few frames of the first.
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => (window as unknown as { heard: string[] }).heard.filter((event) => event === 'ready'))).toEqual(['ready']);
  });
});
