import { afterEach, describe, expect, it, vi } from 'vitest';
import { connectBridge } from '../../src/components/embed/bridge';
import { emitStepEvents, registerController, type WidgetCommand } from '../../src/components/shared/widget-api';

function setup() {
  const container = document.createElement('main');
  const root = document.createElement('div');
  root.dataset.widget = 'demo';
  container.append(root);
  document.body.append(container);
  let step = 1;
  const commands: WidgetCommand[] = [];
  registerController(root, {
    widget: 'demo',
    status: () => ({ widget: 'demo', step, count: 3, query: `step=${step}` }),
    run: (command) => {
      commands.push(command);
      if (command.command !== 'next' || step === 3) return false;
      step += 1;
      return true;
    },
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
});
