/**
 * Typed errors: one class per kind, each with a `_tag` and structured fields, and a static
 * `is` guard that reads the tag, so it works even when two copies of this package are loaded.
 * The package stands alone, so these mirror the shape of `@theta/tensor`'s errors without
 * depending on it.
 *
 * @module
 */

/** Renders a value for an error message: `[2, 3]`, `NaN`, `"relu"`. */
const show = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(show).join(', ')}]`;
  return typeof value === 'string' ? `"${value}"` : String(value);
};

const hasTag = (value: unknown, tag: string): boolean =>
  typeof value === 'object' && value !== null && (value as { _tag?: unknown })._tag === tag;

/**
 * An argument has the wrong structure: a tangent whose length or keys differ from the point's.
 *
 * @since 0.1.0
 * @category Errors
 * @example
 * ```ts
 * import * as D from '@theta/dual';
 * try {
 *   D.jvp((x: readonly D.Num[]) => D.sum(x))([1, 2, 3], [1, 0]);
 * } catch (e) {
 *   if (D.ShapeError.is(e)) console.log(e.argument, e.expected, e.actual); // v length 3 length 2
 * }
 * ```
 */
export class ShapeError extends Error {
  /** Discriminant shared by every copy of this package. */
  readonly _tag = 'ShapeError' as const;
  /** The transform that rejected its input, e.g. `jvp`. */
  readonly op: string;
  /** Which argument was wrong, e.g. `v`. */
  readonly argument: string;
  /** The structure the transform needed, in words: `length 3`, `keys [w, b]`. */
  readonly expected: string;
  /** The structure it received. */
  readonly actual: string;
  constructor(fields: { op: string; argument: string; expected: string; actual: string }) {
    super(`${fields.op}: argument '${fields.argument}' expected ${fields.expected}, got ${fields.actual}`);
    this.name = 'ShapeError';
    this.op = fields.op;
    this.argument = fields.argument;
    this.expected = fields.expected;
    this.actual = fields.actual;
  }
  /** True for any `ShapeError`, whichever copy of the package threw it. */
  static is(value: unknown): value is ShapeError {
    return hasTag(value, 'ShapeError');
  }
}

/**
 * A value has the wrong type: an input that is not a number, Dual, array or record of them, or
 * a function under differentiation that returned something else.
 *
 * @since 0.1.0
 * @category Errors
 * @example
 * ```ts
 * import * as D from '@theta/dual';
 * const bad = (x: D.Num) => (D.primal(x) > 0 ? 'positive' : x) as D.Num;
 * try {
 *   D.derivative(bad)(1);
 * } catch (e) {
 *   if (D.TypeMismatchError.is(e)) console.log(e.argument, e.actual); // f(x) string "positive"
 * }
 * ```
 */
export class TypeMismatchError extends Error {
  /** Discriminant shared by every copy of this package. */
  readonly _tag = 'TypeMismatchError' as const;
  /** The transform or function that rejected the value, e.g. `derivative`. */
  readonly op: string;
  /** Where the value sits: `x[2]`, `v.w`, `f(x)`, `f(x)[1]`. */
  readonly argument: string;
  /** What was accepted there, in words. */
  readonly expected: string;
  /** What came, in words. */
  readonly actual: string;
  constructor(fields: { op: string; argument: string; expected: string; actual: string }) {
    super(`${fields.op}: '${fields.argument}' expected ${fields.expected}, got ${fields.actual}`);
    this.name = 'TypeMismatchError';
    this.op = fields.op;
    this.argument = fields.argument;
    this.expected = fields.expected;
    this.actual = fields.actual;
  }
  /** True for any `TypeMismatchError`, whichever copy of the package threw it. */
  static is(value: unknown): value is TypeMismatchError {
    return hasTag(value, 'TypeMismatchError');
  }
}

/**
 * A parameter is outside its domain: a chunk size that is not a finite integer ≥ 1, a negative
 * derivative order, a non-integer exponent for `powi`.
 *
 * @since 0.1.0
 * @category Errors
 * @example
 * ```ts
 * import * as D from '@theta/dual';
 * try {
 *   D.gradient((x: readonly D.Num[]) => D.sum(x), { chunk: Infinity })([1, 2]);
 * } catch (e) {
 *   if (D.DomainError.is(e)) console.log(e.parameter, e.value); // chunk Infinity
 * }
 * ```
 */
export class DomainError extends Error {
  /** Discriminant shared by every copy of this package. */
  readonly _tag = 'DomainError' as const;
  /** The function that validated the parameter. */
  readonly op: string;
  /** The parameter's name, e.g. `chunk`. */
  readonly parameter: string;
  /** The rejected value. */
  readonly value: unknown;
  /** The accepted range, in words: `a finite integer ≥ 1`. */
  readonly expected: string;
  constructor(fields: { op: string; parameter: string; value: unknown; expected: string }) {
    const got = show(fields.value);
    super(`${fields.op}: parameter '${fields.parameter}' must be ${fields.expected}, got ${got}`);
    this.name = 'DomainError';
    this.op = fields.op;
    this.parameter = fields.parameter;
    this.value = fields.value;
    this.expected = fields.expected;
  }
  /** True for any `DomainError`, whichever copy of the package threw it. */
  static is(value: unknown): value is DomainError {
    return hasTag(value, 'DomainError');
  }
}

/**
 * Any error this package raises on purpose.
 *
 * @since 0.1.0
 * @category Errors
 * @example
 * ```ts
 * import * as D from '@theta/dual';
 * const describe = (e: D.DualError): string => `${e._tag}: ${e.message}`;
 * const e = new D.DomainError({ op: 'gradient', parameter: 'chunk', value: 0, expected: 'an integer ≥ 1' });
 * console.log(describe(e)); // DomainError: gradient: parameter 'chunk' must be an integer ≥ 1, got 0
 * ```
 */
export type DualError = ShapeError | TypeMismatchError | DomainError;

/**
 * True for any of this package's typed errors (by `_tag`, so across duplicate installs).
 *
 * @since 0.1.0
 * @category Errors
 * @example
 * ```ts
 * import * as D from '@theta/dual';
 * console.log(D.isDualError(new Error('plain'))); // false
 * ```
 */
export const isDualError = (value: unknown): value is DualError =>
  ['ShapeError', 'TypeMismatchError', 'DomainError'].some((tag) => hasTag(value, tag));

/** Describes a value for an error message: `string "a"`, `undefined`, `an array of length 2`. */
export const describe = (value: unknown): string => {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  if (ArrayBuffer.isView(value)) return `a ${value.constructor.name}`;
  if (typeof value === 'string') return `string ${show(value)}`;
  if (typeof value === 'object') return `an object with keys ${show(Object.keys(value))}`;
  return typeof value === 'function' ? 'a function' : `${typeof value} ${String(value)}`;
};

/** A DomainError for a bad parameter, built out of line so that hot functions stay small. */
export const badParameter = (op: string, parameter: string, value: unknown, expected: string): DomainError =>
  new DomainError({ op, parameter, value, expected });
