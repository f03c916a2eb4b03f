/**
 * Argument checks shared by the samplers. Internal: not exported from the package.
 */
import { DomainError, DTypeError, ShapeError } from '../core/errors.js';
import type { DType } from '../core/tensor.js';

/** Checks a shape (non-negative integer lengths) and returns its number of elements. */
export function checkShape(op: string, shape: unknown): number {
  if (!Array.isArray(shape)) {
    throw new ShapeError({ op, argument: 'shape', expected: 'an array of non-negative integer lengths', actual: String(shape) });
  }
  let size = 1;
  for (const d of shape) {
    if (typeof d !== 'number' || !Number.isSafeInteger(d) || d < 0) {
      throw new ShapeError({ op, argument: 'shape', expected: 'non-negative integer lengths', actual: shape });
    }
    size *= d;
  }
  if (!Number.isSafeInteger(size)) {
    throw new ShapeError({ op, argument: 'shape', expected: 'at most 2^53 − 1 elements', actual: shape });
  }
  return size;
}

/** The dtype option: `float64` when absent. */
export function checkDType(op: string, dtype: unknown): DType {
  if (dtype === undefined || dtype === 'float64') return 'float64';
  if (dtype === 'float32') return 'float32';
  throw new DTypeError({ op, argument: 'dtype', expected: "'float64' or 'float32'", actual: String(dtype) });
}

/** A finite number, or a `DomainError` naming the parameter. */
export function checkFinite(op: string, parameter: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new DomainError({ op, parameter, value, expected: 'a finite number' });
  }
  return value;
}

/** An integer in [min, max], or a `DomainError` naming the parameter and the range. */
export function checkInteger(op: string, parameter: string, value: unknown, min: number, max: number, range: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new DomainError({ op, parameter, value, expected: range });
  }
  return value;
}
