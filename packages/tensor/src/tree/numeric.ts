/**
 * Numbers about whole trees: the global norm (for clipping and reporting ‖∂C/∂Θ‖), closeness
 * (for tests and gradient checks) and the first non-finite leaf (for training diagnostics).
 *
 * @module
 */
import type { Tensor } from '../core/tensor.js';
import { kernels } from '../kernels/backend.js';
import { leaves, reduce, type TensorTree } from './tree.js';
import { isTensor } from '../core/tensor.js';

/**
 * $\sqrt{\sum_\text{leaves} \sum_i x_i^2}$, the Euclidean norm of all leaves as one vector,
 * accumulated in float64 and scaled by the largest |x| so it neither overflows nor underflows.
 *
 * @since 0.1.0
 * @category Trees
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * console.log(T.Tree.globalNorm({ W: T.tensor([3]), b: T.tensor([4]) })); // 5
 * ```
 */
export function globalNorm(tree: TensorTree): number {
  const all = leaves(tree);
  let largest = 0;
  for (const x of all) for (let i = 0; i < x.data.length; i++) {
    const v = Math.abs(x.data[i] as number);
    if (v > largest || v !== v) largest = v;
  }
  if (largest === 0 || !Number.isFinite(largest)) return largest;
  let s = 0;
  for (const x of all) for (let i = 0; i < x.data.length; i++) {
    const v = (x.data[i] as number) / largest;
    s += v * v;
  }
  return largest * Math.sqrt(s);
}

/**
 * Tolerances for {@link allClose}: |a − b| ≤ atol + rtol·|b| elementwise (NumPy's isclose).
 *
 * @since 0.1.0
 * @category Trees
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * const tolerance: T.Tolerance = { rtol: 1e-10, atol: 0 };
 * console.log(T.Tree.allClose(T.tensor([1]), T.tensor([1 + 1e-12]), tolerance)); // true
 * ```
 */
export interface Tolerance {
  /** Relative tolerance (default 1e-5). */
  readonly rtol?: number;
  /** Absolute tolerance (default 1e-8). */
  readonly atol?: number;
  /** Whether NaN equals NaN (default false). */
  readonly equalNaN?: boolean;
}

/**
 * True when two trees have the same structure and shapes and every pair of elements is close.
 * Infinities must match exactly.
 *
 * @since 0.1.0
 * @category Trees
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * console.log(T.Tree.allClose([T.tensor([1, 2])], [T.tensor([1, 2.0000001])])); // true
 * ```
 */
export function allClose(a: TensorTree, b: TensorTree, tolerance: Tolerance = {}): boolean {
  const rtol = tolerance.rtol ?? 1e-5;
  const atol = tolerance.atol ?? 1e-8;
  const close = (x: Tensor, y: Tensor): boolean => {
    if (x.shape.length !== y.shape.length || x.shape.some((d, i) => d !== y.shape[i])) return false;
    for (let i = 0; i < x.data.length; i++) {
      const p = x.data[i] as number;
      const q = y.data[i] as number;
      if (p !== p || q !== q) {
        if (!(tolerance.equalNaN === true && p !== p && q !== q)) return false;
      } else if (!Number.isFinite(p) || !Number.isFinite(q)) {
        if (p !== q) return false;
      } else if (Math.abs(p - q) > atol + rtol * Math.abs(q)) return false;
    }
    return true;
  };
  const walk = (x: TensorTree, y: TensorTree): boolean => {
    if (isTensor(x) || isTensor(y)) return isTensor(x) && isTensor(y) && close(x, y);
    if (Array.isArray(x) || Array.isArray(y)) {
      return Array.isArray(x) && Array.isArray(y) && x.length === y.length && x.every((t, i) => walk(t as TensorTree, y[i] as TensorTree));
    }
    if (typeof x === 'object' && x !== null && typeof y === 'object' && y !== null) {
      const kx = Object.keys(x);
      const ry = y as Record<string, TensorTree>;
      return kx.length === Object.keys(y).length && kx.every((k) => k in ry && walk((x as Record<string, TensorTree>)[k] as TensorTree, ry[k] as TensorTree));
    }
    return Object.is(x, y);
  };
  return walk(a, b);
}

/**
 * Where {@link findNonFinite} found a NaN or ±∞.
 *
 * @since 0.1.0
 * @category Trees
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * const found: T.Tree.NonFiniteLeaf | undefined = T.Tree.findNonFinite([T.tensor([Infinity])]);
 * console.log(found?.path); // [0]
 * ```
 */
export interface NonFiniteLeaf {
  /** Path of the leaf in the tree, e.g. `[1].W`. */
  readonly path: string;
  /** Flat (row-major) index of the element in that leaf. */
  readonly index: number;
  /** The offending value. */
  readonly value: number;
}

/**
 * The first NaN or ±∞ in a tree, with its path and flat index, or `undefined` if all are finite.
 * Training uses it to name the first non-finite layer.
 *
 * @since 0.1.0
 * @category Trees
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * const grads = [{ W: T.tensor([1]), b: T.tensor([0]) }, { W: T.tensor([2, NaN]), b: T.tensor([0]) }];
 * console.log(T.Tree.findNonFinite(grads)); // { path: '[1].W', index: 1, value: NaN }
 * ```
 */
export function findNonFinite(tree: TensorTree): NonFiniteLeaf | undefined {
  // Training checks every gradient and every Θ: the common all-finite case walks the leaves
  // without building paths; only a tree that holds a NaN or ±∞ is searched again for where.
  if (allFinite(tree)) return undefined;
  return reduce<NonFiniteLeaf | undefined>(tree, undefined, (found, x, path) => {
    if (found !== undefined) return found;
    for (let i = 0; i < x.data.length; i++) {
      const v = x.data[i] as number;
      if (!Number.isFinite(v)) return { path, index: i, value: v };
    }
    return undefined;
  });
}

/** Whether every element of every leaf is finite (the active backend's one-pass check per leaf). */
function allFinite(tree: TensorTree): boolean {
  if (isTensor(tree)) return kernels().allFinite(tree);
  if (Array.isArray(tree)) {
    for (let i = 0; i < tree.length; i++) if (!allFinite(tree[i] as TensorTree)) return false;
    return true;
  }
  if (typeof tree === 'object' && tree !== null) {
    for (const key in tree) if (!allFinite((tree as Record<string, TensorTree>)[key] as TensorTree)) return false;
  }
  return true;
}
