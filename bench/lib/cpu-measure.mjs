// CPU-time twin of lib/measure.mjs's `measure`, for suites that compare CPU seconds.

/**
 * Median CPU seconds per call (user + system time of this process), alongside `measure`'s wall
 * time: on a shared machine other processes stretch wall time far more than CPU time. In a
 * worker thread (lib/isolate.mjs) this is still the whole process's CPU time; the suites keep
 * every other thread waiting while one measures, so it is that thread's (plus V8's helpers).
 */
export async function cpuMeasure(fn, { warmupMs = 150, minMs = 500, samples = 7 } = {}) {
  let sink = 0;
  const cpu = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1e6;
  };
  let calls = 0;
  const start = cpu();
  while (cpu() - start < warmupMs / 1e3 || calls < 2) {
    sink ^= (await fn()) === undefined ? 0 : 1;
    calls += 1;
  }
  const batch = Math.max(1, Math.round(minMs / 1e3 / samples / Math.max((cpu() - start) / calls, 1e-9)));
  const times = [];
  for (let k = 0; k < samples; k++) {
    const t0 = cpu();
    for (let i = 0; i < batch; i++) sink ^= (await fn()) === undefined ? 0 : 1;
    times.push((cpu() - t0) / batch);
  }
  globalThis.__benchSink = sink;
  return times.sort((a, b) => a - b)[Math.floor(samples / 2)];
}
