/**
 * Worker-thread matmul, for the backend registry: see threads.ts.
 */
export { DEFAULT_THRESHOLDS, withThreads, type ThreadedKernels, type ThreadOptions, type ThreadTraffic } from './threads.js';
export { availableThreads, threadHost } from './host.js';
