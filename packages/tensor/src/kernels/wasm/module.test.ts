import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { wasmSourceHash as hashSources } from '../../../scripts/source-hash.mjs';
import { wasmBase64, wasmRelaxedBase64, wasmSourceHash } from './module.generated.js';

const packageDir = fileURLToPath(new URL('../../../', import.meta.url));
const decode = (base64: string) => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
const builds = [['simd', decode(wasmBase64)], ['relaxed', decode(wasmRelaxedBase64)]] as const;

describe('the generated WebAssembly module', () => {
  it('was regenerated after the last change to assembly/** or asconfig.json (npm run build:wasm -w @theta/tensor)', () => {
    expect(wasmSourceHash).toBe(hashSources(packageDir));
  });

  // The tests run with relaxed SIMD on (vitest.config.ts), so both builds validate here.
  it.each(builds)('the %s build validates, imports only its memory and exports every kernel the JS side calls', (_, bytes) => {
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

  it('has relaxed SIMD instructions only in the relaxed build (which needs relaxed SIMD to validate)', async () => {
    // A fresh Node without the flag validates only the SIMD build (Node 20; Node ≥ 22 has relaxed SIMD on).
    const { spawnSync } = await import('node:child_process');
    if (Number(process.versions.node.split('.')[0]) >= 22) return;
    const script = `const d=(b)=>Uint8Array.from(atob(b),(c)=>c.charCodeAt(0));process.stdout.write(JSON.stringify([${JSON.stringify(wasmBase64)},${JSON.stringify(wasmRelaxedBase64)}].map((b)=>WebAssembly.validate(d(b)))))`;
    const out = spawnSync(process.execPath, ['-'], { input: script, encoding: 'utf8' });
    expect(JSON.parse(out.stdout)).toEqual([true, false]);
  });
});
