/**
 * The general path of every elementary function: nested duals (higher derivatives), chunks of
 * partials (gradients), and duals of different tags meeting in one binary function. The fast
 * path for a plain `number + number·ε` dual sits in each function itself; this is the rest.
 * Both apply the same rule from `rules.ts` in the same order, so their results are equal (===).
 *
 * @module
 */
import { Dual, type Num } from './dual.js';
import type { BinaryRule, ParametricRule, UnaryRule } from './rules.js';
import { combine, scale } from './tangent.js';

/** Applies the function (`rule.op`) to the value, and the chain rule `ẏ = ẋ · dy/dx` to the tangent. */
export function liftUnary(x: Dual, rule: UnaryRule): Dual {
  const y = rule.op(x.value);
  return new Dual(x.tag, y, scale(x.tangent, rule.derivative(x.value, y)));
}

/** As `liftUnary`, for a function with a plain-number parameter `p` (an exponent, a slope). */
export function liftParametric(x: Dual, p: number, rule: ParametricRule): Dual {
  const y = rule.op(x.value, p);
  return new Dual(x.tag, y, scale(x.tangent, rule.derivative(x.value, y, p)));
}

/**
 * The chain rule for `y = g(a, b)`: `ẏ = ȧ · ∂g/∂a + ḃ · ∂g/∂b` over the newest tag present.
 * An argument without that tag is a constant for it (its own perturbation sits further in),
 * and the partial of a constant argument is never computed.
 */
export function liftBinary(a: Num, b: Num, rule: BinaryRule): Num {
  if (typeof a === 'number' && typeof b === 'number') return rule.value(a, b);
  const tag = typeof a === 'number' ? (b as Dual).tag : typeof b === 'number' ? a.tag : Math.max(a.tag, b.tag);
  const da = typeof a !== 'number' && a.tag === tag ? a : undefined;
  const db = typeof b !== 'number' && b.tag === tag ? b : undefined;
  const u = da === undefined ? a : da.value;
  const v = db === undefined ? b : db.value;
  const y = rule.op(u, v);
  if (da !== undefined && db !== undefined) {
    return new Dual(tag, y, combine(da.tangent, rule.partialA(u, v, y), db.tangent, rule.partialB(u, v, y)));
  }
  if (da !== undefined) return new Dual(tag, y, scale(da.tangent, rule.partialA(u, v, y)));
  return new Dual(tag, y, scale((db as Dual).tangent, rule.partialB(u, v, y)));
}
