/**
 * The tensor value: an immutable, row-major, contiguous n-d array of float64 or float32.
 *
 * @module
 */
import { DomainError, DTypeError, ShapeError } from './errors.js';
import { zeroed } from './slab.js';

/**
 * Element type of a tensor. `float64` is the default everywhere.
 *
 * @since 0.1.0
 * @category Model
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * const dtype: T.DType = 'float32';
 * console.log(T.zeros([2], { dtype }).dtype); // float32
 * ```
 */
export type DType = 'float64' | 'float32';

/**
 * The typed array behind a tensor of either dtype.
 *
 * @since 0.1.0
 * @category Model
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * const data: T.TypedArray = T.ones([3]).data;
 * console.log(data instanceof Float64Array); // true
 * ```
 */
export type TypedArray = Float64Array | Float32Array;

/**
 * An immutable n-d array. `data` is written once, at construction, and never after: every
 * function returns a new tensor and only reads the ones it is given.
 *
 * @since 0.1.0
 * @category Model
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * const x: T.Tensor = T.tensor([[1, 2, 3], [4, 5, 6]]);
 * console.log(x.shape, x.dtype, x.data.length); // [2, 3] float64 6
 * ```
 */
export interface Tensor {
  /** Discriminant that tells tensors from the trees that hold them. */
  readonly _tag: 'Tensor';
  /** Length of each axis, outermost first; `[]` for a scalar. */
  readonly shape: readonly number[];
  /** Element type. */
  readonly dtype: DType;
  /** Row-major elements; read through {@link toArray} or {@link item} outside this package. */
  readonly data: TypedArray;
}

/**
 * Options accepted by the constructors.
 *
 * @since 0.1.0
 * @category Constructors
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * const options: T.TensorOptions = { dtype: 'float32' };
 * console.log(T.ones([2], options).dtype); // float32
 * ```
 */
export interface TensorOptions {
  /** Element type; `float64` when absent. */
  readonly dtype?: DType;
}

/** Number of elements of a shape (1 for a scalar). */
export const sizeOf = (shape: readonly number[]): number => {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
};

/** Allocates a zero-filled typed array of the dtype (a short one as a view on a shared slab: slab.ts). */
export const allocate = (dtype: DType, length: number): TypedArray => zeroed(dtype, length);

const checkShape = (op: string, shape: readonly number[]): void => {
  for (const d of shape) {
    if (!Number.isInteger(d) || d < 0) {
      throw new ShapeError({ op, argument: 'shape', expected: 'non-negative integer lengths', actual: shape });
    }
  }
};

const checkDType = (op: string, dtype: unknown): DType => {
  if (dtype === undefined) return 'float64';
  if (dtype === 'float64' || dtype === 'float32') return dtype;
  throw new DTypeError({ op, argument: 'dtype', expected: "'float64' or 'float32'", actual: String(dtype) });
};

/**
 * Wraps a typed array the caller has just filled as a tensor, without copying. The array is
 * adopted: the caller must never write to it again. Kernels and other Theta packages use this
 * to hand out fresh results; user code usually wants {@link fromArray}, which copies.
 *
 * @since 0.1.0
 * @category Constructors
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * const x = T.fromData(new Float64Array([1, 2, 3, 4]), [2, 2]);
 * console.log(T.toNested(x)); // [[1, 2], [3, 4]]
 * ```
 */
export function fromData(data: TypedArray, shape: readonly number[]): Tensor {
  checkShape('fromData', shape);
  if (sizeOf(shape) !== data.length) {
    throw new ShapeError({ op: 'fromData', argument: 'shape', expected: `${data.length} elements`, actual: shape });
  }
  const dtype: DType = data instanceof Float32Array ? 'float32' : 'float64';
  return Object.freeze({ _tag: 'Tensor', shape: Object.freeze(shape.slice()), dtype, data });
}

/** Internal fast path: wraps data whose length is already known to match `shape`. */
export const make = (data: TypedArray, shape: readonly number[]): Tensor =>
  Object.freeze({
    _tag: 'Tensor' as const,
    shape: Object.isFrozen(shape) ? shape : Object.freeze(shape.slice()),
    dtype: data instanceof Float32Array ? ('float32' as const) : ('float64' as const),
    data,
  });

