// Deterministic inputs for the benchmarks, independent of the library's own PRNG so every
// contender (Theta, tfjs, …) gets the same numbers.

/** `length` values in [−scale, scale) from a 32-bit LCG seeded by `seed`. */
export function values(length, seed, scale = 1) {
  const out = new Float64Array(length);
  let state = seed >>> 0;
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    out[i] = (state / 2 ** 31 - 1) * scale;
  }
  return out;
}
