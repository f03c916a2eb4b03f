/**
 * The fused dense kernels in WebAssembly (assembly/dense.ts): one copy in of each operand (none
 * for one already in memory in a resident scope, placement.ts), one call, one copy out of each result.
 *
 * Forward: X, W, b in; Z and A out (A is Z for the identity). Backward: g, the one of Z or A
 * that σ′ reads, X and (only to propagate) W in; δ (not for the identity: δ is g itself, as in the JS kernel), dW,
 * db and, when asked, dInput out. Operands and results are laid out by placement.ts,
 * 16-byte aligned, as for every other wasm kernel, so memory stays bounded by the largest call.
 *
 * The glue allocates nothing but the results and their tensors: it runs for every layer of
 * every step, and for the 2-50-50-1 networks it is a visible share of the step.
 */
import { make, type Tensor } from '../../core/tensor.js';
import type { DenseActivation, DenseGradients, DenseValues } from '../types.js';
import { align16, type Placement } from './placement.js';
import type { WasmRuntime } from './runtime.js';

/** Activation codes of assembly/ops.ts (ACT_*). */
const activationCodes: Readonly<Record<DenseActivation, number>> = {
  identity: 0, sigmoid: 1, tanh: 2, relu: 3, leakyRelu: 4, elu: 5, softplus: 6,
};

/**
 * Z = X Wᵀ + b and A = σ(Z) in one WebAssembly call; undefined when the memory cannot hold the
 * call (the caller then runs the JS kernel).
 */
export function wasmDenseForward(rt: WasmRuntime, at: Placement, x: Tensor, w: Tensor, b: Tensor, activation: DenseActivation, alpha: number): DenseValues | undefined {
  const N = x.shape[0] as number;
  const k = x.shape[1] as number;
  const n = w.shape[0] as number;
  const float32 = x.dtype === 'float32';
  const size = float32 ? 4 : 8;
  const identity = activation === 'identity';
  const batch = align16(N * n * size);
  if (!at.begin(align16(N * k * size) + align16(n * k * size) + align16(n * size) + (identity ? 1 : 2) * batch)) return undefined;
  const px = at.input(x);
  const pw = at.input(w);
  const pb = at.input(b);
  const pz = at.output(N * n * size);
  const pa = identity ? pz : at.output(N * n * size);
  const code = activationCodes[activation];
  if (float32) rt.exports.denseForward32(px, pw, pb, pz, pa, N, k, n, code, alpha, rt.scratch);
  else rt.exports.denseForward64(px, pw, pb, pz, pa, N, k, n, code, alpha, rt.scratch);
  const shape = Object.freeze([N, n]);
  const z = make(at.result(float32, pz, N * n), shape);
  const a = identity ? z : make(at.result(float32, pa, N * n), shape);
  at.end();
  return { z, a };
}

/**
 * The δ-equations of one layer in one WebAssembly call; undefined when the memory cannot hold
 * the call. `z`/`a` are those the op checked present for the activation.
 */
export function wasmDenseBackward(
  rt: WasmRuntime, at: Placement, upstream: Tensor, z: Tensor | undefined, a: Tensor | undefined, x: Tensor, w: Tensor,
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
  const weights = align16(n * k * size);
  const inputs = align16(N * k * size);
  // W is read only for ∂C/∂X: without propagate it is neither copied nor given room.
  const room = batch * (s === undefined ? 1 : 2) + inputs + (propagate ? weights : 0) + (identity ? 0 : batch) + weights + align16(n * size) + (propagate ? inputs : 0);
  if (!at.begin(room)) return undefined;
  const pg = at.input(upstream);
  const ps = s === undefined ? pg : at.input(s);
  const px = at.input(x);
  const pw = propagate ? at.input(w) : px;
  const delta = identity ? pg : at.output(N * n * size);
  const pdW = at.output(n * k * size);
  const pdb = at.output(n * size);
  const pdX = propagate ? at.output(N * k * size) : pdb;
  const code = activationCodes[activation];
  if (float32) rt.exports.denseBackward32(pg, ps, px, pw, delta, pdW, pdb, pdX, N, k, n, code, alpha, propagate ? 1 : 0, rt.scratch);
  else rt.exports.denseBackward64(pg, ps, px, pw, delta, pdW, pdb, pdX, N, k, n, code, alpha, propagate ? 1 : 0, rt.scratch);
  const gradients = {
    delta: identity ? upstream : make(at.result(float32, delta, N * n), upstream.shape),
    dW: make(at.result(float32, pdW, n * k), w.shape),
    db: make(at.result(float32, pdb, n), Object.freeze([n])),
    dInput: propagate ? make(at.result(float32, pdX, N * k), x.shape) : undefined,
  };
  at.end();
  return gradients;
}
