import { defineProject } from 'vitest/config';

export default defineProject({
  // Resolve sibling packages to their TypeScript sources: tests never need a build first.
  resolve: { conditions: ['@theta/source'] },
  ssr: { resolve: { conditions: ['@theta/source'] } },
  test: {
    name: 'data',
    include: ['src/**/*.test.ts'],
    testTimeout: 60_000,
    // The files share no mutable state (data sets are frozen), so they can share one module
    // graph: the run imports @theta/tensor and the embedded data once instead of once per file.
    isolate: false,
  },
});
