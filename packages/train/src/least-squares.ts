/**
 * Linear least squares by Householder QR: the OLS (and ridge) fits the course compares
 * networks with.
 *
 * @module
 */
import * as T from '@theta/tensor';

/**
 * Options of {@link leastSquares}.
 *
 * @since 0.1.0
 * @category Baselines
 * @example
 * ```ts
 * import * as Tr from '@theta/train';
 * const ridge: Tr.LeastSquaresOptions = { lambda: 1e-3 };
 * console.log(ridge.lambda); // 0.001
 * ```
 */
export interface LeastSquaresOptions {
  /** Ridge strength λ ≥ 0: minimise $\lVert y - A\beta \rVert^2 + \lambda \lVert \beta \rVert^2$ (every coefficient, the intercept too); 0 when absent. */
  readonly lambda?: number;
}

/**
 * Solves $\min_\beta \lVert y - A\beta \rVert_2^2 (+ \lambda \lVert\beta\rVert_2^2)$ for a
 * design matrix A $[N, p]$ and targets y $[N]$ or $[N, k]$, returning β $[p]$ or $[p, k]$ in
 * A's dtype. It factors A (stacked over $\sqrt\lambda I$ for ridge) as QR with Householder
 * reflections in float64 and back-substitutes $R\beta = Q^\top y$ — unlike the normal
 * equations, this does not square the condition number, which matters for polynomial designs.
 * A rank-deficient A (and λ = 0) is a `DomainError`; shapes that do not fit a `ShapeError`.
 *
 * @since 0.1.0
 * @category Baselines
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as Tr from '@theta/train';
 * const A = T.tensor([[1, 0], [1, 1], [1, 2]]);                  // columns: 1, x
 * const beta = Tr.leastSquares(A, T.tensor([1, 3, 5]));          // y = 1 + 2x
 * console.log(T.toArray(beta).map((b) => Number(b.toFixed(12)))); // [ 1, 2 ]
 * ```
 */
export function leastSquares(A: T.Tensor, y: T.Tensor, options: LeastSquaresOptions = {}): T.Tensor {
  const op = 'leastSquares';
  if (!T.isTensor(A) || A.shape.length !== 2) throw new T.ShapeError({ op, argument: 'A', expected: '[N, p]', actual: T.isTensor(A) ? A.shape : typeof A });
  const [n, p] = A.shape as [number, number];
  if (!T.isTensor(y) || (y.shape.length !== 1 && y.shape.length !== 2) || y.shape[0] !== n) {
    throw new T.ShapeError({ op, argument: 'y', expected: `[${n}] or [${n}, k]`, actual: T.isTensor(y) ? y.shape : typeof y });
  }
  const lambda = options.lambda ?? 0;
  if (typeof lambda !== 'number' || !Number.isFinite(lambda) || lambda < 0) {
    throw new T.DomainError({ op, parameter: 'lambda', value: lambda, expected: 'a finite number ≥ 0' });
  }
  const k = y.shape.length === 2 ? (y.shape[1] as number) : 1;
  const m = lambda > 0 ? n + p : n;
  if (m < p || p < 1) throw new T.ShapeError({ op, argument: 'A', expected: `at least as many rows as columns (p = ${p} ≥ 1)`, actual: A.shape });
  // Row-major float64 copies: a [m, p] = [A; √λ I], b [m, k] = [y; 0].
  const a = new Float64Array(m * p);
  a.set(T.toArray(A));
  for (let j = 0; j < p && lambda > 0; j++) a[(n + j) * p + j] = Math.sqrt(lambda);
  const b = new Float64Array(m * k);
  b.set(T.toArray(y));
  const v = new Float64Array(m);
  let largest = 0;
  for (let j = 0; j < p; j++) {
    let norm = 0;
    for (let i = j; i < m; i++) norm += (a[i * p + j] as number) ** 2;
    norm = Math.sqrt(norm);
    largest = Math.max(largest, norm);
    if (norm <= largest * 1e-13 * Math.max(m, p)) {
      throw new T.DomainError({ op, parameter: 'A', value: `column ${j}`, expected: 'a design of full column rank (column dependent on the others; add λ > 0 or drop it)' });
    }
    // Reflect x = a[j:, j] onto alpha·e_1 with the sign that avoids cancellation.
    const alpha = (a[j * p + j] as number) > 0 ? -norm : norm;
    let vv = 0;
    for (let i = j; i < m; i++) {
      v[i] = (a[i * p + j] as number) - (i === j ? alpha : 0);
      vv += (v[i] as number) ** 2;
    }
    const reflect = (x: Float64Array, width: number, from: number): void => {
      for (let c = from; c < width; c++) {
        let s = 0;
        for (let i = j; i < m; i++) s += (v[i] as number) * (x[i * width + c] as number);
        const f = (2 * s) / vv;
        for (let i = j; i < m; i++) x[i * width + c] = (x[i * width + c] as number) - f * (v[i] as number);
      }
    };
    if (vv > 0) {
      reflect(a, p, j);
      reflect(b, k, 0);
    }
  }
  // Back substitution R β = (Qᵀ b)[0:p].
  const beta = new Array<number>(p * k).fill(0);
  for (let c = 0; c < k; c++) {
    for (let j = p - 1; j >= 0; j--) {
      let s = b[j * k + c] as number;
      for (let l = j + 1; l < p; l++) s -= (a[j * p + l] as number) * (beta[l * k + c] as number);
      beta[j * k + c] = s / (a[j * p + j] as number);
    }
  }
  return T.fromArray(beta, y.shape.length === 2 ? [p, k] : [p], { dtype: A.dtype });
}
