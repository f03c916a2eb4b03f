/**
 * Piecewise functions: abs, sign, min and max. Their kinks follow the conventions chosen once in
 * `rules.ts`: abs′(0) = 0, sign′ = 0, and min/max split a tie evenly between the arguments.
 * NaN in gives NaN out, for the value and the derivative.
 *
 * @module
 */
import { Dual, type Num } from '../dual.js';
import { rules } from '../rules.js';

/**
 * $|x|$; derivative $\operatorname{sign} x$, with $|x|'(0) = 0$ (the middle of the subgradient $[-1, 1]$).
 *
 * @since 0.1.0
 * @category Piecewise
 * @example
 * ```ts
 * import * as D from '@theta/dual';
 * console.log(D.abs(-3), D.derivative(D.abs)(-3), D.derivative(D.abs)(0)); // 3 -1 0
 * ```
 */
export function abs(x: Num): Num {
  const rule = rules.abs;
  if (typeof x === 'number') return rule.value(x);
  const v = x.value, t = x.tangent;
  if (typeof v === 'number' && typeof t === 'number') {
    const y = rule.value(v);
    return new Dual(x.tag, y, t === 0 ? 0 : t * rule.derivative(v, y));
  }
  return rule.lift(x);
}

/**
 * $\operatorname{sign} x \in \lbrace -1, 0, 1 \rbrace$ (NaN for NaN); derivative $0$ everywhere, NaN for NaN.
 *
 * @since 0.1.0
 * @category Piecewise
 * @example
 * ```ts
 * import * as D from '@theta/dual';
 * console.log(D.sign(-2), D.derivative(D.sign)(-2)); // -1 0
 * ```
 */
export function sign(x: Num): Num {
  const rule = rules.sign;
  if (typeof x === 'number') return rule.value(x);
  const v = x.value, t = x.tangent;
  if (typeof v === 'number' && typeof t === 'number') {
    const y = rule.value(v);
    return new Dual(x.tag, y, t === 0 ? 0 : t * rule.derivative(v, y));
  }
  return rule.lift(x);
}

/**
 * The smaller of $a$ and $b$; the derivative follows the smaller one, and a tie $a = b$ gives
 * each argument half ($\partial/\partial a = \partial/\partial b = \tfrac12$, as JAX), so $\min(x, x)' = 1$.
 *
 * @since 0.1.0
 * @category Piecewise
 * @example
 * ```ts
 * import * as D from '@theta/dual';
 * console.log(D.min(1, 2), D.derivative((x) => D.min(x, 1))(1)); // 1 0.5
 * ```
 */
export function min(a: Num, b: Num): Num {
  return rules.min.lift(a, b);
}

/**
 * The larger of $a$ and $b$; the derivative follows the larger one, and a tie $a = b$ gives
 * each argument half ($\partial/\partial a = \partial/\partial b = \tfrac12$, as JAX), so $\max(x, x)' = 1$.
 *
 * @since 0.1.0
 * @category Piecewise
 * @example
 * ```ts
 * import * as D from '@theta/dual';
 * console.log(D.max(1, 2), D.derivative((x) => D.max(x, 1))(3), D.derivative((x) => D.max(x, x))(0)); // 2 1 1
 * ```
 */
export function max(a: Num, b: Num): Num {
  return rules.max.lift(a, b);
}
