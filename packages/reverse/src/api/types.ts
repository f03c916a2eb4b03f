/**
 * The types the transforms return: a gradient has the shape of what it differentiates.
 *
 * @module
 */
import type * as T from '@theta/tensor';
import type { Traced, Value } from '../value.js';

/**
 * The gradient of a tree of type `X`: the same structure with a tensor for each tensor leaf
 * and a number for each number leaf (`grad(loss)(theta)` is shaped like Θ).
 *
 * @typeParam X - The differentiated tree's type.
 *
 * @since 0.1.0
 * @category Model
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * import * as T from '@theta/tensor';
 * type Layer = { W: T.Tensor; b: T.Tensor };
 * const g: R.Gradient<Layer> = { W: T.zeros([2, 2]), b: T.zeros([2]) };
 * console.log(Object.keys(g)); // ['W', 'b']
 * ```
 */
export type Gradient<X> = X extends number
  ? number
  : X extends T.Tensor
    ? T.Tensor
    : X extends Traced
      ? Value
      : X extends null | undefined
        ? X
        : X extends readonly unknown[]
          ? { readonly [K in keyof X]: Gradient<X[K]> }
          : X extends object
            ? { readonly [K in keyof X]: Gradient<X[K]> }
            : never;

/**
 * Which arguments a transform differentiates, as JAX's `argnums`: one index (the gradient is
 * one tree) or a list (a tuple of trees, in that order).
 *
 * @since 0.1.0
 * @category Model
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * const both: R.Argnums = [0, 1];
 * console.log(R.grad((a: R.Value, b: R.Value) => R.mul(a, b), { argnums: both })(2, 3)); // [3, 2]
 * ```
 */
export type Argnums = number | readonly number[];

/**
 * The gradients for arguments `A` differentiated at `N`: one tree for an index, a tuple for a list.
 *
 * @typeParam A - The argument types.
 * @typeParam N - The type of `argnums`.
 *
 * @since 0.1.0
 * @category Model
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * import * as T from '@theta/tensor';
 * const g: R.Grads<[number, T.Tensor], 1> = T.zeros([2]);
 * console.log(g.shape); // [2]
 * ```
 */
export type Grads<A extends readonly unknown[], N> = N extends number
  ? Gradient<A[N]>
  : { readonly [K in keyof N]: N[K] extends number ? Gradient<A[N[K]]> : never };

/**
 * The Jacobian of a tree of type `X`: per leaf a tensor of shape [...output, ...leaf] (or a
 * number when both are numbers).
 *
 * @typeParam X - The differentiated tree's type.
 *
 * @since 0.1.0
 * @category Model
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * import * as T from '@theta/tensor';
 * const J: R.Jacobian<T.Tensor> = T.eye(2);
 * console.log(J.shape); // [2, 2]
 * ```
 */
export type Jacobian<X> = X extends number
  ? number | T.Tensor
  : X extends T.Tensor
    ? T.Tensor
    : X extends Traced
      ? Value
      : X extends null | undefined
        ? X
        : X extends readonly unknown[]
          ? { readonly [K in keyof X]: Jacobian<X[K]> }
          : X extends object
            ? { readonly [K in keyof X]: Jacobian<X[K]> }
            : never;

/**
 * The primal result of a differentiated function, with tracing removed: tensors and numbers
 * (a traced value of the enclosing trace when the transform is itself being differentiated).
 *
 * @typeParam X - The type f returns.
 *
 * @since 0.1.0
 * @category Model
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * const [value] = R.valueAndGrad((x: R.Value) => R.square(x))(3);
 * const v: R.Primal<R.Value> = value;
 * console.log(v); // 9
 * ```
 */
export type Primal<X> = X extends Value
  ? T.Tensor | number
  : X extends readonly unknown[]
    ? { readonly [K in keyof X]: Primal<X[K]> }
    : X extends object
      ? { readonly [K in keyof X]: Primal<X[K]> }
      : X;

/**
 * Options of {@link valueAndGrad} and {@link grad}.
 *
 * @typeParam N - The type of `argnums`.
 * @typeParam H - The type of `hasAux`.
 *
 * @since 0.1.0
 * @category Transforms
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * const options: R.GradOptions<1> = { argnums: 1 };
 * console.log(R.grad((a: R.Value, b: R.Value) => R.mul(a, b), options)(2, 3)); // 2
 * ```
 */
export interface GradOptions<N extends Argnums = Argnums, H extends boolean = boolean> {
  /** Which arguments to differentiate (default 0). */
  readonly argnums?: N;
  /** f returns `[cost, aux]`; aux is passed through, undifferentiated (default false). */
  readonly hasAux?: H;
}
