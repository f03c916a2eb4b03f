#!/usr/bin/env node
// `npm run bench`: runs every suite in bench/suites (or those named on the command line,
// e.g. `npm run bench -- matmul`) against the built packages, peers side by side.
import { readdirSync } from 'node:fs';
import { cpus } from 'node:os';

const only = process.argv.slice(2);
const suites = readdirSync(new URL('./suites/', import.meta.url))
  .filter((f) => f.endsWith('.mjs'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
console.log(`# Theta benchmarks\n\nMachine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, Node ${process.version}`);
for (const suite of suites) {
  const { run } = await import(`./suites/${suite}`);
  await run();
}
