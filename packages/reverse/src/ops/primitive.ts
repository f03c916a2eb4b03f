/**
 * The one shape every elementwise primitive shares. Given its rule and the plain @theta/tensor
 * function, it returns the differentiable op:
 *
 * 1. no operand traced → compute directly (plain numbers in, a number out);
 * 2. otherwise take the primals one level down from the innermost trace, compute the value
 *    with the same op (which records in the enclosing traces, if any), and append the node.
 *
 * Plain numbers at the innermost level take the scalar fast path: no tensor is allocated.
 *
 * @module
 */
import * as T from '@theta/tensor';
import type { Cost, Rule, ScalarForm } from '../rule.js';
import { UNARY, tapeOf, top2 } from '../tape.js';
import { TracedValue, sizeOf, type Value } from '../value.js';

/**
 * An elementwise op of one argument: numbers in give a number out, tensors a tensor, and
 * traced values a traced value.
 *
 * @since 0.1.0
 * @category Model
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * import * as T from '@theta/tensor';
 * const f: R.UnaryOp = R.exp;
 * console.log(f(0), T.toArray(f(T.zeros([2])))); // 1 [1, 1]
 * ```
 */
export interface UnaryOp {
  /** On a number: a number. */
  (x: number): number;
  /** On a tensor: a tensor. */
  (x: T.Tensor): T.Tensor;
  /** On any value (traced ones included). */
  (x: Value): Value;
}

/**
 * An elementwise op of one argument with a parameter α (leakyRelu, elu).
 *
 * @since 0.1.0
 * @category Model
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * const f: R.ParametricOp = R.leakyRelu;
 * console.log(f(-2, 0.1)); // -0.2
 * ```
 */
export interface ParametricOp {
  /** On a number: a number. */
  (x: number, alpha?: number): number;
  /** On a tensor: a tensor. */
  (x: T.Tensor, alpha?: number): T.Tensor;
  /** On any value (traced ones included). */
  (x: Value, alpha?: number): Value;
}

/**
 * An elementwise op of two broadcast arguments.
 *
 * @since 0.1.0
 * @category Model
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * import * as T from '@theta/tensor';
 * const f: R.BinaryOp = R.mul;
 * console.log(f(2, 3), T.toArray(f(T.tensor([1, 2]), 3))); // 6 [3, 6]
 * ```
 */
export interface BinaryOp {
  /** On two numbers: a number. */
  (a: number, b: number): number;
  /** On tensors and numbers: a tensor. */
  (a: T.Tensor | number, b: T.Tensor | number): T.Tensor;
  /** On any values (traced ones included). */
  (a: Value, b: Value): Value;
}

/** The rule of an elementwise op of two arguments: it has a scalar form. */
export type ElementwiseRule = Rule<undefined, readonly [Value, Value]> & { readonly scalar: ScalarForm };

/** The rule of an elementwise op of one argument; its parameter is α (0 when it has none). */
export type UnaryRule = Rule<number, readonly [Value]> & { readonly scalar: ScalarForm };

/** Builds a differentiable elementwise op of two arguments. */
export function binaryOp(rule: ElementwiseRule, plain: (a: T.TensorLike, b: T.TensorLike) => T.Tensor): BinaryOp {
  const s = rule.scalar;
  const op = (a: Value, b: Value): Value => {
    const tape = top2(a, b, rule.op);
    if (tape === undefined) return typeof a === 'number' && typeof b === 'number' ? s.value(a, b) : plain(a as T.Tensor, b as T.Tensor);
    // The primals one level down (what primalAt does, inlined: this is the hottest path).
    const ia = a instanceof TracedValue && a.tape === tape ? a.id : -1;
    const ib = b instanceof TracedValue && b.tape === tape ? b.id : -1;
    const x = ia >= 0 ? (a as TracedValue).value : a;
    const y = ib >= 0 ? (b as TracedValue).value : b;
    if (typeof x === 'number' && typeof y === 'number') return tape.pushScalar(rule, ia, ib, x, y, s.value(x, y));
    return tape.push(rule, [a, b], [x, y], op(x, y), undefined);
  };
  return op as BinaryOp;
}

/** Builds a differentiable elementwise op of one argument (with an optional parameter α). */
export function unaryOp(rule: UnaryRule, plain: (x: T.Tensor, alpha: number) => T.Tensor, defaultAlpha = 0): ParametricOp {
  const s = rule.scalar;
  const op = (v: Value, alpha: number = defaultAlpha): Value => {
    if (!Number.isFinite(alpha)) throw new T.DomainError({ op: rule.op, parameter: 'alpha', value: alpha, expected: 'a finite number' });
    const tape = tapeOf(v, rule.op);
    if (tape === undefined) return typeof v === 'number' ? s.value(v, alpha) : plain(v as T.Tensor, alpha);
    const x = (v as TracedValue).value; // v is traced, and its trace is the innermost
    if (typeof x === 'number') return tape.pushScalar(rule, (v as TracedValue).id, UNARY, x, alpha, s.value(x, alpha));
    return tape.push(rule, [v], [x], op(x, alpha), alpha);
  };
  return op as ParametricOp;
}

/**
 * Cost of an elementwise node: `forward` FLOPs per output element, `backward[j]` per output
 * element for input j's VJP, plus the additions that sum a broadcast input's cotangent back.
 */
export const elementwiseCost =
  (forward: number, backward: readonly number[]) =>
  (inputs: readonly Value[], out: Value): Cost => {
    const n = sizeOf(out);
    return { forward: forward * n, backward: backward.map((b, j) => b * n + (n - sizeOf(inputs[j] ?? out))) };
  };

/** The scalar form of an op with no scalar derivative w.r.t. its second slot. */
export const zero = (): number => 0;
