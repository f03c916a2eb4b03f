import { defineProject } from 'vitest/config';

export default defineProject({
  // Resolve sibling packages to their TypeScript sources: tests never need a build first.
  resolve: { conditions: ['@theta/source'] },
  ssr: { resolve: { conditions: ['@theta/source'] } },
  test: { name: 'train', include: ['src/**/*.test.ts'], testTimeout: 60_000 },
});
