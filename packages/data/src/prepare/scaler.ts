/**
 * Feature scaling fitted on training data: standardisation and min-max scaling, both the
 * affine map z = (x − center) / scale per feature.
 *
 * @module
 */
import * as T from '@theta/tensor';
import { checkMatrix } from '../validate.js';

/**
 * A fitted per-feature affine scaling $z_j = (x_j - c_j)/s_j$: plain data (`center`, `scale`)
 * and the two maps. Fit it on the training part only, then use the same scaler on the test
 * part and on new data, so no statistics leak from the test part. Inputs are never changed.
 *
 * @since 0.1.0
 * @category Preparation
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as D from '@theta/data';
 * const scaler: D.Scaler = D.standardScaler.fit(T.tensor([[1, 10], [3, 10]]));
 * console.log(T.toArray(scaler.center), T.toArray(scaler.scale)); // [2, 10] [1, 1]
 * console.log(T.toNested(scaler.transform(T.tensor([[5, 11]])))); // [[3, 1]]
 * ```
 */
export interface Scaler {
  /** $c$, `[F]`: subtracted from each feature. */
  readonly center: T.Tensor;
  /** $s$, `[F]`: each centred feature is divided by it; never 0. */
  readonly scale: T.Tensor;
  /** $(X - c) / s$ row by row, for X `[N, F]` (cast to X's dtype). */
  transform(X: T.Tensor): T.Tensor;
  /** $Z s + c$ row by row, for Z `[N, F]`: undoes {@link Scaler.transform}. */
  inverseTransform(Z: T.Tensor): T.Tensor;
}

/**
 * A way of fitting a {@link Scaler} to training inputs.
 *
 * @since 0.1.0
 * @category Preparation
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as D from '@theta/data';
 * const fitters: readonly D.ScalerFitter<never>[] = [D.standardScaler, D.minMaxScaler];
 * console.log(fitters.map((f) => T.toArray(f.fit(T.tensor([[0], [4]])).scale))); // [[2], [4]]
 * ```
 */
export interface ScalerFitter<Options> {
  /** Fits the scaler to X `[N, F]` (N ≥ 1, finite values). */
  fit(X: T.Tensor, options?: Options): Scaler;
}

/**
 * A scaler from saved parameters (say, read back from a model file): $z = (x - c)/s$ with
 * `center` c and `scale` s, both `[F]`.
 *
 * Throws `ShapeError` unless both are `[F]` tensors of one shape, `DomainError` for a scale
 * entry that is 0 or not finite.
 *
 * @since 0.1.0
 * @category Preparation
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as D from '@theta/data';
 * const s = D.scaler(T.tensor([1, 2]), T.tensor([2, 4]));
 * console.log(T.toNested(s.transform(T.tensor([[3, 6]]))), T.toNested(s.inverseTransform(T.tensor([[1, 1]])))); // [[1, 1]] [[3, 6]]
 * ```
 */
export function scaler(center: T.Tensor, scale: T.Tensor): Scaler {
  for (const [argument, t] of [['center', center], ['scale', scale]] as const) {
    if (!T.isTensor(t) || t.shape.length !== 1 || t.shape[0] !== (T.isTensor(center) ? center.shape[0] : undefined)) {
      throw new T.ShapeError({ op: 'scaler', argument, expected: '[F], the same for center and scale', actual: T.isTensor(t) ? t.shape : typeof t });
    }
  }
  T.toArray(scale).forEach((s, j) => {
    if (!Number.isFinite(s) || s === 0) {
      throw new T.DomainError({ op: 'scaler', parameter: `scale[${j}]`, value: s, expected: 'a finite non-zero number' });
    }
  });
  const features = center.shape[0] as number;
  const check = (op: string, argument: string, X: T.Tensor): T.Tensor => {
    const x = checkMatrix(op, argument, X);
    if (x.shape[1] !== features) throw new T.ShapeError({ op, argument, expected: `[N, ${features}]`, actual: x.shape });
    return x;
  };
  return Object.freeze({
    center,
    scale,
    transform: (X: T.Tensor) => {
      const x = check('Scaler.transform', 'X', X);
      return T.div(T.sub(x, T.astype(center, x.dtype)), T.astype(scale, x.dtype));
    },
    inverseTransform: (Z: T.Tensor) => {
      const z = check('Scaler.inverseTransform', 'Z', Z);
      return T.add(T.mul(z, T.astype(scale, z.dtype)), T.astype(center, z.dtype));
    },
  });
}

/** Checks the training inputs and returns the per-feature minimum and maximum (finite, or NonFiniteError). */
function columnRange(op: string, X: T.Tensor): { min: number[]; max: number[] } {
  const x = checkMatrix(op, 'X', X);
  if (x.shape[0] === 0) throw new T.ShapeError({ op, argument: 'X', expected: '[N, F] with N ≥ 1', actual: x.shape });
  const min = T.toArray(T.min(x, { axis: 0 }));
  const max = T.toArray(T.max(x, { axis: 0 }));
  // NaN and ±Infinity make some column's range non-finite (max − min is NaN or infinite).
  max.forEach((hi, j) => {
    if (!Number.isFinite(hi - (min[j] as number))) {
      throw new T.NonFiniteError({ op, path: `X[:, ${j}]`, value: Number.isFinite(hi) ? (min[j] as number) : hi });
    }
  });
  return { min, max };
}

