// Pulls the fenced code out of every `@example` tag in a package's sources.
// Plain JavaScript so the `theta-examples` bin runs without a TypeScript loader.
import { readdirSync, readFileSync, writeFileSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Lists the non-test .ts files under `dir`, recursively, in a stable order. */
function sourceFiles(dir) {
  const out = [];
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (entry.endsWith('.ts') && !entry.endsWith('.test.ts') && !entry.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

/** The code of each ```ts fence that follows an @example tag in a doc comment. */
export function examplesIn(source) {
  const found = [];
  for (const comment of source.match(/\/\*\*[\s\S]*?\*\//g) ?? []) {
    const lines = comment
      .split('\n')
      .map((line) => line.replace(/^\s*\/?\*\*?\/?\s?/, ''));
    let inExample = false;
    let code = null;
    for (const line of lines) {
      if (/^@example\b/.test(line)) inExample = true;
      else if (/^@\w+/.test(line) && code === null) inExample = false;
      if (!inExample) continue;
      if (code === null && /^```(ts|typescript)\s*$/.test(line.trim())) code = [];
      else if (code !== null && line.trim() === '```') {
        found.push(code.join('\n'));
        code = null;
        inExample = false;
      } else if (code !== null) code.push(line);
    }
  }
  return found;
}

/**
 * Writes `.examples/<file>.<n>.ts` for every example under `<packageDir>/src`, replacing the
 * folder's previous content. Returns the written paths.
 */
export function extractExamples(packageDir) {
  const src = join(packageDir, 'src');
  const out = join(packageDir, '.examples');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const written = [];
  for (const file of sourceFiles(src)) {
    const examples = examplesIn(readFileSync(file, 'utf8'));
    const stem = relative(src, file).replace(/\.ts$/, '').replaceAll('/', '__');
    examples.forEach((code, index) => {
      const path = join(out, `${stem}.${index + 1}.ts`);
      // `export {}` keeps each example a module, so top-level names never collide.
      writeFileSync(path, `// Extracted from src/${relative(src, file)}; do not edit.\n${code}\nexport {};\n`);
      written.push(path);
    });
  }
  return written;
}
