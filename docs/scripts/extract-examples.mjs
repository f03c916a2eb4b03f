#!/usr/bin/env node
// `npm run typecheck -w @theta/docs` runs this first: it writes the README's ```ts blocks and
// each guide's blocks (one module per guide, as the tests run them) into docs/.examples/check/,
// which docs/tsconfig.json hands to tsc with the `@theta/source` condition.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { allModules, docsDir } from '../test/guide-code.mjs';

const out = join(docsDir, '.examples', 'check');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const modules = allModules();
for (const { name, code } of modules) writeFileSync(join(out, `${name}.ts`), code);
console.log(`docs: ${modules.length} module(s) of README and guide code written to docs/.examples/check/`);
