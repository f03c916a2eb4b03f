/**
 * Central finite difference (f(x + h) − f(x − h)) / 2h of a scalar function, with a step
 * scaled to |x| so that large and small arguments both get a balanced truncation/rounding error.
 */
export function centralDifference(f: (x: number) => number, x: number, h = 1e-5): number {
  const step = h * Math.max(1, Math.abs(x));
  return (f(x + step) - f(x - step)) / (2 * step);
}

/** The gradient of f: ℝⁿ → ℝ by central differences, one coordinate at a time. */
export function centralGradient(f: (x: readonly number[]) => number, x: readonly number[], h = 1e-5): number[] {
  return x.map((xi, i) =>
    centralDifference((t) => f(x.map((v, j) => (j === i ? t : v))), xi, h),
  );
}

/** |a − b| ≤ atol + rtol·|b|, the test tolerance used throughout (NumPy's isclose). */
export function isClose(a: number, b: number, rtol = 1e-5, atol = 1e-8): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
  if (!Number.isFinite(a) || !Number.isFinite(b)) return a === b;
  return Math.abs(a - b) <= atol + rtol * Math.abs(b);
}
