/**
 * Derivatives of scalar functions: seed the input with tangent 1 under a fresh tag, run the
 * function once, read the tangent of the output. Higher orders nest the same step.
 *
 * @module
 */
import { Dual, freshTag, isNum, primalOf, tangentOf, type Num, type Tag } from './dual.js';
import { DomainError, TypeMismatchError, describe } from './errors.js';

/** Seeds `x + 1·ε` under `tag`; `x` is plain or carries older tags, so `tag` sits outermost. */
const seed = (op: string, x: unknown, tag: Tag): Dual => {
  if (typeof x === 'number' || x instanceof Dual) return new Dual(tag, x, 1);
  throw badInput(op, x);
};

const badInput = (op: string, x: unknown): TypeMismatchError =>
  new TypeMismatchError({ op, argument: 'x', expected: 'a number or Dual', actual: describe(x) });

const checkOutput = (op: string, y: unknown): Num => {
  if (isNum(y)) return y;
  throw new TypeMismatchError({
    op,
    argument: 'f(x)',
    expected: 'a number or Dual (use jacobian or jvp for array or record outputs)',
    actual: describe(y),
  });
};

/** The tangent of f's output for `tag`: the common case inline, the rest checked by tangentOf. */
const readTangent = (op: string, y: unknown, tag: Tag): Num => {
  if (y instanceof Dual && y.tag === tag) return y.tangent as Num;
  return tangentOf(checkOutput(op, y), tag) as Num;
};

const seedDerivative = (x: unknown, tag: Tag): Dual => seed('derivative', x, tag);
const readDerivative = (y: unknown, tag: Tag): Num => readTangent('derivative', y, tag);

/**
 * The derivative $f'$ of $f: \mathbb R \to \mathbb R$, in one forward pass: $f$ runs on the
 * dual $x + 1\varepsilon$ and the tangent of its output is $f'(x)$. Nests safely: each call
 * tags its own perturbation.
 *
 * @since 0.1.0
 * @category Transforms
 * @example
 * ```ts
 * import * as D from '@theta/dual';
 * // The notes' f(x) = sqrt(x² + exp(x²)), and f′(x) = x(1 + exp(x²)) / f(x).
 * const f = (x: D.Num) => { const a = D.mul(x, x); return D.sqrt(D.add(a, D.exp(a))); };
 * console.log(D.derivative(f)(0), D.derivative((x) => D.mul(x, D.derivative((y) => D.add(x, y))(1)))(1)); // 0 1
 * ```
 */
export function derivative(f: (x: Num) => Num): (x: Num) => Num {
  return (x) => {
    // Kept short, with the checks out of line: the engine inlines f and its elementary
    // functions here only while the total stays within its budget, and then the intermediate
    // duals of a small f never reach the heap.
    const tag = freshTag();
    const y = f(typeof x === 'number' ? new Dual(tag, x, 1) : seedDerivative(x, tag));
    return y instanceof Dual && y.tag === tag ? (y.tangent as Num) : readDerivative(y, tag);
  };
}

/**
 * $[f(x), f'(x)]$ from the same forward pass.
 *
 * @since 0.1.0
 * @category Transforms
 * @example
 * ```ts
 * import * as D from '@theta/dual';
 * console.log(D.valueAndDerivative((x) => D.mul(x, x))(3)); // [ 9, 6 ]
 * ```
 */
export function valueAndDerivative(f: (x: Num) => Num): (x: Num) => [Num, Num] {
  return (x) => {
    const tag = freshTag();
    const y = f(seed('valueAndDerivative', x, tag));
    return [primalOf(checkOutput('valueAndDerivative', y), tag), readTangent('valueAndDerivative', y, tag)];
  };
}

/**
 * The $k$-th derivative $f^{(k)}$, by nesting `derivative` $k$ times (so $k = 0$ is $f$). Each
 * level carries its own tag; the cost grows quickly with $k$, so keep $k$ small (≲ 8).
 * Throws a `DomainError` unless $k$ is an integer ≥ 0.
 *
 * @since 0.1.0
 * @category Transforms
 * @example
 * ```ts
 * import * as D from '@theta/dual';
 * console.log(D.nthDerivative((x) => D.powi(x, 3), 3)(2), D.nthDerivative(D.sin, 2)(0)); // 6 0
 * ```
 */
export function nthDerivative(f: (x: Num) => Num, k: number): (x: Num) => Num {
  if (!Number.isInteger(k) || k < 0) {
    throw new DomainError({ op: 'nthDerivative', parameter: 'k', value: k, expected: 'an integer ≥ 0' });
  }
  let g = (x: Num): Num => {
    if (!isNum(x)) throw badInput('nthDerivative', x);
    return checkOutput('nthDerivative', f(x));
  };
  for (let i = 0; i < k; i++) g = derivative(g);
  return g;
}
