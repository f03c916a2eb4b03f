/**
 * `customVjp`: give a function its own backward rule — for a more stable or cheaper formula,
 * a straight-through estimator, or gradient clipping. The function becomes one node of the
 * Wengert list; inside it nothing is recorded.
 *
 * @module
 */
import * as T from '@theta/tensor';
import type { Rule } from '../rule.js';
import { primalAt, topN } from '../tape.js';
import { describe, sameShape, shapeOf, TracedValue, type Value } from '../value.js';
import { zeroLike } from '../sweep.js';

/**
 * The backward rule of {@link customVjp}: from the output cotangent $\bar z$, the output z
 * and the inputs, the cotangent of each input (`undefined` for zero). It is written with the
 * differentiable ops if the function is to be differentiated twice.
 *
 * @since 0.1.0
 * @category Transforms
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * const straightThrough: R.Backward = (g) => [g];
 * console.log(straightThrough(1, 0, [0.4])); // [1]
 * ```
 */
export type Backward = (cotangent: Value, output: Value, inputs: readonly Value[]) => readonly (Value | undefined)[];

/**
 * Options of {@link customVjp}.
 *
 * @since 0.1.0
 * @category Transforms
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * const options: R.CustomVjpOptions = { name: 'clip', flops: 1 };
 * // A reduction Σ x²: 2 FLOPs per input element forward, 1 backward.
 * const sizeOf = (x: R.Value) => (typeof x === 'number' ? 1 : R.shapeOf(x).reduce((a, b) => a * b, 1));
 * const reduction: R.CustomVjpOptions = { name: 'sumsq', cost: ([x]) => ({ forward: 2 * sizeOf(x!), backward: [sizeOf(x!)] }) };
 * console.log(options.name, reduction.name); // clip sumsq
 * ```
 */
export interface CustomVjpOptions {
  /** The op's name in the Wengert table (default `custom`). */
  readonly name?: string;
  /** FLOPs per output element for the FLOP model, forward and backward alike (default 0: not counted). */
  readonly flops?: number;
  /**
   * The node's FLOPs from its inputs and output, when "per output element" does not describe
   * it (a reduction, say): forward, and backward per input. Takes precedence over `flops`.
   */
  readonly cost?: (inputs: readonly Value[], output: Value) => CustomVjpCost;
}

/**
 * A {@link customVjp} node's FLOPs, as its `cost` option returns them.
 *
 * @since 0.1.0
 * @category Transforms
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * const cost: R.CustomVjpCost = { forward: 2 * 100, backward: [100] };
 * console.log(cost.backward.length); // 1
 * ```
 */
export interface CustomVjpCost {
  /** FLOPs of the forward step. */
  readonly forward: number;
  /** FLOPs of each input's cotangent in the backward step, by position. */
  readonly backward: readonly number[];
}

/**
 * Wraps f (a function of tensors and numbers returning one value) so that reverse mode uses
 * `backward` instead of differentiating f's own ops. Plain arguments run f as it is.
 *
 * @typeParam Args - f's parameter types (tensors, numbers, traced values).
 *
 * @since 0.1.0
 * @category Transforms
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * // A stable log(1 + eˣ) whose rule is written from the output: σ(x) = 1 − e^(−z).
 * const softplus = R.customVjp(
 *   (x: R.Value) => R.softplus(x),
 *   (g, z) => [R.mul(g, R.neg(R.expm1(R.neg(z))))],
 *   { name: 'softplus*' },
 * );
 * console.log(R.grad(softplus)(0), R.grad(softplus)(1000)); // 0.5 1
 * ```
 */
export function customVjp<Args extends readonly Value[]>(
  f: (...args: Args) => Value,
  backward: Backward,
  options: CustomVjpOptions = {},
): (...args: Args) => Value {
  const name = options.name ?? 'custom';
  const perElement = options.flops ?? 0;
  const cotangents = (g: Value, inputs: readonly Value[], out: Value): readonly Value[] => {
    const terms = backward(g, out, inputs);
    return inputs.map((x, j) => {
      const c = terms[j];
      if (c === undefined) return zeroLike(x);
      if (!sameShape(shapeOf(c), shapeOf(x))) throw new T.ShapeError({ op: name, argument: `cotangent of input ${j} (from the backward rule)`, expected: shapeOf(x), actual: shapeOf(c) });
      return c;
    });
  };
  const rule: Rule<undefined, readonly Value[]> = {
    op: name,
    vjp: (g, inputs, out, _p, j) => cotangents(g, inputs, out)[j] as Value,
    vjpAll: (g, inputs, out) => cotangents(g, inputs, out),
    cost: (inputs, out) => {
      if (options.cost !== undefined) return options.cost(inputs, out);
      const n = perElement * shapeOf(out).reduce((a, b) => a * b, 1);
      return { forward: n, backward: inputs.map(() => n) };
    },
  };
  const op = (...args: Args): Value => {
    const tape = topN(args, name);
    if (tape === undefined) return f(...args);
    const inner = args.map((a) => primalAt(a, tape)) as unknown as Args;
    const out = op(...inner);
    if (!(typeof out === 'number' || T.isTensor(out) || out instanceof TracedValue)) {
      throw new T.DTypeError({ op: name, argument: 'output of f', expected: 'one Tensor or number', actual: describe(out) });
    }
    return tape.push(rule, args, inner, out, undefined);
  };
  return op;
}
