import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['@theta/source'] },
  ssr: { resolve: { conditions: ['@theta/source'] } },
  test: { name: 'cli', include: ['src/**/*.test.ts'], testTimeout: 120_000 },
});
