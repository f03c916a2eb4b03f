// The worker side of lib/isolate.mjs: imports one module and answers `{ id, name, args }`
// with `{ id, ok, value | error }`, calling its export `name` (or `detachProbe`, lib/detach-probe.mjs,
// which every isolate answers). Results are copied back.
import { parentPort, workerData } from 'node:worker_threads';
import { detachProbe } from './detach-probe.mjs';

const module = { detachProbe, ...(await import(workerData.module)) };
parentPort.on('message', async ({ id, name, args }) => {
  try {
    if (typeof module[name] !== 'function') throw new Error(`no export ${name}`);
    parentPort.postMessage({ id, ok: true, value: await module[name](...args) });
  } catch (e) {
    parentPort.postMessage({ id, ok: false, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
});
parentPort.postMessage({ ready: true });
