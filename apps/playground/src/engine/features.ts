/**
 * The input features of the plane problems (x₁, x₂, x₁², x₂², x₁x₂, sin πx₁, sin πx₂) computed
 * from inputs scaled to [−1, 1], and the grid of points every heatmap is evaluated on.
 */
import * as T from '@theta/tensor';
import type { FeatureName } from '../state/config.js';

/** Points per side of the grid the output and node heatmaps are evaluated on. */
export const GRID = 50;
/** Points of the 1-D grid the curve is evaluated on. */
export const CURVE = 200;

/** One feature of the scaled inputs u ∈ [−1, 1]². */
function feature(name: FeatureName, u1: number, u2: number): number {
  switch (name) {
    case 'x1': return u1;
    case 'x2': return u2;
    case 'x1sq': return u1 * u1;
    case 'x2sq': return u2 * u2;
    case 'x1x2': return u1 * u2;
    case 'sin1': return Math.sin(Math.PI * u1);
    case 'sin2': return Math.sin(Math.PI * u2);
  }
}

/** The feature matrix [rows, features] of scaled points (u₁, u₂) stored pairwise (or singly in 1-D). */
export function featureMatrix(points: Float64Array, dims: 1 | 2, features: readonly FeatureName[]): T.Tensor {
  const rows = points.length / dims;
  const out = new Float64Array(rows * features.length);
  for (let i = 0; i < rows; i++) {
    const u1 = points[i * dims] as number;
    const u2 = dims === 2 ? (points[i * dims + 1] as number) : 0;
    features.forEach((f, j) => (out[i * features.length + j] = feature(f, u1, u2)));
  }
  return T.fromData(out, [rows, features.length]);
}

/** The grid's scaled points: row-major, x₁ fastest, x₂ from +1 (top) down to −1. */
export function gridPoints(dims: 1 | 2): Float64Array {
  if (dims === 1) return Float64Array.from({ length: CURVE }, (_, i) => -1 + (2 * i) / (CURVE - 1));
  const out = new Float64Array(GRID * GRID * 2);
  for (let r = 0; r < GRID; r++) {
    for (let c = 0; c < GRID; c++) {
      out[2 * (r * GRID + c)] = -1 + (2 * (c + 0.5)) / GRID;
      out[2 * (r * GRID + c) + 1] = 1 - (2 * (r + 0.5)) / GRID;
    }
  }
  return out;
}

