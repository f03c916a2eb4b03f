/**
 * The values the differentiable ops accept: plain tensors and numbers, and traced values that
 * stand for a node x_i of an active Wengert list.
 *
 * @module
 */
import * as T from '@theta/tensor';
import type { Tape } from './tape.js';

/**
 * A value recorded by an active trace: node `id` of the Wengert list at nesting `level`. Its
 * `value` is the primal one level down: a tensor or number, or — when differentiation is
 * nested, as in `grad(grad(f))` — a traced value of the enclosing trace.
 *
 * Traced values only exist while `f` runs under {@link trace}, {@link vjp} or {@link grad}; the
 * differentiable ops accept them wherever they accept a tensor.
 *
 * @since 0.1.0
 * @category Model
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * R.grad((x: R.Value) => {
 *   if (R.isTraced(x)) console.log(x._tag, x.id, x.level, x.value); // Traced 0 1 3
 *   return R.mul(x, x);
 * })(3);
 * ```
 */
export interface Traced {
  /** Discriminant that tells traced values from tensors. */
  readonly _tag: 'Traced';
  /** Index of the node in its Wengert list (0 for x_1). */
  readonly id: number;
  /** Nesting depth of its trace: 1 for the outermost, 2 inside it, … */
  readonly level: number;
  /** The primal value one level down. */
  readonly value: T.Tensor | Traced | number;
}

/**
 * What every differentiable op takes and returns: a tensor, a plain number (a scalar that
 * adopts the other operand's dtype), or a traced value.
 *
 * @since 0.1.0
 * @category Model
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * import * as T from '@theta/tensor';
 * const values: R.Value[] = [2, T.tensor([1, 2])];
 * console.log(values.map((v) => R.shapeOf(v))); // [[], [2]]
 * ```
 */
export type Value = T.Tensor | Traced | number;


/** The one implementation of {@link Traced}; a class so that V8 gives every node one shape. */
export class TracedValue implements Traced {
  /** Discriminant. */
  readonly _tag = 'Traced' as const;
  /** The Wengert list this value belongs to. */
  readonly tape: Tape;
  /** Node index. */
  readonly id: number;
  /** Primal one level down. */
  readonly value: T.Tensor | Traced | number;
  constructor(tape: Tape, id: number, value: T.Tensor | Traced | number) {
    this.tape = tape;
    this.id = id;
    this.value = value;
  }
  /** Nesting depth of the trace. */
  get level(): number {
    return this.tape.level;
  }
}

/**
 * True when `v` is a traced value (a node of an active trace).
 *
 * @since 0.1.0
 * @category Guards
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * import * as T from '@theta/tensor';
 * console.log(R.isTraced(T.ones([2])), R.isTraced(1)); // false false
 * R.grad((x: R.Value) => (console.log(R.isTraced(x)), x))(1); // true
 * ```
 */
export const isTraced = (v: unknown): v is Traced => v instanceof TracedValue;

/**
 * The plain tensor or number under every level of tracing: the value with all derivative
 * information stripped (JAX's `stop_gradient`). Ops applied to it are constants to every trace.
 *
 * @since 0.1.0
 * @category Transforms
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * // d/dx [x · stop(x)] = stop(x): the second factor is a constant.
 * console.log(R.grad((x: R.Value) => R.mul(x, R.stopGradient(x)))(3)); // 3
 * ```
 */
export function stopGradient(v: number): number;
export function stopGradient(v: Value): T.Tensor | number;
export function stopGradient(v: Value): T.Tensor | number {
  let x = v;
  while (x instanceof TracedValue) x = x.value;
  return x as T.Tensor | number;
}

/**
 * The shape of a value: `[]` for numbers, the tensor's shape otherwise (through any tracing).
 *
 * @since 0.1.0
 * @category Model
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * import * as T from '@theta/tensor';
 * console.log(R.shapeOf(T.zeros([2, 3])), R.shapeOf(7)); // [2, 3] []
 * ```
 */
export function shapeOf(v: Value): readonly number[] {
  const x = stopGradient(v);
  return typeof x === 'number' ? [] : x.shape;
}

/** Number of elements of a value. */
export const sizeOf = (v: Value): number => {
  let n = 1;
  for (const d of shapeOf(v)) n *= d;
  return n;
};

/**
 * An untraced value as a tensor (numbers become float64 scalars), for the ops that need one.
 * Anything else passes through for the @theta/tensor op to reject with its typed error.
 */
export const asTensor = (v: Value): T.Tensor => (typeof v === 'number' ? T.scalar(v) : (v as T.Tensor));

/** True when two shapes are equal. */
export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** What a value is, for error messages: `a string`, `a tensor [2, 3]`, `a traced value`. */
export function describe(v: unknown): string {
  if (T.isTensor(v)) return `a tensor [${v.shape.join(', ')}]`;
  if (v instanceof TracedValue) return 'a traced value';
  if (v === null) return 'null';
  if (Array.isArray(v)) return `an array of ${v.length}`;
  if (ArrayBuffer.isView(v)) return 'a typed array (wrap it with T.fromArray)';
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}
