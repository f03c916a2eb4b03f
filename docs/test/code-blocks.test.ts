import { describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { format } from 'node:util';
import { BLOCK_HOOK, allModules, docsDir, guidePaths, outputRegions, repoRoot, tsBlocks, withOutputs } from './guide-code.mjs';

// The code in the README and the guides is a promise to the reader: every ```ts block is run
// here as written (a guide's blocks in order, as one module), and what a guide shows as printed
// output must be what its code prints. THETA_DOCS_UPDATE=1 (`npm run outputs`) rewrites the
// printed output in the guides instead of comparing it.
const update = process.env.THETA_DOCS_UPDATE === '1';
const runDir = join(docsDir, '.examples', 'run');
mkdirSync(runDir, { recursive: true });

/** Imports a module and returns what each of its blocks printed with console.log. */
async function run(name: string, code: string): Promise<string[]> {
  const file = join(runDir, `${name}.ts`);
  writeFileSync(file, code);
  const printed: string[][] = [[]];
  let block = 0;
  const hooks = globalThis as unknown as Record<string, unknown>;
  const log = console.log;
  hooks[BLOCK_HOOK] = (n: number) => {
    block = n;
    printed[n] ??= [];
  };
  console.log = (...args: unknown[]) => {
    (printed[block] ??= []).push(format(...args));
  };
  try {
    await import(/* @vite-ignore */ pathToFileURL(file).href);
  } finally {
    console.log = log;
    delete hooks[BLOCK_HOOK];
  }
  return Array.from(printed, (lines) => (lines ?? []).join('\n'));
}

const modules = allModules();

describe('README examples', () => {
  const readme = modules.filter((m) => m.name.startsWith('readme.'));
  it('the README has TypeScript examples', () => {
    expect(readme.length).toBeGreaterThan(0);
  });
  for (const m of readme) {
    it(`${m.source} runs`, async () => {
      await run(m.name, m.code);
    });
  }
});

describe('guides', () => {
  const paths = guidePaths();
  it('every guide has a title and code that runs', () => {
    expect(paths.length).toBeGreaterThan(0);
    for (const path of paths) {
      const text = readFileSync(path, 'utf8');
      expect(text, path).toMatch(/^---\ntitle: .+\n(?:.*\n)*?---\n/);
      expect(tsBlocks(text).length, `${path} has no \`\`\`ts block`).toBeGreaterThan(0);
    }
  });
  for (const path of paths) {
    const source = path.slice(repoRoot.length);
    const m = modules.find((x) => x.source === source);
    if (!m) continue;
    it(`${source}: its code runs and prints what the guide shows`, async () => {
      const printed = await run(m.name, m.code);
      const markdown = readFileSync(path, 'utf8');
      if (update) {
        const next = withOutputs(markdown, printed);
        if (next !== markdown) writeFileSync(path, next);
        return;
      }
      for (const region of outputRegions(markdown)) {
        const shown = region.text.replace(/[ \t]+$/gm, '');
        const actual = (printed[region.block] ?? '').replace(/[ \t]+$/gm, '').replace(/\s+$/, '');
        expect(shown, `printed output at ${source}:${region.startLine + 1} (run \`npm run outputs -w @theta/docs\`)`).toBe(actual);
      }
    });
  }
});
