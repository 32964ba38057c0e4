import { describe, expect, it } from 'vitest';
import { readEmbedOptions } from '../../src/components/embed/embed-options';
import { parseCommand } from '../../src/components/shared/widget-api';

describe('embed options', () => {
  it.each([
    ['', { controls: true, projector: false, theme: undefined, lang: 'zh-CN' }, []],
    ['controls=0&lang=en', { controls: false, projector: false, theme: undefined, lang: 'en' }, []],
    ['projector=1', { controls: false, projector: true, theme: undefined, lang: 'zh-CN' }, []],
    ['projector=1&controls=1&theme=light', { controls: true, projector: true, theme: 'light', lang: 'zh-CN' }, []],
    ['controls=maybe&lang=fr&zoom=2&step=3', { controls: true, projector: false, theme: undefined, lang: 'zh-CN' }, ['controls=maybe', 'lang=fr', 'zoom=2']],
  ])('%j', (query, options, ignored) => {
    const result = readEmbedOptions(new URLSearchParams(query), ['step']);
    expect(result.options).toEqual(options);
    expect(result.ignored).toEqual(ignored);
  });
});

describe('postMessage commands', () => {
  it.each([
    [{ command: 'next' }, { command: 'next' }],
    [{ command: 'goto', step: 17 }, { command: 'goto', step: 17 }],
    [{ command: 'goto', step: "w5'" }, { command: 'goto', step: "w5'" }],
    [{ command: 'goto' }, undefined],
    // Numbers and booleans are kept for the controller to read as text (a parent page sends JSON types).
    [{ command: 'setState', state: { w1: 0.2, biases: true } }, { command: 'setState', state: { w1: 0.2, biases: true } }],
    [{ command: 'launch' }, undefined],
    ['next', undefined],
    [null, undefined],
  ])('%j → %j', (data, command) => {
    expect(parseCommand(data)).toEqual(command);
  });
});
