// A check that an isolate's typed-array loops still run at full speed (see lib/isolate.mjs).

const n = 2500;
const arrays = Array.from({ length: 8 }, (_, s) => Float32Array.from({ length: n }, (_, i) => Math.sin(i * (s + 1))));
const out = new Float32Array(n);
// The arrays come in as arguments, as in a library's kernels (closure constants let V8 hoist more).
const axpy = (out, base, g, f) => {
  for (let i = 0; i < out.length; i++) out[i] = base[i] + f * g[i];
};

/**
 * Best microseconds of one 2,500-element Float32Array loop `out[i] = base[i] + f·g[i]` over
 * `rounds` rounds of 2,000 calls. On this machine about 4.6 µs in an isolate where no
 * ArrayBuffer was ever detached and 1.5–1.7× that once one was (V8's detaching protector is
 * gone and every typed-array access is checked); compare isolates of one process, not two runs.
 */
export function detachProbe(rounds = 20) {
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    const start = performance.now();
    for (let k = 0; k < 2000; k++) axpy(out, arrays[k & 7], arrays[(k + 1) & 7], k * 1e-3);
    best = Math.min(best, (performance.now() - start) / 2000);
  }
  return best * 1e3;
}
