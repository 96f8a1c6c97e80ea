import { defineConfig } from 'vitest/config';

// Plain-ESM specs; the one over the apps' configuration schemas reads them from dist/server (npm test builds first).
export default defineConfig({
  root: import.meta.dirname,
  test: { include: ['**/*.spec.mjs'], passWithNoTests: false },
});
