// Runs one suite: `node bench/lib/run-suite.mjs matmul.mjs` (bench/run.mjs starts one process
// per suite this way; a file rather than `--eval`, so that worker threads the suites start
// inherit no `--input-type` flag, which Node refuses for files).
const [suite] = process.argv.slice(2);
const { run } = await import(new URL(`../suites/${suite}`, import.meta.url).href);
await run();
