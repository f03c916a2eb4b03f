/**
 * The four arithmetic operations, negation and sum. Everything else is built on these, so they
 * are shaped for the engine: an entry of 27 bytes of bytecode that does plain numbers itself
 * (small enough that V8 always inlines it, into the derivative rules too) and hands a dual to one
 * of three short cases — two duals, a dual and a constant, a constant and a dual — of which only
 * those a program actually meets get inlined into it. For these four alone the
 * `number + number·ε` case spells out its row of `rules.ts` (ȧ + ḃ, ȧb + aḃ, …) instead of
 * calling it: they sit in every function, and every byte counts against the engine's inlining
 * budget. Anything else (nested duals, chunks, two tags) goes to the row's general path, and
 * the tests hold the two paths to exactly equal results. A zero tangent stays zero even against
 * an infinite partial (a constant has no say), as everywhere in the package.
 *
 * @module
 */
import { Dual, type Num } from '../dual.js';
import { rules } from '../rules.js';

/**
 * $a + b$; $\partial/\partial a = \partial/\partial b = 1$.
 *
 * @since 0.1.0
 * @category Arithmetic
 * @example
 * ```ts
 * import * as D from '@theta/dual';
 * console.log(D.add(2, 3), D.derivative((x) => D.add(x, x))(5)); // 5 2
 * ```
 */
export function add(a: Num, b: Num): Num {
  if (typeof a === 'number' && typeof b === 'number') return a + b;
  return addDual(a, b);
}

/** `add` when a dual is involved: one of the three cases below. */
function addDual(a: Num, b: Num): Num {
  if (typeof a === 'number') return addNumberDual(a, b as Dual);
  return typeof b === 'number' ? addDualNumber(a, b) : addDuals(a, b);
}

/** `add` of two duals. */
function addDuals(a: Dual, b: Dual): Num {
  const u = a.value, s = a.tangent, v = b.value, t = b.tangent;
  const flat = typeof u === 'number' && typeof s === 'number' && typeof v === 'number' && typeof t === 'number';
  if (!flat || a.tag !== b.tag) {
    return rules.add.lift(a, b);
  }
  const y = u + v;
  return new Dual(a.tag, y, s + t);
}

/** `add` of a dual and a constant. */
function addDualNumber(a: Dual, v: number): Num {
  const u = a.value, s = a.tangent;
  if (typeof u !== 'number' || typeof s !== 'number') return rules.add.lift(a, v);
  const y = u + v;
  return new Dual(a.tag, y, s);
}

/** `add` of a constant and a dual. */
function addNumberDual(u: number, b: Dual): Num {
  const v = b.value, t = b.tangent;
  if (typeof v !== 'number' || typeof t !== 'number') return rules.add.lift(u, b);
  const y = u + v;
  return new Dual(b.tag, y, t);
}

/**
 * $a - b$; $\partial/\partial a = 1$, $\partial/\partial b = -1$.
 *
 * @since 0.1.0
 * @category Arithmetic
 * @example
 * ```ts
 * import * as D from '@theta/dual';
 * console.log(D.sub(2, 3), D.derivative((x) => D.sub(1, x))(5)); // -1 -1
 * ```
 */
export function sub(a: Num, b: Num): Num {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return subDual(a, b);
}

/** `sub` when a dual is involved: one of the three cases below. */
function subDual(a: Num, b: Num): Num {
  if (typeof a === 'number') return subNumberDual(a, b as Dual);
  return typeof b === 'number' ? subDualNumber(a, b) : subDuals(a, b);
}

/** `sub` of two duals. */
function subDuals(a: Dual, b: Dual): Num {
  const u = a.value, s = a.tangent, v = b.value, t = b.tangent;
  const flat = typeof u === 'number' && typeof s === 'number' && typeof v === 'number' && typeof t === 'number';
  if (!flat || a.tag !== b.tag) {
    return rules.sub.lift(a, b);
  }
  const y = u - v;
  return new Dual(a.tag, y, s - t);
}

/** `sub` of a dual and a constant. */
function subDualNumber(a: Dual, v: number): Num {
  const u = a.value, s = a.tangent;
  if (typeof u !== 'number' || typeof s !== 'number') return rules.sub.lift(a, v);
  const y = u - v;
  return new Dual(a.tag, y, s);
}

/** `sub` of a constant and a dual. */
function subNumberDual(u: number, b: Dual): Num {
  const v = b.value, t = b.tangent;
  if (typeof v !== 'number' || typeof t !== 'number') return rules.sub.lift(u, b);
  const y = u - v;
  return new Dual(b.tag, y, -t);
}

/**
 * $a \cdot b$; $\partial/\partial a = b$, $\partial/\partial b = a$ (the product rule).
 *
 * @since 0.1.0
 * @category Arithmetic
 * @example
 * ```ts
 * import * as D from '@theta/dual';
 * console.log(D.mul(2, 3), D.derivative((x) => D.mul(x, x))(5)); // 6 10
 * ```
 */
