import { defaultClientConditions, defineConfig } from 'vite';

// The app bundles the Theta packages from their TypeScript sources (the `@theta/source` export
// condition), so neither `vite` nor `vite build` needs the packages built first.
const conditions = ['@theta/source', ...defaultClientConditions];

export default defineConfig({
  base: './',
  resolve: { conditions },
  worker: { format: 'es' },
  build: { target: 'es2022', outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
