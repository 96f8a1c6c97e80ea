import vue from '@vitejs/plugin-vue';
import path from 'node:path';
import ElementPlus from 'unplugin-element-plus/vite';
import { defineConfig } from 'vite';
import { aliases } from './vitest.shared.mts';

const root = import.meta.dirname;

/**
 * A UI served by the gateway at `/<name>/`, built into `dist/web/<name>/`. `vite` (nx serve) proxies the API and the
 * runtime config to a gateway on GATEWAY_URL (default: the one `npm start` runs).
 */
export function webAppConfig(name: string, appDir: string) {
  const gateway = process.env.GATEWAY_URL ?? 'http://127.0.0.1:3000';
  return defineConfig({
    root: appDir,
    base: `/${name}/`,
    resolve: { alias: aliases },
    // a file importing Element Plus components gets their styles too, and nothing else of Element Plus
    plugins: [vue(), ElementPlus({})],
    build: {
      outDir: path.join(root, 'dist/web', name),
      emptyOutDir: true,
      reportCompressedSize: true,
    },
    server: { proxy: { '/api': gateway, '/config.json': gateway } },
  });
}