/**
 * Copies a flat array of numbers into a tensor of the given shape (row-major).
 *
 * @since 0.1.0
 * @category Constructors
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * const x = T.fromArray([1, 2, 3, 4, 5, 6], [2, 3]);
 * console.log(x.shape); // [2, 3]
 * ```
 */
export function fromArray(values: ArrayLike<number>, shape: readonly number[], options: TensorOptions = {}): Tensor {
  const dtype = checkDType('fromArray', options.dtype);
  checkShape('fromArray', shape);
  if (sizeOf(shape) !== values.length) {
    throw new ShapeError({ op: 'fromArray', argument: 'values', expected: `${sizeOf(shape)} elements for shape [${shape.join(', ')}]`, actual: `${values.length} elements` });
  }
  const data = allocate(dtype, values.length);
  for (let i = 0; i < values.length; i++) data[i] = values[i] as number;
  return make(data, shape);
}

/**
 * Nested arrays of numbers, any depth: what {@link tensor} reads and {@link toNested} writes.
 *
 * @since 0.1.0
 * @category Model
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * const rows: T.Nested = [[1, 2], [3, 4]];
 * console.log(T.tensor(rows).shape); // [2, 2]
 * ```
 */
export type Nested = number | readonly Nested[];

const inferShape = (values: Nested, path: string, shape: number[], depth: number, data: number[]): void => {
  if (typeof values === 'number') {
    if (depth !== shape.length) {
      throw new ShapeError({ op: 'tensor', argument: `values${path}`, expected: `an array of length ${shape[depth]}`, actual: 'a number (ragged nesting)' });
    }
    data.push(values);
    return;
  }
  if (!Array.isArray(values)) {
    throw new ShapeError({ op: 'tensor', argument: `values${path}`, expected: 'a number or an array', actual: typeof values });
  }
  if (depth === shape.length) {
    if (data.length > 0) {
      throw new ShapeError({ op: 'tensor', argument: `values${path}`, expected: 'a number (ragged nesting)', actual: `an array of length ${values.length}` });
    }
    shape.push(values.length);
  } else if (shape[depth] !== values.length) {
    throw new ShapeError({ op: 'tensor', argument: `values${path}`, expected: `length ${shape[depth]}`, actual: `length ${values.length} (ragged nesting)` });
  }
  values.forEach((v, i) => inferShape(v, `${path}[${i}]`, shape, depth + 1, data));
};

/**
 * Builds a tensor from a number or nested arrays, inferring the shape. Ragged input is a
 * `ShapeError` naming the path of the first row that does not fit.
 *
 * @since 0.1.0
 * @category Constructors
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * const W = T.tensor([[0.1, -0.2], [0.3, 0.4]]);
 * console.log(W.shape, W.dtype); // [2, 2] float64
 * ```
 */
export function tensor(values: Nested, options: TensorOptions = {}): Tensor {
  const shape: number[] = [];
  const data: number[] = [];
  inferShape(values, '', shape, 0, data);
  return fromArray(data, shape, options);
}

/**
 * A 0-d tensor holding one number.
 *
 * @since 0.1.0
 * @category Constructors
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * console.log(T.item(T.scalar(2.5))); // 2.5
 * ```
 */
export const scalar = (value: number, options: TensorOptions = {}): Tensor => fromArray([value], [], options);

/**
 * A tensor of the given shape filled with one value.
 *
 * @since 0.1.0
 * @category Constructors
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * console.log(T.toNested(T.full([2, 2], 7))); // [[7, 7], [7, 7]]
 * ```
 */
export function full(shape: readonly number[], value: number, options: TensorOptions = {}): Tensor {
  const dtype = checkDType('full', options.dtype);
  checkShape('full', shape);
  const data = allocate(dtype, sizeOf(shape));
  if (value !== 0) data.fill(value);
  return make(data, shape);
}

/**
 * A tensor of zeros.
 *
 * @since 0.1.0
 * @category Constructors
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * console.log(T.toArray(T.zeros([3]))); // [0, 0, 0]
 * ```
 */
