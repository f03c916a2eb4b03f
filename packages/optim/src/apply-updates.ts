/**
 * The step itself: Θ + updates, kept apart from the optimiser so Θ is only touched here.
 *
 * @module
 */
import * as T from '@theta/tensor';
import { allocateLike, checkShape } from './internal/leaves.js';

/**
 * Returns Θ + updates leaf by leaf: the new Θ. Descent is already in the updates' sign
 * (`scaleByLearningRate` multiplies by −η), so this is a plain sum. Each result keeps Θ's
 * dtype (float32 Θ stays float32 whatever the updates' dtype); Θ and the updates are left
 * unchanged. Structures or shapes that differ are a `ShapeError` naming the path.
 *
 * $$\Theta_t = \Theta_{t-1} + u_t$$
 *
 * @since 0.1.0
 * @category Optimisers
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as O from '@theta/optim';
 * const theta = [{ W: T.tensor([[1, 1]]), b: T.tensor([0]) }];
 * const updates = [{ W: T.tensor([[-0.5, 0.5]]), b: T.tensor([1]) }];
 * const next = O.applyUpdates(theta, updates);
 * console.log(T.toNested(next[0]!.W), T.toArray(theta[0]!.W)); // [[0.5, 1.5]] [1, 1]
 * ```
 */
export function applyUpdates<P extends T.TensorTree>(theta: P, updates: T.TensorTree): P {
  return T.Tree.zipWith(theta, updates, (thetaLeaf, uLeaf, path) => {
    checkShape('applyUpdates', 'updates', path, thetaLeaf, uLeaf);
    const out = allocateLike(thetaLeaf);
    addLeaf(thetaLeaf.data, uLeaf.data, out);
    return T.fromData(out, thetaLeaf.shape);
  });
}

/** out = w + u, a module-level loop (see internal/leaves on why kernels are not closures). */
function addLeaf(w: T.TypedArray, u: T.TypedArray, out: T.TypedArray): void {
  for (let i = 0; i < w.length; i++) out[i] = (w[i] as number) + (u[i] as number);
}
