/**
 * The one diverging colour scale of the app: orange for negative values (and class 0), a light
 * neutral at zero, blue for positive values (and class 1) — TensorFlow Playground's convention,
 * distinguishable with the common colour-vision deficiencies. Weights, heatmaps, δ and the
 * confusion matrix all use it, so one legend reads them all.
 */

/** RGB stops from t = −1 to t = +1. */
const stops: readonly (readonly [number, number, number])[] = [
  [196, 84, 0], // −1: deep orange
  [245, 147, 34], // −0.5
  [246, 244, 240], // 0: warm white
  [90, 160, 210], // +0.5
  [8, 100, 170], // +1: deep blue
];

/** The scale as RGB for t ∈ [−1, 1] (clamped; NaN is grey). */
export function diverging(t: number): readonly [number, number, number] {
  if (Number.isNaN(t)) return [160, 160, 160];
  const x = (Math.max(-1, Math.min(1, t)) + 1) * 2; // 0 … 4
  const i = Math.min(3, Math.floor(x));
  const f = x - i;
  const a = stops[i]!;
  const b = stops[i + 1]!;
  return [a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f, a[2] + (b[2] - a[2]) * f];
}

/** The scale as a CSS colour. */
export function divergingCss(t: number, alpha = 1): string {
  const [r, g, b] = diverging(t);
  return `rgba(${Math.round(r)}, ${Math.round(g)}, ${Math.round(b)}, ${alpha})`;
}

/** A precomputed 256-entry table of the scale, for filling image data fast. */
export const divergingTable: Uint8ClampedArray = (() => {
  const table = new Uint8ClampedArray(256 * 3);
  for (let i = 0; i < 256; i++) {
    const [r, g, b] = diverging((i / 255) * 2 - 1);
    table.set([r, g, b], i * 3);
  }
  return table;
})();

/** Writes `values` (t ∈ [−1, 1] each) into RGBA `pixels`. */
export function fillPixels(pixels: Uint8ClampedArray, values: ArrayLike<number>, map: (v: number) => number): void {
  for (let i = 0; i < values.length; i++) {
    const t = map(values[i] as number);
    const k = Number.isNaN(t) ? 127 : Math.round((Math.max(-1, Math.min(1, t)) + 1) * 127.5);
    pixels[4 * i] = divergingTable[3 * k] as number;
    pixels[4 * i + 1] = divergingTable[3 * k + 1] as number;
    pixels[4 * i + 2] = divergingTable[3 * k + 2] as number;
    pixels[4 * i + 3] = 255;
  }
}

/** Ink colours of the page. */
export const ink = { text: '#1d2733', muted: '#5d6b7a', faint: '#c9d1da', train: '#8a96a3', test: '#1d2733', orange: '#e0771a', blue: '#1a6fb0' } as const;
