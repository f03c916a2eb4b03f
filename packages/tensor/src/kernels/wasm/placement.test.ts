// Resident scopes on the WebAssembly backend (placement.ts, ../resident.ts): the same bits as
// without a scope, fewer copies in, nothing remembered past the scope, and memory still
// bounded by the largest call.
import { describe, expect, it } from 'vitest';
import { make, type Tensor } from '../../core/tensor.js';
import { DomainError } from '../../core/errors.js';
import { expectIdentical, tensorOf } from '../../test-support/kernels.js';
import { resident, residentScope } from '../resident.js';
import type { Kernels } from '../types.js';
import { wasmKernels } from './kernels.js';
import { instantiateSync } from './runtime.js';

const rt = instantiateSync();
const NO_LIMITS = { matmul: 0, elementwise: 0, transcendental: false, update: 0 } as const;

/** One training step of a 2-layer network through the kernels: every kind of wasm call, and operands read again. */
function step(k: Kernels, x: Tensor, w1: Tensor, b1: Tensor, w2: Tensor, b2: Tensor): Tensor[] {
  const h = k.denseForward(x, w1, b1, 'tanh', 0);
  const o = k.denseForward(h.a, w2, b2, 'identity', 0);
  const loss = k.reduce('sum', k.binary('mul', o.z, o.z, o.z.shape), [0, 1]);
  const g2 = k.denseBackward(o.z, undefined, undefined, h.a, w2, 'identity', 0, true);
  const g1 = k.denseBackward(g2.dInput!, h.z, h.a, x, w1, 'tanh', 0, false);
  const product = k.matmul(x, w1, false, true);
  const w1Next = k.scaledAdd(w1, g1.dW, -0.05);
  const w2Next = k.momentumStep(w2, g2.dW, g2.dW, { decay: 0.9, nesterov: false, factor: -0.05 });
  const relu = k.unary('relu', product, 0);
  const finite = k.allFinite(g1.dW) && k.allFinite(w1Next);
  return [loss, g1.delta, g1.dW, g1.db, g2.dW, g2.db, g2.dInput!, product, w1Next, w2Next.theta, w2Next.velocity, relu, make(new Float64Array([finite ? 1 : 0]), [])];
}

const operands = (dtype: 'float32' | 'float64', seed: number): [Tensor, Tensor, Tensor, Tensor, Tensor] => [
  tensorOf([32, 48], seed, dtype), tensorOf([40, 48], seed + 1, dtype, false, 0.3), tensorOf([40], seed + 2, dtype),
  tensorOf([24, 40], seed + 3, dtype, false, 0.3), tensorOf([24], seed + 4, dtype),
];

