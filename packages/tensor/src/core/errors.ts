/**
 * Typed errors: one class per kind, each with a `_tag` and structured fields, and a static
 * `is` guard that reads the tag, so it works even when two copies of this package are loaded.
 *
 * @module
 */

/** Renders a shape or value for an error message: `[2, 3]`, `NaN`, `"relu"`. */
const show = (value: unknown): string =>
  Array.isArray(value) ? `[${value.map(show).join(', ')}]` : typeof value === 'string' ? `"${value}"` : String(value);

const hasTag = (value: unknown, tag: string): boolean =>
  typeof value === 'object' && value !== null && (value as { _tag?: unknown })._tag === tag;

/**
 * An argument has the wrong shape: names the op, the argument, what was expected and what came.
 *
 * @since 0.1.0
 * @category Errors
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * try {
 *   T.matmul(T.zeros([2, 3]), T.zeros([2, 3]));
 * } catch (e) {
 *   if (T.ShapeError.is(e)) console.log(e.op, e.expected, e.actual); // matmul …
 * }
 * ```
 */
export class ShapeError extends Error {
  /** Discriminant shared by every copy of this package. */
  readonly _tag = 'ShapeError' as const;
  /** The operation that rejected its input, e.g. `matmul`. */
  readonly op: string;
  /** Which argument was wrong, e.g. `b` or `W^2`. */
  readonly argument: string;
  /** What the op needed, in words or as a shape. */
  readonly expected: string;
  /** What it received. */
  readonly actual: string;
  constructor(fields: { op: string; argument: string; expected: unknown; actual: unknown }) {
    const expected = show(fields.expected);
    const actual = show(fields.actual);
    super(`${fields.op}: argument '${fields.argument}' expected shape ${expected}, got ${actual}`);
    this.name = 'ShapeError';
    this.op = fields.op;
    this.argument = fields.argument;
    this.expected = expected;
    this.actual = actual;
  }
  /** True for any `ShapeError`, whichever copy of the package threw it. */
  static is(value: unknown): value is ShapeError {
    return hasTag(value, 'ShapeError');
  }
}

/**
 * An argument has the wrong dtype (e.g. a float32 tensor added to a float64 one).
 *
 * @since 0.1.0
 * @category Errors
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * const mixed = () => T.add(T.ones([2]), T.ones([2], { dtype: 'float32' }));
 * try { mixed(); } catch (e) { console.log(T.DTypeError.is(e)); } // true
 * ```
 */
export class DTypeError extends Error {
  /** Discriminant shared by every copy of this package. */
  readonly _tag = 'DTypeError' as const;
  /** The operation that rejected its input. */
  readonly op: string;
  /** Which argument was wrong. */
  readonly argument: string;
  /** The dtype (or dtypes) accepted. */
  readonly expected: string;
  /** The dtype received. */
  readonly actual: string;
  constructor(fields: { op: string; argument: string; expected: string; actual: string }) {
    super(`${fields.op}: argument '${fields.argument}' expected dtype ${fields.expected}, got ${fields.actual}`);
    this.name = 'DTypeError';
    this.op = fields.op;
    this.argument = fields.argument;
    this.expected = fields.expected;
    this.actual = fields.actual;
  }
  /** True for any `DTypeError`, whichever copy of the package threw it. */
  static is(value: unknown): value is DTypeError {
    return hasTag(value, 'DTypeError');
  }
}

/**
 * A parameter is outside its domain: a learning rate ≤ 0, β ∉ [0, 1), a negative count…
 *
 * @since 0.1.0
 * @category Errors
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * try { T.eye(-1); } catch (e) { if (T.DomainError.is(e)) console.log(e.parameter, e.value); } // n -1
 * ```
 */
