/**
 * The dual number: a primal value with a tangent beside it, tagged with the perturbation it
 * belongs to. Plain numbers are the constants, so a function over `Num` runs both plainly and
 * differentiated.
 *
 * @module
 */
import { DomainError, TypeMismatchError, describe } from './errors.js';

/**
 * A perturbation tag: an integer ≥ 1 from `freshTag`. Each differentiation call takes a fresh
 * one, larger than every tag alive, so nested calls never mix their tangents (ForwardDiff.jl's
 * lesson on perturbation confusion).
 *
 * @since 0.1.0
 * @category Dual numbers
 * @example
 * ```ts
 * import * as D from '@theta/dual';
 * const outer: D.Tag = D.freshTag();
 * console.log(D.freshTag() > outer); // true
 * ```
 */
export type Tag = number;

/**
 * Several tangents at once, one per seeded direction (a chunk of a gradient): a `Float64Array`
 * while every entry is a plain number, an array of `Num` when an enclosing perturbation flows in.
 *
 * @since 0.1.0
 * @category Dual numbers
 * @example
 * ```ts
 * import * as D from '@theta/dual';
 * const tag = D.freshTag();
 * const x = D.perturb(3, Float64Array.of(1, 0), tag);
 * const y = D.perturb(4, Float64Array.of(0, 1), tag);
 * console.log(D.tangentOf(D.mul(x, y), tag)); // Float64Array(2) [ 4, 3 ]
 * ```
 */
export type Partials = Float64Array | readonly Num[];

/**
 * What a Dual carries beside its value: one tangent (a `Num`) or a chunk of them (`Partials`).
 *
 * @since 0.1.0
 * @category Dual numbers
 * @example
 * ```ts
 * import * as D from '@theta/dual';
 * const t: D.Tangent = Float64Array.of(1, 0, 0);
 * console.log(D.perturb(2, t, D.freshTag()).tangent === t); // true
 * ```
 */
export type Tangent = Num | Partials;

/**
 * A dual number $v + \dot v\,\varepsilon$ with $\varepsilon^2 = 0$: evaluating $f$ on it gives
 * $f(v) + f'(v)\,\dot v\,\varepsilon$, the value and the directional derivative together.
 * Its value may itself be a Dual of an older tag (nesting: second and higher derivatives).
 *
 * @since 0.1.0
 * @category Dual numbers
 * @example
 * ```ts
 * import * as D from '@theta/dual';
 * const tag = D.freshTag();
 * const x = D.perturb(3, 1, tag); // 3 + 1ε
 * const y = D.mul(x, x);          // 9 + 6ε
 * console.log(y instanceof D.Dual, D.primalOf(y, tag), D.tangentOf(y, tag)); // true 9 6
 * ```
 */
export class Dual {
  // `declare`: no class-field initialisers, so every Dual gets one hidden class from the
  // constructor alone (field initialisers cost a shape transition per allocation).
  /** The perturbation this dual belongs to; newer (larger) tags sit outside older ones. */
  declare readonly tag: Tag;
  /** The primal value: a number, or a Dual of an older tag when differentiation is nested. */
  declare readonly value: Num;
  /** The tangent $\dot v$: one `Num`, or `Partials` when a chunk of directions is carried. */
  declare readonly tangent: Tangent;
  /** Builds a dual directly; `perturb` is the checked way to seed one. */
  constructor(tag: Tag, value: Num, tangent: Tangent) {
    this.tag = tag;
    this.value = value;
    this.tangent = tangent;
  }
  /** A readable form such as `Dual#3(9 + 6ε)`, for logs and error messages. */
  toString(): string {
    const t = this.tangent;
    const single = typeof t === 'number' || t instanceof Dual;
    const tangent = single ? String(t) : `[${Array.from(t as ArrayLike<Num>, String).join(', ')}]`;
    return `Dual#${this.tag}(${String(this.value)} + ${tangent}ε)`;
  }
}

/**
 * A number or a dual number: the type every elementary function takes and returns.
 *
 * @since 0.1.0
 * @category Dual numbers
 * @example
 * ```ts
 * import * as D from '@theta/dual';
 * const f = (x: D.Num): D.Num => D.add(D.mul(x, x), 1);
 * console.log(f(3), D.derivative(f)(3)); // 10 6
 * ```
 */
export type Num = number | Dual;

// The only mutable state in the package: tags must be unique and ordered by creation.
let lastTag = 0;

