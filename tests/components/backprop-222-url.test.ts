import { describe, expect, it } from 'vitest';
import { readBackprop222Url, resolveStep } from '../../src/components/widgets/backprop-222/url';
import { stepFromHash, writeUrlState } from '../../src/components/shared/url-state';
import { replay } from '../../src/engine/models/backprop222';

const trace = replay();

describe('stepper URL state', () => {
  it.each([
    ['17', 16],
    ["w5'", 16],
    ['1', 0],
    ['51', 50],
    ['0', undefined],
    ['52', undefined],
    ['nope', undefined],
  ])('step=%s resolves to index %s', (reference, index) => {
    expect(resolveStep(trace, reference)).toBe(index);
  });

  it('keeps valid fields and reports malformed ones', () => {
    const { values, ignored } = readBackprop222Url(new URLSearchParams('step=3&w1=0.2&w2=abc&order=sideways&biases=1&lr=0&utm=x'));
    expect(values).toEqual({ step: '3', w1: 0.2, biases: true });
    expect(ignored).toEqual(['w2=abc', 'order=sideways', 'lr=0']);
  });

  it('reports unknown names only in strict mode', () => {
    expect(readBackprop222Url(new URLSearchParams('zoom=2'), { strict: true }).ignored).toEqual(['zoom=2']);
  });

  it('reads a step from the hash and writes fields without touching others', () => {
    expect(stepFromHash('#step=12')).toBe('12');
    expect(stepFromHash('#other')).toBeUndefined();
    expect(writeUrlState(new URLSearchParams('a=1&step=2'), { step: '5', order: undefined }).toString()).toBe('a=1&step=5');
  });
});
