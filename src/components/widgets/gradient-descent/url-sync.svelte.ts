/**
 * Keeps the widget and the address bar in step: the URL is read once on start, then every change
 * is written back with history.replaceState (no history entry per step).
 */
import { writeUrlState } from '../../shared/url-state';
import type { GradientDescentModel } from './model.svelte';
import { readGradientDescentUrl } from './url';
import { CURVE_DEFAULTS, CURVE_VIEWS, DEFAULT_BATCH, SURFACE_DEFAULTS, VIEWS } from './settings';

/**
 * Applies query fields to the model (the URL reader and the controller's setState share this);
 * returns the "name=value" entries it had to ignore. With `strict`, unknown names are reported too.
 */
export function applyQuery(
  model: GradientDescentModel,
  query: URLSearchParams,
  options: { prefix?: string; strict?: boolean } = {},
): string[] {
  const { prefix = '', strict = false } = options;
  const { values, ignored } = readGradientDescentUrl(query, { prefix, strict });
  if (values.view) model.setView(values.view);
  if (values.curve) {
    if (model.view === 'curve') model.setCurve(values.curve);
    else ignored.push(`${prefix}curve=${values.curve}`);
  }
  const refused = model.apply({ alpha: values.alpha, w0: values.w0, b0: values.b0, batch: values.n, steps: values.steps });
  for (const field of refused) {
    const name = field === 'batch' ? 'n' : field;
    ignored.push(`${prefix}${name}=${query.get(prefix + name)}`);
  }
  return ignored;
}

/** Applies the URL to the model; returns the "name=value" entries it had to ignore. */
export function applyUrl(model: GradientDescentModel, location: Location, prefix = ''): string[] {
  return applyQuery(model, new URLSearchParams(location.search), { prefix });
}

/** The query fields that describe the active view; defaults are left out so links stay short. */
export function urlFields(model: GradientDescentModel): Record<string, string | undefined> {
  const unlessDefault = (value: number, fallback: number) => (value === fallback ? undefined : String(value));
  const curveView = model.view === 'curve';
  const settings = model.settings;
  return {
    view: model.view === model.startView ? undefined : model.view,
    curve: curveView && model.curve.curveId !== CURVE_DEFAULTS.curveId ? model.curve.curveId : undefined,
    alpha: unlessDefault(settings.alpha, curveView ? CURVE_DEFAULTS.alpha : SURFACE_DEFAULTS.alpha),
    w0: unlessDefault(settings.w0, curveView ? CURVE_VIEWS[model.curve.curveId].start : SURFACE_DEFAULTS.w0),
    b0: curveView ? undefined : unlessDefault(model.surface.b0, SURFACE_DEFAULTS.b0),
    steps: unlessDefault(settings.steps, 0),
    n: unlessDefault(model.batch, DEFAULT_BATCH),
  };
}

/**
 * The model's state as a query string for links, embeds and the controller. Unlike the address
 * bar, it names the view whenever it is not the curve, because an embed page opens on that.
 */
export function queryOf(model: GradientDescentModel): string {
  const view = model.view === VIEWS[0] ? undefined : model.view;
  return writeUrlState(new URLSearchParams(), { ...urlFields(model), view }).toString();
}

export function writeUrl(model: GradientDescentModel, prefix = '') {
  const query = writeUrlState(new URLSearchParams(window.location.search), urlFields(model), prefix);
  const search = query.toString();
  const url = `${window.location.pathname}${search ? `?${search}` : ''}${window.location.hash}`;
  if (url !== `${window.location.pathname}${window.location.search}${window.location.hash}`) {
    window.history.replaceState(window.history.state, '', url);
  }
}
