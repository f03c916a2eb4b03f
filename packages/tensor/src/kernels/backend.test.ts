import { afterEach, describe, expect, it, vi } from 'vitest';
import { spawnSync } from 'node:child_process';
import { sourceExecArgv } from './workers/source-hooks.js';

// Each case loads a fresh copy of the module, as a new process would, with THETA_BACKEND set.
const load = async (value: string | undefined) => {
  vi.resetModules();
  if (value === undefined) vi.stubEnv('THETA_BACKEND', '');
  else vi.stubEnv('THETA_BACKEND', value);
  return import('./backend.js');
};

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('backend choice', () => {
  it('picks wasm automatically where WebAssembly SIMD exists (Node 20)', async () => {
    const b = await load(undefined);
    expect(b.getBackend()).toBe('wasm');
    expect(b.kernels().name).toBe('wasm');
    await expect(b.wasmReady()).resolves.toBe(true);
    expect(b.wasmStats()).toBeDefined();
  });

  it('obeys THETA_BACKEND=js and THETA_BACKEND=wasm', async () => {
    expect((await load('js')).getBackend()).toBe('js');
    expect((await load('wasm')).getBackend()).toBe('wasm');
  });

  it('obeys THETA_BACKEND=threads where worker threads can serve a synchronous call', async () => {
    const b = await load('threads');
    expect(b.getBackend()).toBe('threads');
    expect(b.backends().has('threads')).toBe(true);
  });

  it('rejects an unknown THETA_BACKEND with a DomainError', async () => {
    await expect(load('gpu')).rejects.toMatchObject({ _tag: 'DomainError', parameter: 'THETA_BACKEND', value: 'gpu' });
  });

  it('switches with setBackend, and rejects unknown names listing the known ones', async () => {
    const b = await load(undefined);
    b.setBackend('js');
    expect(b.getBackend()).toBe('js');
    expect(b.kernels().name).toBe('js');
    b.setBackend('wasm');
    expect(b.getBackend()).toBe('wasm');
    expect(() => b.setBackend('cuda')).toThrow(/'js', 'threads', 'wasm'/);
  });

  it('counts the traffic of wasm calls made through the ops', async () => {
    const b = await load(undefined);
    const { make } = await import('../core/tensor.js');
    const before = b.wasmStats()!;
    const x = make(new Float64Array(100).fill(2), [100]);
    b.kernels().binary('mul', x, x, [100]);
    const after = b.wasmStats()!;
    expect(after.calls - before.calls).toBe(1);
    expect(after.bytesIn - before.bytesIn).toBe(1600);
    expect(after.bytesOut - before.bytesOut).toBe(800);
  });
});

describe('the build of the WebAssembly kernels', () => {
  const loadVariant = async (value: string) => {
    vi.resetModules();
    vi.stubEnv('THETA_BACKEND', '');
    vi.stubEnv('THETA_WASM_VARIANT', value);
    return import('./backend.js');
  };

  it('is relaxed SIMD by default where the engine has it (these tests turn it on in Node 20)', async () => {
    const b = await loadVariant('');
    expect(b.wasmStats()?.variant).toBe('relaxed');
  });

  it('obeys THETA_WASM_VARIANT=simd and rejects unknown values with a DomainError', async () => {
    const b = await loadVariant('simd');
    expect(b.getBackend()).toBe('wasm');
    expect(b.wasmStats()?.variant).toBe('simd');
    await expect(loadVariant('avx')).rejects.toMatchObject({ _tag: 'DomainError', parameter: 'THETA_WASM_VARIANT', value: 'avx' });
  });

  it('switches with setBackend(name, { variant }), for wasm and threads alike, and keeps the backend when only the variant changes', async () => {
    const b = await loadVariant('');
    b.setBackend('wasm', { variant: 'simd' });
    expect(b.getBackend()).toBe('wasm');
    expect(b.wasmStats()?.variant).toBe('simd');
    b.setBackend('threads', { variant: 'relaxed' });
    expect(b.getBackend()).toBe('threads');
    expect(b.wasmStats()?.variant).toBe('relaxed');
    b.setBackend('js', { variant: 'simd' });
    expect(b.getBackend()).toBe('js');
    expect(b.wasmStats()?.variant).toBe('simd');
    b.setBackend('wasm');
    expect(b.wasmStats()?.variant).toBe('simd');
  });

  it('rejects an unknown variant with a DomainError naming the option', async () => {
    const b = await loadVariant('');
    expect(() => b.setBackend('wasm', { variant: 'fast' as never })).toThrow(expect.objectContaining({ _tag: 'DomainError', parameter: 'options.variant', value: 'fast' }));
    expect(b.getBackend()).toBe('wasm');
    expect(b.wasmStats()?.variant).toBe('relaxed');
  });

  it('compiles a build in the background with wasmReady({ variant }) without switching to it; setBackend then does', async () => {
    const b = await loadVariant('');
    expect(await b.wasmReady({ variant: 'simd' })).toBe(true);
    expect(b.wasmStats()?.variant).toBe('relaxed'); // compiled, not switched to
    b.setBackend('wasm', { variant: 'simd' });
    expect(b.wasmStats()?.variant).toBe('simd');
    await expect(b.wasmReady({ variant: 'sse' as never })).rejects.toMatchObject({ _tag: 'DomainError', op: 'wasmReady', parameter: 'options.variant' });
  });

  it('is the simd build in a Node without relaxed SIMD (Node 20 run plainly), where THETA_WASM_VARIANT=relaxed is a DomainError', () => {
    if (Number(process.versions.node.split('.')[0]) >= 22) return; // relaxed SIMD is always on there
    const backend = JSON.stringify(new URL('./backend.ts', import.meta.url).href);
    // A fresh process per value: the variable is read once, when backend.ts loads.
    const script = `
      try {
        const b = await import(${backend});
        console.log(JSON.stringify([b.getBackend(), b.wasmStats()?.variant]));
      } catch (e) {
        console.log(JSON.stringify([e._tag, e.parameter, e.value]));
      }
    `;
    const run = (variant: string) => {
      const child = spawnSync(process.execPath, [...sourceExecArgv, '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 90_000, env: { ...process.env, THETA_BACKEND: '', THETA_WASM_VARIANT: variant } });
      expect(child.stderr).toBe('');
      return JSON.parse(child.stdout) as unknown;
    };
    expect(run('')).toEqual(['wasm', 'simd']);
    expect(run('simd')).toEqual(['wasm', 'simd']);
    expect(run('relaxed')).toEqual(['DomainError', 'THETA_WASM_VARIANT', 'relaxed']);
  }, 120_000);
});

