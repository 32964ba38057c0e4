/**
 * Colours of the decision-boundary picture. Orange and blue (Okabe–Ito) stay distinguishable for
 * the common colour-vision deficiencies; the points also differ in shape (square vs circle), so
 * nothing depends on colour alone.
 */
type Rgb = readonly [number, number, number];

export type Theme = 'light' | 'dark';

const CLASS_0: Record<Theme, Rgb> = { light: [230, 159, 0], dark: [230, 159, 0] };
const CLASS_1: Record<Theme, Rgb> = { light: [0, 114, 178], dark: [86, 180, 233] };
const NEUTRAL: Record<Theme, Rgb> = { light: [250, 250, 250], dark: [36, 39, 46] };
/** The background is a tint, so points in the same colour stay visible on top of it. */
const STRENGTH = 0.6;

const mix = (a: Rgb, b: Rgb, t: number): Rgb => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];

/** Background colour for P(class 1) = p: orange below ½, blue above, neutral at the boundary. */
export function probabilityColour(p: number, theme: Theme): Rgb {
  const clamped = Number.isFinite(p) ? Math.min(1, Math.max(0, p)) : 0.5;
  const towards = clamped < 0.5 ? CLASS_0[theme] : CLASS_1[theme];
  return mix(NEUTRAL[theme], towards, Math.abs(2 * clamped - 1) * STRENGTH);
}

/** RGBA bytes for a resolution × resolution grid, row 0 at the top (the engine's order). */
export function heatmapPixels(values: readonly number[], theme: Theme): Uint8ClampedArray<ArrayBuffer> {
  const pixels = new Uint8ClampedArray(values.length * 4);
  values.forEach((p, i) => {
    const [r, g, b] = probabilityColour(p, theme);
    pixels.set([r, g, b, 255], i * 4);
  });
  return pixels;
}
