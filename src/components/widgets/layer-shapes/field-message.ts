/**
 * The reader-facing message for a refused count, with the value still in use. A text that does
 * not read as a number gets the site's shared wording; the engine's limits keep this widget's own.
 */
import { MAX_DIMENSION } from '../../../engine/models/layer-shapes';
import { fill, type Lang } from '../../../i18n';
import { numberMessage } from '../../shared/typed-number';
import type { DimensionError } from './model.svelte';
import type { LayerShapesStrings } from './text';

type Refusals = LayerShapesStrings['errors'];

/** One number can only be refused as not an integer, below 1 or above the maximum; the list-wide codes never reach a field. */
const worded = (code: string, refusals: Refusals): code is Exclude<keyof Refusals, 'kept'> => code !== 'kept' && code in refusals;

export function dimensionMessage(error: DimensionError, kept: number, strings: LayerShapesStrings, lang: Lang): string {
  const name = error.field === 'm' ? strings.fieldNames.m : fill(strings.fieldNames.layer, { l: error.field });
  const { problem } = error;
  const refusal =
    'typed' in problem
      ? numberMessage(lang, problem.typed, error.raw, name)
      : fill(worded(problem.shape, strings.errors) ? strings.errors[problem.shape] : strings.errors['not-positive'], {
          name,
          raw: error.raw,
          max: MAX_DIMENSION,
        });
  return `${refusal} ${fill(strings.errors.kept, { value: kept })}`;
}
