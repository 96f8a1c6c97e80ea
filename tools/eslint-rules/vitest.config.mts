import { defineConfig } from 'vitest/config';

// RuleTester specs for the workspace lint rules; plain ESM, nothing to compile.
export default defineConfig({
  root: import.meta.dirname,
  test: { include: ['*.spec.mjs'], passWithNoTests: false },
});
