#!/usr/bin/env node
// `theta-examples extract` writes every TSDoc @example of the current package into
// .examples/ so that `tsc` type-checks them beside the sources.
import { extractExamples } from '../src/extract.mjs';

const [command] = process.argv.slice(2);
if (command !== 'extract') {
  console.error('usage: theta-examples extract');
  process.exit(2);
}
const written = extractExamples(process.cwd());
console.log(`theta-examples: ${written.length} example(s) written to .examples/`);
