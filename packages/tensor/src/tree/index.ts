/**
 * Helpers that walk Θ-trees (arrays and records of tensors), imported as `T.Tree`.
 *
 * @module
 */
export { map, zipWith, zipWithAll, reduce, leaves, paths } from './tree.js';
export { flatten, unflatten } from './flatten.js';
export type { TreeStructure, Flattened } from './flatten.js';
export { globalNorm, allClose, findNonFinite } from './numeric.js';
export type { Tolerance, NonFiniteLeaf } from './numeric.js';
