import { defineConfig } from 'vitest/config';

// specs of the generators' edits; plain ESM, nothing to compile
export default defineConfig({
  root: import.meta.dirname,
  test: { include: ['**/*.spec.mjs'], passWithNoTests: false },
});
