/**
 * Decoupled weight decay: add λΘ to the updates (AdamW's change to Adam).
 *
 * @module
 */
import * as T from '@theta/tensor';
import { finish, fusable } from '../internal/fusion.js';
import { allocateLike, withBase, zipLeaves } from '../internal/leaves.js';
import * as V from '../internal/validate.js';
import { everyLeaf, type Mask } from '../mask.js';
import { emptyState, type EmptyState, type GradientTransformation } from '../transform.js';

/**
 * Options of {@link addDecayedWeights}.
 *
 * @since 0.1.0
 * @category Transforms
 * @example
 * ```ts
 * import * as O from '@theta/optim';
 * const options: O.AddDecayedWeightsOptions = { mask: O.weightsOnly };
 * const decay = O.addDecayedWeights(1e-4, options);
 * ```
 */
export interface AddDecayedWeightsOptions {
  /** Which leaves decay; the others pass through. Default: every leaf. `weightsOnly` spares the biases. */
  readonly mask?: Mask;
}

const op = 'addDecayedWeights';

/**
 * Adds λΘ to the updates of the leaves the mask selects (Loshchilov & Hutter 2019). Placed
 * between an adaptive scaling and `scaleByLearningRate`, the decay is *decoupled*: it is not
 * divided by √v̂ as an L2 term in the cost would be.
 *
 * $$u_t \leftarrow u_t + \lambda\, \Theta_{t-1} \quad\text{(masked leaves only)}$$
 *
 * Stateless; needs Θ, the third argument of `update`.
 *
 * @param weightDecay - λ ≥ 0.
 * @since 0.1.0
 * @category Transforms
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as O from '@theta/optim';
 * const decay = O.addDecayedWeights(0.5, { mask: O.weightsOnly });
 * const theta = [{ W: T.tensor([[2]]), b: T.tensor([2]) }];
 * const grads = [{ W: T.tensor([[0]]), b: T.tensor([0]) }];
 * const [u] = decay.update(grads, decay.init(theta), theta);
 * console.log(T.toNested(u[0]!.W), T.toArray(u[0]!.b)); // [[1]] [0]
 * ```
 */
export function addDecayedWeights(weightDecay: number, options?: AddDecayedWeightsOptions): GradientTransformation<EmptyState> {
  const lambda = V.nonNegative(op, 'weightDecay', weightDecay);
  const mask = V.callable<Mask>(op, 'mask', V.options(op, options, ['mask']).mask ?? everyLeaf);
  return fusable<EmptyState>(
    () => emptyState,
    (grads, state, theta, factor, base) => {
      const [updates] = zipLeaves(op, withBase([grads, theta], base), ['grads', 'theta', 'theta'], [base ?? grads], (leaves, path) => {
        const gLeaf = leaves[0] as T.Tensor;
        const baseLeaf = leaves[2];
        const decays = lambda !== 0 && mask(gLeaf, path);
        if (!decays && factor === 1 && baseLeaf === undefined) return [gLeaf];
        const g = gLeaf.data;
        const w = (leaves[1] as T.Tensor).data;
        const out = allocateLike(baseLeaf ?? gLeaf);
        decayLeaf(decays ? lambda : 0, factor, g, w, out, baseLeaf?.data, gLeaf.dtype === 'float32');
        return [T.fromData(out, gLeaf.shape)];
      });
      return [updates as typeof grads, state];
    },
  );
}

/** One leaf: g + λΘ (just g where λ = 0, so an infinite Θ adds nothing), scaled and Θ-added. */
function decayLeaf(lambda: number, factor: number, g: T.TypedArray, w: T.TypedArray, out: T.TypedArray, base: T.TypedArray | undefined, f32: boolean): void {
  for (let i = 0; i < g.length; i++) {
    const raw = lambda === 0 ? (g[i] as number) : (g[i] as number) + lambda * (w[i] as number);
    out[i] = finish(raw, factor, f32, base, i);
  }
}