/**
 * Takes a fresh perturbation tag, larger than every tag taken before.
 *
 * @since 0.1.0
 * @category Dual numbers
 * @example
 * ```ts
 * import * as D from '@theta/dual';
 * const a = D.freshTag();
 * const b = D.freshTag();
 * console.log(a < b); // true
 * ```
 */
export function freshTag(): Tag {
  lastTag += 1;
  return lastTag;
}

/**
 * Seeds a perturbation: the dual `x + tangent·ε` under `tag`. The tag must come from `freshTag`
 * and be newer than any tag `x` already carries, so the newest perturbation stays outermost;
 * anything else is a `DomainError`.
 *
 * @since 0.1.0
 * @category Dual numbers
 * @example
 * ```ts
 * import * as D from '@theta/dual';
 * const tag = D.freshTag();
 * const y = D.exp(D.perturb(0, 1, tag));
 * console.log(D.primalOf(y, tag), D.tangentOf(y, tag)); // 1 1
 * ```
 */
export function perturb(x: Num, tangent: Tangent, tag: Tag): Dual {
  if (!Number.isSafeInteger(tag) || tag < 1) {
    const expected = 'a tag from freshTag (an integer ≥ 1)';
    throw new DomainError({ op: 'perturb', parameter: 'tag', value: tag, expected });
  }
  if (typeof x !== 'number' && x.tag >= tag) {
    const expected = `a tag newer than x's (> ${x.tag})`;
    throw new DomainError({ op: 'perturb', parameter: 'tag', value: tag, expected });
  }
  return new Dual(tag, x, tangent);
}

/**
 * The tangent that `y` carries for `tag`, or `0` when `y` does not depend on that perturbation.
 * Throws a `TypeMismatchError` when `y` is not a `Num`, or carries a newer perturbation that
 * escaped the call which created it.
 *
 * @since 0.1.0
 * @category Dual numbers
 * @example
 * ```ts
 * import * as D from '@theta/dual';
 * const tag = D.freshTag();
 * const x = D.perturb(2, 1, tag);
 * console.log(D.tangentOf(D.sin(x), tag) === Math.cos(2), D.tangentOf(5, tag)); // true 0
 * ```
 */
export function tangentOf(y: Num, tag: Tag): Tangent {
  if (typeof y === 'number') return 0;
  if (!(y instanceof Dual)) {
    const actual = describe(y);
    throw new TypeMismatchError({ op: 'tangentOf', argument: 'y', expected: 'a number or Dual', actual });
  }
  if (y.tag === tag) return y.tangent;
  if (y.tag < tag) return 0;
  throw new TypeMismatchError({
    op: 'tangentOf',
    argument: 'y',
    expected: `a number or a Dual of tag ≤ ${tag}`,
    actual: `a Dual of tag ${y.tag} (a perturbation that escaped its own call)`,
  });
}

/**
 * `y` with the perturbation `tag` dropped: its value when it carries that tag, else `y` itself.
 *
 * @since 0.1.0
 * @category Dual numbers
 * @example
 * ```ts
 * import * as D from '@theta/dual';
 * const tag = D.freshTag();
 * console.log(D.primalOf(D.mul(D.perturb(3, 1, tag), 2), tag)); // 6
 * ```
 */
export function primalOf(y: Num, tag: Tag): Num {
  return typeof y === 'number' || y.tag !== tag ? y : y.value;
}

/**
 * The plain number under every perturbation: what to compare and branch on inside a function
 * that is being differentiated.
 *
 * @since 0.1.0
 * @category Dual numbers
 * @example
 * ```ts
 * import * as D from '@theta/dual';
 * const clip = (x: D.Num): D.Num => (D.primal(x) > 1 ? 1 : x);
 * console.log(D.derivative(clip)(0.5), D.derivative(clip)(2)); // 1 0
 * ```
 */
export function primal(y: Num): number {
  let v = y;
  while (typeof v !== 'number') v = v.value;
  return v;
}

/**
 * True when `x` is a dual number (of any tag).
 *
 * @since 0.1.0
 * @category Dual numbers
 * @example
 * ```ts
 * import * as D from '@theta/dual';
 * console.log(D.isDual(2), D.isDual(D.perturb(2, 1, D.freshTag()))); // false true
 * ```
 */
export function isDual(x: unknown): x is Dual {
  return x instanceof Dual;
}

/** True for a number or a Dual: the leaves a differentiated function may return. */
export const isNum = (x: unknown): x is Num => typeof x === 'number' || x instanceof Dual;
