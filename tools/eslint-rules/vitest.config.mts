import { defineConfig } from 'vitest/config';

// RuleTester specs for the workspace lint rules; plain ESM, nothing to compile. eslint-config.spec loads the repo's
// whole ESLint config and a TypeScript program, which takes longer than vitest's 10 s default on a busy 2-core machine.
export default defineConfig({
  root: import.meta.dirname,
  test: { include: ['*.spec.mjs'], passWithNoTests: false, hookTimeout: 120_000, testTimeout: 60_000 },
});
