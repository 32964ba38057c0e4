/**
 * A reveal.js plugin for decks that embed this site's widgets in iframes (marked data-nn-widget):
 * → / Space / ← step the widget on the current slide while it has steps left in that direction,
 * and move the deck once it has none. It listens to the widgets' postMessage events, so it also
 * works when the reader clicked into a widget and the iframe holds the keyboard focus.
 *
 *   import Reveal from 'reveal.js';
 *   import { nnWidgets } from './reveal-nn';
 *   new Reveal({ plugins: [nnWidgets()] }).initialize();
 */
import type { RevealApi, RevealPlugin } from 'reveal.js';

const SOURCE = 'nn-courseware';

interface StepStatus {
  step?: number;
  count?: number;
}

type Direction = 'next' | 'prev';

export function nnWidgets(): RevealPlugin {
  const statuses = new Map<MessageEventSource, StepStatus>();

  return {
    id: 'nn-widgets',
    init(deck: RevealApi) {
      const currentFrame = () => deck.getCurrentSlide()?.querySelector<HTMLIFrameElement>('iframe[data-nn-widget]') ?? null;

      /** Steps the widget if it can go further that way; otherwise moves the deck. */
      const advance = (direction: Direction) => {
        const frame = currentFrame();
        const target = frame?.contentWindow;
        const status = target ? statuses.get(target) : undefined;
        if (target && status?.step !== undefined && status.count !== undefined) {
          const canStep = direction === 'next' ? status.step < status.count : status.step > 1;
          if (canStep) {
            status.step += direction === 'next' ? 1 : -1;
            target.postMessage({ source: SOURCE, command: direction }, '*');
            return;
          }
        }
        if (direction === 'next') deck.next();
        else deck.prev();
      };

      window.addEventListener('message', (event: MessageEvent) => {
        const data = event.data as { source?: string; type?: string; event?: string; key?: string; status?: StepStatus } | null;
        if (!data || data.source !== SOURCE || !event.source) return;
        if (data.status) statuses.set(event.source, { step: data.status.step, count: data.status.count });
        if (data.type === 'event' && data.event === 'key' && event.source === currentFrame()?.contentWindow) {
          advance(data.key === 'ArrowLeft' ? 'prev' : 'next');
        }
      });

      deck.addKeyBinding({ keyCode: 39, key: '→', description: 'next step or slide' }, () => advance('next'));
      deck.addKeyBinding({ keyCode: 32, key: 'Space', description: 'next step or slide' }, () => advance('next'));
      deck.addKeyBinding({ keyCode: 37, key: '←', description: 'previous step or slide' }, () => advance('prev'));
    },
  };
}
