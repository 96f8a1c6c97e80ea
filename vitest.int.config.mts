import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';
import { aliases } from './vitest.shared.mts';

/** Integration and system tests: real Kafka and store, built apps as processes, one file at a time. */
export default defineConfig({
  resolve: { alias: aliases },
  plugins: [swc.vite({ module: { type: 'es6' } })],
  test: {
    include: [
      'apps/*/test/**/*.int-spec.ts',
      'libs/*/test/**/*.int-spec.ts',
      'apps/e2e/src/**/*.int-spec.ts',
    ],
    globalSetup: ['libs/testing/src/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 240_000,
  },
});
