/**
 * Metrics that report how well a trained network does, imported as `N.metrics`.
 *
 * @module
 */
export { mse, r2 } from './regression.js';
export { accuracy, confusionMatrix } from './classification.js';
export type { ConfusionMatrixOptions } from './classification.js';
export type { ClassificationOptions } from './labels.js';
