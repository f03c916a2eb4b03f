#!/usr/bin/env node
// The `theta` command: a launcher for the built CLI (`npm run build -w @theta/cli` makes dist/).
import pc from 'picocolors';
import { run } from '../dist/main.js';

process.exitCode = await run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  isTTY: process.stderr.isTTY === true,
  color: pc.isColorSupported && process.stdout.isTTY === true,
});