/**
 * Options of {@link standardScaler}.
 *
 * @since 0.1.0
 * @category Preparation
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as D from '@theta/data';
 * const options: D.StandardScalerOptions = { withMean: false };
 * console.log(T.toArray(D.standardScaler.fit(T.tensor([[1], [3]]), options).center)); // [0]
 * ```
 */
export interface StandardScalerOptions {
  /** Subtract the mean; `true` when absent (otherwise the center is 0). */
  readonly withMean?: boolean;
  /** Divide by the standard deviation; `true` when absent (otherwise the scale is 1). */
  readonly withStd?: boolean;
}

/**
 * Standardisation, as scikit-learn's `StandardScaler`: `fit(X)` learns each feature's mean
 * $\mu_j$ and standard deviation $\sigma_j = \sqrt{\tfrac1N \sum_i (x_{ij} - \mu_j)^2}$
 * (population form) on the training inputs, and its scaler maps $x_j$ to
 * $(x_j - \mu_j)/\sigma_j$, so each training feature gets mean 0 and variance 1. A constant
 * feature ($\sigma_j = 0$) gets scale 1, so it maps to 0 instead of NaN. Non-finite inputs
 * are a `NonFiniteError` naming the column.
 *
 * @since 0.1.0
 * @category Preparation
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as D from '@theta/data';
 * const { XTrain, XTest } = D.trainTestSplit(T.key(0), D.breastCancer().X, D.breastCancer().y);
 * const scaler = D.standardScaler.fit(XTrain); // the training part only
 * const [train, test] = [scaler.transform(XTrain), scaler.transform(XTest)];
 * console.log(Math.abs(T.item(T.mean(train))) < 1e-12, test.shape); // true [114, 30]
 * ```
 */
export const standardScaler: ScalerFitter<StandardScalerOptions> = Object.freeze({
  fit(X: T.Tensor, options: StandardScalerOptions = {}): Scaler {
    const { min, max } = columnRange('standardScaler.fit', X);
    const mean = T.mean(X, { axis: 0 });
    const deviation = T.sqrt(T.mean(T.square(T.sub(X, mean)), { axis: 0 }));
    const constant = max.map((hi, j) => hi === min[j]);
    const center = options.withMean === false ? T.zerosLike(mean) : mean;
    const scale =
      options.withStd === false
        ? T.fullLike(mean, 1)
        : T.fromArray(T.toArray(deviation).map((s, j) => (constant[j] === true || s === 0 ? 1 : s)), [constant.length], { dtype: X.dtype });
    return scaler(center, scale);
  },
});

/**
 * Options of {@link minMaxScaler}.
 *
 * @since 0.1.0
 * @category Preparation
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as D from '@theta/data';
 * const options: D.MinMaxScalerOptions = { range: [-1, 1] };
 * console.log(T.toNested(D.minMaxScaler.fit(T.tensor([[0], [10]]), options).transform(T.tensor([[0], [5], [10]])))); // [[-1], [0], [1]]
 * ```
 */
export interface MinMaxScalerOptions {
  /** The interval [a, b] (a < b) that the training range of each feature maps to; [0, 1] when absent. */
  readonly range?: readonly [number, number];
}

/**
 * Min-max scaling, as scikit-learn's `MinMaxScaler`: `fit(X)` learns each feature's minimum
 * and maximum on the training inputs, and its scaler maps $[\min_j, \max_j]$ linearly onto
 * `range` [a, b] (default [0, 1]): $z_j = a + (x_j - \min_j)(b - a)/(\max_j - \min_j)$, that
 * is center $c_j = \min_j - a s_j$ and scale $s_j = (\max_j - \min_j)/(b - a)$. A constant
 * feature gets scale 1 and maps to a. New data may fall outside [a, b].
 *
 * @since 0.1.0
 * @category Preparation
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as D from '@theta/data';
 * const scaler = D.minMaxScaler.fit(T.tensor([[0, 7], [4, 7], [2, 7]]));
 * console.log(T.toNested(scaler.transform(T.tensor([[1, 7], [8, 8]])))); // [[0.25, 0], [2, 1]]
 * ```
 */
export const minMaxScaler: ScalerFitter<MinMaxScalerOptions> = Object.freeze({
  fit(X: T.Tensor, options: MinMaxScalerOptions = {}): Scaler {
    const [a, b] = options.range ?? [0, 1];
    if (!Number.isFinite(a) || !Number.isFinite(b) || !(a < b)) {
      throw new T.DomainError({ op: 'minMaxScaler.fit', parameter: 'range', value: options.range, expected: 'finite [a, b] with a < b' });
    }
    const { min, max } = columnRange('minMaxScaler.fit', X);
    const scale = max.map((hi, j) => (hi === min[j] ? 1 : (hi - (min[j] as number)) / (b - a)));
    const center = min.map((lo, j) => lo - a * (scale[j] as number));
    const options64 = { dtype: X.dtype };
    return scaler(T.fromArray(center, [min.length], options64), T.fromArray(scale, [min.length], options64));
  },
});
