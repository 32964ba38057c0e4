import { afterEach, describe, expect, it, vi } from 'vitest';
import { connectBridge } from '../../src/components/embed/bridge';
import { emitStepEvents, registerController, type CommandResult, type WidgetCommand } from '../../src/components/shared/widget-api';

function setup() {
  const container = document.createElement('main');
  const root = document.createElement('div');
  root.dataset.widget = 'demo';
  container.append(root);
  document.body.append(container);
  let step = 1;
  const commands: WidgetCommand[] = [];
  const execute = (command: WidgetCommand): CommandResult => {
    commands.push(command);
    if (command.command !== 'next' || step === 3) return { ok: false, reason: `cannot ${command.command}` };
    step += 1;
    return { ok: true };
  };
  registerController(root, {
    widget: 'demo',
    status: () => ({ widget: 'demo', step, count: 3, query: `step=${step}` }),
    execute,
    run: (command) => execute(command).ok,
  });
  const peer = { postMessage: vi.fn() };
  const disconnect = connectBridge(container, window, peer as unknown as Window);
  const messages = () => peer.postMessage.mock.calls.map(([message]) => message);
  return { container, root, commands, messages, disconnect };
}

const deliver = (data: unknown) => window.dispatchEvent(new MessageEvent('message', { data }));

afterEach(() => {
  document.body.innerHTML = '';
});

describe('postMessage bridge', () => {
  it('announces a widget that was ready before it connected', () => {
    const { messages, disconnect } = setup();
    expect(messages()).toEqual([{ source: 'nn-courseware', type: 'event', event: 'ready', status: { widget: 'demo', step: 1, count: 3, query: 'step=1' } }]);
    disconnect();
  });

  it('runs commands, replies with the result and ignores foreign messages', async () => {
    const { commands, messages, disconnect } = setup();
    deliver({ source: 'nn-courseware', command: 'next', id: 7 });
    deliver({ source: 'someone-else', command: 'next' });
    deliver({ source: 'nn-courseware', command: 'explode', id: 8 });
    await Promise.resolve();
    expect(commands).toEqual([{ command: 'next' }]);
    const results = messages().filter((m) => m.type === 'result');
    expect(results).toMatchObject([{ id: 7, ok: true, status: { step: 2 } }, { id: 8, ok: false }]);
    disconnect();
  });

  it('forwards widget events and stepping keys the widget cannot use', () => {
    const { root, messages, disconnect } = setup();
    emitStepEvents(root, { widget: 'demo', step: 3, count: 3, query: '' });
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight' }));
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft' }));
    const events = messages().filter((m) => m.type === 'event').map((m) => m.event + (m.key ? `:${m.key}` : ''));
    expect(events).toEqual(['ready', 'stepchange', 'end', 'key:ArrowLeft']);
    disconnect();
  });

  it('gives every refusal a reason: from the controller, for a malformed command and for an unknown one', async () => {
    const { messages, disconnect } = setup();
    deliver({ source: 'nn-courseware', command: 'prev', id: 1 });
    deliver({ source: 'nn-courseware', command: 'goto', id: 2 });
    deliver({ source: 'nn-courseware', command: 'setState', state: 'w1=0.2', id: 3 });
    deliver({ source: 'nn-courseware', command: 'explode', id: 4 });
    await Promise.resolve();
    const results = messages().filter((m) => m.type === 'result');
    expect(results.map(({ id, ok, reason }) => [id, ok, reason])).toEqual([
      [1, false, 'cannot prev'],
      [2, false, 'goto needs a step: a number or a step key'],
      [3, false, 'state must be an object whose values are text, numbers or booleans'],
      [4, false, 'unknown command "explode"'],
    ]);
    disconnect();
  });

  it('answers a command that arrives before the widget is ready with a refusal, not silence', () => {
    const container = document.createElement('main');
    document.body.append(container);
    const peer = { postMessage: vi.fn() };
    const disconnect = connectBridge(container, window, peer as unknown as Window);
    deliver({ source: 'nn-courseware', command: 'next', id: 9 });
    expect(peer.postMessage.mock.calls.map(([message]) => message)).toMatchObject([{ type: 'result', id: 9, ok: false, reason: expect.stringContaining('not ready') }]);
    disconnect();
  });
});
