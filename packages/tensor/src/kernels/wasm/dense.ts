/**
 * The fused dense kernels in WebAssembly (assembly/dense.ts): one copy in of each operand, one
 * call, one copy out of each result.
 *
 * Forward: X, W, b in; Z and A out (A is Z for the identity). Backward: g, the one of Z or A
 * that σ′ reads, X and (only to propagate) W in; δ (not for the identity: δ is g itself, as in the JS kernel), dW,
 * db and, when asked, dInput out. Operands are laid out from the arena's start, 16-byte
 * aligned, as every other wasm kernel does, so memory stays bounded by the largest call.
 *
 * The glue allocates nothing but the results and their tensors: it runs for every layer of
 * every step, and for the 2-50-50-1 networks it is a visible share of the step.
 */
import { make, type Tensor } from '../../core/tensor.js';
import { copyOf } from '../../core/uninitialised.js';
import type { DenseActivation, DenseGradients, DenseValues } from '../types.js';
import type { WasmRuntime } from './runtime.js';

/** Activation codes of assembly/ops.ts (ACT_*). */
const activationCodes: Readonly<Record<DenseActivation, number>> = {
  identity: 0, sigmoid: 1, tanh: 2, relu: 3, leakyRelu: 4, elu: 5, softplus: 6,
};

const align16 = (bytes: number): number => (bytes + 15) & ~15;

/** Copies `t` to byte address `at`. */
function put(rt: WasmRuntime, t: Tensor, at: number): void {
  if (t.data instanceof Float64Array) rt.f64().set(t.data, at / 8);
  else rt.f32().set(t.data, at / 4);
}

/** A fresh [rows, cols] tensor from byte address `at`. */
function take(rt: WasmRuntime, float32: boolean, at: number, length: number, shape: readonly number[]): Tensor {
  return make(float32 ? copyOf(rt.f32(), at / 4, length) : copyOf(rt.f64(), at / 8, length), shape);
}

/**
 * Z = X Wᵀ + b and A = σ(Z) in one WebAssembly call; undefined when the memory cannot hold the
 * call (the caller then runs the JS kernel).
 */
export function wasmDenseForward(rt: WasmRuntime, x: Tensor, w: Tensor, b: Tensor, activation: DenseActivation, alpha: number): DenseValues | undefined {
  const N = x.shape[0] as number;
  const k = x.shape[1] as number;
  const n = w.shape[0] as number;
  const float32 = x.dtype === 'float32';
  const size = float32 ? 4 : 8;
  const identity = activation === 'identity';
  const px = rt.arena;
  const pw = px + align16(N * k * size);
  const pb = pw + align16(n * k * size);
  const pz = pb + align16(n * size);
  const pa = pz + align16(N * n * size);
  if (!rt.reserve(pa - px + (identity ? 0 : N * n * size))) return undefined;
  put(rt, x, px);
  put(rt, w, pw);
  put(rt, b, pb);
  const code = activationCodes[activation];
  if (float32) rt.exports.denseForward32(px, pw, pb, pz, pa, N, k, n, code, alpha, rt.scratch);
  else rt.exports.denseForward64(px, pw, pb, pz, pa, N, k, n, code, alpha, rt.scratch);
  const shape = Object.freeze([N, n]);
  const z = take(rt, float32, pz, N * n, shape);
  rt.count((N * k + n * k + n) * size, (identity ? 1 : 2) * N * n * size);
  return { z, a: identity ? z : take(rt, float32, pa, N * n, shape) };
}

/**
 * The δ-equations of one layer in one WebAssembly call; undefined when the memory cannot hold
 * the call. `z`/`a` are those the op checked present for the activation.
 */
export function wasmDenseBackward(
  rt: WasmRuntime, upstream: Tensor, z: Tensor | undefined, a: Tensor | undefined, x: Tensor, w: Tensor,
  activation: DenseActivation, alpha: number, propagate: boolean,
): DenseGradients | undefined {
  const N = upstream.shape[0] as number;
  const n = upstream.shape[1] as number;
  const k = x.shape[1] as number;
  const float32 = upstream.dtype === 'float32';
  const size = float32 ? 4 : 8;
  const identity = activation === 'identity';
  // σ′ reads A for sigmoid and tanh, Z for the others, nothing for the identity.
  const s = identity ? undefined : activation === 'sigmoid' || activation === 'tanh' ? a : z;
  const batch = align16(N * n * size);
  const pg = rt.arena;
  const ps = pg + batch;
  const px = ps + (s === undefined ? 0 : batch);
  // W is read only for ∂C/∂X: without propagate it is neither copied nor given room.
  const pw = px + align16(N * k * size);
  const pd = pw + (propagate ? align16(n * k * size) : 0);
  const pdW = pd + (identity ? 0 : batch);
  const pdb = pdW + align16(n * k * size);
  const pdX = pdb + align16(n * size);
  if (!rt.reserve(pdX - pg + (propagate ? N * k * size : 0))) return undefined;
  put(rt, upstream, pg);
  if (s !== undefined) put(rt, s, ps);
  put(rt, x, px);
  if (propagate) put(rt, w, pw);
  const code = activationCodes[activation];
  const delta = identity ? pg : pd;
  if (float32) rt.exports.denseBackward32(pg, ps, px, pw, delta, pdW, pdb, pdX, N, k, n, code, alpha, propagate ? 1 : 0, rt.scratch);
  else rt.exports.denseBackward64(pg, ps, px, pw, delta, pdW, pdb, pdX, N, k, n, code, alpha, propagate ? 1 : 0, rt.scratch);
  rt.count((N * n * (s === undefined ? 1 : 2) + N * k + (propagate ? n * k : 0)) * size, ((identity ? 0 : N * n) + n * k + n + (propagate ? N * k : 0)) * size);
  return {
    delta: identity ? upstream : take(rt, float32, pd, N * n, upstream.shape),
    dW: take(rt, float32, pdW, n * k, w.shape),
    db: take(rt, float32, pdb, n, Object.freeze([n])),
    dInput: propagate ? take(rt, float32, pdX, N * k, x.shape) : undefined,
  };
}
