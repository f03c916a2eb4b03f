/**
 * Small heatmaps: a node's activation over the input plane (or along the 1-D input), an 8×8
 * weight image for the digits, and how a layer's activations are mapped onto the colour scale.
 */
import { CURVE, GRID } from '../engine/features.js';
import { fillPixels } from './colors.js';

/** Maps an activation value onto t ∈ [−1, 1] for σ's range; unbounded ones by their largest |a|. */
export function activationScale(name: string, values: ArrayLike<number>, column: number, stride: number): (v: number) => number {
  if (name === 'tanh' || name === 'input') return (v) => v;
  if (name === 'sigmoid' || name === 'softmax') return (v) => 2 * v - 1;
  let max = 0;
  for (let i = column; i < values.length; i += stride) max = Math.max(max, Math.abs(values[i] as number));
  const scale = max > 0 ? 1 / max : 1;
  return (v) => v * scale;
}

/** One column of a row-major [rows, stride] buffer. */
export function column(values: Float32Array, j: number, stride: number): Float32Array {
  const rows = values.length / stride;
  const out = new Float32Array(rows);
  for (let i = 0; i < rows; i++) out[i] = values[i * stride + j] as number;
  return out;
}

/** A canvas whose pixels are a grid of values; the browser scales it smoothly to its CSS size. */
export class Heat {
  readonly canvas: HTMLCanvasElement;
  readonly #context: CanvasRenderingContext2D;
  readonly #image: ImageData;

  constructor(width: number, height: number, className = 'heat') {
    this.canvas = document.createElement('canvas');
    this.canvas.width = width;
    this.canvas.height = height;
    this.canvas.className = className;
    this.#context = this.canvas.getContext('2d')!;
    this.#image = this.#context.createImageData(width, height);
  }

  /** Fills the canvas with `values` (row-major, one per pixel) through `map` onto the scale. */
  draw(values: ArrayLike<number>, map: (v: number) => number): void {
    fillPixels(this.#image.data, values, map);
    this.#context.putImageData(this.#image, 0, 0);
  }
}

/** A heat canvas sized for a problem: GRID×GRID for the plane, a CURVE×1 strip for 1-D, 8×8 for digits. */
export function heatFor(dims: 1 | 2 | 64, className?: string): Heat {
  if (dims === 1) return new Heat(CURVE, 1, className);
  if (dims === 64) return new Heat(8, 8, className);
  return new Heat(GRID, GRID, className);
}
