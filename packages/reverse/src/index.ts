/**
 * # @theta/reverse
 *
 * Reverse-mode automatic differentiation as the lecture notes describe it: a function is
 * evaluated once into a **Wengert list** $x_i = g_i(x_{\mathrm{pa}(i)})$ — inputs
 * $x_1 \dots x_d$ first, the output $x_D$ last — and the adjoints are then swept from the
 * output back to the inputs:
 *
 * $$\frac{\partial f}{\partial x_i} = \sum_{j\,:\, i \in \mathrm{pa}(j)} \frac{\partial f}{\partial x_j}\,\frac{\partial g_j}{\partial x_i}.$$
 *
 * ```ts
 * import * as R from '@theta/reverse';
 * import * as T from '@theta/tensor';
 * // A network is written once with R's ops: on tensors it just computes…
 * const layer = (theta: { W: R.Value; b: R.Value }, X: R.Value) => R.sigmoid(R.add(R.matmul(X, theta.W, { transposeB: true }), theta.b));
 * const theta = { W: T.tensor([[0.5, -0.5]]), b: T.tensor([0.1]) };
 * const X = T.tensor([[1, 2], [3, 4]]);
 * const A = layer(theta, X);                                           // a Tensor, at full speed
 * // …and under grad it is recorded and differentiated; the gradient is shaped like Θ.
 * const g = R.grad((th: typeof theta) => R.sum(layer(th, X)))(theta);  // { W: [1, 2], b: [1] }
 * ```
 *
 * ## The layers
 *
 * - {@link trace} records the Wengert list of f as an immutable {@link Graph}; {@link sweep}
 *   is the reverse sweep as a separate, pure step returning every node's adjoint.
 * - {@link vjp} → {@link valueAndGrad} → {@link grad}, then {@link jacobian},
 *   {@link hessianVectorProduct} and {@link hessian}, are thin layers over those two steps, as
 *   in JAX. They take and return trees (Θ = array of `{ W, b }`, records, arrays); `argnums`
 *   picks the arguments; a string or boolean leaf is rejected with its path.
 * - The differentiable ops ({@link add}, {@link matmul}, {@link sum}, {@link where},
 *   {@link softmax}, the activations …) accept tensors, numbers and traced values. With no
 *   traced argument they call @theta/tensor directly; otherwise they compute the value with the
 *   same op one level down and append a node `{ op, parents, value }` to the innermost active
 *   trace. Each op keeps its VJP rule (and its FLOP cost) in a table beside it — no registry.
 * - {@link customVjp} gives any function its own backward rule.
 * - {@link wengertTable}, {@link formatWengertTable}, {@link toDot} and {@link flopCount}
 *   show the list, its values, adjoints and costs.
 *
 * ## Higher order and nesting
 *
 * VJP rules are written with the same differentiable ops, so when a sweep runs inside an
 * enclosing trace it is recorded there: `grad(grad(f))` is the second derivative and
 * {@link hessianVectorProduct} costs a few evaluations of f. Each trace has a level (its
 * nesting depth) and a traced value belongs to exactly one trace, so perturbations never mix:
 * `grad(x => x · grad(y => x + y)(1))(1)` is 1. The only module-level state is the stack of
 * active traces, always popped in a `finally`.
 *
 * ## Two storage paths
 *
 * On plain numbers (the notes' setting) the list is stored as struct-of-arrays — a rule
 * reference, two parent indices and two numbers per node in typed arrays — and the sweep is a
 * loop of `x̄_i += z̄ · ∂g/∂x_i` over a Float64Array: a scalar graph of 10⁶ nodes records and
 * sweeps in milliseconds. Tensor nodes keep a small record with their primal inputs; their
 * sweep calls the VJP rules. Zero cotangents win over infinite derivatives (0 · ∞ = 0, see
 * {@link safeMul}), so the branch `where` does not take never leaks NaN.
 *
 * ## The FLOP cost model
 *
 * {@link flopCount} and the table count, per element: 1 FLOP for every elementwise function
 * (+, −, ·, /, exp, √, σ … alike); 2mkn for a product of m×k by k×n; n − m additions to reduce
 * n elements to m; 0 for layout and selection (reshape, transpose, slice, gather, concat,
 * where). Backward, each op declares the FLOPs of its VJP per input (e.g. exp: z̄·z = 1;
 * √: z̄/(2z) = 2; x²: 2x·z̄ = 2; +: 0), counted only for parents that are traced and nodes the
 * output depends on, plus k − 1 additions where k cotangent terms meet (fan-out). The seed
 * ∂f/∂x_D = 1 is free. The tables in each op's module list every count.
 *
 * ## The notes' example, counted
 *
 * For $f(x) = \sqrt{x^2 + \exp(x^2)}$ the list is a = x², b = exp(a), c = a + b, d = √c, and
 * the sweep gives $\bar d = 1$, $\bar c = 1/(2d)$, $\bar b = \bar c$,
 * $\bar a = \bar c + \bar b\, b = (1 + b)/(2d)$, $\bar x = 2x\,\bar a = x(1 + b)/d$.
 *
 * | | notes | this model | why |
 * | --- | --- | --- | --- |
 * | f | 5 | 4 | the list computes x² once and reuses it (written out, f evaluates x² twice: 5) |
 * | f′ symbolically | 10 | — | x(1 + exp(x²))/√(x² + exp(x²)) from scratch |
 * | reverse sweep | ≈ 3 extra | 6 | √: 2, +: 0, exp: 1, the sum at a: 1, x²: 2 |
 * | f and f′ | ≈ 8 | 10 | |
 *
 * The notes' 3 is x(1 + b)/d computed by hand from the stored b and d: the factors 2 in
 * $\bar c = 1/(2d)$ and $\bar x = 2x\bar a$ cancel on paper, which a mechanical sweep does not
 * see. The sweep still reuses the forward values (b for exp′, d for √′), so gradient and value
 * together cost 10 — a small constant times f whatever the number of inputs, where the
 * symbolic f′ costs 10 on its own, per input. Written with x² twice (as the notes' 5 counts
 * it) the model gives 5 forward and 8 backward.
 *
 * @packageDocumentation
 */
