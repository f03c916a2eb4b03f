#!/usr/bin/env node
// Fills in the generated parts of docs/guides/08-performance.md, so that no number on that page
// is typed by hand:
//
//   node docs/scripts/performance.mjs --suites        the list of suites, from each suite's header
//   npm run build && node docs/scripts/performance.mjs
//                                                     runs the whole bench (`node bench/run.mjs`),
//                                                     saves its output to bench/results/latest.md
//                                                     and copies its tables into the guide
//   node docs/scripts/performance.mjs --from FILE     the tables from a saved bench output
//
// The bench prints markdown (`# Theta benchmarks`, a `Machine:` line, then one `### title` and
// one table per measurement); the guide shows that output as it is, under a line saying when
// and how it was produced.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = new URL('../../', import.meta.url);
export const GUIDE = new URL('docs/guides/08-performance.md', ROOT);
const SUITES = new URL('bench/suites/', ROOT);
const RESULTS = new URL('bench/results/', ROOT);

/** Replaces the text between `<!-- NAME:start … -->` and `<!-- NAME:end -->`. */
export function replaceRegion(markdown, name, body) {
  const start = new RegExp(`<!-- ${name}:start[^>]*-->\\n`);
  const end = `<!-- ${name}:end -->`;
  const s = start.exec(markdown);
  const e = markdown.indexOf(end);
  if (!s || e < s.index) throw new Error(`08-performance.md has no ${name}:start … ${name}:end markers`);
  return `${markdown.slice(0, s.index + s[0].length)}\n${body.trim()}\n\n${markdown.slice(e)}`;
}

/** The text between the markers (trimmed), or undefined. */
export function region(markdown, name) {
  const s = new RegExp(`<!-- ${name}:start[^>]*-->\\n`).exec(markdown);
  const e = markdown.indexOf(`<!-- ${name}:end -->`);
  return s && e > s.index ? markdown.slice(s.index + s[0].length, e).trim() : undefined;
}

/** One row per bench suite: its name, the command that runs it alone, and its header comment. */
export function suitesTable() {
  const rows = readdirSync(SUITES)
    .filter((f) => f.endsWith('.mjs'))
    .sort()
    .map((file) => {
      const text = readFileSync(new URL(file, SUITES), 'utf8');
      const header = [];
      for (const line of text.split('\n')) {
        if (!line.startsWith('//')) break;
        const content = line.replace(/^\/\/ ?/, '');
        if (content.trim() === '') break; // the first paragraph says what the suite measures
        header.push(content.trim());
      }
      const what = header
        .join(' ')
        .replace(/\s*Imports? the built package.*$/, '')
        .replace(/\|/g, '\\|');
      const name = file.replace(/\.mjs$/, '');
      return `| \`${name}\` | \`npm run bench -- ${name}\` | ${what} |`;
    });
  return ['| suite | run it alone | what it measures |', '| --- | --- | --- |', ...rows].join('\n');
}

/** The guide's results section from the bench's printed output. */
export function resultsSection(output, how) {
  const body = output
    .replace(/\r/g, '')
    .split('\n')
    .filter((line) => !/^# Theta benchmarks/.test(line))
    .map((line) => line.replace(/^(#{2,5}) /, '#$1 ')) // one level below the page's own headings
    .join('\n')
    .trim();
  return `${how}\n\n${body}`;
}

function main(args) {
  let markdown = readFileSync(GUIDE, 'utf8');
  markdown = replaceRegion(markdown, 'bench-suites', suitesTable());
  if (args[0] !== '--suites') {
    let output;
    let how;
    if (args[0] === '--from') {
      output = readFileSync(args[1], 'utf8');
      const saved = statSync(args[1]).mtime.toISOString().slice(0, 10);
      how = `Copied from a run of \`npm run bench\` saved on ${saved} (\`node docs/scripts/performance.mjs --from ${args[1]}\`).`;
    } else {
      const run = spawnSync(process.execPath, ['bench/run.mjs'], { cwd: fileURLToPath(ROOT), encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 << 20 });
      process.stdout.write(run.stdout ?? '');
      if (run.status !== 0) throw new Error(`node bench/run.mjs failed with status ${run.status}`);
      output = run.stdout;
      mkdirSync(RESULTS, { recursive: true });
      writeFileSync(new URL('latest.md', RESULTS), output);
      how = `Produced by \`node docs/scripts/performance.mjs\` (which runs \`npm run bench\`) on ${new Date().toISOString().slice(0, 10)}.`;
    }
    markdown = replaceRegion(markdown, 'bench-results', resultsSection(output, how));
  }
  writeFileSync(GUIDE, markdown);
  console.log('docs: updated docs/guides/08-performance.md');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
