import type { LayerGradient } from '../../../engine/models/vanishing-gradients';
import type { VanishingStrings } from './strings';

/** What the chart and the table of one run both show. */
export type GradientViewProps = {
  /** Output layer first, as the engine orders them. */
  layers: readonly LayerGradient[];
  /** ‖δ^L‖·0.25^k per layer, output first; null when the activation is not sigmoid. */
  documentLine: readonly number[] | null;
  strings: VanishingStrings;
};
