import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['@theta/source'] },
  ssr: { resolve: { conditions: ['@theta/source'] } },
  test: { name: 'docs', include: ['plugins/**/*.test.mjs', 'test/**/*.test.ts'], testTimeout: 120_000 },
});
