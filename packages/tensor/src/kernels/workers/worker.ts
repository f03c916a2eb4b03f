/**
 * The worker thread's entry (Node worker_threads or a browser module Web Worker). It waits for
 * messages from its pool: `init` hands it the shared control block and its index (and, for a
 * pool of WebAssembly threads, has it instantiate its own copy of the kernels before it says
 * it is ready), `job` a product whose chunks of rows it claims and computes until none is
 * left. It answers through the control block only, since the caller is blocked in
 * Atomics.wait and cannot receive messages.
 */
import { READY } from './control.js';
import { instantiateSync, type WasmRuntime, type WasmVariant } from '../wasm/runtime.js';
import { nodeBuiltin, type NodeWorkerThreads } from './host.js';
import { drain, type SharedJob } from './rows.js';

/** First message: the pool's control block, its size and this worker's place in it. */
export interface InitMessage {
  /** Discriminant. */
  readonly type: 'init';
  /** The pool's control block (see control.ts). */
  readonly control: SharedArrayBuffer;
  /** Workers in the pool. */
  readonly workers: number;
  /** This worker's index. */
  readonly index: number;
  /** The build of the WebAssembly kernels to instantiate (jobs of kind `wasm` will come), or false. */
  readonly wasm: WasmVariant | false;
}

/** A product to help with: claim chunks of its rows until none is left. */
export interface JobMessage {
  /** Discriminant. */
  readonly type: 'job';
  /** The product. */
  readonly job: SharedJob;
}

let control: SharedArrayBuffer | undefined;
let workers = 0;
let index = -1;
let runtime: WasmRuntime | undefined;

const handle = (message: InitMessage | JobMessage): void => {
  if (message.type === 'init') {
    ({ control, workers, index } = message);
    // Without its kernels this worker never says it is ready, so no call hands it a job.
    if (message.wasm !== false && (runtime ??= instantiateSync(message.wasm)) === undefined) return;
    const flags = new Int32Array(control);
    Atomics.store(flags, READY + message.index, 1);
    Atomics.notify(flags, READY + message.index);
    return;
  }
  if (control !== undefined) drain(control, workers, message.job, runtime, index);
};

const parentPort = (nodeBuiltin('node:worker_threads') as NodeWorkerThreads | undefined)?.parentPort;
if (parentPort) parentPort.on('message', (message) => handle(message as InitMessage | JobMessage));
else globalThis.addEventListener('message', (event) => handle((event as MessageEvent<InitMessage | JobMessage>).data));
