// The hash of everything the WebAssembly module is compiled from (assembly/** and
// asconfig.json). build-wasm.mjs records it in the generated module; a test recomputes it, so
// a changed kernel source without a regenerated module fails the tests.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Files under `dir`, recursively, sorted. */
const filesUnder = (dir) =>
  readdirSync(dir)
    .sort()
    .flatMap((entry) => {
      const path = join(dir, entry);
      return statSync(path).isDirectory() ? filesUnder(path) : [path];
    });

/** sha256 over the relative path and contents of every source file of the module. */
export function wasmSourceHash(packageDir) {
  const hash = createHash('sha256');
  for (const file of [join(packageDir, 'asconfig.json'), ...filesUnder(join(packageDir, 'assembly'))]) {
    // Line endings normalised: a Windows checkout hashes the same.
    hash.update(relative(packageDir, file).replaceAll('\\', '/'));
    hash.update('\0');
    hash.update(readFileSync(file, 'utf8').replaceAll('\r\n', '\n'));
    hash.update('\0');
  }
  return hash.digest('hex');
}
