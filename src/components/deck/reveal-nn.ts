/**
 * A reveal.js plugin for decks that embed this site's widgets in iframes (marked data-nn-widget):
 * → / Space / ← step the widget on the current slide while it has steps left in that direction,
 * and move the deck once it has none. It listens to the widgets' postMessage events, so it also
 * works when the reader clicked into a widget and the iframe holds the keyboard focus.
 * Each embed reports its content height; the plugin makes the iframe that tall and scales it down
 * until it fits below the slide's heading, so no part of a widget is cut off.
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

/** Room kept free under a widget, in slide pixels. */
const BOTTOM_MARGIN = 12;

/** Shows the whole `contentHeight` of the embed in `frame`, scaled down to the room left on its slide; true when it changed. */
function fitFrame(frame: HTMLIFrameElement, contentHeight: number, slideHeight: number): boolean {
  const room = slideHeight - frame.offsetTop - BOTTOM_MARGIN;
  const scale = room > 0 ? Math.min(1, room / contentHeight) : 1;
  const before = frame.style.cssText;
  frame.style.height = `${contentHeight}px`;
  frame.style.transformOrigin = 'top center';
  frame.style.transform = scale < 1 ? `scale(${scale})` : '';
  // A transform leaves the layout box as it was: the margin gives back the height the scaling took off.
  frame.style.marginBottom = `${contentHeight * (scale - 1)}px`;
  frame.dataset.scale = scale.toFixed(3);
  return frame.style.cssText !== before;
}

export function nnWidgets(): RevealPlugin {
  const statuses = new Map<MessageEventSource, StepStatus>();
  const heights = new Map<MessageEventSource, number>();

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

      const frames = () => [...(deck.getSlidesElement()?.querySelectorAll<HTMLIFrameElement>('iframe[data-nn-widget]') ?? [])];
      /** Fits every frame whose height is known; offsetTop is only right once its slide is laid out, so this reruns on each move. */
      const fitAll = () => {
        const slideHeight = Number(deck.getConfig().height) || 700;
        let changed = false;
        for (const frame of frames()) {
          const height = frame.contentWindow ? heights.get(frame.contentWindow) : undefined;
          if (height !== undefined) changed = fitFrame(frame, height, slideHeight) || changed;
        }
        // The slide's height changed with its frame: reveal centres slides by their height.
        if (changed) deck.layout();
      };
      deck.on('ready', fitAll);
      deck.on('slidechanged', fitAll);
      deck.on('resize', fitAll);

      window.addEventListener('message', (event: MessageEvent) => {
        const data = event.data as { source?: string; type?: string; event?: string; key?: string; height?: number; status?: StepStatus } | null;
        if (!data || data.source !== SOURCE || !event.source) return;
        if (data.type === 'size' && typeof data.height === 'number' && data.height > 0) {
          heights.set(event.source, data.height);
          fitAll();
          return;
        }
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
