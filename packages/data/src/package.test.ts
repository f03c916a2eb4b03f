import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const src = fileURLToPath(new URL('.', import.meta.url));

/** The package's non-test sources (the embedded data modules included). */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return sources(path);
    return entry.endsWith('.ts') && !entry.endsWith('.test.ts') ? [path] : [];
  });
}

describe('the package as shipped', () => {
  const files = sources(src).map((path) => ({ path, text: readFileSync(path, 'utf8') }));

  it('never uses the global random generator: all randomness comes from keys', () => {
    // Spelled in two parts so that this file does not itself match source scans for it.
    const globalRandom = ['Math', 'random'].join('.');
    expect(files.length).toBeGreaterThan(10);
    expect(files.filter(({ text }) => text.includes(globalRandom)).map(({ path }) => path)).toEqual([]);
  });

  it("imports Node's modules and the mnist files only lazily, so it bundles for a browser", () => {
    const staticNode = files.filter(({ text }) => /^import .* from ['"](node:|fs|path|mnist)/m.test(text));
    expect(staticNode.map(({ path }) => path)).toEqual([]);
    const dynamic = files.filter(({ text }) => /import\(/.test(text));
    expect(dynamic.map(({ path }) => path.slice(src.length))).toEqual(['datasets/mnist.ts']);
  });

  it('ships the data folder', () => {
    const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { files: string[] };
    expect(manifest.files).toContain('data');
  });
});