export function mul(a: Num, b: Num): Num {
  if (typeof a === 'number' && typeof b === 'number') return a * b;
  return mulDual(a, b);
}

/** `mul` when a dual is involved: one of the three cases below. */
function mulDual(a: Num, b: Num): Num {
  if (typeof a === 'number') return mulNumberDual(a, b as Dual);
  return typeof b === 'number' ? mulDualNumber(a, b) : mulDuals(a, b);
}

/** `mul` of two duals. */
function mulDuals(a: Dual, b: Dual): Num {
  const u = a.value, s = a.tangent, v = b.value, t = b.tangent;
  const flat = typeof u === 'number' && typeof s === 'number' && typeof v === 'number' && typeof t === 'number';
  if (!flat || a.tag !== b.tag) {
    return rules.mul.lift(a, b);
  }
  const y = u * v;
  return new Dual(a.tag, y, (s === 0 ? 0 : s * v) + (t === 0 ? 0 : t * u));
}

/** `mul` of a dual and a constant. */
function mulDualNumber(a: Dual, v: number): Num {
  const u = a.value, s = a.tangent;
  if (typeof u !== 'number' || typeof s !== 'number') return rules.mul.lift(a, v);
  const y = u * v;
  return new Dual(a.tag, y, s === 0 ? 0 : s * v);
}

/** `mul` of a constant and a dual. */
function mulNumberDual(u: number, b: Dual): Num {
  const v = b.value, t = b.tangent;
  if (typeof v !== 'number' || typeof t !== 'number') return rules.mul.lift(u, b);
  const y = u * v;
  return new Dual(b.tag, y, t === 0 ? 0 : t * u);
}

/**
 * $a / b$; $\partial/\partial a = 1/b$, $\partial/\partial b = -a/b^2$.
 *
 * @since 0.1.0
 * @category Arithmetic
 * @example
 * ```ts
 * import * as D from '@theta/dual';
 * console.log(D.div(3, 2), D.derivative((x) => D.div(1, x))(2)); // 1.5 -0.25
 * ```
 */
export function div(a: Num, b: Num): Num {
  if (typeof a === 'number' && typeof b === 'number') return a / b;
  return divDual(a, b);
}

/** `div` when a dual is involved: one of the three cases below. */
function divDual(a: Num, b: Num): Num {
  if (typeof a === 'number') return divNumberDual(a, b as Dual);
  return typeof b === 'number' ? divDualNumber(a, b) : divDuals(a, b);
}

/** `div` of two duals. */
function divDuals(a: Dual, b: Dual): Num {
  const u = a.value, s = a.tangent, v = b.value, t = b.tangent;
  const flat = typeof u === 'number' && typeof s === 'number' && typeof v === 'number' && typeof t === 'number';
  if (!flat || a.tag !== b.tag) {
    return rules.div.lift(a, b);
  }
  const y = u / v;
  return new Dual(a.tag, y, (s === 0 ? 0 : s * (1 / v)) + (t === 0 ? 0 : t * -(y / v)));
}

/** `div` of a dual and a constant. */
function divDualNumber(a: Dual, v: number): Num {
  const u = a.value, s = a.tangent;
  if (typeof u !== 'number' || typeof s !== 'number') return rules.div.lift(a, v);
  const y = u / v;
  return new Dual(a.tag, y, s === 0 ? 0 : s * (1 / v));
}

/** `div` of a constant and a dual. */
function divNumberDual(u: number, b: Dual): Num {
  const v = b.value, t = b.tangent;
  if (typeof v !== 'number' || typeof t !== 'number') return rules.div.lift(u, b);
  const y = u / v;
  return new Dual(b.tag, y, t === 0 ? 0 : t * -(y / v));
}

/**
 * $-x$; derivative $-1$.
 *
 * @since 0.1.0
 * @category Arithmetic
 * @example
 * ```ts
 * import * as D from '@theta/dual';
 * console.log(D.neg(2), D.derivative(D.neg)(7)); // -2 -1
 * ```
 */
export function neg(x: Num): Num {
  const rule = rules.neg;
  if (typeof x === 'number') return rule.value(x);
  const v = x.value, t = x.tangent;
  if (typeof v === 'number' && typeof t === 'number') {
    const y = rule.value(v);
    return new Dual(x.tag, y, t === 0 ? 0 : t * rule.derivative(v, y));
  }
  return rule.lift(x);
}

/**
 * $\sum_i x_i$, added left to right; $0$ for an empty list.
 *
 * @since 0.1.0
 * @category Arithmetic
 * @example
 * ```ts
 * import * as D from '@theta/dual';
 * console.log(D.sum([1, 2, 3]), D.gradient((x: readonly D.Num[]) => D.sum(x))([4, 5])); // 6 [ 1, 1 ]
 * ```
 */
export function sum(xs: readonly Num[]): Num {
  let total: Num = 0;
  for (const x of xs) total = add(total, x);
  return total;
}
