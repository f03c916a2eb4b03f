export { runExamples } from './examples.js';
export { callWithoutMutation } from './immutability.js';
export { centralDifference, centralGradient, isClose } from './finite-differences.js';
