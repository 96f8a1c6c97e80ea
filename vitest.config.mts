import { defineConfig } from 'vitest/config';

/** Every project's unit tests in one run (`npm test`); `nx test <project>` runs one of them. */
export default defineConfig({
  test: {
    projects: ['apps/*/vitest.config.mts', 'libs/*/vitest.config.mts', 'tools/*/vitest.config.mts'],
  },
});
