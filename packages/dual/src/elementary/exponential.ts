/**
 * Exponentials and logarithms. Each has the same shape: plain numbers straight through, the
 * `number + number·ε` dual inline, everything else through the general path; the derivative
 * itself is the function's row in `rules.ts`.
 *
 * @module
 */
import { Dual, type Num } from '../dual.js';
import { rules } from '../rules.js';

/**
 * $e^x$; $\frac{d}{dx} e^x = e^x$ (the rule reuses the output).
 *
 * @since 0.1.0
 * @category Exponentials and logarithms
 * @example
 * ```ts
 * import * as D from '@theta/dual';
 * console.log(D.exp(0), D.derivative(D.exp)(0)); // 1 1
 * ```
 */
export function exp(x: Num): Num {
  const rule = rules.exp;
  if (typeof x === 'number') return rule.value(x);
  const v = x.value, t = x.tangent;
  if (typeof v === 'number' && typeof t === 'number') {
    const y = rule.value(v);
    return new Dual(x.tag, y, t === 0 ? 0 : t * rule.derivative(v, y));
  }
  return rule.lift(x);
}

/**
 * $e^x - 1$, accurate for small $x$; derivative $e^x$.
 *
 * @since 0.1.0
 * @category Exponentials and logarithms
 * @example
 * ```ts
 * import * as D from '@theta/dual';
 * console.log(D.expm1(1e-10), D.derivative(D.expm1)(0)); // 1.00000000005e-10 1
 * ```
 */
export function expm1(x: Num): Num {
  const rule = rules.expm1;
  if (typeof x === 'number') return rule.value(x);
  const v = x.value, t = x.tangent;
  if (typeof v === 'number' && typeof t === 'number') {
    const y = rule.value(v);
    return new Dual(x.tag, y, t === 0 ? 0 : t * rule.derivative(v, y));
  }
  return rule.lift(x);
}

/**
 * The natural logarithm $\ln x$; derivative $1/x$. Negative $x$ gives NaN, $0$ gives $-\infty$.
 *
 * @since 0.1.0
 * @category Exponentials and logarithms
 * @example
 * ```ts
 * import * as D from '@theta/dual';
 * console.log(D.log(1), D.derivative(D.log)(4)); // 0 0.25
 * ```
 */
export function log(x: Num): Num {
  const rule = rules.log;
  if (typeof x === 'number') return rule.value(x);
  const v = x.value, t = x.tangent;
  if (typeof v === 'number' && typeof t === 'number') {
    const y = rule.value(v);
    return new Dual(x.tag, y, t === 0 ? 0 : t * rule.derivative(v, y));
  }
  return rule.lift(x);
}

/**
 * $\ln(1 + x)$, accurate for small $x$; derivative $1/(1 + x)$.
 *
 * @since 0.1.0
 * @category Exponentials and logarithms
 * @example
 * ```ts
 * import * as D from '@theta/dual';
 * console.log(D.log1p(0), D.derivative(D.log1p)(1)); // 0 0.5
 * ```
 */
export function log1p(x: Num): Num {
  const rule = rules.log1p;
  if (typeof x === 'number') return rule.value(x);
  const v = x.value, t = x.tangent;
  if (typeof v === 'number' && typeof t === 'number') {
    const y = rule.value(v);
    return new Dual(x.tag, y, t === 0 ? 0 : t * rule.derivative(v, y));
  }
  return rule.lift(x);
}

/**
 * $\log_2 x$; derivative $1/(x \ln 2)$.
 *
 * @since 0.1.0
 * @category Exponentials and logarithms
 * @example
 * ```ts
 * import * as D from '@theta/dual';
 * console.log(D.log2(8), D.derivative(D.log2)(1) === Math.LOG2E); // 3 true
 * ```
 */
export function log2(x: Num): Num {
  const rule = rules.log2;
  if (typeof x === 'number') return rule.value(x);
  const v = x.value, t = x.tangent;
  if (typeof v === 'number' && typeof t === 'number') {
    const y = rule.value(v);
    return new Dual(x.tag, y, t === 0 ? 0 : t * rule.derivative(v, y));
  }
  return rule.lift(x);
}

/**
 * $\log_{10} x$; derivative $1/(x \ln 10)$.
 *
 * @since 0.1.0
 * @category Exponentials and logarithms
 * @example
 * ```ts
 * import * as D from '@theta/dual';
 * console.log(D.log10(100), D.derivative(D.log10)(1) === Math.LOG10E); // 2 true
 * ```
 */
export function log10(x: Num): Num {
  const rule = rules.log10;
  if (typeof x === 'number') return rule.value(x);
  const v = x.value, t = x.tangent;
  if (typeof v === 'number' && typeof t === 'number') {
    const y = rule.value(v);
    return new Dual(x.tag, y, t === 0 ? 0 : t * rule.derivative(v, y));
  }
  return rule.lift(x);
}
