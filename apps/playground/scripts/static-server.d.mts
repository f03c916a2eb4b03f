/** Serves `root` on `host:port` (port 0 picks a free one). */
export function serveStatic(root: string, options?: { host?: string; port?: number }): Promise<{ url: string; close: () => Promise<void> }>;
