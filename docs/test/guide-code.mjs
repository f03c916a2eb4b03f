// Finds the TypeScript in the README and the guides, turns it into modules that the tests run
// and tsc checks, and reads/writes the printed output that a guide shows under a block.
// Plain JavaScript, so scripts run it without a TypeScript loader.
//
// A guide reads like a notebook: its ```ts blocks run in order as ONE module, so a later block
// may use what an earlier one defined. An import line repeated word for word in a later block
// is dropped from the module (each block may still show its imports). README blocks stay
// separate modules: each is a promise to a first-time user on its own.
//
// Printed output: a block may be followed (before the next ```ts block) by
//
//   <!-- printed-output:start -->            a ```text block of what the code printed
//   <!-- printed-output:start markdown -->   the printed text itself, read as markdown
//   …
//   <!-- printed-output:end -->
//
// The test runs the block, captures its console.log lines and fails when they differ from the
// text between the markers; `npm run outputs -w @theta/docs` rewrites that text instead.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const docsDir = join(repoRoot, 'docs');
export const guidesDir = join(docsDir, 'guides');

const START = /^<!-- printed-output:start( markdown)? -->\s*$/;
const END = /^<!-- printed-output:end -->\s*$/;

/** The guides' paths, in navigation (file-name) order. */
export function guidePaths() {
  return readdirSync(guidesDir)
    .filter((name) => /^\d\d-.*\.md$/.test(name))
    .sort()
    .map((name) => join(guidesDir, name));
}

/**
 * The top-level fenced blocks of a markdown text: `{ info, code, line, startLine, endLine }`
 * (0-based line indexes of the opening and closing fence; `line` is 1-based, for messages).
 * Fences inside longer fences (a ```` block showing ``` code) are not blocks of their own.
 */
export function fencedBlocks(markdown) {
  const lines = markdown.split('\n');
  const blocks = [];
  for (let i = 0; i < lines.length; i += 1) {
    const open = /^ {0,3}(`{3,}|~{3,})\s*([^`\s]*)?(.*)$/.exec(lines[i]);
    if (!open) continue;
    const fence = open[1];
    const closing = new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`);
    let j = i + 1;
    while (j < lines.length && !closing.test(lines[j])) j += 1;
    blocks.push({
      info: (open[2] ?? '').trim(),
      code: lines.slice(i + 1, j).join('\n'),
      line: i + 1,
      startLine: i,
      endLine: Math.min(j, lines.length - 1),
    });
    i = j;
  }
  return blocks;
}

/** The ```ts (or ```typescript) blocks of a markdown text. */
export function tsBlocks(markdown) {
  return fencedBlocks(markdown).filter((b) => b.info === 'ts' || b.info === 'typescript');
}

/**
 * The printed-output regions of a guide: for each, the index of the ts block it belongs to
 * (the last one above it), whether it is markdown, its text, and its line span (0-based,
 * marker lines included).
 */
export function outputRegions(markdown) {
  const lines = markdown.split('\n');
  const ts = tsBlocks(markdown);
  const inFence = new Set();
  for (const b of fencedBlocks(markdown)) for (let k = b.startLine; k <= b.endLine; k += 1) inFence.add(k);
  const regions = [];
  for (let i = 0; i < lines.length; i += 1) {
    if (inFence.has(i)) continue;
    const start = START.exec(lines[i]);
    if (!start) continue;
    let j = i + 1;
    while (j < lines.length && !END.test(lines[j])) j += 1;
    if (j === lines.length) throw new Error(`line ${i + 1}: printed-output:start without printed-output:end`);
    const block = ts.filter((b) => b.endLine < i).length - 1;
    if (block < 0) throw new Error(`line ${i + 1}: printed output before any \`\`\`ts block`);
    regions.push({ block, markdown: Boolean(start[1]), text: readRegion(lines.slice(i + 1, j), Boolean(start[1])), startLine: i, endLine: j });
    i = j;
  }
  return regions;
}

function readRegion(lines, markdown) {
  const text = lines.join('\n').trim();
  if (markdown) return text;
  const fence = /^```text\n([\s\S]*?)\n?```$/.exec(text);
  return fence ? fence[1] : text;
}

/** The markdown between the markers for a block's printed text. */
export function renderRegion(printed, markdown) {
  const text = printed.replace(/\s+$/, '');
  return markdown ? text : `\`\`\`text\n${text}\n\`\`\``;
}

/** The guide with every printed-output region replaced by `printedByBlock[region.block]`. */
export function withOutputs(markdown, printedByBlock) {
  const lines = markdown.split('\n');
  const regions = outputRegions(markdown);
  for (const r of [...regions].reverse()) {
    const body = renderRegion(printedByBlock[r.block] ?? '', r.markdown);
    lines.splice(r.startLine + 1, r.endLine - r.startLine - 1, '', ...body.split('\n'), '');
  }
  return lines.join('\n');
}

/** The name of the global function a guide module calls before each block (for output capture). */
export const BLOCK_HOOK = '__thetaDocsBlock';

/**
 * One module for a guide: its ts blocks in order, each preceded by a call that tells the test
 * which block is running, with import lines already seen dropped.
 */
export function guideModule(markdown, source) {
  const seen = new Set();
  const parts = [`// Extracted from ${source}; do not edit (docs/test/guide-code.mjs).`];
  tsBlocks(markdown).forEach((block, index) => {
    parts.push(`// ---- ${source}:${block.line}`);
    parts.push(`(globalThis as { ${BLOCK_HOOK}?: (block: number) => void }).${BLOCK_HOOK}?.(${index});`);
    for (const line of block.code.split('\n')) {
      const isImport = /^import\s.*\sfrom\s+['"][^'"]+['"];?\s*$/.test(line);
      if (isImport && seen.has(line.trim())) parts.push(`// (already imported) ${line}`);
      else parts.push(line);
      if (isImport) seen.add(line.trim());
    }
  });
  parts.push('export {};', '');
  return parts.join('\n');
}

/** Every module to run or check: `{ name, source, code }` for the README's blocks and each guide. */
export function allModules() {
  const modules = [];
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  tsBlocks(readme).forEach((block, i) => {
    modules.push({
      name: `readme.${i + 1}`,
      source: `README.md:${block.line}`,
      code: `// Extracted from README.md:${block.line}; do not edit.\n${block.code}\nexport {};\n`,
    });
  });
  for (const path of guidePaths()) {
    const markdown = readFileSync(path, 'utf8');
    if (tsBlocks(markdown).length === 0) continue;
    const source = `docs/guides/${basename(path)}`;
    modules.push({ name: `guide.${basename(path, '.md')}`, source, code: guideModule(markdown, source) });
  }
  return modules;
}
