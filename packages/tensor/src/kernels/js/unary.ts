/**
 * Elementwise maps of one argument, plain JS. One tight loop per op: the switch runs once per
 * call, never per element, so V8 compiles each loop monomorphically.
 */
import type { TypedArray } from '../../core/tensor.js';
import type { UnaryOp } from '../types.js';

/** Numerically stable logistic function: never evaluates exp of a large positive number. */
export const sigmoidScalar = (x: number): number => {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
};

/** Stable softplus ln(1 + eˣ) = max(x, 0) + ln(1 + e^(−|x|)): softplus(1000) = 1000. */
export const softplusScalar = (x: number): number => Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));

/** Writes op(x) into `out` (same length). */
export function unaryInto(op: UnaryOp, x: TypedArray, out: TypedArray, alpha: number): void {
  const n = x.length;
  switch (op) {
    case 'neg': for (let i = 0; i < n; i++) out[i] = -(x[i] as number); return;
    case 'abs': for (let i = 0; i < n; i++) out[i] = Math.abs(x[i] as number); return;
    case 'sign': for (let i = 0; i < n; i++) out[i] = Math.sign(x[i] as number); return;
    case 'exp': for (let i = 0; i < n; i++) out[i] = Math.exp(x[i] as number); return;
    case 'expm1': for (let i = 0; i < n; i++) out[i] = Math.expm1(x[i] as number); return;
    case 'log': for (let i = 0; i < n; i++) out[i] = Math.log(x[i] as number); return;
    case 'log1p': for (let i = 0; i < n; i++) out[i] = Math.log1p(x[i] as number); return;
    case 'sqrt': for (let i = 0; i < n; i++) out[i] = Math.sqrt(x[i] as number); return;
    case 'square': for (let i = 0; i < n; i++) { const v = x[i] as number; out[i] = v * v; } return;
    case 'reciprocal': for (let i = 0; i < n; i++) out[i] = 1 / (x[i] as number); return;
    case 'sin': for (let i = 0; i < n; i++) out[i] = Math.sin(x[i] as number); return;
    case 'cos': for (let i = 0; i < n; i++) out[i] = Math.cos(x[i] as number); return;
    case 'tan': for (let i = 0; i < n; i++) out[i] = Math.tan(x[i] as number); return;
    case 'tanh': for (let i = 0; i < n; i++) out[i] = Math.tanh(x[i] as number); return;
    case 'sigmoid': for (let i = 0; i < n; i++) out[i] = sigmoidScalar(x[i] as number); return;
    // log σ(x) = −softplus(−x): finite for x = −300 where log(σ(x)) underflows to −∞.
    case 'logSigmoid': for (let i = 0; i < n; i++) out[i] = -softplusScalar(-(x[i] as number)); return;
    case 'softplus': for (let i = 0; i < n; i++) out[i] = softplusScalar(x[i] as number); return;
    // `v > 0 ? v : 0` keeps NaN as NaN (Math.max would too, but is slower here).
    case 'relu': for (let i = 0; i < n; i++) { const v = x[i] as number; out[i] = v > 0 ? v : v === v ? 0 : v; } return;
    case 'leakyRelu': for (let i = 0; i < n; i++) { const v = x[i] as number; out[i] = v > 0 ? v : alpha * v; } return;
    case 'elu': for (let i = 0; i < n; i++) { const v = x[i] as number; out[i] = v > 0 ? v : alpha * Math.expm1(v); } return;
    case 'sigmoidDerivative':
      for (let i = 0; i < n; i++) { const s = sigmoidScalar(x[i] as number); out[i] = s * (1 - s); }
      return;
    case 'tanhDerivative': for (let i = 0; i < n; i++) { const t = Math.tanh(x[i] as number); out[i] = 1 - t * t; } return;
    // Conventions at the kink: relu′(0) = 0, leakyRelu′(0) = α, elu′(0) = α.
    case 'reluDerivative': for (let i = 0; i < n; i++) { const v = x[i] as number; out[i] = v > 0 ? 1 : v === v ? 0 : v; } return;
    case 'leakyReluDerivative': for (let i = 0; i < n; i++) { const v = x[i] as number; out[i] = v > 0 ? 1 : v === v ? alpha : v; } return;
    case 'eluDerivative': for (let i = 0; i < n; i++) { const v = x[i] as number; out[i] = v > 0 ? 1 : alpha * Math.exp(v); } return;
    case 'step': for (let i = 0; i < n; i++) { const v = x[i] as number; out[i] = v > 0 ? 1 : v === v ? 0 : v; } return;
    case 'isFinite': for (let i = 0; i < n; i++) out[i] = Number.isFinite(x[i] as number) ? 1 : 0; return;
  }
}