export class DomainError extends Error {
  /** Discriminant shared by every copy of this package. */
  readonly _tag = 'DomainError' as const;
  /** The function that validated the parameter. */
  readonly op: string;
  /** The parameter's name, e.g. `learningRate`. */
  readonly parameter: string;
  /** The rejected value. */
  readonly value: unknown;
  /** The accepted range, in words: `a finite number > 0`, `[0, 1)`. */
  readonly expected: string;
  constructor(fields: { op: string; parameter: string; value: unknown; expected: string }) {
    super(`${fields.op}: parameter '${fields.parameter}' must be ${fields.expected}, got ${show(fields.value)}`);
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
 * A computation produced NaN or ±Infinity where finite numbers were required; names where.
 *
 * @since 0.1.0
 * @category Errors
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * const e = new T.NonFiniteError({ op: 'fit', path: '[1].W', value: NaN, step: 42 });
 * console.log(e.message); // fit: non-finite value NaN at [1].W (step 42)
 * ```
 */
export class NonFiniteError extends Error {
  /** Discriminant shared by every copy of this package. */
  readonly _tag = 'NonFiniteError' as const;
  /** The operation or process that found it, e.g. `fit`. */
  readonly op: string;
  /** Where in the tree or tensor: `[1].W`, `loss`, or a flat index. */
  readonly path: string;
  /** The offending value (NaN, Infinity or -Infinity). */
  readonly value: number;
  /** The training step, when the error comes from a training loop. */
  readonly step: number | undefined;
  constructor(fields: { op: string; path: string; value: number; step?: number }) {
    const at = fields.step === undefined ? '' : ` (step ${fields.step})`;
    super(`${fields.op}: non-finite value ${fields.value} at ${fields.path}${at}`);
    this.name = 'NonFiniteError';
    this.op = fields.op;
    this.path = fields.path;
    this.value = fields.value;
    this.step = fields.step;
  }
  /** True for any `NonFiniteError`, whichever copy of the package threw it. */
  static is(value: unknown): value is NonFiniteError {
    return hasTag(value, 'NonFiniteError');
  }
}

/**
 * Untrusted input (JSON, CSV, flags) did not decode: names the path, what was expected and what came.
 *
 * @since 0.1.0
 * @category Errors
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * const e = new T.DecodeError({ path: 'theta[0].W', expected: 'number', actual: 'null' });
 * console.log(e.message); // decode: at theta[0].W expected number, got null
 * ```
 */
export class DecodeError extends Error {
  /** Discriminant shared by every copy of this package. */
  readonly _tag = 'DecodeError' as const;
  /** Where in the input: `theta[0].W[3]`, `row 12, column 4`. */
  readonly path: string;
  /** What the decoder needed there. */
  readonly expected: string;
  /** What it found. */
  readonly actual: string;
  constructor(fields: { path: string; expected: string; actual: string }) {
    super(`decode: at ${fields.path} expected ${fields.expected}, got ${fields.actual}`);
    this.name = 'DecodeError';
    this.path = fields.path;
    this.expected = fields.expected;
    this.actual = fields.actual;
  }
  /** True for any `DecodeError`, whichever copy of the package threw it. */
  static is(value: unknown): value is DecodeError {
    return hasTag(value, 'DecodeError');
  }
}

/**
 * Any error this library raises on purpose.
 *
 * @since 0.1.0
 * @category Errors
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * const describe = (e: T.ThetaError): string => `${e._tag}: ${e.message}`;
 * console.log(describe(new T.DecodeError({ path: 'x', expected: 'number', actual: 'string' })));
 * ```
 */
export type ThetaError = ShapeError | DTypeError | DomainError | NonFiniteError | DecodeError;

/**
 * True for any of Theta's typed errors (by `_tag`, so across duplicate installs).
 *
 * @since 0.1.0
 * @category Errors
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * console.log(T.isThetaError(new Error('plain'))); // false
 * ```
 */
export const isThetaError = (value: unknown): value is ThetaError =>
  ['ShapeError', 'DTypeError', 'DomainError', 'NonFiniteError', 'DecodeError'].some((tag) => hasTag(value, tag));
