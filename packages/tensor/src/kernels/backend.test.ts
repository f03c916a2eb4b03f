import { afterEach, describe, expect, it, vi } from 'vitest';

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
