/**
 * Trigonometric functions and their inverses. Same shape as every elementary function: plain
 * numbers straight through, the `number + number·ε` dual inline, the rest through the general
 * path, the derivative from the function's row in `rules.ts`.
 *
 * @module
 */
import { Dual, type Num } from '../dual.js';
import { rules } from '../rules.js';

/**
 * $\sin x$; derivative $\cos x$.
 *
 * @since 0.1.0
 * @category Trigonometric
 * @example
 * ```ts
 * import * as D from '@theta/dual';
 * console.log(D.sin(0), D.derivative(D.sin)(0)); // 0 1
 * ```
 */
export function sin(x: Num): Num {
  const rule = rules.sin;
  if (typeof x === 'number') return rule.value(x);
  const v = x.value, t = x.tangent;
  if (typeof v === 'number' && typeof t === 'number') {
    const y = rule.value(v);
    return new Dual(x.tag, y, t === 0 ? 0 : t * rule.derivative(v, y));
  }
  return rule.lift(x);
}

/**
 * $\cos x$; derivative $-\sin x$.
 *
 * @since 0.1.0
 * @category Trigonometric
 * @example
 * ```ts
 * import * as D from '@theta/dual';
 * console.log(D.cos(0), D.derivative(D.cos)(Math.PI / 2)); // 1 -1
 * ```
 */
export function cos(x: Num): Num {
  const rule = rules.cos;
  if (typeof x === 'number') return rule.value(x);
  const v = x.value, t = x.tangent;
  if (typeof v === 'number' && typeof t === 'number') {
    const y = rule.value(v);
    return new Dual(x.tag, y, t === 0 ? 0 : t * rule.derivative(v, y));
  }
  return rule.lift(x);
}

/**
 * $\tan x$; derivative $1 + \tan^2 x$ (the rule reuses the output).
 *
 * @since 0.1.0
 * @category Trigonometric
 * @example
 * ```ts
 * import * as D from '@theta/dual';
 * console.log(D.tan(0), D.derivative(D.tan)(0)); // 0 1
 * ```
 */
export function tan(x: Num): Num {
  const rule = rules.tan;
  if (typeof x === 'number') return rule.value(x);
  const v = x.value, t = x.tangent;
  if (typeof v === 'number' && typeof t === 'number') {
    const y = rule.value(v);
    return new Dual(x.tag, y, t === 0 ? 0 : t * rule.derivative(v, y));
  }
  return rule.lift(x);
}

/**
 * $\arcsin x$ on $[-1, 1]$; derivative $1/\sqrt{1 - x^2}$ ($\infty$ at $\pm 1$).
 *
 * @since 0.1.0
 * @category Trigonometric
 * @example
 * ```ts
 * import * as D from '@theta/dual';
 * console.log(D.asin(1) === Math.PI / 2, D.derivative(D.asin)(0)); // true 1
 * ```
 */
export function asin(x: Num): Num {
  const rule = rules.asin;
  if (typeof x === 'number') return rule.value(x);
  const v = x.value, t = x.tangent;
  if (typeof v === 'number' && typeof t === 'number') {
    const y = rule.value(v);
    return new Dual(x.tag, y, t === 0 ? 0 : t * rule.derivative(v, y));
  }
  return rule.lift(x);
}

/**
 * $\arccos x$ on $[-1, 1]$; derivative $-1/\sqrt{1 - x^2}$.
 *
 * @since 0.1.0
 * @category Trigonometric
 * @example
 * ```ts
 * import * as D from '@theta/dual';
 * console.log(D.acos(1), D.derivative(D.acos)(0)); // 0 -1
 * ```
 */
export function acos(x: Num): Num {
  const rule = rules.acos;
  if (typeof x === 'number') return rule.value(x);
  const v = x.value, t = x.tangent;
  if (typeof v === 'number' && typeof t === 'number') {
    const y = rule.value(v);
    return new Dual(x.tag, y, t === 0 ? 0 : t * rule.derivative(v, y));
  }
  return rule.lift(x);
}

/**
 * $\arctan x$; derivative $1/(1 + x^2)$.
 *
 * @since 0.1.0
 * @category Trigonometric
 * @example
 * ```ts
 * import * as D from '@theta/dual';
 * console.log(D.atan(0), D.derivative(D.atan)(1)); // 0 0.5
 * ```
 */
export function atan(x: Num): Num {
  const rule = rules.atan;
  if (typeof x === 'number') return rule.value(x);
  const v = x.value, t = x.tangent;
  if (typeof v === 'number' && typeof t === 'number') {
    const y = rule.value(v);
    return new Dual(x.tag, y, t === 0 ? 0 : t * rule.derivative(v, y));
  }
  return rule.lift(x);
}

/**
 * The angle of the point $(b, a)$, in $(-\pi, \pi]$, as `Math.atan2(a, b)`;
 * $\partial/\partial a = b/(a^2 + b^2)$, $\partial/\partial b = -a/(a^2 + b^2)$ (NaN at the origin).
 *
 * @since 0.1.0
 * @category Trigonometric
 * @example
 * ```ts
 * import * as D from '@theta/dual';
 * console.log(D.atan2(1, 1) === Math.PI / 4, D.derivative((y) => D.atan2(y, 2))(0)); // true 0.5
 * ```
 */
export function atan2(a: Num, b: Num): Num {
  return rules.atan2.lift(a, b);
}
