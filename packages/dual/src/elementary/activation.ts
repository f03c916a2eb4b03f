/**
 * The activation functions of the notes' networks, as scalar functions over `Num`. Same shape
 * as every elementary function; kinks take the left-hand derivative (relu′(0) = 0,
 * leakyRelu′(0) = slope, elu′(0) = α), and NaN in gives NaN out.
 *
 * @module
 */
import { Dual, type Num } from '../dual.js';
import { badParameter } from '../errors.js';
import { rules } from '../rules.js';

/**
 * The logistic function $\sigma(x) = 1/(1 + e^{-x})$, without overflow for large $|x|$;
 * derivative $\sigma(x)\,\sigma(-x) = \sigma(1 - \sigma)$, accurate in both tails.
 *
 * @since 0.1.0
 * @category Activations
 * @example
 * ```ts
 * import * as D from '@theta/dual';
 * console.log(D.sigmoid(0), D.derivative(D.sigmoid)(0)); // 0.5 0.25
 * ```
 */
export function sigmoid(x: Num): Num {
  const rule = rules.sigmoid;
  if (typeof x === 'number') return rule.value(x);
  const v = x.value, t = x.tangent;
  if (typeof v === 'number' && typeof t === 'number') {
    const y = rule.value(v);
    return new Dual(x.tag, y, t === 0 ? 0 : t * rule.derivative(v, y));
  }
  return rule.lift(x);
}

/**
 * $\ln(1 + e^x)$, without overflow (`softplus(1000) = 1000`); derivative $\sigma(x)$.
 *
 * @since 0.1.0
 * @category Activations
 * @example
 * ```ts
 * import * as D from '@theta/dual';
 * console.log(D.softplus(1000), D.derivative(D.softplus)(0)); // 1000 0.5
 * ```
 */
export function softplus(x: Num): Num {
  const rule = rules.softplus;
  if (typeof x === 'number') return rule.value(x);
  const v = x.value, t = x.tangent;
  if (typeof v === 'number' && typeof t === 'number') {
    const y = rule.value(v);
    return new Dual(x.tag, y, t === 0 ? 0 : t * rule.derivative(v, y));
  }
  return rule.lift(x);
}

/**
 * $\max(x, 0)$; derivative $1$ for $x > 0$ and $0$ for $x \le 0$ — so relu′(0) = 0.
 *
 * @since 0.1.0
 * @category Activations
 * @example
 * ```ts
 * import * as D from '@theta/dual';
 * console.log(D.relu(-2), D.derivative(D.relu)(3), D.derivative(D.relu)(0)); // 0 1 0
 * ```
 */
export function relu(x: Num): Num {
  const rule = rules.relu;
  if (typeof x === 'number') return rule.value(x);
  const v = x.value, t = x.tangent;
  if (typeof v === 'number' && typeof t === 'number') {
    const y = rule.value(v);
    return new Dual(x.tag, y, t === 0 ? 0 : t * rule.derivative(v, y));
  }
  return rule.lift(x);
}

/**
 * $x$ for $x > 0$, $\text{slope}\cdot x$ otherwise (slope $0.01$ by default); derivative $1$ or
 * slope, with leakyRelu′(0) = slope. Throws a `DomainError` for a non-finite slope.
 *
 * @since 0.1.0
 * @category Activations
 * @example
 * ```ts
 * import * as D from '@theta/dual';
 * console.log(D.leakyRelu(-2, 0.1), D.derivative((x) => D.leakyRelu(x, 0.1))(0)); // -0.2 0.1
 * ```
 */
export function leakyRelu(x: Num, slope: number = 0.01): Num {
  const rule = rules.leakyRelu;
  if (!Number.isFinite(slope)) throw badParameter('leakyRelu', 'slope', slope, 'a finite number');
  if (typeof x === 'number') return rule.value(x, slope);
  const v = x.value, t = x.tangent;
  if (typeof v === 'number' && typeof t === 'number') {
    const y = rule.value(v, slope);
    return new Dual(x.tag, y, t === 0 ? 0 : t * rule.derivative(v, y, slope));
  }
  return rule.lift(x, slope);
}

/**
 * $x$ for $x > 0$, $\alpha(e^x - 1)$ otherwise ($\alpha = 1$ by default); derivative $1$ or
 * $\alpha e^x$, with elu′(0) = α. Throws a `DomainError` for a non-finite α.
 *
 * @since 0.1.0
 * @category Activations
 * @example
 * ```ts
 * import * as D from '@theta/dual';
 * console.log(D.elu(0), D.derivative((x) => D.elu(x, 2))(0)); // 0 2
 * ```
 */
export function elu(x: Num, alpha: number = 1): Num {
  const rule = rules.elu;
  if (!Number.isFinite(alpha)) throw badParameter('elu', 'alpha', alpha, 'a finite number');
  if (typeof x === 'number') return rule.value(x, alpha);
  const v = x.value, t = x.tangent;
  if (typeof v === 'number' && typeof t === 'number') {
    const y = rule.value(v, alpha);
    return new Dual(x.tag, y, t === 0 ? 0 : t * rule.derivative(v, y, alpha));
  }
  return rule.lift(x, alpha);
}
