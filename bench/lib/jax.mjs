// jax-js (@jax-js/jax), loaded for the suites that measure it beside Theta and tfjs.

/**
 * Imports jax-js and starts its WebAssembly device, falling back to its `cpu` device (plain
 * JS, "only meant for debugging") when WebAssembly is not available; returns the module and
 * the device its arrays live on. Node 20 has no global `Worker`, so jax-js's wasm device runs
 * one thread here, like the other contenders.
 */
export async function loadJax() {
  // jax-js reads the global Float16Array (Node 24 has it; Node 20 does not): np.array of a
  // Float64Array, for one, throws "Float16Array is not defined" on Node 20. A stand-in class
  // (never instantiated here: the suites use float32 only) lets those paths run.
  if (globalThis.Float16Array === undefined) {
    globalThis.Float16Array = class Float16Array extends Float32Array {};
  }
  const jax = await import('@jax-js/jax');
  let devices = [];
  try {
    devices = await jax.init('wasm');
  } catch {
    // No WebAssembly: try the cpu device below.
  }
  const device = devices.includes('wasm') ? 'wasm' : (await jax.init('cpu')).includes('cpu') ? 'cpu' : undefined;
  if (device === undefined) throw new Error('jax-js: neither its wasm nor its cpu device starts here');
  jax.defaultDevice(device);
  return { jax, device };
}
