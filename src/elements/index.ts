/**
 * Custom elements for pages outside this site: <nn-backprop-stepper> and one per widget (see
 * components/embed/registry.ts). Load the bundle, then use the tags:
 *
 *   <script type="module" src="https://<site>/elements/nn-widgets.js"></script>
 *   <nn-backprop-stepper step="17" order="published" controls="false" lang="en"></nn-backprop-stepper>
 *
 * Attributes: lang (without it, the language of the page around the element), controls ("false" hides editing controls), theme (light | dark | projector), and
 * any of the widget's URL fields (e.g. step, order, w1). Methods: next(), prev(), first(), last(),
 * reset(), goto(step), setState({...}) each return true or false; execute(command) returns { ok } or
 * { ok: false, reason } saying why; status(). Events (bubbling, from the element):
 * nn-ready, nn-stepchange, nn-start, nn-end, nn-statechange, with the widget status as `detail`.
 */
import { mount, unmount } from 'svelte';
import { WIDGETS } from '../components/registry';
import { langOf, loadStrings, widgetNamespaces } from '../i18n';
import type { WidgetDescriptor } from '../components/shared/descriptor';
import { controllerOf, type CommandResult, type WidgetCommand, type WidgetStatus } from '../components/shared/widget-api';
import kitCss from '../components/shared/widget-kit.css?raw';
import tokensCss from '../styles/widget-tokens.css?raw';

const OWN_ATTRIBUTES = ['lang', 'controls', 'theme'];
const NOT_READY = 'the widget is not ready yet: wait for nn-ready';

const SHADOW_CSS = `${tokensCss.replace(/:root\[data-theme='(\w+)'\]/g, ":host([theme='$1'])").replace(/:root/g, ':host')}
${kitCss}
:host { display: block; font-family: var(--sl-font); color: var(--sl-color-white); line-height: 1.5; }
:host([theme='projector']) { font-size: 150%; }`;

function defineWidgetElement(entry: WidgetDescriptor) {
  if (customElements.get(entry.element)) return;

  class NnWidgetElement extends HTMLElement {
    #container?: HTMLElement;
    #instance?: Record<string, unknown>;

    async connectedCallback() {
      if (this.#container) return;
      const shadow = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
      shadow.innerHTML = `<style>${SHADOW_CSS}</style>`;
      this.#container = document.createElement('div');
      shadow.append(this.#container);
      const lang = this.#lang();
      const [{ default: Widget }] = await Promise.all([entry.load(), loadStrings(lang, widgetNamespaces(entry.strings, 'common'))]);
      this.#instance = mount(Widget, {
        target: this.#container,
        props: {
          lang,
          controls: this.getAttribute('controls') !== 'false' && this.getAttribute('theme') !== 'projector',
          syncUrl: false,
        },
      });
      await Promise.resolve();
      const state = this.#stateAttributes();
      if (Object.keys(state).length > 0) this.setState(state);
    }

    /**
     * The element's own lang attribute or, without one, the language of the page around it (the
     * closest lang attribute), as any other element on that page would read it.
     */
    #lang() {
      return langOf(this.closest('[lang]')?.getAttribute('lang') ?? document.documentElement.lang);
    }

    static observedAttributes = ['lang'];

    /** A changed language restarts the widget in it, keeping the state it shows. */
    async attributeChangedCallback(name: string, before: string | null, after: string | null) {
      if (name !== 'lang' || before === after || !this.#container) return;
      const query = this.status()?.query;
      this.disconnectedCallback();
      await this.connectedCallback();
      if (query) this.setState(Object.fromEntries(new URLSearchParams(query)));
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

    /** What the command came to: `{ ok: true }`, or `{ ok: false, reason }` saying why it was refused. */
    #run(command: WidgetCommand): CommandResult {
      return controllerOf(this.#container?.querySelector('[data-widget]'))?.execute(command) ?? { ok: false, reason: NOT_READY };
    }

    /** Any command, answered with `{ ok, reason }`; the named methods below answer true or false, as they always have. */
    execute = (command: WidgetCommand) => this.#run(command);
    next = () => this.#run({ command: 'next' }).ok;
    prev = () => this.#run({ command: 'prev' }).ok;
    first = () => this.#run({ command: 'first' }).ok;
    last = () => this.#run({ command: 'last' }).ok;
    reset = () => this.#run({ command: 'reset' }).ok;
    goto = (step: number | string) => this.#run({ command: 'goto', step }).ok;
    setState = (state: Record<string, string | number | boolean>) => this.#run({ command: 'setState', state }).ok;
    status = (): WidgetStatus | undefined => controllerOf(this.#container?.querySelector('[data-widget]'))?.status();
  }

  customElements.define(entry.element, NnWidgetElement);
}

WIDGETS.forEach(defineWidgetElement);
