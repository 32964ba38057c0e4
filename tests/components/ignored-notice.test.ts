/**
 * The notice that names a link's unusable parameters echoes them briefly (issue #14: a 10,000-character
 * ?step= made the embed page 99,750 px wide, and ?w1= a 4,055 px notice).
 */
import { render } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import IgnoredNotice from '../../src/components/shared/IgnoredNotice.svelte';

const TEMPLATE = 'Ignored: {list}';
const notice = (ignored: string[], note?: string) =>
  render(IgnoredNotice, { template: TEMPLATE, ignored, note }).container.querySelector('[role="status"]');

describe('IgnoredNotice', () => {
  it('shows nothing when the link had nothing to ignore', () => {
    expect(notice([])).toBeNull();
  });

  it('names short entries whole, with the note after them', () => {
    expect(notice(['w1=abc', 'order=sideways'], 'theme only works on embed pages.')?.textContent).toBe(
      'Ignored: w1=abc, order=sideways theme only works on embed pages.',
    );
  });

  it.each([
    ['a huge value', `step=${'9'.repeat(10_000)}`],
    ['a huge name', `${'x'.repeat(5_000)}=1`],
  ])('cuts %s to 40 characters, ending in an ellipsis', (_case, entry) => {
    const text = notice([entry])!.textContent!;
    expect(text).toBe(`Ignored: ${entry.slice(0, 39)}…`);
  });

  it('names at most 12 entries and counts the rest', () => {
    const entries = Array.from({ length: 30 }, (_, index) => `field${index}=${'v'.repeat(100)}`);
    const text = notice(entries)!.textContent!;
    expect(text).toContain('field11=');
    expect(text).not.toContain('field12=');
    expect(text.endsWith('… (+18)')).toBe(true);
    expect(text.length).toBeLessThanOrEqual(TEMPLATE.length + 12 * 42 + 10);
  });
});
