import { describe, expect, it } from 'vitest';
import { DOCUMENT_PARAMS, PARAM_NAMES, PHASES, divergingKeys, replay } from '../../src/engine/models/backprop222';

const REQUIRED_KEYS = `net_h1 out_h1 net_h2 out_h2 net_o1 out_o1 net_o2 out_o2 E_o1 E_o2 E_total dE_total/dout_o1
dout_o1/dnet_o1 dnet_o1/dw5 dE_total/dw5 delta_o1 delta_o2 dE_total/dw6 dE_total/dw7 dE_total/dw8 w5' w6' w7' w8'
dE_o1/dnet_o1 dnet_o1/dout_h1 dE_o1/dout_h1 dE_o2/dout_h1 dE_total/dout_h1 dout_h1/dnet_h1 dnet_h1/dw1 dE_total/dw1
delta_h1 delta_h2 dE_total/dw2 dE_total/dw3 dE_total/dw4 w1' w2' w3' w4' E_total_after_1 E_total_after_N
out_o1_after_N out_o2_after_N`.split(/\s+/);

describe('trace structure', () => {
  const trace = replay();

  it('has every required key exactly once', () => {
    const keys = trace.steps.map((s) => s.key);
    for (const key of REQUIRED_KEYS) expect(keys.filter((k) => k === key), key).toHaveLength(1);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('develops the example in the document’s order', () => {
    const position = (key: string) => trace.steps.findIndex((s) => s.key === key);
    const milestones = ['net_h1', 'out_o2', 'E_o1', 'E_total', 'dE_total/dout_o1', 'dout_o1/dnet_o1', 'dnet_o1/dw5',
      'dE_total/dw5', 'delta_o1', "w5'", "w8'", 'dE_o1/dnet_o1', 'dnet_o1/dout_h1', 'dE_o1/dout_h1', 'dE_o2/dout_h1',
      'dE_total/dout_h1', 'dout_h1/dnet_h1', 'dnet_h1/dw1', 'dE_total/dw1', 'delta_h1', "w1'", "w4'", 'E_total_after_1',
      'E_total_after_N'];
    const positions = milestones.map(position);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('every step uses only parameters and earlier steps, and carries formula, numbers and phase', () => {
    const seen = new Set<string>(PARAM_NAMES);
    trace.steps.forEach((step, index) => {
      expect(step.index).toBe(index);
      expect(PHASES).toContain(step.phase);
      expect(step.tex.length).toBeGreaterThan(0);
      expect(step.texNumeric.length).toBeGreaterThan(0);
      expect(Number.isFinite(step.value)).toBe(true);
      for (const used of step.uses) expect(seen.has(used), `${step.key} uses ${used}`).toBe(true);
      seen.add(step.key);
    });
  });

  it('is identical across runs and serialisable', () => {
    const again = replay();
    expect(again).toEqual(trace);
    expect(JSON.parse(JSON.stringify(trace))).toEqual(trace);
  });

  it('bias updates add their own steps and are off by default', () => {
    expect(trace.steps.some((s) => s.key === "b1'")).toBe(false);
    const withBiases = replay(DOCUMENT_PARAMS, { updateBiases: true });
    const b2 = withBiases.steps.find((s) => s.key === "b2'")!;
    const delta = (key: string) => withBiases.steps.find((s) => s.key === key)!.value;
    expect(b2.value).toBeCloseTo(0.6 - 0.5 * (delta('delta_o1') + delta('delta_o2')), 15);
    expect(withBiases.summary.E_total_after_1).toBeLessThan(trace.summary.E_total_after_1);
  });

  it('the two orders diverge exactly from the hidden layer on', () => {
    const keys = divergingKeys(replay(DOCUMENT_PARAMS, { order: 'textbook' }), replay(DOCUMENT_PARAMS, { order: 'published' }));
    const firstHidden = trace.steps.findIndex((s) => s.phase === 'backward-hidden');
    const firstDiverging = trace.steps.findIndex((s) => keys.includes(s.key));
    expect(trace.steps[firstDiverging].key).toBe('dnet_o1/dout_h1');
    expect(firstDiverging).toBeGreaterThanOrEqual(firstHidden);
    expect(keys).toContain("w1'");
    expect(keys).not.toContain("w5'");
  });
});
