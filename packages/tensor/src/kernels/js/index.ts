/**
 * The plain-JavaScript backend: runs everywhere, and is the reference the faster backends
 * are tested against.
 */
import { allocate, make, sizeOf } from '../../core/tensor.js';
import { reducedShape } from '../../core/shape.js';
import type { Kernels } from '../types.js';
import { binaryInto, forEachRow } from './binary.js';
import { denseBackward } from './dense-backward.js';
import { denseForward, type BackendParts } from './dense-forward.js';
import { matmulInto } from './matmul.js';
import { reduceInto } from './reduce.js';
import { unaryInto } from './unary.js';
import { adamInto, momentumInto } from './optimiser.js';
import { allFiniteData, scaledAddInto } from './update.js';

/** Which of a backend's kernels are these plain-JS ones (a backend may replace any of them). */
const partsOf = (backend: Kernels): BackendParts => ({
  matmul: backend.matmul === jsKernels.matmul,
  elementwise: backend.unary === jsKernels.unary && backend.binary === jsKernels.binary && backend.reduce === jsKernels.reduce,
});

/** The plain-JS implementation of every kernel. */
export const jsKernels: Kernels = {
  name: 'js',
  matmul(a, b, transposeA, transposeB) {
    const [ra, ca] = a.shape as [number, number];
    const [rb, cb] = b.shape as [number, number];
    const m = transposeA ? ca : ra;
    const k = transposeA ? ra : ca;
    const n = transposeB ? rb : cb;
    const out = allocate(a.dtype, m * n);
    matmulInto(a.data, b.data, out, m, k, n, transposeA, transposeB);
    return make(out, [m, n]);
  },
  unary(op, x, alpha) {
    const out = allocate(x.dtype, x.data.length);
    unaryInto(op, x.data, out, alpha);
    return make(out, x.shape);
  },
  binary(op, a, b, outShape) {
    const out = allocate(a.dtype, sizeOf(outShape));
    binaryInto(op, a.data, a.shape, b.data, b.shape, out, outShape);
    return make(out, outShape);
  },
  reduce(op, x, axes) {
    // Axes arrive sorted and contiguous: view x as [outer, reduced, inner].
    const first = axes[0] ?? 0;
    const last = axes[axes.length - 1] ?? -1;
    const outer = sizeOf(x.shape.slice(0, first));
    const reduced = sizeOf(x.shape.slice(first, last + 1));
    const inner = sizeOf(x.shape.slice(last + 1));
    const out = allocate(x.dtype, outer * inner);
    reduceInto(op, x.data, out, outer, reduced, inner);
    return make(out, reducedShape(x.shape, axes, true));
  },
  where(cond, a, b, outShape) {
    const out = allocate(a.dtype, sizeOf(outShape));
    const c = cond.data;
    const x = a.data;
    const y = b.data;
    forEachRow([cond.shape, a.shape, b.shape], outShape, (off, o, n, s) => {
      const [oc, oa, ob] = off as [number, number, number];
      const [sc, sa, sb] = s as [number, number, number];
      for (let i = 0; i < n; i++) out[o + i] = (c[oc + i * sc] as number) !== 0 ? (x[oa + i * sa] as number) : (y[ob + i * sb] as number);
    });
    return make(out, outShape);
  },
  // The fused dense kernels run their products through `this.matmul`: in a backend composed as
  // `{ ...jsKernels, matmul: faster, unary: faster, … }` they use the faster kernels without
  // being rewritten (and leave the elementwise work to them when those are not the JS ones).
  denseForward(x, w, b, activation, alpha) {
    const backend = this ?? jsKernels;
    return denseForward(backend, partsOf(backend), x, w, b, activation, alpha);
  },
  denseBackward(upstream, z, a, x, w, activation, alpha, propagate) {
    const backend = this ?? jsKernels;
    return denseBackward(backend, partsOf(backend), upstream, z, a, x, w, activation, alpha, propagate);
  },
  scaledAdd(base, x, factor) {
    const out = allocate(base.dtype, base.data.length);
    scaledAddInto(base.data, x.data, out, factor);
    return make(out, base.shape);
  },
  allFinite: (x) => allFiniteData(x.data),
  momentumStep(theta, grad, velocity, coefficients) {
    const thetaOut = allocate(theta.dtype, theta.data.length);
    const vOut = allocate(theta.dtype, theta.data.length);
    momentumInto(theta.data, grad.data, velocity.data, thetaOut, vOut, coefficients);
    return { theta: make(thetaOut, theta.shape), velocity: make(vOut, theta.shape) };
  },
  adamStep(theta, grad, mu, nu, coefficients) {
    const n = theta.data.length;
    const [thetaOut, mOut, vOut] = [allocate(theta.dtype, n), allocate(theta.dtype, n), allocate(theta.dtype, n)];
    adamInto(theta.data, grad.data, mu.data, nu.data, thetaOut, mOut, vOut, coefficients);
    return { theta: make(thetaOut, theta.shape), mu: make(mOut, theta.shape), nu: make(vOut, theta.shape) };
  },
};
