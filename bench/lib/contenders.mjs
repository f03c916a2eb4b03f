// The worker side of a race between libraries (see lib/isolate.mjs): a registry of contenders
// built in this isolate, each with `epoch()` and `finish()`, timed here so that the message
// round trip is not counted.
import { performance } from 'node:perf_hooks';

/**
 * A registry of contenders; the module that owns it re-exports `epoch` and `finish`, so the
 * main thread can call `epoch(id)` (→ seconds, wall clock of one epoch) and `finish(id)`
 * (→ whatever the contender's `finish` returns, e.g. its loss before and after training).
 */
export function registry() {
  const contenders = new Map();
  const get = (id) => {
    const c = contenders.get(id);
    if (c === undefined) throw new Error(`no contender ${id} in this isolate`);
    return c;
  };
  return {
    add: (id, contender) => {
      contenders.set(id, contender);
      return id;
    },
    epoch: async (id) => {
      const c = get(id);
      const start = performance.now();
      await c.epoch();
      return (performance.now() - start) / 1000;
    },
    finish: async (id) => {
      const result = await get(id).finish();
      contenders.delete(id);
      return result;
    },
  };
}
