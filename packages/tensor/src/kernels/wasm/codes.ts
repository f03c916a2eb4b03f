/**
 * The operation codes of the WebAssembly kernels: the JS side of assembly/ops.ts (keep the
 * two in step; the conformance test runs every code against the JS kernels). An op missing
 * from a table runs on the JS kernels.
 */
import type { BinaryOp, ReduceOp, UnaryOp } from '../types.js';

/** Binary ops with a WebAssembly kernel. */
export const binaryCodes: Partial<Record<BinaryOp, number>> = { add: 0, sub: 1, mul: 2, div: 3, maximum: 4, minimum: 5 };

/**
 * Unary ops whose WebAssembly kernel gives the JS kernel's results bit for bit (IEEE-exact
 * arithmetic and selects). `step` is reluDerivative: same values, same NaN rule.
 */
export const unaryCodes: Partial<Record<UnaryOp, number>> = {
  neg: 0, abs: 1, square: 2, sqrt: 3, reciprocal: 4, relu: 5, reluDerivative: 6, step: 6, leakyReluDerivative: 7,
  leakyRelu: 16,
};

/**
 * The activations and their derivatives that the fused dense kernels (assembly/dense.ts) also
 * compute, with the same code: they run in WebAssembly at every size, so that an unfused σ(Z)
 * has the fused kernels' bits (A = σ(Z) exactly, on either path). The exp-based ones run in
 * f64x2 lanes (assembly/exp.ts: Cody–Waite reduction, a polynomial, 2^k in the exponent
 * bits; float32 data widened and rounded once, as the JS kernels do), about 1.5–2.5× faster
 * than the JS loops (measured on the project's loaded 2-core machine). Their float64 results
 * may differ from JS's Math in the last bits — within 3 ulp of V8 (exp 1, expm1 and sigmoid 2,
 * tanh 3; exp.test.ts) — and float32 results are Math.fround of Math's value (no difference
 * found in 4·10⁵ points); ±∞, NaN, ±0, overflow and underflow (subnormals included) as Math.
 * softplus calls AssemblyScript's libm per element (a musl port, within an ulp of V8's).
 */
export const activationCodes: Partial<Record<UnaryOp, number>> = {
  exp: 17, expm1: 18, tanh: 21, sigmoid: 22, sigmoidDerivative: 23, tanhDerivative: 24, softplus: 25, elu: 27, eluDerivative: 28,
};

/**
 * Unary ops built on log. Their WebAssembly kernel calls AssemblyScript's libm per element, no
 * faster than V8's and different from it in the last bit now and then, so they run there only
 * when asked ({@link WasmLimits.transcendental}).
 */
export const transcendentalCodes: Partial<Record<UnaryOp, number>> = { log: 19, log1p: 20, logSigmoid: 26 };

/** Reductions with a WebAssembly kernel. */
export const reduceCodes: Partial<Record<ReduceOp, number>> = { sum: 0, max: 1, min: 2, logsumexp: 3 };

/** How the operands of a binary op line up (assembly/ops.ts). */
export const Broadcast = {
  /** Both operands have the output's size. */
  full: 0,
  /** b is one element. */
  bScalar: 1,
  /** a is one element. */
  aScalar: 2,
  /** b is repeated whole along the output (a bias row). */
  bPeriodic: 3,
  /** a is repeated whole along the output. */
  aPeriodic: 4,
  /** Each element of b is repeated `period` times (a [rows, 1] column). */
  bBlocks: 5,
  /** Each element of a is repeated `period` times. */
  aBlocks: 6,
} as const;
