/**
 * Checks of the tensors a run is given — data, validation data, an initial Θ — against the
 * network, before any work starts.
 *
 * @module
 */
import * as T from '@theta/tensor';
import type * as N from '@theta/nn';
import type { Data } from './config.js';

const shapeOf = (x: unknown): unknown => (T.isTensor(x) ? x.shape : typeof x);

/** Throws a `DomainError` naming `parameter[row, column]` at the first NaN or ±∞ of x. */
function checkFinite(op: string, parameter: string, x: T.Tensor): void {
  const found = T.Tree.findNonFinite(x);
  if (found === undefined) return;
  const columns = x.shape.length === 2 ? (x.shape[1] as number) : 1;
  const at = x.shape.length === 2 ? `[${Math.floor(found.index / columns)}, ${found.index % columns}]` : `[${found.index}]`;
  throw new T.DomainError({ op, parameter: `${parameter}${at}`, value: found.value, expected: 'a finite number' });
}

/**
 * Checks that `data` is `{ X: [N, n_0], T: [N, n_L] }` (or labels `[N]` when `labels` is
 * allowed), with N ≥ 1, one dtype, and finite values. Returns N.
 */
export function checkData(op: string, name: string, data: unknown, net: N.Mlp, cost: N.Cost, dtype?: T.DType): number {
  if (typeof data !== 'object' || data === null) {
    throw new T.DomainError({ op, parameter: name, value: data, expected: 'a record { X, T } of tensors' });
  }
  const { X, T: targets } = data as Partial<Data>;
  const n0 = net.sizes[0] as number;
  const nL = net.sizes[net.sizes.length - 1] as number;
  if (!T.isTensor(X) || X.shape.length !== 2 || X.shape[1] !== n0 || (X.shape[0] as number) < 1) {
    throw new T.ShapeError({ op, argument: `${name}.X`, expected: `[N, ${n0}] with N ≥ 1 (n_0 = ${n0} inputs)`, actual: shapeOf(X) });
  }
  const n = X.shape[0] as number;
  const labels = cost.name === 'categoricalCrossEntropy';
  const fits = T.isTensor(targets) && targets.shape[0] === n &&
    ((targets.shape.length === 2 && targets.shape[1] === nL) || (labels && targets.shape.length === 1));
  if (!fits) {
    const expected = `[${n}, ${nL}] (N rows as X, n_L = ${nL} outputs)${labels ? ` or class labels [${n}]` : ''}`;
    throw new T.ShapeError({ op, argument: `${name}.T`, expected, actual: shapeOf(targets) });
  }
  const want = dtype ?? X.dtype;
  if (X.dtype !== want) throw new T.DTypeError({ op, argument: `${name}.X`, expected: `${want} (as the training data)`, actual: X.dtype });
  if (targets.dtype !== want) throw new T.DTypeError({ op, argument: `${name}.T`, expected: `${want} (as ${name}.X)`, actual: targets.dtype });
  checkFinite(op, `${name}.X`, X);
  checkFinite(op, `${name}.T`, targets);
  if (targets.shape.length === 1) {
    const bad = T.toArray(targets).findIndex((v) => !Number.isInteger(v) || v < 0 || v >= nL);
    if (bad >= 0) throw new T.DomainError({ op, parameter: `${name}.T[${bad}]`, value: T.toArray(targets)[bad], expected: `a class label: an integer in [0, ${nL})` });
  }
  return n;
}

/** Checks an initial Θ against the network's sizes and the data's dtype; throws ShapeError, DTypeError or DomainError. */
export function checkTheta(op: string, theta: unknown, net: N.Mlp, dtype: T.DType): N.Theta {
  const L = net.sizes.length - 1;
  if (!Array.isArray(theta) || theta.length !== L) {
    throw new T.ShapeError({ op, argument: 'theta', expected: `${L} layers of { W, b } for sizes [${net.sizes.join(', ')}]`, actual: Array.isArray(theta) ? `${theta.length} layers` : typeof theta });
  }
  theta.forEach((layer: unknown, l) => {
    const shapes = { W: [net.sizes[l + 1] as number, net.sizes[l] as number], b: [net.sizes[l + 1] as number] };
    for (const k of ['W', 'b'] as const) {
      const x: unknown = typeof layer === 'object' && layer !== null ? (layer as Record<string, unknown>)[k] : undefined;
      const want = shapes[k];
      if (!T.isTensor(x) || x.shape.length !== want.length || x.shape.some((d, i) => d !== want[i])) {
        throw new T.ShapeError({ op, argument: `theta[${l}].${k}`, expected: want, actual: shapeOf(x) });
      }
      if (x.dtype !== dtype) throw new T.DTypeError({ op, argument: `theta[${l}].${k}`, expected: `${dtype} (as the data)`, actual: x.dtype });
      checkFinite(op, `theta[${l}].${k}`, x);
    }
  });
  return theta as N.Theta;
}
