/**
 * The one harness every browser suite uses. Calling `widgetHarness` (or `useBrowser`) in a test file
 * connects that file to the run's single Chromium (started in global-setup.ts), closes the pages a
 * test opened once it ends, and fails the test if any of them logged a console error, threw, lost a
 * request or got an HTTP error.
 */
import { chromium, type Browser, type BrowserContext, type Frame, type Locator, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';

export const baseUrl = inject('baseUrl');
export const siteDir = inject('siteDir');

/** Each widget's lesson page; its embed page links back to it. */
export const LESSONS = {
  'activation-functions': '/activations/activation-functions/',
  'backprop-222': '/backprop/worked-example/',
  'backprop-stepper': '/backprop/general-algorithm/',
  'computation-graph': '/gradients/computation-graphs/',
  'decision-boundary': '/intro/why-neural-networks/',
  'gradient-descent': '/gradients/gradient-descent/',
  'layer-shapes': '/structure/forward-propagation/',
  'logic-gates': '/intro/logic-gates/',
  'mnist-lab': '/deep/mnist-lab/',
  'softmax-cross-entropy': '/loss/softmax-cross-entropy/',
  'vanishing-gradients': '/deep/vanishing-gradients/',
} as const;
export type WidgetName = keyof typeof LESSONS;

interface Size {
  width: number;
  height: number;
}
/** The narrowest phone the widgets promise to fit without sideways scrolling. */
export const PHONE: Size = { width: 360, height: 740 };
const TOUCH_PHONE: Size = { width: 390, height: 844 };

export interface OpenOptions {
  /** A touch-screen phone context (390 × 844 unless `viewport` says otherwise). */
  touch?: boolean;
  viewport?: Size;
  /** `false` opens the page with JavaScript disabled and does not wait for the widget to hydrate. */
  javaScript?: boolean;
}

interface Opened {
  page: Page;
  problems: string[];
}

let browser: Browser | undefined;
let users = 0;
/** One context per kind of device, kept for the file so its HTTP cache serves the site's assets from the second page on. */
let contexts = new Map<string, Promise<BrowserContext>>();
let opened: Opened[] = [];

/**
 * Registers the connection to the shared browser for the calling file or describe block. Calls may
 * nest or repeat: the connection opens before the first block that needs it and closes after the last.
 */
export function useBrowser(): void {
  beforeAll(async () => {
    users++;
    browser ??= await chromium.connect(inject('wsEndpoint'));
  });
  afterEach(async () => {
    const closing = opened;
    opened = [];
    const problems = closing.flatMap(({ page, problems }) => problems.map((problem) => `${page.url()} ${problem}`));
    await Promise.all(closing.map(({ page }) => page.close()));
    expect(problems, 'errors reported by the pages this test opened').toEqual([]);
  });
  afterAll(async () => {
    if (--users > 0) return;
    contexts = new Map();
    await browser?.close();
    browser = undefined;
  });
}

/** Collects console errors, uncaught exceptions, failed requests and HTTP errors on a page. */
function watchForErrors(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`requestfailed: ${request.url()}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`http ${response.status()}: ${response.url()}`);
  });
  return problems;
}

function contextFor(options: OpenOptions): Promise<BrowserContext> {
  if (!browser) throw new Error('opening a page needs useBrowser() or widgetHarness() in the test file');
  const settings = {
    viewport: options.viewport ?? (options.touch ? TOUCH_PHONE : undefined),
    hasTouch: options.touch ?? false,
    isMobile: options.touch ?? false,
    javaScriptEnabled: options.javaScript ?? true,
  };
  const key = JSON.stringify(settings);
  if (!contexts.has(key)) contexts.set(key, browser.newContext(settings));
  return contexts.get(key)!;
}

/** A new page, watched for errors and closed after the test; `target` is a site path or an absolute URL. */
export async function openPage(target: string, options: OpenOptions = {}, prepare?: (page: Page) => Promise<void>): Promise<Page> {
  const page = await (await contextFor(options)).newPage();
  opened.push({ page, problems: watchForErrors(page) });
  await prepare?.(page);
  await page.goto(new URL(target, baseUrl).href);
  return page;
}

/** Lists the `message` posts the courseware bridge sends from a page. */
export interface BridgeMessage {
  type: string;
  event?: string;
  id?: unknown;
  ok?: boolean;
  status?: Record<string, unknown>;
}

/** One widget on a page, an iframe or inside a custom element, with the reads and moves the suites share. */
export class WidgetPage {
  constructor(
    readonly page: Page,
    readonly name: string,
    private readonly scope: Page | Frame | Locator = page,
  ) {}

  get root(): Locator {
    return this.scope.locator(`[data-widget="${this.name}"]`);
  }

  find(selector: string): Locator {
    return this.root.locator(selector);
  }

  async ready(): Promise<this> {
    await this.scope.locator(`[data-widget="${this.name}"][data-ready="true"]`).waitFor();
    return this;
  }

  /** An attribute of the widget root, such as `data-sizes`. */
  attr(name: string): Promise<string | null> {
    return this.root.getAttribute(name);
  }

  async number(selector: string, attribute: string): Promise<number> {
    return Number(await this.find(selector).getAttribute(attribute));
  }

  action(name: string): Locator {
    return this.find(`[data-action="${name}"]`);
  }

  click(action: string): Promise<void> {
    return this.action(action).click();
  }

  field(name: string): Locator {
    return this.find(`input[name="${name}"]`);
  }

  /** Replaces a field's text by typing, one keystroke at a time, as a keyboard user does. */
  async type(field: string, text: string): Promise<void> {
    await this.field(field).focus();
    await this.page.keyboard.press('ControlOrMeta+a');
    await this.page.keyboard.type(text);
  }

  async press(...keys: string[]): Promise<void> {
    for (const key of keys) await this.page.keyboard.press(key);
  }

  stepKey(): Promise<string | null> {
    return this.find('[data-step-key]').getAttribute('data-step-key');
  }

  stepValue(): Promise<number> {
    return this.number('[data-step-key]', 'data-step-value');
  }

  /** Presses each key in turn and checks the step it leads to. */
  async walkSteps(moves: [key: string, step: string][]): Promise<void> {
    for (const [key, step] of moves) {
      await this.page.keyboard.press(key);
      expect(await this.stepKey(), `after ${key}`).toBe(step);
    }
  }

  /** Presses `key` until the current step is `target`, failing if it is not reached within `limit` presses. */
  async pressUntilStep(target: string, key = 'ArrowRight', limit = 120): Promise<void> {
    for (let guard = 0; guard < limit && (await this.stepKey()) !== target; guard++) await this.page.keyboard.press(key);
    expect(await this.stepKey()).toBe(target);
  }

  param(name: string): string | null {
    return new URL(this.page.url()).searchParams.get(name);
  }

  /** Waits for the widget to write `value` into the address bar's `name` parameter. */
  async expectParam(name: string, value: string): Promise<void> {
    await expect.poll(() => this.param(name)).toBe(value);
  }

  async expectFitsWidth(because?: string): Promise<void> {
    const overflow = await this.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, because).toBeLessThanOrEqual(1);
  }

  async expectNoNaN(): Promise<void> {
    expect(await this.root.textContent()).not.toMatch(/NaN|Infinity/);
  }

  /**
   * With scripts off (issue #14): every copy of the widget says why its controls do nothing, and
   * those controls are shown inert rather than looking ready.
   */
  async expectInertWithNote(): Promise<void> {
    const copies = await this.root.evaluateAll((roots) =>
      roots.map((root) => ({
        ready: root.getAttribute('data-ready'),
        note: root.querySelector('[data-role="noscript"]')?.textContent ?? '',
        noteShown: [...root.querySelectorAll('[data-role="noscript"]')].some((note) => getComputedStyle(note).display !== 'none'),
        live: [...root.querySelectorAll('button, input, select, textarea')].filter((control) => getComputedStyle(control).pointerEvents !== 'none').length,
      })),
    );
    expect(copies.length).toBeGreaterThan(0);
    for (const copy of copies) {
      expect(copy).toMatchObject({ ready: 'false', noteShown: true, live: 0 });
      expect(copy.note).toContain('JavaScript');
    }
  }

  /** The lesson page's notice about link parameters it could not use: polite, inside the widget, naming each one. */
  async expectUrlNotice(entries: string[]): Promise<void> {
    const notice = this.find('[data-role="url-notice"]');
    expect(await notice.isVisible()).toBe(true);
    expect(await notice.getAttribute('role')).toBe('status');
    const text = await notice.textContent();
    for (const entry of entries) expect(text).toContain(entry);
  }

  /** The embed page's polite notices together name every parameter it could not use. */
  async expectEmbedNotice(entries: string[]): Promise<void> {
    const notices = (await this.page.locator('[role="status"]').allTextContents()).join(' ');
    for (const entry of entries) expect(notices).toContain(entry);
  }

  /** Posts one command to the page as a parent page would. */
  async post(command: object): Promise<void> {
    await this.listen();
    await this.page.evaluate((message) => window.postMessage({ source: 'nn-courseware', ...message }, '*'), command);
  }

  /** Every bridge message the page has sent since the first `post`, `exchange` or `messages` call. */
  async messages(): Promise<BridgeMessage[]> {
    await this.listen();
    return this.page.evaluate(() => (window as unknown as { nnBridgeLog: BridgeMessage[] }).nnBridgeLog);
  }

  /** Posts the commands in turn, `pause` ms apart, and returns the bridge messages they drew. */
  async exchange(commands: object[], pause = 100): Promise<BridgeMessage[]> {
    const before = (await this.messages()).length;
    for (const command of commands) {
      await this.post(command);
      await this.page.waitForTimeout(pause);
    }
    return (await this.messages()).slice(before);
  }

  private listen(): Promise<void> {
    return this.page.evaluate(() => {
      const log = window as unknown as { nnBridgeLog?: BridgeMessage[] };
      if (log.nnBridgeLog) return;
      const seen: BridgeMessage[] = [];
      log.nnBridgeLog = seen;
      window.addEventListener('message', (event) => {
        const data = event.data;
        if (data?.source === 'nn-courseware' && data.type) seen.push({ type: data.type, event: data.event, id: data.id, ok: data.ok, status: data.status });
      });
    });
  }
}

/** `event:status.a:status.b…` for each event, in order. */
export function events(messages: BridgeMessage[], ...fields: string[]): string[] {
  return messages.filter((message) => message.type === 'event').map((message) => [message.event, ...fields.map((field) => message.status?.[field])].join(':'));
}

/** `id:ok:status.a…` for each command result, in order. */
export function results(messages: BridgeMessage[], ...fields: string[]): string[] {
  return messages.filter((message) => message.type === 'result').map((message) => [message.id, message.ok, ...fields.map((field) => message.status?.[field])].join(':'));
}

/** Registers the browser for the calling file and opens one widget on its lesson page or its embed page. */
export function widgetHarness(name: WidgetName) {
  useBrowser();
  const lesson = LESSONS[name];

  async function open(path: string, options: OpenOptions = {}): Promise<WidgetPage> {
    const widget = new WidgetPage(await openPage(path, options), name);
    if (options.javaScript === false) return widget;
    // Lessons hydrate some widgets with client:visible, so the widget has to be scrolled into view
    // first; scrolling from the page avoids racing hydration, which replaces the element.
    await widget.page.evaluate((selector) => document.querySelector(selector)?.scrollIntoView(), `[data-widget="${name}"]`);
    return widget.ready();
  }

  return {
    name,
    lesson,
    openLesson: (query = '', options?: OpenOptions) => open(`${lesson}${query}`, options),
    openEmbed: (query = '', options?: OpenOptions) => open(`/embed/${name}/${query}`, options),
    /** A test of what the lesson page shows with JavaScript disabled, before any widget code runs. */
    withoutJavaScript(title: string, check: (widget: WidgetPage) => Promise<void>) {
      describe('without JavaScript', () => {
        it(title, async () => {
          const widget = await open(lesson, { javaScript: false });
          await check(widget);
          await widget.expectInertWithNote();
        });
      });
    },
  };
}
