import { describe, expect, it } from 'vitest';
import {
  buildPreset, edgeVisitCounts, forwardModeSteps, forwardSteps, reverseModeSteps, type PresetId,
} from '../../src/engine/models/computation-graph';
import { events, PHONE, results, widgetHarness } from './harness';

function engineSteps(presetId: PresetId) {
  const result = buildPreset(presetId);
  if (!result.ok) throw new Error(`${presetId} does not build`);
  return {
    graph: result.graph,
    steps: [...forwardSteps(result.graph), ...reverseModeSteps(result.graph), ...forwardModeSteps(result.graph)],
  };
}
const valueOf = (presetId: PresetId, key: string) => engineSteps(presetId).steps.find((step) => step.key === key)!.value;

const { openLesson, openEmbed, withoutJavaScript } = widgetHarness('computation-graph');

describe('the computation-graph stepper on its lesson page', () => {
  it('steps forward by mouse and keyboard, then stacks ∂e/∂b = 5 in the reverse pass', async () => {
    const widget = await openLesson();
    expect(await widget.stepKey()).toBe('a');
    await widget.click('next');
    await widget.click('next');
    expect(await widget.stepKey()).toBe('c');
    expect(await widget.stepValue()).toBe(valueOf('e=(a+b)(b+1)', 'c'));
    await widget.root.focus();
    await widget.pressUntilStep('reverse:de/db');
    expect(await widget.stepValue()).toBe(5);
    expect(await widget.stepValue()).toBe(valueOf('e=(a+b)(b+1)', 'reverse:de/db'));
    expect(await widget.find('[data-node="b"] [data-node-tag]').textContent()).toBe('5');
    expect(await widget.page.locator('[data-role="announcer"]').textContent()).toContain('reverse:de/db');
    const index = engineSteps('e=(a+b)(b+1)').steps.findIndex((step) => step.key === 'reverse:de/db');
    await widget.expectParam('step', String(index + 1));
    await widget.walkSteps([['ArrowLeft', 'reverse:de/da'], ['Home', 'a'], ['End', 'forward-mode:de/db']]);
  });

  it('jumps to phases and shows the edge-visit counts of both modes', async () => {
    const widget = await openLesson();
    const counts = edgeVisitCounts(engineSteps('e=(a+b)(b+1)').graph);
    const phase = widget.find('select[data-action="phase"]');
    await phase.selectOption('forward-mode:b');
    expect(await widget.stepKey()).toBe('forward-mode:db/db');
    expect(await widget.number('[data-role="visit-counts"]', 'data-forward-mode')).toBe(counts.forwardMode);
    expect(await widget.number('[data-role="visit-counts"]', 'data-reverse-mode')).toBe(counts.reverseMode);
    expect(await widget.find('[data-role="visits-so-far"]').getAttribute('data-reverse')).toBe('5');
    await phase.selectOption('reverse');
    expect(await widget.stepKey()).toBe('reverse:de/de');
  });

  it('switches to J = 3(a + bc) and shows dJ/dc = 12 (the document prints 9)', async () => {
    const widget = await openLesson();
    await widget.find('select[data-action="preset"]').selectOption('J=3(a+bc)');
    expect(await widget.attr('data-preset')).toBe('J=3(a+bc)');
    await widget.find('select[data-action="phase"]').selectOption('reverse');
    await widget.find('[data-ledger-key="reverse:dJ/dc"] button').click();
    expect(await widget.stepKey()).toBe('reverse:dJ/dc');
    expect(await widget.stepValue()).toBe(12);
    expect(await widget.stepValue()).toBe(valueOf('J=3(a+bc)', 'reverse:dJ/dc'));
    await widget.expectParam('preset', 'J');
  });

  it('the page carries the dJ/dc erratum, prints the engine value and links to that step', async () => {
    const widget = await openLesson();
    const { page } = widget;
    const erratum = page.locator('[data-erratum="002-dj-dc"]');
    expect(await erratum.count()).toBe(1);
    expect(await erratum.textContent()).toContain('12');
    expect(await page.locator('[data-erratum="002-tanh-derivative-table"]').count()).toBe(1);
    const paragraph = page.locator('.sl-markdown-content p', { has: page.locator('a[href*="reverse:dJ/dc"]') });
    expect(await paragraph.locator('strong').first().textContent()).toBe(String(valueOf('J=3(a+bc)', 'reverse:dJ/dc')));
    await Promise.all([page.waitForURL(/preset=J/), paragraph.locator('a[href*="reverse:dJ/dc"]').click()]);
    await widget.ready();
    await expect.poll(() => widget.stepKey()).toBe('reverse:dJ/dc');
    expect(await widget.stepValue()).toBe(12);
  });

  it('refuses bad input with a message and keeps the last valid value', async () => {
    const widget = await openLesson('?step=3');
    const a = widget.field('a');
    const errors = widget.find('[data-role="input-errors"]');
    await a.fill('abc');
    expect(await errors.getAttribute('role')).toBe('alert');
    expect(await errors.textContent()).toContain('abc');
    expect(await widget.stepValue()).toBe(3);
    await a.fill('1e400');
    expect(await errors.textContent()).toContain('1e400');
    await a.fill('');
    expect(await errors.textContent()).toContain('请填写一个数');
    await widget.expectNoNaN();
    await a.fill('5');
    expect(await errors.count()).toBe(0);
    expect(await widget.stepValue()).toBe(6);
    await widget.expectParam('a', '5');
    await widget.click('reset');
    expect(await widget.stepValue()).toBe(3);
  });

  it('opens from a link, and a malformed link shows the notice while the widget still works', async () => {
    const linked = await openLesson('?preset=logistic&step=reverse:dL/dz');
    expect(await linked.stepKey()).toBe('reverse:dL/dz');
    expect(await linked.stepValue()).toBeCloseTo(valueOf('logistic-regression', 'reverse:dL/dz'), 12);
    const bad = await openLesson('?preset=cubic&a=abc&b=1e400&step=999');
    await bad.expectUrlNotice(['preset=cubic', 'a=abc', 'b=1e400', 'step=999']);
    expect(await bad.stepKey()).toBe('a');
    await bad.click('next');
    expect(await bad.stepKey()).toBe('b');
  });

  it('answers touch taps on a phone-sized screen without sideways scrolling', async () => {
    const widget = await openLesson('', { touch: true, viewport: PHONE });
    await widget.expectFitsWidth();
    await widget.action('next').tap();
    expect(await widget.stepKey()).toBe('b');
    await widget.action('last').tap();
    expect(await widget.stepKey()).toBe('forward-mode:de/db');
  });
});

