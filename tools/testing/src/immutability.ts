/**
 * The immutability harness: deep-copies every argument (typed arrays byte for byte), calls the
 * function, then checks that each argument is still equal to its copy. Returns the result.
 */
export function callWithoutMutation<R>(fn: (...args: never[]) => R, args: readonly unknown[]): R {
  const before = args.map(snapshot);
  const result = (fn as (...a: unknown[]) => R)(...args);
  args.forEach((arg, i) => {
    const diff = firstDifference(before[i], arg, `args[${i}]`);
    if (diff !== undefined) throw new Error(`argument mutated at ${diff}`);
  });
  return result;
}

function snapshot(value: unknown): unknown {
  if (ArrayBuffer.isView(value)) {
    const view = value as ArrayBufferView;
    return { __bytes: new Uint8Array(view.buffer.slice(view.byteOffset, view.byteOffset + view.byteLength)) };
  }
  if (Array.isArray(value)) return value.map(snapshot);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, snapshot(v)]));
  }
  return value;
}

function firstDifference(saved: unknown, now: unknown, path: string): string | undefined {
  if (saved !== null && typeof saved === 'object' && '__bytes' in saved) {
    if (!ArrayBuffer.isView(now)) return path;
    const view = now as ArrayBufferView;
    const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
    const old = (saved as { __bytes: Uint8Array }).__bytes;
    if (bytes.length !== old.length) return path;
    for (let i = 0; i < bytes.length; i++) if (bytes[i] !== old[i]) return `${path} (byte ${i})`;
    return undefined;
  }
  if (Array.isArray(saved)) {
    if (!Array.isArray(now) || now.length !== saved.length) return path;
    for (let i = 0; i < saved.length; i++) {
      const d = firstDifference(saved[i], now[i], `${path}[${i}]`);
      if (d !== undefined) return d;
    }
    return undefined;
  }
  if (saved !== null && typeof saved === 'object') {
    if (now === null || typeof now !== 'object') return path;
    const keys = Object.keys(saved);
    if (keys.length !== Object.keys(now).length) return path;
    for (const k of keys) {
      const d = firstDifference((saved as Record<string, unknown>)[k], (now as Record<string, unknown>)[k], `${path}.${k}`);
      if (d !== undefined) return d;
    }
    return undefined;
  }
  return Object.is(saved, now) ? undefined : path;
}
