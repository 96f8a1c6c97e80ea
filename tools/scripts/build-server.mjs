// Compiles every backend app and the libraries they use to CommonJS under dist/server with SWC: it keeps Nest's
// decorator metadata (esbuild drops it) and rewrites the @psc/* path aliases to relative requires.
import { transformFile } from '@swc/core';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const out = path.join(root, 'dist/server');
const { compilerOptions } = JSON.parse(await readFile(path.join(root, 'tsconfig.base.json'), 'utf8'));

/** @param {string} dir */
const isBackendProject = async (dir) => {
  try {
    const { tags = [] } = JSON.parse(await readFile(path.join(dir, 'project.json'), 'utf8'));
    return !tags.includes('scope:frontend') && !tags.includes('type:e2e');
  } catch {
    return false;
  }
};

/** @param {string} dir @returns {AsyncGenerator<string>} */
async function* sources(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* sources(full);
    else if (
      /\.ts$/.test(entry.name) &&
      !/\.(spec|int-spec)\.ts$/.test(entry.name) &&
      !entry.name.endsWith('.d.ts')
    )
      yield full;
  }
}

const projects = [];
for (const group of ['apps', 'libs']) {
  for (const name of await readdir(path.join(root, group))) {
    const dir = path.join(root, group, name);
    if (await isBackendProject(dir)) projects.push(path.join(dir, 'src'));
  }
}

await rm(out, { recursive: true, force: true });
let count = 0;
const started = performance.now();
await Promise.all(
  projects.map(async (srcDir) => {
    for await (const file of sources(srcDir)) {
      const target = path.join(out, path.relative(root, file)).replace(/\.ts$/, '.js');
      const { code, map } = await transformFile(file, {
        sourceMaps: true,
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
          target: 'es2022',
          baseUrl: root,
          paths: compilerOptions.paths,
        },
        module: { type: 'commonjs' },
      });
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, `${code}\n//# sourceMappingURL=${path.basename(target)}.map`);
      await writeFile(`${target}.map`, /** @type {string} */ (map)); // sourceMaps: true always gives one
      count++;
    }
  }),
);
console.log(`[build-server] ${count} files → dist/server in ${Math.round(performance.now() - started)} ms`);
