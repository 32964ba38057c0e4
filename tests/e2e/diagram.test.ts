/** The 2-2-2 stepper's network diagram: legible labels, clear of each other and of the edges, showing the state of the current step. */
import { describe, expect, it } from 'vitest';
import { widgetHarness } from './harness';

const { openLesson } = widgetHarness('backprop-222');

interface Box {
  name: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
  fontSize: number;
}
interface Segment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

const WIDTHS = [360, 768, 1280];

/** Whether a segment passes through a box (shrunk by a pixel so touching is not crossing). */
function crosses(segment: Segment, box: Box): boolean {
  const inset = { left: box.left + 1, top: box.top + 1, right: box.right - 1, bottom: box.bottom - 1 };
  const samples = 200;
  for (let k = 0; k <= samples; k++) {
    const x = segment.x1 + ((segment.x2 - segment.x1) * k) / samples;
    const y = segment.y1 + ((segment.y2 - segment.y1) * k) / samples;
    if (x > inset.left && x < inset.right && y > inset.top && y < inset.bottom) return true;
  }
  return false;
}

const overlap = (a: Box, b: Box) =>
  Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left)) * Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top));

async function measure(step: string, width: number) {
  const widget = await openLesson(`?step=${step}`, { viewport: { width, height: 900 } });
  const diagram = widget.find('svg.widget-diagram');
  await diagram.scrollIntoViewIfNeeded();
  return diagram.evaluate((element) => {
    const svg = element as SVGSVGElement;
    const labels = [...svg.querySelectorAll<SVGTextElement>('text[data-label]')].map((text) => {
      const box = text.getBoundingClientRect();
      return {
        name: text.dataset.label!,
        left: box.left,
        top: box.top,
        right: box.right,
        bottom: box.bottom,
        fontSize: parseFloat(getComputedStyle(text).fontSize) * (box.height > 0 ? svg.getScreenCTM()!.a : 1),
      };
    });
    const edges = [...svg.querySelectorAll<SVGLineElement>('line')].map((line) => {
      const matrix = line.getScreenCTM()!;
      const point = (x: number, y: number) => new DOMPoint(x, y).matrixTransform(matrix);
      const a = point(line.x1.baseVal.value, line.y1.baseVal.value);
      const b = point(line.x2.baseVal.value, line.y2.baseVal.value);
      return { x1: a.x, y1: a.y, x2: b.x, y2: b.y };
    });
    return { labels, edges, trained: svg.getAttribute('data-trained') };
  });
}

describe('the 2-2-2 network diagram', () => {
  for (const width of WIDTHS) {
    for (const step of ['1', "w5'", '49']) {
      it(`keeps its labels apart and clear of every edge at ${width} px, step ${step}`, async () => {
        const { labels, edges } = await measure(step, width);
        expect(labels.length).toBeGreaterThanOrEqual(18);
        for (const [i, a] of labels.entries()) {
          for (const b of labels.slice(i + 1)) expect(overlap(a, b), `${a.name} overlaps ${b.name}`).toBeLessThanOrEqual(1);
          for (const edge of edges) expect(crosses(edge, a), `an edge crosses ${a.name}`).toBe(false);
        }
        if (width === 1280) {
          for (const label of labels) expect(label.fontSize, `${label.name} font size`).toBeGreaterThanOrEqual(12);
        }
      });
    }
  }

  it('shows the trained network on the steps after training, agreeing with the panel', async () => {
    const widget = await openLesson('?step=49');
    expect(await widget.stepKey()).toBe('out_o1_after_N');
    const reported = await widget.stepValue();
    const o1 = Number(await widget.find('[data-label="o1-value"]').getAttribute('data-value'));
    expect(o1).toBeCloseTo(reported, 12);
    expect(o1).toBeLessThan(0.1);
    expect(await widget.find('svg.widget-diagram').getAttribute('data-trained')).toBe('true');
    await widget.root.focus();
    await widget.press('Home');
    expect(await widget.find('svg.widget-diagram').getAttribute('data-trained')).toBe('false');
    expect(await widget.find('[data-label="o1-value"]').count()).toBe(0);
  });

  // Issue #14: steps 49–51 report the trained network, so its two outputs and its error must be the diagram's too.
  it('agrees with the panel on each of the three after-training steps', async () => {
    const widget = await openLesson('?step=49');
    const shown = async (node: string) => Number(await widget.find(`[data-label="${node}-value"]`).getAttribute('data-value'));
    await widget.root.focus();
    for (const [key, node] of [['out_o1_after_N', 'o1'], ['out_o2_after_N', 'o2']]) {
      expect(await widget.stepKey()).toBe(key);
      expect(await widget.find('svg.widget-diagram').getAttribute('data-trained')).toBe('true');
      expect(await shown(node), `${node} at ${key}`).toBeCloseTo(await widget.stepValue(), 12);
      await widget.press('ArrowRight');
    }
    expect(await widget.stepKey()).toBe('E_total_after_N');
    expect(await widget.find('svg.widget-diagram').getAttribute('data-trained')).toBe('true');
    // The document's targets: t1 = 0.01, t2 = 0.99.
    const error = 0.5 * (0.01 - (await shown('o1'))) ** 2 + 0.5 * (0.99 - (await shown('o2'))) ** 2;
    expect(error).toBeCloseTo(await widget.stepValue(), 12);
  });
});
