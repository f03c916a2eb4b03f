/**
 * Polynomial design matrices: the inputs of ordinary least squares on the Franke function.
 *
 * @module
 */
import * as T from '@theta/tensor';
import { checkInteger, checkMatrix } from '../validate.js';

/**
 * Options of {@link polynomialFeatures}, {@link polynomialPowers} and {@link polynomialFeatureNames}.
 *
 * @since 0.1.0
 * @category Preparation
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as D from '@theta/data';
 * const options: D.PolynomialOptions = { bias: false };
 * console.log(D.polynomialFeatures(T.tensor([[2, 3]]), 1, options).shape); // [1, 2]
 * ```
 */
export interface PolynomialOptions {
  /** Include the constant column 1 (the intercept) first; `true` when absent. */
  readonly bias?: boolean;
}

/**
 * The exponents of each column of {@link polynomialFeatures}: one array of F powers per
 * monomial, by total degree 0, 1, …, `degree`, and within a degree in the order of
 * scikit-learn's `PolynomialFeatures` (lexicographic in the features, higher powers of earlier
 * features first). For two features x, y that is the course's order
 * $1, x, y, x^2, xy, y^2, x^3, x^2y, xy^2, y^3, \dots$: column $q(q+1)/2 + k$ is
 * $x^{q-k}y^k$. There are $\binom{F + p}{p}$ columns for degree p (one fewer without bias).
 *
 * @since 0.1.0
 * @category Preparation
 * @example
 * ```ts
 * import * as D from '@theta/data';
 * console.log(D.polynomialPowers(2, 2)); // [[0, 0], [1, 0], [0, 1], [2, 0], [1, 1], [0, 2]]
 * ```
 */
export function polynomialPowers(features: number, degree: number, options: PolynomialOptions = {}): readonly (readonly number[])[] {
  checkInteger('polynomialPowers', 'features', features, 1);
  checkInteger('polynomialPowers', 'degree', degree, 0);
  const out: number[][] = [];
  // Powers of total degree d, with features from `from` on sharing `left` among them.
  const visit = (prefix: number[], from: number, left: number): void => {
    if (from === features - 1) {
      out.push([...prefix, left]);
      return;
    }
    for (let p = left; p >= 0; p--) visit([...prefix, p], from + 1, left - p);
  };
  for (let d = options.bias === false ? 1 : 0; d <= degree; d++) visit([], 0, d);
  return Object.freeze(out.map((powers) => Object.freeze(powers)));
}

/**
 * The design matrix of a polynomial of degree p in the F inputs of each row: X `[N, F]`
 * becomes `[N, C]` with one column per monomial $\prod_j x_j^{k_j}$, $\sum_j k_j \le p$, in
 * the order of {@link polynomialPowers} (for Franke's x, y: $1, x, y, x^2, xy, y^2, \dots$).
 * With it, ordinary least squares $\hat\beta = (A^\top A)^{-1}A^\top z$ fits a polynomial, the
 * course's baseline for the network. Powers are products of the inputs (no `Math.pow`).
 *
 * Throws `ShapeError` unless X is `[N, F]` with F ≥ 1, `DomainError` for a negative or
 * fractional degree.
 *
 * @since 0.1.0
 * @category Preparation
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as D from '@theta/data';
 * const A = D.polynomialFeatures(T.tensor([[2, 3]]), 2);
 * console.log(T.toNested(A)); // [[1, 2, 3, 4, 6, 9]]
 * console.log(D.polynomialFeatures(D.franke(T.key(0)).X, 5).shape); // [400, 21]
 * ```
 */
export function polynomialFeatures(X: T.Tensor, degree: number, options: PolynomialOptions = {}): T.Tensor {
  const x = checkMatrix('polynomialFeatures', 'X', X);
  const [n, features] = x.shape as [number, number];
  if (features < 1) throw new T.ShapeError({ op: 'polynomialFeatures', argument: 'X', expected: '[N, F] with F ≥ 1', actual: x.shape });
  checkInteger('polynomialFeatures', 'degree', degree, 0);
  const powers = polynomialPowers(features, degree, options);
  const values = T.toArray(x);
  const columns = powers.length;
  const out = x.dtype === 'float64' ? new Float64Array(n * columns) : new Float32Array(n * columns);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < columns; c++) {
      const k = powers[c] as readonly number[];
      let product = 1;
      for (let j = 0; j < features; j++) {
        const v = values[i * features + j] as number;
        for (let p = 0; p < (k[j] as number); p++) product *= v;
      }
      out[i * columns + c] = product;
    }
  }
  return T.fromData(out, [n, columns]);
}

/**
 * Readable names of the columns of {@link polynomialFeatures}, from the names of the inputs:
 * `1` for the bias, then products such as `x`, `x^2`, `x y`, `x^2 y^3`.
 *
 * @since 0.1.0
 * @category Preparation
 * @example
 * ```ts
 * import * as D from '@theta/data';
 * console.log(D.polynomialFeatureNames(['x', 'y'], 2)); // ['1', 'x', 'y', 'x^2', 'x y', 'y^2']
 * ```
 */
export function polynomialFeatureNames(names: readonly string[], degree: number, options: PolynomialOptions = {}): readonly string[] {
  const powers = polynomialPowers(names.length, degree, options);
  return Object.freeze(
    powers.map((k) => {
      const factors = k.flatMap((p, j) => (p === 0 ? [] : [p === 1 ? (names[j] as string) : `${names[j]}^${p}`]));
      return factors.length === 0 ? '1' : factors.join(' ');
    }),
  );
}