export type { Traced, Value } from './value.js';
export { isTraced, stopGradient, shapeOf } from './value.js';
export type { Graph, WengertNode } from './graph.js';

export { trace, sweep, named } from './api/trace.js';
export type { TraceOptions } from './api/trace.js';
export { vjp } from './api/vjp.js';
export type { VjpOptions, Pulled } from './api/vjp.js';
export { valueAndGrad, grad } from './api/grad.js';
export { jacobian } from './api/jacobian.js';
export { hessianVectorProduct, hessian } from './api/hvp.js';
export { customVjp } from './api/custom-vjp.js';
export type { Backward, CustomVjpCost, CustomVjpOptions } from './api/custom-vjp.js';
export type { Gradient, Grads, Jacobian, Primal, Argnums, GradOptions } from './api/types.js';

export type { UnaryOp, ParametricOp, BinaryOp } from './ops/primitive.js';
export { add, sub, mul, div, pow, maximum, minimum, neg } from './ops/arithmetic.js';
export { safeMul } from './ops/safe.js';
export { exp, expm1, log, log1p, sqrt, square, reciprocal, abs, sin, cos, tan } from './ops/unary.js';
export { tanh, sigmoid, logSigmoid, softplus, relu, leakyRelu, elu } from './ops/activations.js';
export { matmul, dot, outer } from './ops/matmul.js';
export { dense } from './ops/dense.js';
export { sum, mean, max, min, logsumexp, norm, argmax, argmin } from './ops/reduce.js';
export type { ReduceOp } from './ops/reduce.js';
export { reshape, transpose, broadcastTo, sumTo, expandDims } from './ops/layout.js';
export { slice, pad, gather, concat, stack } from './ops/select.js';
export { where, equal, notEqual, less, lessEqual, greater, greaterEqual, sign } from './ops/where.js';
export type { Comparison } from './ops/where.js';
export { softmax, logSoftmax } from './ops/softmax.js';

export { wengertTable, formatWengertTable } from './inspect/wengert-table.js';
export type { WengertRow, WengertTableOptions } from './inspect/wengert-table.js';
export { toDot } from './inspect/to-dot.js';
export type { DotOptions } from './inspect/to-dot.js';
export { flopCount } from './inspect/flop-count.js';
export type { FlopCount, NodeFlops } from './inspect/flop-count.js';
