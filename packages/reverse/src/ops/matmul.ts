/**
 * Differentiable matrix products, in every transpose form and batched with broadcasting.
 *
 * | C | Ā | B̄ |
 * | --- | --- | --- |
 * | A B | C̄ Bᵀ | Aᵀ C̄ |
 * | A Bᵀ | C̄ B | C̄ᵀ A |
 * | Aᵀ B | B C̄ᵀ | A C̄ |
 * | Aᵀ Bᵀ | Bᵀ C̄ᵀ | C̄ᵀ Aᵀ |
 *
 * Each VJP is itself one matmul with transpose flags, so no transposed copy is ever made; a
 * broadcast batch axis sums its cotangent back. FLOPs: 2mkn per product of m×k by k×n,
 * forward and for each input's VJP.
 *
 * @module
 */
import * as T from '@theta/tensor';
import type { Rule } from '../rule.js';
import { primalAt, top2 } from '../tape.js';
import { shapeOf, sizeOf, type Value } from '../value.js';
import { reshape, unbroadcast } from './layout.js';

/** The transpose flags, both always present. */
interface Flags {
  readonly transposeA: boolean;
  readonly transposeB: boolean;
}

/** 2·m·k·n per batch entry: the product's output has m·n per entry and k from a. */
const productFlops = (a: Value, z: Value, transposeA: boolean): number => {
  const s = shapeOf(a);
  const k = (transposeA ? s[s.length - 2] : s[s.length - 1]) ?? 0;
  return 2 * sizeOf(z) * k;
};

const matmulRule: Rule<Flags, readonly [Value, Value]> = {
  op: 'matmul',
  vjp: (g, [a, b], _z, { transposeA: tA, transposeB: tB }, j) =>
    j === 0
      ? unbroadcast(tA ? matmul(b, g, { transposeA: tB, transposeB: true }) : matmul(g, b, { transposeB: !tB }), a)
      : unbroadcast(tB ? matmul(g, a, { transposeA: true, transposeB: tA }) : matmul(a, g, { transposeA: !tA }), b),
  cost: ([a, b], z, { transposeA }) => {
    const flops = productFlops(a, z, transposeA);
    // A broadcast batch axis sums its cotangent back: one add per element per extra entry.
    const sums = (v: Value): number => (batchSize(z) - batchSize(v)) * matrixSize(v);
    return { forward: flops, backward: [flops + sums(a), flops + sums(b)] };
  },
};

/** Number of matrices in a batched value (1 for a matrix). */
function batchSize(v: Value): number {
  const s = shapeOf(v);
  let n = 1;
  for (let i = 0; i < s.length - 2; i++) n *= s[i] as number;
  return n;
}

/** Elements of one matrix of a batched value. */
const matrixSize = (v: Value): number => {
  const s = shapeOf(v);
  return ((s[s.length - 2] ?? 1) as number) * ((s[s.length - 1] ?? 1) as number);
};

/** Checks the operands of `dot`/`outer` as @theta/tensor does, without computing anything. */
function checkVectors(op: 'dot' | 'outer', sa: readonly number[], sb: readonly number[]): void {
  const fail = (argument: string, expected: unknown, actual: readonly number[]): never => {
    throw new T.ShapeError({ op, argument, expected, actual });
  };
  if (sb.length !== 1) fail('b', 'a vector', sb);
  if (op === 'outer') {
    if (sa.length !== 1) fail('a', 'a vector', sa);
  } else if (sa.length !== 1 && sa.length !== 2) fail('a', 'a vector or a matrix', sa);
  else if (sa[sa.length - 1] !== sb[0]) fail('b', `a vector of length ${sa[sa.length - 1]}`, sb);
}

/**
 * $C = \operatorname{op}(A)\operatorname{op}(B)$ where op transposes the last two axes when
 * `transposeA`/`transposeB` is set; leading axes are batch axes and broadcast.
 * VJP (no flags): $\bar A = \bar C B^\top$, $\bar B = A^\top \bar C$; the other forms are in the
 * table above.
 *
 * @since 0.1.0
 * @category Linear algebra
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * import * as T from '@theta/tensor';
 * const X = T.tensor([[1, 2]]);
 * const W = T.tensor([[3, 4], [5, 6]]);
 * const dW = R.grad((w: R.Value) => R.sum(R.matmul(X, w, { transposeB: true })))(W);
 * console.log(T.toNested(dW)); // [[1, 2], [1, 2]]
 * ```
 */
export function matmul(a: T.Tensor, b: T.Tensor, options?: T.MatmulOptions): T.Tensor;
export function matmul(a: Value, b: Value, options?: T.MatmulOptions): Value;
export function matmul(a: Value, b: Value, options: T.MatmulOptions = {}): Value {
  const tape = top2(a, b, 'matmul');
  if (tape === undefined) return T.matmul(a as T.Tensor, b as T.Tensor, options);
  const x = primalAt(a, tape);
  const y = primalAt(b, tape);
  const flags = { transposeA: options.transposeA ?? false, transposeB: options.transposeB ?? false };
  return tape.push(matmulRule, [a, b], [x, y], matmul(x, y, flags), flags);
}

/**
 * Inner product of two vectors, or matrix × vector. Built from `reshape` and `matmul`, so its
 * VJP comes from theirs.
 *
 * @since 0.1.0
 * @category Linear algebra
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * import * as T from '@theta/tensor';
 * const v = T.tensor([1, 2, 3]);
 * console.log(T.item(R.dot(v, v)), T.toArray(R.grad((w: R.Value) => R.dot(v, w))(v))); // 14 [1, 2, 3]
 * ```
 */
export function dot(a: T.Tensor, b: T.Tensor): T.Tensor;
export function dot(a: Value, b: Value): Value;
export function dot(a: Value, b: Value): Value {
  if (top2(a, b, 'dot') === undefined) return T.dot(a as T.Tensor, b as T.Tensor);
  const sa = shapeOf(a);
  const sb = shapeOf(b);
  checkVectors('dot', sa, sb);
  const column = reshape(b, [sb[0] as number, 1]);
  return sa.length === 1 ? reshape(matmul(reshape(a, [1, sa[0] as number]), column), []) : reshape(matmul(a, column), [sa[0] as number]);
}

/**
 * Outer product $a b^\top$ of two vectors, built from `reshape` and `matmul`.
 *
 * @since 0.1.0
 * @category Linear algebra
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * import * as T from '@theta/tensor';
 * console.log(T.toNested(R.outer(T.tensor([1, 2]), T.tensor([3, 4])))); // [[3, 4], [6, 8]]
 * ```
 */
export function outer(a: T.Tensor, b: T.Tensor): T.Tensor;
export function outer(a: Value, b: Value): Value;
export function outer(a: Value, b: Value): Value {
  if (top2(a, b, 'outer') === undefined) return T.outer(a as T.Tensor, b as T.Tensor);
  const sa = shapeOf(a);
  const sb = shapeOf(b);
  checkVectors('outer', sa, sb);
  return matmul(reshape(a, [sa[0] as number, 1]), reshape(b, [1, sb[0] as number]));
}
