/**
 * The elementary functions an expression may call, each with its reverse-mode op (which
 * records a Wengert node) and its forward-mode rule (dual numbers), side by side.
 *
 * @module
 */
import * as Dual from '@theta/dual';
import * as R from '@theta/reverse';

/** One elementary function of one argument. */
export interface ElementaryFunction {
  /** Reverse mode: computes and, under `R.trace`, records the node. */
  readonly reverse: (x: R.Value) => R.Value;
  /** Forward mode: value and tangent together. */
  readonly forward: (x: Dual.Num) => Dual.Num;
}

/** The functions by name. */
export const functions: Readonly<Record<string, ElementaryFunction>> = {
  sqrt: { reverse: R.sqrt, forward: Dual.sqrt },
  exp: { reverse: R.exp, forward: Dual.exp },
  expm1: { reverse: R.expm1, forward: Dual.expm1 },
  log: { reverse: R.log, forward: Dual.log },
  ln: { reverse: R.log, forward: Dual.log },
  log1p: { reverse: R.log1p, forward: Dual.log1p },
  sin: { reverse: R.sin, forward: Dual.sin },
  cos: { reverse: R.cos, forward: Dual.cos },
  tan: { reverse: R.tan, forward: Dual.tan },
  tanh: { reverse: R.tanh, forward: Dual.tanh },
  sigmoid: { reverse: R.sigmoid, forward: Dual.sigmoid },
  softplus: { reverse: R.softplus, forward: Dual.softplus },
  relu: { reverse: R.relu, forward: Dual.relu },
  abs: { reverse: R.abs, forward: Dual.abs },
};

/** Every function name, plus `pow(a, b)`, for messages and help. */
export const functionNames: readonly string[] = [...Object.keys(functions), 'pow'];

/** Named constants. */
export const constants: Readonly<Record<string, number>> = { pi: Math.PI, e: Math.E };

/** True for a name that is a function. */
export const isFunction = (name: string): boolean => name === 'pow' || Object.hasOwn(functions, name);
