/**
 * Tangent arithmetic for the general path: scaling a tangent by a local derivative and adding
 * two scaled tangents, whatever they hold (a number, a nested Dual, or a chunk of partials).
 * The chain rule of every elementary function reduces to these two steps.
 *
 * @module
 */
import { Dual, type Num, type Partials, type Tangent } from './dual.js';
import { ShapeError } from './errors.js';
import { add, mul } from './elementary/arithmetic.js';

/**
 * `t · d`, where a zero tangent stays zero even when the local derivative is infinite or NaN:
 * a constant has no say in the derivative (ForwardDiff.jl's NaN-safe mode, always on). The
 * fast paths in the elementary functions apply the same rule inline.
 */
const chain = (t: number, d: number): number => (t === 0 ? 0 : t * d);

const isSingle = (t: Tangent): t is Num => typeof t === 'number' || t instanceof Dual;

/** `t · s` where a zero tangent stays zero (see `chain`), for tangents of any kind. */
const times = (t: Num, s: Num): Num => {
  if (t === 0) return 0;
  return typeof t === 'number' && typeof s === 'number' ? t * s : mul(t, s);
};

/** `t · s`: one tangent, or every partial of a chunk, times the local derivative `s`. */
export function scale(t: Tangent, s: Num): Tangent {
  if (typeof t === 'number' && typeof s === 'number') return chain(t, s);
  if (isSingle(t)) return times(t, s);
  if (t instanceof Float64Array && typeof s === 'number') {
    const out = new Float64Array(t.length);
    for (let i = 0; i < t.length; i++) out[i] = chain(t[i]!, s);
    return out;
  }
  return Array.from(t as ArrayLike<Num>, (ti) => times(ti, s));
}

/** `ta · sa + tb · sb`: the tangent of a binary function whose two arguments both carry the tag. */
export function combine(ta: Tangent, sa: Num, tb: Tangent, sb: Num): Tangent {
  if (typeof ta === 'number' && typeof tb === 'number' && typeof sa === 'number' && typeof sb === 'number') {
    return chain(ta, sa) + chain(tb, sb);
  }
  if (isSingle(ta) && isSingle(tb)) return add(times(ta, sa), times(tb, sb));
  if (isSingle(ta) || isSingle(tb) || ta.length !== tb.length) {
    // One tag means one differentiation call, which seeds every input with the same width.
    throw new ShapeError({ op: 'combine', argument: 'tangent', expected: width(ta), actual: width(tb) });
  }
  const numbers = typeof sa === 'number' && typeof sb === 'number';
  if (numbers && ta instanceof Float64Array && tb instanceof Float64Array) {
    const out = new Float64Array(ta.length);
    for (let i = 0; i < ta.length; i++) out[i] = chain(ta[i]!, sa) + chain(tb[i]!, sb);
    return out;
  }
  const a = ta as ArrayLike<Num>;
  const b = tb as ArrayLike<Num>;
  return Array.from({ length: a.length }, (_, i) => add(times(a[i]!, sa), times(b[i]!, sb)));
}

const width = (t: Tangent): string => (isSingle(t) ? 'a single tangent' : `${(t as Partials).length} partials`);
