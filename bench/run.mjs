#!/usr/bin/env node
// `npm run bench`: runs every suite in bench/suites (or those named on the command line,
// e.g. `npm run bench -- matmul`) against the built packages, peers side by side.
//
// Each suite runs in a fresh Node process: a suite that grows a WebAssembly memory (tfjs-wasm,
// jax-js) detaches an ArrayBuffer, and the first detach in a V8 isolate slows every typed-array
// loop that runs in it afterwards by 1.5–2× — it would skew the suites that follow it.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';

const only = process.argv.slice(2);
const suites = readdirSync(new URL('./suites/', import.meta.url))
  .filter((f) => f.endsWith('.mjs'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
// WebAssembly relaxed SIMD (fused multiply-add) is on by default from Node 22 and in Chrome ≥ 114;
// Node 20 has it behind a flag. Every suite runs with it, so every library gets what it gets on a
// current runtime: Theta's matmul and jax-js's jit-compiled kernels use its fused multiply-add.
// The train and matmul suites also measure Theta on its `simd` build (no fused multiply-add).
const nodeMajor = Number(process.versions.node.split('.')[0]);
const relaxedSimdFlag = nodeMajor < 22 ? ['--experimental-wasm-relaxed-simd'] : [];
console.log(`# Theta benchmarks\n\nMachine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, Node ${process.version}${relaxedSimdFlag.length > 0 ? ' with --experimental-wasm-relaxed-simd (WebAssembly relaxed SIMD, on by default from Node 22)' : ''}`);
for (const suite of suites) {
  const runner = fileURLToPath(new URL('./lib/run-suite.mjs', import.meta.url));
  const result = spawnSync(process.execPath, [...relaxedSimdFlag, runner, suite], { cwd: fileURLToPath(new URL('.', import.meta.url)), stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`bench: suite ${suite} failed (exit status ${result.status ?? result.signal})`);
    process.exit(1);
  }
}
