import { defineProject } from 'vitest/config';

export default defineProject({
  // Resolve sibling packages to their TypeScript sources: tests never need a build first.
  resolve: { conditions: ['@theta/source'] },
  ssr: { resolve: { conditions: ['@theta/source'] } },
  test: {
    name: 'playground',
    // Unit tests beside the sources; end-to-end tests (real Chromium) in test/.
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Builds the app once and serves it on 127.0.0.1 for the end-to-end tests.
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
