/**
 * Hyperbolic functions and their inverses. Same shape as every elementary function: plain
 * numbers straight through, the `number + number·ε` dual inline, the rest through the general
 * path, the derivative from the function's row in `rules.ts`.
 *
 * @module
 */
import { Dual, type Num } from '../dual.js';
import { rules } from '../rules.js';

/**
 * $\sinh x$; derivative $\cosh x$.
 *
 * @since 0.1.0
 * @category Hyperbolic
 * @example
 * ```ts
 * import * as D from '@theta/dual';
 * console.log(D.sinh(0), D.derivative(D.sinh)(0)); // 0 1
 * ```
 */
export function sinh(x: Num): Num {
  const rule = rules.sinh;
  if (typeof x === 'number') return rule.value(x);
  const v = x.value, t = x.tangent;
  if (typeof v === 'number' && typeof t === 'number') {
    const y = rule.value(v);
    return new Dual(x.tag, y, t === 0 ? 0 : t * rule.derivative(v, y));
  }
  return rule.lift(x);
}

/**
 * $\cosh x$; derivative $\sinh x$.
 *
 * @since 0.1.0
 * @category Hyperbolic
 * @example
 * ```ts
 * import * as D from '@theta/dual';
 * console.log(D.cosh(0), D.derivative(D.cosh)(0)); // 1 0
 * ```
 */
export function cosh(x: Num): Num {
  const rule = rules.cosh;
  if (typeof x === 'number') return rule.value(x);
  const v = x.value, t = x.tangent;
  if (typeof v === 'number' && typeof t === 'number') {
    const y = rule.value(v);
    return new Dual(x.tag, y, t === 0 ? 0 : t * rule.derivative(v, y));
  }
  return rule.lift(x);
}

/**
 * $\tanh x$; derivative $1 - \tanh^2 x$ (the rule reuses the output).
 *
 * @since 0.1.0
 * @category Hyperbolic
 * @example
 * ```ts
 * import * as D from '@theta/dual';
 * console.log(D.tanh(0), D.derivative(D.tanh)(0)); // 0 1
 * ```
 */
export function tanh(x: Num): Num {
  const rule = rules.tanh;
  if (typeof x === 'number') return rule.value(x);
  const v = x.value, t = x.tangent;
  if (typeof v === 'number' && typeof t === 'number') {
    const y = rule.value(v);
    return new Dual(x.tag, y, t === 0 ? 0 : t * rule.derivative(v, y));
  }
  return rule.lift(x);
}

/**
 * $\operatorname{arsinh} x$; derivative $1/\sqrt{x^2 + 1}$ (computed with `hypot`, so huge $x$ stays finite).
 *
 * @since 0.1.0
 * @category Hyperbolic
 * @example
 * ```ts
 * import * as D from '@theta/dual';
 * console.log(D.asinh(0), D.derivative(D.asinh)(0)); // 0 1
 * ```
 */
export function asinh(x: Num): Num {
  const rule = rules.asinh;
  if (typeof x === 'number') return rule.value(x);
  const v = x.value, t = x.tangent;
  if (typeof v === 'number' && typeof t === 'number') {
    const y = rule.value(v);
    return new Dual(x.tag, y, t === 0 ? 0 : t * rule.derivative(v, y));
  }
  return rule.lift(x);
}

/**
 * $\operatorname{arcosh} x$ for $x \ge 1$; derivative $1/\sqrt{(x - 1)(x + 1)}$.
 *
 * @since 0.1.0
 * @category Hyperbolic
 * @example
 * ```ts
 * import * as D from '@theta/dual';
 * console.log(D.acosh(1), D.derivative(D.acosh)(2) === 1 / Math.sqrt(3)); // 0 true
 * ```
 */
export function acosh(x: Num): Num {
  const rule = rules.acosh;
  if (typeof x === 'number') return rule.value(x);
  const v = x.value, t = x.tangent;
  if (typeof v === 'number' && typeof t === 'number') {
    const y = rule.value(v);
    return new Dual(x.tag, y, t === 0 ? 0 : t * rule.derivative(v, y));
  }
  return rule.lift(x);
}

/**
 * $\operatorname{artanh} x$ on $(-1, 1)$; derivative $1/((1 - x)(1 + x))$.
 *
 * @since 0.1.0
 * @category Hyperbolic
 * @example
 * ```ts
 * import * as D from '@theta/dual';
 * console.log(D.atanh(0), D.derivative(D.atanh)(0)); // 0 1
 * ```
 */
export function atanh(x: Num): Num {
  const rule = rules.atanh;
  if (typeof x === 'number') return rule.value(x);
  const v = x.value, t = x.tangent;
  if (typeof v === 'number' && typeof t === 'number') {
    const y = rule.value(v);
    return new Dual(x.tag, y, t === 0 ? 0 : t * rule.derivative(v, y));
  }
  return rule.lift(x);
}