withoutJavaScript('the page still shows the graph, the first step and the visit counts', async (widget) => {
  expect(await widget.find('[data-step-key="a"]').count()).toBe(1);
  expect(await widget.find('[data-node]').count()).toBe(5);
  expect(await widget.page.locator('[data-role="visit-counts"]').getAttribute('data-forward-mode')).toBe('6');
});

describe('the computation-graph embed page', () => {
  it('answers postMessage commands and reports its events', async () => {
    const widget = await openEmbed('?controls=0');
    const count = engineSteps('e=(a+b)(b+1)').steps.length;
    const logistic = engineSteps('logistic-regression').steps;
    const seen = await widget.exchange([
      { id: 1, command: 'next' },
      { id: 2, command: 'last' },
      { id: 3, command: 'goto', step: 'nowhere' },
      { id: 4, command: 'setState', state: { preset: 'logistic', step: 'reverse:dL/dz' } },
      { id: 5, command: 'setState', state: { w1: 'heavy' } },
      { id: 6, command: 'status' },
    ]);
    const dz = logistic.findIndex((step) => step.key === 'reverse:dL/dz') + 1;
    expect(events(seen, 'step')).toEqual([
      'stepchange:2', 'statechange:2',
      `stepchange:${count}`, `end:${count}`, `statechange:${count}`,
      `stepchange:${dz}`, `statechange:${dz}`,
    ]);
    expect(results(seen, 'key', 'query')).toEqual([
      '1:true:b:step=2',
      `2:true:forward-mode:de/db:step=${count}`,
      `3:false:forward-mode:de/db:step=${count}`,
      `4:true:reverse:dL/dz:preset=logistic&step=${dz}`,
      `5:false:reverse:dL/dz:preset=logistic&step=${dz}`,
      `6:true:reverse:dL/dz:preset=logistic&step=${dz}`,
    ]);
    expect(await widget.attr('data-preset')).toBe('logistic-regression');
    expect(await widget.stepKey()).toBe('reverse:dL/dz');
    expect(await widget.stepValue()).toBe(logistic[dz - 1].value);
  });
});
