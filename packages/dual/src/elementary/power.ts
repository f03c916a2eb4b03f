/**
 * Powers, roots and the Euclidean norm of two numbers. Same shape as every elementary function;
 * `powi` takes a plain integer exponent, `pow` a `Num` one (so the exponent can be
 * differentiated too).
 *
 * @module
 */
import { Dual, type Num } from '../dual.js';
import { badParameter } from '../errors.js';
import { rules } from '../rules.js';

/**
 * $a^b$ with both base and exponent differentiable: $\partial/\partial a = b\,a^{b-1}$,
 * $\partial/\partial b = a^b \ln a$. The exponent's partial is taken as $0$ at $a = 0$ with
 * $b > 0$, and is NaN for a negative base; a constant exponent never computes it.
 *
 * @since 0.1.0
 * @category Powers and roots
 * @example
 * ```ts
 * import * as D from '@theta/dual';
 * const dx = D.derivative((x) => D.pow(x, 3))(2);
 * const db = D.derivative((b) => D.pow(2, b))(1);
 * console.log(dx, db === 2 * Math.LN2); // 12 true
 * ```
 */
export function pow(a: Num, b: Num): Num {
  return rules.pow.lift(a, b);
}

/**
 * $x^n$ for a plain integer $n$ (negative allowed); derivative $n\,x^{n-1}$, exactly $0$ for
 * $n = 0$. Throws a `DomainError` when $n$ is not an integer.
 *
 * @since 0.1.0
 * @category Powers and roots
 * @example
 * ```ts
 * import * as D from '@theta/dual';
 * console.log(D.powi(2, -1), D.nthDerivative((x) => D.powi(x, 3), 3)(5)); // 0.5 6
 * ```
 */
export function powi(x: Num, n: number): Num {
  const rule = rules.powi;
  if (!Number.isInteger(n)) throw badParameter('powi', 'n', n, 'an integer');
  if (typeof x === 'number') return rule.value(x, n);
  const v = x.value, t = x.tangent;
  if (typeof v === 'number' && typeof t === 'number') {
    const y = rule.value(v, n);
    return new Dual(x.tag, y, t === 0 ? 0 : t * rule.derivative(v, y, n));
  }
  return rule.lift(x, n);
}

/**
 * $\sqrt{x}$; derivative $1/(2\sqrt{x})$ — the notes' $\frac{dd}{dc} = \frac{1}{2\sqrt c}$ ($\infty$ at $0$).
 *
 * @since 0.1.0
 * @category Powers and roots
 * @example
 * ```ts
 * import * as D from '@theta/dual';
 * console.log(D.sqrt(9), D.derivative(D.sqrt)(4)); // 3 0.25
 * ```
 */
export function sqrt(x: Num): Num {
  const rule = rules.sqrt;
  if (typeof x === 'number') return rule.value(x);
  const v = x.value, t = x.tangent;
  if (typeof v === 'number' && typeof t === 'number') {
    const y = rule.value(v);
    return new Dual(x.tag, y, t === 0 ? 0 : t * rule.derivative(v, y));
  }
  return rule.lift(x);
}

/**
 * $\sqrt[3]{x}$, real for negative $x$; derivative $1/(3\sqrt[3]{x}^2)$.
 *
 * @since 0.1.0
 * @category Powers and roots
 * @example
 * ```ts
 * import * as D from '@theta/dual';
 * console.log(D.cbrt(-8), D.derivative(D.cbrt)(8) === 1 / 12); // -2 true
 * ```
 */
export function cbrt(x: Num): Num {
  const rule = rules.cbrt;
  if (typeof x === 'number') return rule.value(x);
  const v = x.value, t = x.tangent;
  if (typeof v === 'number' && typeof t === 'number') {
    const y = rule.value(v);
    return new Dual(x.tag, y, t === 0 ? 0 : t * rule.derivative(v, y));
  }
  return rule.lift(x);
}

/**
 * $\sqrt{a^2 + b^2}$ without overflow; $\partial/\partial a = a/h$, $\partial/\partial b = b/h$,
 * taken as $0$ at the origin (as $|x|$ is at $0$).
 *
 * @since 0.1.0
 * @category Powers and roots
 * @example
 * ```ts
 * import * as D from '@theta/dual';
 * console.log(D.hypot(3, 4), D.gradient(([a, b]: readonly D.Num[]) => D.hypot(a!, b!))([3, 4])); // 5 [ 0.6, 0.8 ]
 * ```
 */
export function hypot(a: Num, b: Num): Num {
  return rules.hypot.lift(a, b);
}
