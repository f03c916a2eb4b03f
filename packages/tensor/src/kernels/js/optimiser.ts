/**
 * The per-parameter arithmetic of @theta/optim's fused momentum and Adam steps, plain JS: the
 * reference the WebAssembly kernels (assembly/optimiser.ts) are held to bit for bit. Every
 * value is computed in float64; float32 data is rounded where it is stored and where the step
 * rounds (`fround`), as @theta/optim's own loops do.
 */
import type { TypedArray } from '../../core/tensor.js';
import type { AdamCoefficients, MomentumCoefficients } from '../../ops/optimiser-steps.js';

const round = (v: number, f32: boolean): number => (f32 ? Math.fround(v) : v);

/** Θ' = Θ + round(factor·round(u)) with v = g + decay·v₀ and u = v (or g + decay·v). */
export function momentumInto(theta: TypedArray, g: TypedArray, v0: TypedArray, thetaOut: TypedArray, vOut: TypedArray, c: MomentumCoefficients): void {
  const f32 = theta instanceof Float32Array;
  const { decay, nesterov, factor } = c;
  for (let i = 0; i < g.length; i++) {
    const gi = g[i] as number;
    vOut[i] = gi + decay * (v0[i] as number);
    const v = vOut[i] as number; // as stored
    const raw = nesterov ? gi + decay * v : v;
    thetaOut[i] = (theta[i] as number) + round(factor * round(raw, f32), f32);
  }
}

/** Θ' = Θ + round(factor·round(u)), m and v stored, u from the unrounded m and v. */
export function adamInto(theta: TypedArray, g: TypedArray, m0: TypedArray, v0: TypedArray, thetaOut: TypedArray, mOut: TypedArray, vOut: TypedArray, c: AdamCoefficients): void {
  const f32 = theta instanceof Float32Array;
  const { beta1, beta2, eps, epsRoot, momentWeight, gradientWeight, inverseC2, factor } = c;
  for (let i = 0; i < g.length; i++) {
    const gi = g[i] as number;
    const m = beta1 * (m0[i] as number) + (1 - beta1) * gi;
    const v = beta2 * (v0[i] as number) + (1 - beta2) * gi * gi;
    mOut[i] = m;
    vOut[i] = v;
    const denominator = Math.sqrt(v * inverseC2 + epsRoot) + eps;
    const raw = denominator === 0 ? 0 : (momentWeight * m + gradientWeight * gi) / denominator;
    thetaOut[i] = (theta[i] as number) + round(factor * round(raw, f32), f32);
  }
}
