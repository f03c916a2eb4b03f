/**
 * The logarithm, sine and cosine that the normal sampler needs, written with + − × ÷ only.
 * `Math.log`, `Math.sin` and `Math.cos` may differ in the last bit between JavaScript engines
 * (the standard leaves them implementation-approximated); IEEE 754 fixes the result of every
 * basic operation, so these give the same bits everywhere. Accurate to a few ulp.
 * Internal: not exported from the package.
 */

const LN2 = 0.6931471805599453;

/**
 * ln(x) for x in (0, 1]. Writes x = 2^k · m with m in [√½, √2), then
 * ln m = 2 atanh(s) = 2s (1 + s²/3 + s⁴/5 + …) with s = (m − 1)/(m + 1), |s| ≤ 0.1716.
 */
export function logUnit(x: number): number {
  let m = x;
  let k = 0;
  // Doubling is exact; x ≥ 2⁻⁵³ in the samplers, so this runs at most 54 times (about once on average).
  while (m < 0.5) {
    m *= 2;
    k--;
  }
  if (m < Math.SQRT1_2) {
    m *= 2;
    k--;
  }
  const f = m - 1;
  const s = f / (2 + f);
  const z = s * s;
  // Terms up to z¹¹/23: the next one is below 10⁻¹⁸ of the sum.
  const series =
    1 + z * (1 / 3 + z * (1 / 5 + z * (1 / 7 + z * (1 / 9 + z * (1 / 11 + z * (1 / 13 + z * (1 / 15 + z * (1 / 17 + z * (1 / 19 + z * (1 / 21 + z / 23))))))))));
  return k * LN2 + 2 * s * series;
}

/** sin x for |x| ≤ π/4 (Taylor terms to x¹⁵; the next is below 5·10⁻¹⁷). */
const sinSmall = (x: number): number => {
  const z = x * x;
  return x * (1 + z * (-1 / 6 + z * (1 / 120 + z * (-1 / 5040 + z * (1 / 362880 + z * (-1 / 39916800 + z * (1 / 6227020800 + z * (-1 / 1307674368000))))))));
};

/** cos x for |x| ≤ π/4 (Taylor terms to x¹⁶; the next is below 3·10⁻¹⁸). */
const cosSmall = (x: number): number => {
  const z = x * x;
  return 1 + z * (-1 / 2 + z * (1 / 24 + z * (-1 / 720 + z * (1 / 40320 + z * (-1 / 3628800 + z * (1 / 479001600 + z * (-1 / 87178291200 + z / 20922789888000)))))));
};

/**
 * Writes cos(2πu) and sin(2πu) for u in [0, 1) into `out[0]` and `out[1]`. The angle is
 * split as q·π/2 + x with q = round(4u) and |x| ≤ π/4; 4u − q is exact, so the only
 * rounding of the reduction is that of x = (4u − q)·π/2. Rotating by q quarter turns swaps
 * and negates, chosen without branching on the (random) quadrant.
 */
export function cosSinTurn(u: number, out: Float64Array): void {
  const q = Math.round(4 * u);
  const x = (4 * u - q) * (Math.PI / 2);
  const c = cosSmall(x);
  const s = sinSmall(x);
  const odd = q & 1;
  const sign = 1 - (q & 2);
  out[0] = sign * (odd ? -s : c);
  out[1] = sign * (odd ? c : s);
}
