// This machine's measured float32 matmul peak, for suites that report GFLOP/s as a fraction
// of it (matmul.mjs measures the full sweep; this is the short measurement other suites use).
import { performance } from 'node:perf_hooks';
import * as T from '@theta/tensor';
import { values } from './values.mjs';

/** GFLOP/s of an n × n · n × n product taking `seconds`: 2n³ floating-point operations. */
export const matmulGflops = (n, seconds) => (2 * n ** 3) / seconds / 1e9;

/** The sizes whose best GFLOP/s counts as the peak. */
export const PEAK_SIZES = [512, 1024];

/**
 * The best GFLOP/s of Theta's WebAssembly float32 matmul over n ∈ {@link PEAK_SIZES}: each
 * size is timed `rounds` times (wall clock, after one warm-up call) and its fastest call
 * counts, since on a shared machine interference only ever slows a call down. Falls back to
 * the default backend where WebAssembly is not available. About a second at most.
 */
export function f32MatmulPeak({ rounds = 5 } = {}) {
  const initial = T.getBackend();
  let backend = 'wasm';
  try {
    T.setBackend('wasm');
  } catch {
    backend = initial;
  }
  let best = 0;
  let bestN = 0;
  for (const n of PEAK_SIZES) {
    const a = T.fromArray(values(n * n, 1 + n), [n, n], { dtype: 'float32' });
    const b = T.fromArray(values(n * n, 2 + n), [n, n], { dtype: 'float32' });
    T.matmul(a, b); // warm-up
    for (let r = 0; r < rounds; r++) {
      const start = performance.now();
      T.matmul(a, b);
      const gflops = matmulGflops(n, (performance.now() - start) / 1000);
      if (gflops > best) [best, bestN] = [gflops, n];
    }
  }
  T.setBackend(initial);
  return { gflops: best, n: bestN, backend };
}
