import { readFileSync } from 'node:fs';
import path from 'node:path';
import vue from '@vitejs/plugin-vue';
import swc from 'unplugin-swc';
import { defineConfig, type UserConfig } from 'vitest/config';

const root = import.meta.dirname;
const { paths } = JSON.parse(readFileSync(path.join(root, 'tsconfig.base.json'), 'utf8')).compilerOptions as {
  paths: Record<string, string[]>;
};

/** tsconfig path aliases as Vite aliases; `@psc/x/*` subpaths become a regex. */
export const aliases = Object.entries(paths).map(([key, [target]]) =>
  key.endsWith('/*')
    ? {
        find: new RegExp(`^${key.slice(0, -2).replace('/', '\\/')}\\/(.+)$`),
        replacement: path.join(root, target.replace('*', '$1')),
      }
    : { find: new RegExp(`^${key.replace('/', '\\/')}$`), replacement: path.join(root, target) },
);

/** Unit tests of one project; SWC keeps Nest's decorator metadata, which esbuild drops. */
export function projectConfig(projectDir: string, overrides: UserConfig['test'] = {}) {
  return defineConfig({
    root: projectDir,
    resolve: { alias: aliases },
    plugins: [swc.vite({ module: { type: 'es6' } })],
    test: { include: ['src/**/*.spec.ts'], passWithNoTests: false, ...overrides },
  });
}

/** Unit and component tests of a Vue project (ui libs and apps), in a simulated DOM. */
export function webProjectConfig(projectDir: string, overrides: UserConfig['test'] = {}) {
  return defineConfig({
    root: projectDir,
    resolve: { alias: aliases },
    plugins: [vue()],
    test: { include: ['src/**/*.spec.ts'], environment: 'happy-dom', passWithNoTests: false, ...overrides },
  });
}
