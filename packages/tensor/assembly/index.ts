// The WebAssembly kernels of @theta/tensor. Memory is managed from JavaScript: this module
// allocates nothing; every function takes byte addresses into its one exported memory, and
// the first free byte is heapBase().
export { matmul64, SCRATCH64 } from './matmul64';
export { matmul32, SCRATCH32 } from './matmul32';
export { binary64, binary32 } from './binary';
export { unary64, unary32 } from './unary';
export { reduce64, reduce32 } from './reduce';
export { denseForward64, denseForward32, denseBackward64, denseBackward32 } from './dense';
export { scaledAdd64, scaledAdd32, allFinite64, allFinite32 } from './update';
export { momentumStep64, momentumStep32, adamStep64, adamStep32 } from './optimiser';

/** First byte after the module's static data: JavaScript's arena starts here. */
export function heapBase(): usize {
  return __heap_base;
}
