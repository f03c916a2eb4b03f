/**
 * Targets in the network output's form.
 *
 * @module
 */
import * as T from '@theta/tensor';
import * as D from '@theta/data';

/**
 * Puts targets y in the form a network with `outputs` output nodes is trained on: labels or
 * values $[N]$ become a column $[N, 1]$ for one output, one-hot rows $[N, K]$ for K > 1
 * outputs (y then holds class labels 0…K − 1); $[N, outputs]$ is returned as it is.
 * Anything else is a `ShapeError`.
 *
 * @since 0.1.0
 * @category Data
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as Tr from '@theta/train';
 * console.log(Tr.targetsFor(T.tensor([0, 2, 1]), 3).shape); // [ 3, 3 ]
 * console.log(Tr.targetsFor(T.tensor([0, 1]), 1).shape);    // [ 2, 1 ]
 * ```
 */
export function targetsFor(y: T.Tensor, outputs: number): T.Tensor {
  if (typeof outputs !== 'number' || !Number.isSafeInteger(outputs) || outputs < 1) {
    throw new T.DomainError({ op: 'targetsFor', parameter: 'outputs', value: outputs, expected: 'an integer ≥ 1' });
  }
  if (T.isTensor(y) && y.shape.length === 2 && y.shape[1] === outputs) return y;
  if (T.isTensor(y) && y.shape.length === 1) {
    return outputs === 1 ? T.reshape(y, [y.shape[0] as number, 1]) : D.oneHot(y, outputs);
  }
  throw new T.ShapeError({ op: 'targetsFor', argument: 'y', expected: `[N] or [N, ${outputs}]`, actual: T.isTensor(y) ? y.shape : typeof y });
}
