/**
 * Argument checks shared by the generators and the preparation functions, with one wording
 * for each kind of mistake. Internal: not exported from the package.
 */
import * as T from '@theta/tensor';

/** Throws `DomainError` naming `op` unless `key` is a PRNG key. */
export function checkKey(op: string, key: unknown): asserts key is T.Key {
  if (!T.isKey(key)) {
    throw new T.DomainError({ op, parameter: 'key', value: key, expected: 'a Key made by T.key(seed), T.split or T.foldIn' });
  }
}

/** A safe integer ≥ `min`, or `DomainError`. */
export function checkInteger(op: string, parameter: string, value: unknown, min: number): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
    throw new T.DomainError({ op, parameter, value, expected: `an integer ≥ ${min}` });
  }
  return value;
}

/** A finite number ≥ 0, or `DomainError`. */
export function checkNonNegative(op: string, parameter: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new T.DomainError({ op, parameter, value, expected: 'a finite number ≥ 0' });
  }
  return value;
}

/** The dtype, `float64` when absent, or `DTypeError`. */
export function checkDType(op: string, dtype: unknown): T.DType {
  if (dtype === undefined) return 'float64';
  if (dtype === 'float64' || dtype === 'float32') return dtype;
  throw new T.DTypeError({ op, argument: 'dtype', expected: "'float64' or 'float32'", actual: String(dtype) });
}

/** A tensor of rank 2 (`[N, F]`), or `ShapeError`. */
export function checkMatrix(op: string, argument: string, x: unknown): T.Tensor {
  if (!T.isTensor(x)) {
    throw new T.ShapeError({ op, argument, expected: 'a tensor [N, F]', actual: typeof x });
  }
  if (x.shape.length !== 2) {
    throw new T.ShapeError({ op, argument, expected: '[N, F]', actual: x.shape });
  }
  return x;
}

/** Throws `NonFiniteError` at the first NaN or ±Infinity of `values`, named as an entry of a matrix. */
export function checkFiniteMatrix(op: string, name: string, values: ArrayLike<number>, columns: number): void {
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (!Number.isFinite(v)) {
      const row = Math.floor(i / columns);
      throw new T.NonFiniteError({ op, path: `${name}[${row}, ${i - row * columns}]`, value: v });
    }
  }
}
