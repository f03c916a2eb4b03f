/**
 * Worker-thread matmul, for the backend registry: see threads.ts.
 */
export { DEFAULT_THRESHOLD, withThreads, type ThreadedKernels, type ThreadOptions } from './threads.js';
export { availableThreads, threadHost } from './host.js';
