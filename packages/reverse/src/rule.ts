/**
 * What one primitive x_i = g_i(x_pa(i)) carries into the Wengert list: its name, its VJP rule,
 * its cost under the FLOP model and, for elementwise ops, its scalar form with the local
 * partial derivatives ∂g_i/∂x_j that the scalar fast sweep multiplies by the adjoint.
 *
 * Rules are plain records defined beside their op; a node keeps a reference to its rule, so
 * the sweep needs no registry.
 *
 * @module
 */
import type { Value } from './value.js';

/** Cost of one node under the FLOP model: its forward step, and its VJP per input position. */
export interface Cost {
  /** FLOPs to compute the node's value. */
  readonly forward: number;
  /** FLOPs of the VJP that produces input j's cotangent term, by position. */
  readonly backward: readonly number[];
}

/**
 * The scalar form of an elementwise op on plain numbers. `y` is the second operand of a binary
 * op, or the parameter (α) of a unary one; `z` is the output, which rules may reuse.
 */
export interface ScalarForm {
  /** z = g(x, y). */
  readonly value: (x: number, y: number) => number;
  /** ∂z/∂x. */
  readonly d0: (x: number, y: number, z: number) => number;
  /** ∂z/∂y (0 for unary ops). */
  readonly d1: (x: number, y: number, z: number) => number;
}

/** A primitive's rules. `P` is its static parameters (axes, shapes, α …), `I` its inputs. */
export interface Rule<P = unknown, I extends readonly Value[] = readonly Value[]> {
  /** Name shown in the Wengert table, e.g. `mul`. */
  readonly op: string;
  /**
   * The cotangent term for input `j`: x̄_j += ∂g/∂x_j applied to `g` (= z̄). Written with the
   * differentiable ops, so that it can itself be differentiated.
   */
  readonly vjp: (g: Value, inputs: I, out: Value, params: P, j: number) => Value;
  /**
   * Optional: all cotangent terms at once, when computing them together is cheaper (custom
   * rules). The sweep prefers it to `vjp`; `undefined` entries are zero.
   */
  readonly vjpAll?: (g: Value, inputs: I, out: Value, params: P) => readonly (Value | undefined)[];
  /** Cost under the FLOP model, from the primal inputs and output. */
  readonly cost: (inputs: I, out: Value, params: P) => Cost;
  /** Scalar form for the fast path on plain numbers (elementwise ops only). */
  readonly scalar?: ScalarForm;
}

/** Any rule, as the Wengert list stores it (inputs and parameters are checked where it is built). */
export type AnyRule = Rule<never, never>;

/** The rule of an input node x_1 … x_d: nothing to propagate. */
export const inputRule: Rule<undefined> = {
  op: 'input',
  vjp: () => {
    throw new Error('input nodes have no VJP');
  },
  cost: () => ({ forward: 0, backward: [] }),
};
