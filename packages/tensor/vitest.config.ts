import { defineProject } from 'vitest/config';

// Node 20 keeps WebAssembly relaxed SIMD behind a flag (Node ≥ 22 has it on). With it, the
// WebAssembly kernels run their `relaxed` build by default and the conformance suites run the
// `simd` build beside it; the other packages' tests, run without it, train on the `simd` build.
const relaxedSimdFlag = Number(process.versions.node.split('.')[0]) < 22 ? ['--experimental-wasm-relaxed-simd'] : [];

export default defineProject({
  // Resolve sibling packages to their TypeScript sources: tests never need a build first.
  resolve: { conditions: ['@theta/source'] },
  ssr: { resolve: { conditions: ['@theta/source'] } },
  test: { name: 'tensor', include: ['src/**/*.test.ts'], testTimeout: 60_000, execArgv: relaxedSimdFlag },
});