export const zeros = (shape: readonly number[], options: TensorOptions = {}): Tensor => full(shape, 0, options);

/**
 * A tensor of ones.
 *
 * @since 0.1.0
 * @category Constructors
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * console.log(T.toArray(T.ones([2]))); // [1, 1]
 * ```
 */
export const ones = (shape: readonly number[], options: TensorOptions = {}): Tensor => full(shape, 1, options);

/**
 * The n × n identity matrix (or n × m with ones on the main diagonal).
 *
 * @since 0.1.0
 * @category Constructors
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * console.log(T.toNested(T.eye(2))); // [[1, 0], [0, 1]]
 * ```
 */
export function eye(n: number, m: number = n, options: TensorOptions = {}): Tensor {
  for (const [parameter, value] of [['n', n], ['m', m]] as const) {
    if (!Number.isInteger(value) || value < 0) {
      throw new DomainError({ op: 'eye', parameter, value, expected: 'a non-negative integer' });
    }
  }
  const data = allocate(checkDType('eye', options.dtype), n * m);
  for (let i = 0; i < Math.min(n, m); i++) data[i * m + i] = 1;
  return make(data, [n, m]);
}

/**
 * Evenly spaced values in [start, stop) with the given step, as NumPy's `arange`.
 *
 * @since 0.1.0
 * @category Constructors
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * console.log(T.toArray(T.arange(0, 1, 0.25))); // [0, 0.25, 0.5, 0.75]
 * ```
 */
export function arange(start: number, stop?: number, step = 1, options: TensorOptions = {}): Tensor {
  const [from, to] = stop === undefined ? [0, start] : [start, stop];
  for (const [parameter, value] of [['start', from], ['stop', to], ['step', step]] as const) {
    if (!Number.isFinite(value)) throw new DomainError({ op: 'arange', parameter, value, expected: 'a finite number' });
  }
  if (step === 0) throw new DomainError({ op: 'arange', parameter: 'step', value: step, expected: 'a non-zero number' });
  const length = Math.max(0, Math.ceil((to - from) / step));
  const data = allocate(checkDType('arange', options.dtype), length);
  for (let i = 0; i < length; i++) data[i] = from + i * step;
  return make(data, [length]);
}

/**
 * `count` evenly spaced values from `start` to `stop`, both included.
 *
 * @since 0.1.0
 * @category Constructors
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * console.log(T.toArray(T.linspace(0, 1, 5))); // [0, 0.25, 0.5, 0.75, 1]
 * ```
 */
export function linspace(start: number, stop: number, count: number, options: TensorOptions = {}): Tensor {
  if (!Number.isInteger(count) || count < 0) {
    throw new DomainError({ op: 'linspace', parameter: 'count', value: count, expected: 'a non-negative integer' });
  }
  const data = allocate(checkDType('linspace', options.dtype), count);
  const step = count > 1 ? (stop - start) / (count - 1) : 0;
  for (let i = 0; i < count; i++) data[i] = i === count - 1 && count > 1 ? stop : start + i * step;
  return make(data, [count]);
}

/**
 * True when `value` is a tensor (checked by tag, so across duplicate installs).
 *
 * @since 0.1.0
 * @category Guards
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * console.log(T.isTensor(T.zeros([1])), T.isTensor([0])); // true false
 * ```
 */
export const isTensor = (value: unknown): value is Tensor =>
  typeof value === 'object' && value !== null && (value as { _tag?: unknown })._tag === 'Tensor';

/**
 * Zeros with the shape and dtype of x.
 *
 * @since 0.1.0
 * @category Constructors
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * const g = T.zerosLike(T.ones([2, 3], { dtype: 'float32' }));
 * console.log(g.shape, g.dtype); // [2, 3] float32
 * ```
 */
export const zerosLike = (x: Tensor): Tensor => make(allocate(x.dtype, x.data.length), x.shape);

/**
 * A tensor with the shape and dtype of x, filled with one value.
 *
 * @since 0.1.0
 * @category Constructors
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * console.log(T.toArray(T.fullLike(T.zeros([2]), 3))); // [3, 3]
 * ```
 */
export const fullLike = (x: Tensor, value: number): Tensor => full(x.shape, value, { dtype: x.dtype });
