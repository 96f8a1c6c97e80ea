import { defineConfig } from 'vitest/config';

// Specs of the plain-ESM tools next to what they test; nothing to compile.
export default defineConfig({
  root: import.meta.dirname,
  test: { include: ['**/*.spec.mjs'], passWithNoTests: false },
});
