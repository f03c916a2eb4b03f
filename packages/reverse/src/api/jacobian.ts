/**
 * Reverse-mode Jacobian: one trace, then one sweep per output element (a row of J each). Best
 * when outputs are few and inputs many — the opposite of forward mode.
 *
 * @module
 */
import * as T from '@theta/tensor';
import { likePrimal, sweepTape, zeroLike } from '../sweep.js';
import { TracedValue, describe, shapeOf, sizeOf, stopGradient, type Value } from '../value.js';
import { reshape } from '../ops/layout.js';
import { stack } from '../ops/select.js';
import { normaliseArgnums, record } from './record.js';
import type { Argnums, Jacobian } from './types.js';
import type { VjpOptions } from './vjp.js';

/** Row i of the identity in the output's shape and dtype: the cotangent that extracts row i of J. */
function unitCotangent(out: T.Tensor | number, i: number): Value {
  if (typeof out === 'number') return 1;
  const data = new Array<number>(sizeOf(out)).fill(0);
  data[i] = 1;
  return T.fromArray(data, out.shape, { dtype: out.dtype });
}

/** A value as a tensor-valued one (numbers become 0-d tensors, differentiably). */
const asTensorValue = (v: Value): Value => (typeof stopGradient(v) === 'number' ? reshape(v, []) : v);

/**
 * The Jacobian of f, by reverse mode: for each differentiated argument a tree shaped like it
 * whose leaves have shape [...output shape, ...leaf shape] (a number when both are numbers).
 * f must return one tensor or number.
 *
 * @typeParam F - f: trees of tensors and numbers in, one tensor or number out.
 * @typeParam N - The differentiated argument(s), from `options.argnums` (default 0).
 *
 * @since 0.1.0
 * @category Transforms
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * import * as T from '@theta/tensor';
 * const A = T.tensor([[1, 2], [3, 4], [5, 6]]);
 * const J = R.jacobian((x: R.Value) => R.matmul(A, x))(T.tensor([[1], [1]]));
 * console.log(J.shape); // [3, 1, 2, 1]
 * ```
 */
export function jacobian<F extends (...args: never[]) => unknown, const N extends Argnums = 0>(
  f: F,
  options: VjpOptions<N> = {},
): <A extends Parameters<F>>(...args: A) => N extends number ? Jacobian<A[N]> : { readonly [K in keyof N]: N[K] extends number ? Jacobian<A[N[K]]> : never } {
  const argnums: Argnums = options.argnums ?? 0;
  return ((...args: unknown[]) => {
    const recording = record('jacobian', f, args, normaliseArgnums('jacobian', argnums, args.length));
    const out = recording.result;
    if (!(typeof out === 'number' || T.isTensor(out) || out instanceof TracedValue)) {
      throw new T.DTypeError({ op: 'jacobian', argument: 'output of f', expected: 'one Tensor or number', actual: describe(out) });
    }
    const primal = stopGradient(out);
    const traced = out instanceof TracedValue && out.tape === recording.tape;
    const rows = recording.bound.map((b) => b.ids.map((): Value[] => []));
    for (let i = 0; i < sizeOf(out); i++) {
      const adjoints: ArrayLike<Value | undefined> = traced ? sweepTape(recording.tape, [[(out as TracedValue).id, unitCotangent(primal, i)]]) : [];
      recording.bound.forEach((b, k) =>
        b.ids.forEach((id, l) => {
          const leaf = b.flat.leaves[l] as Value;
          const a = adjoints[id];
          (rows[k]?.[l] as Value[]).push(a === undefined ? zeroLike(leaf) : likePrimal(a, leaf));
        }),
      );
    }
    const jacobians = recording.bound.map((b, k) =>
      b.flat.rebuild(
        b.flat.leaves.map((leaf, l) => {
          const r = rows[k]?.[l] as Value[];
          const shape = [...shapeOf(out), ...shapeOf(leaf)];
          if (typeof primal === 'number') return r[0];
          if (r.length === 0) return T.zeros(shape, { dtype: primal.dtype }); // an empty output has an empty Jacobian
          return reshape(stack(r.map(asTensorValue)), shape);
        }),
      ),
    );
    return typeof argnums === 'number' ? jacobians[0] : jacobians;
  }) as never;
}
