/**
 * The demo's URL fields: depth, width, act, scale, seed (defaults are left out of links), e.g.
 * ?depth=20&act=relu&scale=0.1768. A value the demo would refuse as input is refused here too.
 */
import { VANISHING_ACTIVATIONS, type VanishingActivation, type VanishingOptions } from '../../../engine/models/vanishing-gradients';
import { readUrlState, type FieldParser, type FieldParsers } from '../../shared/url-state';
import { DEFAULT_OPTIONS, parseField, type NumericField } from './fields';

export interface VanishingUrl {
  depth: number;
  width: number;
  act: VanishingActivation;
  scale: number;
  seed: number;
}

const numberParser = (name: NumericField): FieldParser<number> => (raw) => {
  const result = parseField(name, raw, { ...DEFAULT_OPTIONS });
  return 'error' in result ? { error: true } : result;
};

export const PARSERS: FieldParsers<VanishingUrl> = {
  depth: numberParser('depth'),
  width: numberParser('width'),
  act: (raw) => ((VANISHING_ACTIVATIONS as readonly string[]).includes(raw) ? { value: raw as VanishingActivation } : { error: true }),
  scale: numberParser('weightScale'),
  seed: numberParser('seed'),
};

/** The settings a query string asks for, and the "name=value" entries it had to ignore. */
export function readVanishingUrl(query: URLSearchParams, prefix = ''): { options: Partial<VanishingOptions>; ignored: string[] } {
  const { values, ignored } = readUrlState<VanishingUrl>(query, PARSERS, { prefix });
  const options: Partial<VanishingOptions> = {};
  if (values.depth !== undefined) options.depth = values.depth;
  if (values.width !== undefined) options.width = values.width;
  if (values.act !== undefined) options.activation = values.act;
  if (values.scale !== undefined) options.weightScale = values.scale;
  if (values.seed !== undefined) options.seed = values.seed;
  return { options, ignored };
}

export function vanishingUrlFields(options: VanishingOptions): Record<keyof VanishingUrl, string | undefined> {
  const unlessDefault = <K extends keyof VanishingOptions>(key: K) =>
    options[key] === DEFAULT_OPTIONS[key] ? undefined : String(options[key]);
  return {
    depth: unlessDefault('depth'),
    width: unlessDefault('width'),
    act: unlessDefault('activation'),
    scale: unlessDefault('weightScale'),
    seed: unlessDefault('seed'),
  };
}
