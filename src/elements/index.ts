/**
 * Custom elements for pages outside this site: <nn-backprop-stepper> and one per widget (see
 * components/embed/registry.ts). Load the bundle, then use the tags:
 *
 *   <script type="module" src="https://<site>/elements/nn-widgets.js"></script>
 *   <nn-backprop-stepper step="17" order="published" controls="false" lang="en"></nn-backprop-stepper>
 *
 * Attributes: lang, controls ("false" hides editing controls), theme (light | dark | projector), and
 * any of the widget's URL fields (e.g. step, order, w1). Methods: next(), prev(), first(), last(),
 * reset(), goto(step), setState({...}), status(). Events (bubbling, from the element):
 * nn-ready, nn-stepchange, nn-start, nn-end, nn-statechange, with the widget status as `detail`.
 */
import { mount, unmount } from 'svelte';
import katexCss from 'katex/dist/katex.min.css?raw';
import { WIDGETS, type WidgetEntry } from '../components/embed/registry';
import { controllerOf, type WidgetCommand, type WidgetStatus } from '../components/shared/widget-api';
import tokensCss from '../styles/widget-tokens.css?raw';

const OWN_ATTRIBUTES = ['lang', 'controls', 'theme'];
/** Where this bundle was loaded from; KaTeX's fonts are served beside it. Kept in a variable so the
 * bundler leaves the URL to be resolved in the browser. */
const BUNDLE_URL = import.meta.url;

/** KaTeX's fonts must be declared in the document (fonts declared inside a shadow root are ignored). */
function installKatexFonts() {
  if (document.getElementById('nn-katex-fonts')) return;
  const faces = katexCss.match(/@font-face\{[^}]*\}/g) ?? [];
  const style = document.createElement('style');
  style.id = 'nn-katex-fonts';
  style.textContent = faces
    .map((face) => {
      const woff2 = /url\((fonts\/[^)]+\.woff2)\)/.exec(face);
      if (!woff2) return '';
      const href = new URL(woff2[1], BUNDLE_URL).href;
      return face.replace(/src:[^;}]*/, `src:url(${href}) format("woff2")`);
    })
    .join('\n');
  document.head.append(style);
}

const SHADOW_CSS = `${tokensCss.replace(/:root\[data-theme='(\w+)'\]/g, ":host([theme='$1'])").replace(/:root/g, ':host')}
${katexCss.replace(/@font-face\{[^}]*\}/g, '')}
:host { display: block; font-family: var(--sl-font); color: var(--sl-color-white); line-height: 1.5; }
:host([theme='projector']) { font-size: 150%; }`;

function defineWidgetElement(entry: WidgetEntry) {
  if (customElements.get(entry.element)) return;

  class NnWidgetElement extends HTMLElement {
    #container?: HTMLElement;
    #instance?: Record<string, unknown>;

    async connectedCallback() {
      if (this.#container) return;
      installKatexFonts();
      const shadow = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
      shadow.innerHTML = `<style>${SHADOW_CSS}</style>`;
      this.#container = document.createElement('div');
      shadow.append(this.#container);
      const { default: Widget } = await entry.load();
      this.#instance = mount(Widget, {
        target: this.#container,
        props: {
          lang: this.getAttribute('lang') === 'en' ? 'en' : 'zh-CN',
          controls: this.getAttribute('controls') !== 'false' && this.getAttribute('theme') !== 'projector',
          syncUrl: false,
        },
      });
      await Promise.resolve();
      const state = this.#stateAttributes();
      if (Object.keys(state).length > 0) this.setState(state);
    }

    disconnectedCallback() {
      if (this.#instance) unmount(this.#instance);
      this.#instance = undefined;
      this.#container = undefined;
    }

    #stateAttributes(): Record<string, string> {
      return Object.fromEntries(
        [...this.attributes].filter((attribute) => !OWN_ATTRIBUTES.includes(attribute.name)).map((a) => [a.name, a.value]),
      );
    }

    #run(command: WidgetCommand): boolean {
      return controllerOf(this.#container?.querySelector('[data-widget]'))?.run(command) ?? false;
    }

    next = () => this.#run({ command: 'next' });
    prev = () => this.#run({ command: 'prev' });
    first = () => this.#run({ command: 'first' });
    last = () => this.#run({ command: 'last' });
    reset = () => this.#run({ command: 'reset' });
    goto = (step: number | string) => this.#run({ command: 'goto', step });
    setState = (state: Record<string, string>) => this.#run({ command: 'setState', state });
    status = (): WidgetStatus | undefined => controllerOf(this.#container?.querySelector('[data-widget]'))?.status();
  }

  customElements.define(entry.element, NnWidgetElement);
}

WIDGETS.forEach(defineWidgetElement);
