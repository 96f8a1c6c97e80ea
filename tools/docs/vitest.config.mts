import { defineConfig } from 'vitest/config';

// Plain-ESM specs of the document builders; nothing to compile.
export default defineConfig({
  root: import.meta.dirname,
  test: { include: ['**/*.spec.mjs'], passWithNoTests: false },
});
