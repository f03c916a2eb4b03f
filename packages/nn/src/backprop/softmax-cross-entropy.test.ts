// The fused softmax + categorical cross-entropy pass against the tensor ops it replaces.
import * as T from '@theta/tensor';
import { describe, expect, it } from 'vitest';
import { softmaxCrossEntropy } from './softmax-cross-entropy.js';

/** The composed reference: the ops outputDelta ran before the fused pass. */
function composed(z: T.Tensor, a: T.Tensor, t: T.Tensor, s: number): { loss: number; delta: number[] } {
  const loss = T.mul(T.sub(0, T.sum(T.mul(t, T.logSoftmax(z)))), s);
  const delta = T.mul(T.sub(T.mul(a, T.sum(t, { axis: -1, keepDims: true })), t), s);
  return { loss: T.item(loss), delta: T.toArray(delta) };
}

const logits = (key: number, N: number, K: number, scale: number, dtype: T.DType): T.Tensor =>
  T.astype(T.mul(T.sub(T.uniform(T.key(key), [N, K]), 0.5), 2 * scale), dtype);

const oneHotRows = (N: number, K: number, dtype: T.DType): T.Tensor =>
  T.tensor(Array.from({ length: N }, (_, i) => Array.from({ length: K }, (_, k) => (k === (i * 7) % K ? 1 : 0))), { dtype });

describe('softmaxCrossEntropy (the fused output pass of backprop)', () => {
  for (const dtype of ['float64', 'float32'] as const) {
    for (const [N, K, scale] of [[64, 10, 3], [5, 3, 40], [1, 1, 1], [33, 17, 1e3]] as const) {
      it(`gives the composed ops' δ bit for bit and their cost to rounding (${dtype}, ${N} × ${K}, logits ±${scale})`, () => {
        const z = logits(N + K, N, K, scale, dtype);
        const a = T.softmax(z);
        const t = oneHotRows(N, K, dtype);
        for (const s of [1, 1 / N]) {
          const fused = softmaxCrossEntropy(z, a, t, s)!;
          const want = composed(z, a, t, s);
          expect(fused.delta.dtype).toBe(dtype);
          expect(fused.delta.shape).toEqual([N, K]);
          T.toArray(fused.delta).forEach((v, i) => {
            if (!Object.is(v, want.delta[i])) expect.fail(`δ entry ${i}: ${v} vs ${want.delta[i]}`);
          });
          const got = T.item(fused.loss);
          expect(fused.loss.dtype).toBe(dtype);
          expect(Math.abs(got - want.loss)).toBeLessThanOrEqual((dtype === 'float64' ? 1e-12 : 1e-5) * Math.max(1, Math.abs(want.loss)));
        }
      });
    }
  }

  it('keeps soft and unnormalised targets to rounding, and the cost a closed form checks', () => {
    const z = T.tensor([[2, 0, -1], [1e8, 1e8, 0]]);
    const t = T.tensor([[0.5, 0.25, 0.25], [2, 0, 1]]);
    const a = T.softmax(z);
    const fused = softmaxCrossEntropy(z, a, t, 0.5)!;
    const want = composed(z, a, t, 0.5);
    T.toArray(fused.delta).forEach((v, i) => expect(v).toBeCloseTo(want.delta[i]!, 15));
    // Row 1: log softmax = z − log(e² + 1 + e⁻¹); row 2: [−ln 2, −ln 2, −1e8 − ln 2].
    const lse = Math.log(Math.exp(2) + 1 + Math.exp(-1));
    const row1 = 0.5 * (2 - lse) + 0.25 * (0 - lse) + 0.25 * (-1 - lse);
    const row2 = 2 * -Math.LN2 + (-1e8 - Math.LN2);
    expect(T.item(fused.loss)).toBeCloseTo(-0.5 * (row1 + row2), 6);
  });

  it('propagates NaN and ±∞ as the composed ops do', () => {
    const z = T.tensor([[NaN, 0], [Infinity, 0], [-Infinity, 0], [-Infinity, -Infinity]]);
    const t = T.tensor([[1, 0], [1, 0], [0, 1], [1, 0]]);
    const a = T.softmax(z);
    const fused = softmaxCrossEntropy(z, a, t, 1)!;
    const want = composed(z, a, t, 1);
    expect(Number.isNaN(T.item(fused.loss))).toBe(Number.isNaN(want.loss));
    T.toArray(fused.delta).forEach((v, i) => expect(Object.is(v, want.delta[i]) || (Number.isNaN(v) && Number.isNaN(want.delta[i]!))).toBe(true));
  });

  it('leaves mixed dtypes to the composed ops', () => {
    const z = T.tensor([[1, 2]]);
    expect(softmaxCrossEntropy(z, T.softmax(z), T.tensor([[1, 0]], { dtype: 'float32' }), 1)).toBeUndefined();
  });
});
