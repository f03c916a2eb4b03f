// One library per isolate: V8 keeps one "ArrayBuffer detaching" protector per isolate, and the
// first detach anywhere in it (WebAssembly.Memory.prototype.grow detaches the old buffer, as
// does transferring a buffer) puts detach checks into every optimised typed-array loop in that
// isolate from then on, 1.4–2× slower on this machine. tfjs-backend-wasm and jax-js grow their
// memories, so measured in one process with Theta they would slow Theta's JS down, and Theta's
// own growth would slow tfjs-cpu's, which no user running one of them would see. So the suites
// that race libraries start one worker thread (its own isolate, heap and JIT) per library and
// drive it by messages. Arguments and results are copied (structured clone), never
// transferred: transferring would detach.
import { Worker } from 'node:worker_threads';

const entry = new URL('./isolate-worker.mjs', import.meta.url);

/**
 * Starts a worker thread that imports `module` (a URL or path relative to the caller, given as
 * a URL) and serves calls to its exports. Returns `{ call(name, ...args), close() }`: `call`
 * resolves with the export's (awaited) result, copied back, or rejects with its error. Calls
 * are answered in order; the suites make one at a time, so only one isolate works at once.
 */
export async function startIsolate(module) {
  const worker = new Worker(entry, { workerData: { module: String(module) } });
  const pending = new Map();
  let next = 0;
  let failure;
  const fail = (error) => {
    failure = error;
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`isolate ${module} exited (code ${code})`)));
  await new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  worker.on('message', ({ id, ok, value, error }) => {
    const call = pending.get(id);
    pending.delete(id);
    if (ok) call?.resolve(value);
    else call?.reject(new Error(`${module}: ${error}`));
  });
  return {
    call: (name, ...args) =>
      new Promise((resolve, reject) => {
        if (failure !== undefined) return reject(failure);
        const id = next++;
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, name, args }); // no transfer list: copied, never detached
      }),
    close: async () => {
      worker.removeAllListeners('exit');
      await worker.terminate();
    },
  };
}

/**
 * Runs lib/detach-probe.mjs's loop in each of `isolates` (`[name, isolate]` pairs), `rounds`
 * times interleaved, and returns `[name, best µs]` pairs: an isolate whose probe is well above
 * a fresh isolate's has had an ArrayBuffer detached (by its own library, since each has one).
 */
export async function probeIsolates(isolates, rounds = 3) {
  const best = isolates.map(() => Infinity);
  for (let r = 0; r < rounds; r++) {
    for (const [i, [, isolate]] of isolates.entries()) best[i] = Math.min(best[i], await isolate.call('detachProbe'));
  }
  return isolates.map(([name], i) => [name, best[i]]);
}
