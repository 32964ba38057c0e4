/**
 * Two readings of a gradient profile (vanishing-gradients.ts) that a chart or a sentence needs:
 * the average shrink per layer, and the documents' "0.25 per layer" rule drawn from the output δ.
 */
import type { GradientProfile } from './vanishing-gradients';

/**
 * The geometric-mean factor by which ‖δ‖ changes per layer between the output layer and the first
 * hidden layer: (‖δ^1‖/‖δ^L‖)^(1/(L−1)). This is the number to hold against the documents' 0.25.
 */
export function perLayerFactor(profile: Pick<GradientProfile, 'layers' | 'ratio'>): number {
  const steps = profile.layers.length - 1;
  if (steps <= 0) return 1;
  return profile.ratio === 0 ? 0 : profile.ratio ** (1 / steps);
}

/**
 * ‖δ^L‖ · (max f′)^k for each layer, output first: where ‖δ‖ would sit if every layer multiplied it
 * by the activation's largest slope and nothing else (0.25^k for sigmoid, document 003 §5).
 */
export function slopeOnlyLine(profile: Pick<GradientProfile, 'layers'>): number[] {
  const output = profile.layers[0]?.deltaNorm ?? 0;
  return profile.layers.map((layer) => output * layer.slopeFactor);
}