describe.skipIf(rt === undefined)('resident scopes (WebAssembly)', () => {
  const runtime = rt!;
  for (const dtype of ['float32', 'float64'] as const) {
    it(`give the same bits as calls outside a scope, with fewer bytes copied in (${dtype})`, () => {
      const k = wasmKernels(runtime, NO_LIMITS);
      const [x, w1, b1, w2, b2] = operands(dtype, 11);
      const before = runtime.stats();
      const outside = step(k, x, w1, b1, w2, b2);
      const mid = runtime.stats();
      const inside = resident(() => step(k, x, w1, b1, w2, b2));
      const after = runtime.stats();
      inside.forEach((t, i) => expectIdentical(t, outside[i]!));
      // Same calls and the same results copied out; only the copies in go.
      expect(after.calls - mid.calls).toBe(mid.calls - before.calls);
      expect(after.bytesOut - mid.bytesOut).toBe(mid.bytesOut - before.bytesOut);
      const size = dtype === 'float32' ? 4 : 8;
      // In a scope each distinct operand from outside it is copied in once: x, W¹, b¹, W², b²
      // (everything else the step reads is a result of an earlier call, already in memory).
      const distinct = [x, w1, b1, w2, b2].reduce((s, t) => s + t.data.length, 0) * size;
      expect(after.bytesIn - mid.bytesIn).toBe(distinct);
      expect(mid.bytesIn - before.bytesIn).toBeGreaterThan(3 * distinct);
    });
  }

  it('copy an operand in once per scope however often it is read', () => {
    const k = wasmKernels(runtime, NO_LIMITS);
    const a = tensorOf([20, 30], 5, 'float64');
    const b = tensorOf([30, 10], 6, 'float64');
    const before = runtime.stats().bytesIn;
    resident(() => {
      for (let i = 0; i < 5; i++) k.matmul(a, b, false, false);
    });
    expect(runtime.stats().bytesIn - before).toBe((20 * 30 + 30 * 10) * 8);
  });

  it('remember nothing past their end, even when a caller writes into an array it wrapped', () => {
    const k = wasmKernels(runtime, NO_LIMITS);
    // A caller may fill an array, wrap it, and later write it again and wrap it anew (fromData
    // does not copy): a scope that has ended must not hand back the old contents.
    const data = new Float64Array(64).fill(1);
    const sum = (): number => k.reduce('sum', make(data, [64]), [0]).data[0]!;
    expect(resident(sum)).toBe(64);
    data.fill(2);
    expect(sum()).toBe(128); // outside any scope
    expect(resident(sum)).toBe(128); // a fresh scope
    expect(residentScope()).toBe(0);
  });

  it('end when fn throws, and nest (the outermost scope counts)', () => {
    expect(() => resident(() => {
      throw new Error('inside');
    })).toThrow('inside');
    expect(residentScope()).toBe(0);
    const outer = resident(() => {
      const scope = residentScope();
      expect(resident(() => residentScope())).toBe(scope);
      return scope;
    });
    expect(outer).toBeGreaterThan(0);
    expect(residentScope()).toBe(0);
    expect(() => resident(42 as unknown as () => void)).toThrow(DomainError);
  });

  it('are shared by every kernel set over one runtime, so one never lays out over operands another keeps', () => {
    const k1 = wasmKernels(runtime, NO_LIMITS);
    const k2 = wasmKernels(runtime, { ...NO_LIMITS, transcendental: true });
    const a = tensorOf([30, 20], 41, 'float64');
    const b = tensorOf([20, 10], 42, 'float64');
    const c = tensorOf([30, 20], 43, 'float64');
    const want = k1.matmul(a, b, false, false);
    const [first, , again] = resident(() => [k1.matmul(a, b, false, false), k2.unary('tanh', c, 0), k1.matmul(a, b, false, false)]);
    expectIdentical(first!, want);
    expectIdentical(again!, want);
  });

  it('stay correct when a scope outgrows the memory: what fits is reused, the rest copied again', () => {
    const k = wasmKernels(runtime, NO_LIMITS);
    // 40 products of 256 × 256 float64 operands: 0.5 MiB each, far more than the memory holds,
    // so the layout starts over several times; a remembered operand is only used while valid.
    const a = tensorOf([256, 256], 21, 'float64');
    const bs = Array.from({ length: 40 }, (_, i) => tensorOf([256, 256], 100 + i, 'float64'));
    const outside = bs.map((b) => k.matmul(a, b, false, false));
    const memory = runtime.stats().memoryBytes;
    const before = runtime.stats().bytesIn;
    const inside = resident(() => bs.map((b) => k.matmul(a, b, false, false)));
    inside.forEach((t, i) => expectIdentical(t, outside[i]!));
    const copied = runtime.stats().bytesIn - before;
    const each = 256 * 256 * 8;
    expect(copied).toBeGreaterThan(41 * each); // A had to be copied in again after a fresh start
    expect(copied).toBeLessThan(80 * each); // but not for every call
    expect(runtime.stats().memoryBytes).toBe(memory); // no larger memory for the scope
  });

  it('stay correct across a move to a larger memory in the middle of a scope', () => {
    const fresh = instantiateSync()!;
    const k = wasmKernels(fresh, NO_LIMITS);
    const x = tensorOf([64, 64], 31, 'float32');
    const big = tensorOf([3_000_000], 32, 'float32');
    const want = k.unary('tanh', x, 0);
    const memory = fresh.stats().memoryBytes;
    const [first, , again] = resident(() => [k.unary('tanh', x, 0), k.unary('relu', big, 0), k.unary('tanh', x, 0)]);
    expect(fresh.stats().memoryBytes).toBeGreaterThan(memory); // the big call moved to a new memory
    expectIdentical(first!, want);
    expectIdentical(again!, want); // x was copied into the new memory, not read from the old address
  });
});
