import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { wasmSourceHash as hashSources } from '../../../scripts/source-hash.mjs';
import { wasmBase64, wasmSourceHash } from './module.generated.js';

const packageDir = fileURLToPath(new URL('../../../', import.meta.url));
const bytes = Uint8Array.from(atob(wasmBase64), (c) => c.charCodeAt(0));

describe('the generated WebAssembly module', () => {
  it('was regenerated after the last change to assembly/** or asconfig.json (npm run build:wasm -w @theta/tensor)', () => {
    expect(wasmSourceHash).toBe(hashSources(packageDir));
  });

  it('validates, imports only its memory and exports every kernel the JS side calls', () => {
    expect(WebAssembly.validate(bytes)).toBe(true);
    const module = new WebAssembly.Module(bytes);
    // The memory is the runtime's to make (and to replace rather than grow: see runtime.ts).
    expect(WebAssembly.Module.imports(module)).toEqual([{ module: 'env', name: 'memory', kind: 'memory' }]);
    const names = WebAssembly.Module.exports(module).map((e) => e.name).sort();
    expect(names).toEqual([
      'SCRATCH32', 'SCRATCH64', 'adamStep32', 'adamStep64', 'allFinite32', 'allFinite64', 'binary32', 'binary64', 'denseBackward32', 'denseBackward64', 'denseForward32', 'denseForward64',
      'heapBase', 'matmul32', 'matmul64', 'memory', 'momentumStep32', 'momentumStep64', 'reduce32', 'reduce64', 'scaledAdd32', 'scaledAdd64', 'unary32', 'unary64',
    ]);
  });
});
