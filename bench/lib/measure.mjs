// Timing helpers for `npm run bench`. Benchmarks never run inside `npm test`.
import { performance } from 'node:perf_hooks';

/**
 * Runs `fn` until `minMs` has passed (after `warmupMs` of warm-up) and returns the median
 * seconds per call over `samples` batches. `fn` may return a value; it is kept in a sink so
 * the engine cannot drop the work.
 */
export async function measure(fn, { warmupMs = 200, minMs = 600, samples = 7 } = {}) {
  let sink = 0;
  const keep = (v) => {
    sink ^= typeof v === 'number' ? v | 0 : 1;
  };
  // Warm up and estimate how many calls fill one sample.
  let calls = 0;
  const start = performance.now();
  while (performance.now() - start < warmupMs || calls < 2) {
    keep(await fn());
    calls += 1;
  }
  const perCall = (performance.now() - start) / calls;
  const batch = Math.max(1, Math.round(minMs / samples / Math.max(perCall, 1e-6)));
  const times = [];
  for (let s = 0; s < samples; s++) {
    const t0 = performance.now();
    for (let i = 0; i < batch; i++) keep(await fn());
    times.push((performance.now() - t0) / 1000 / batch);
  }
  times.sort((a, b) => a - b);
  globalThis.__benchSink = sink;
  return times[Math.floor(times.length / 2)];
}

/** Prints a markdown table: `rows` is an array of arrays of cells; the first is the header. */
export function table(title, rows) {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
  const line = (r) => `| ${r.map((cell, c) => String(cell).padEnd(widths[c])).join(' | ')} |`;
  console.log(`\n### ${title}\n`);
  console.log(line(rows[0]));
  console.log(`| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`);
  for (const r of rows.slice(1)) console.log(line(r));
}

/** Formats a number with `digits` significant digits. */
export const fmt = (x, digits = 3) => (Number.isFinite(x) ? Number(x.toPrecision(digits)).toString() : String(x));

/** Formats a ratio as `2.31×`. */
export const ratio = (a, b) => `${fmt(a / b)}×`;
