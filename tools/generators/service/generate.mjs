// `npm run new:service -- NAME`: stamps a backend service that starts, is healthy, is proxied by the gateway at
// /api/NAME/… and is tested — apps/NAME, its contracts slice, its registry entry (next free port) and its
// Deployment — and merges its slices into the contracts. Then run lint, typecheck and test on it.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import prettier from 'prettier';
import { addDeployment, addImport, addProperty, nextFreePort, registryPorts, render } from './edits.mjs';

const root = path.resolve(import.meta.dirname, '../../..');
const here = import.meta.dirname;
const name = process.argv[2];

if (!name || !/^[a-z][a-z0-9]{1,30}$/.test(name)) {
  console.error('usage: npm run new:service -- NAME   (lower-case letters and digits, e.g. socialorg)');
  process.exit(2);
}
if (existsSync(path.join(root, 'apps', name))) {
  console.error(`apps/${name} exists already`);
  process.exit(1);
}

/** @type {string[]} */
const written = [];
/** @param {string} file @param {string} text */
const write = async (file, text) => {
  const full = path.join(root, file);
  mkdirSync(path.dirname(full), { recursive: true });
  const options = { ...(await prettier.resolveConfig(full)), filepath: full };
  writeFileSync(full, await prettier.format(text, options));
  written.push(file);
};
/** @param {string} file */
const read = (file) => readFileSync(path.join(root, file), 'utf8');
/** @param {string} file @param {(text: string) => string} change */
const edit = (file, change) => write(file, change(read(file)));

// 1. the app and its contracts slice, from the templates
const files = path.join(here, 'files');
/** @param {string} dir @returns {string[]} */
const walk = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
  );
for (const template of walk(files)) {
  const target = path
    .relative(files, template)
    .replaceAll('__name__', name)
    .replace(/\.template$/, '');
  await write(target, render(readFileSync(template, 'utf8'), name));
}

// 2. the registry entry, on the lowest free port
const registry = 'libs/service-registry/src/services.ts';
const port = nextFreePort(registryPorts(read(registry)));
await edit(registry, (text) => addProperty(text, 'SERVICES', `${name}: { port: ${port} }`, registry));

// 3. one line per slice in the contracts' merges
const NAME = name.toUpperCase();
const merges = [
  ['libs/contracts/src/errors.ts', 'ERROR_CODE_SLICES', `${NAME}_ERROR_CODES`, 'errors'],
  ['libs/contracts/src/registry.ts', 'EVENT_SLICES', `${NAME}_EVENTS`, 'events'],
  ['libs/contracts/src/topics.ts', 'TOPIC_SLICES', `${NAME}_TOPICS`, 'events'],
];
for (const [file, slices, constant, module] of merges) {
  await edit(file, (text) =>
    addProperty(
      addImport(text, `import { ${constant} } from './${name}/${module}';`, file),
      slices,
      `${name}: ${constant}`,
      file,
    ),
  );
}

// 4. its Deployment and Service, and the gateway's setting for it
const deployment = render(readFileSync(path.join(here, 'deployment.yaml.template'), 'utf8'), name);
await edit('deploy/k8s/services.yaml', (text) => addDeployment(text, name, deployment));

// 5. the new workspace package in package-lock.json
execFileSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });

console.log(`
[new:service] ${name} on local port ${port}; wrote or changed:
${written.map((file) => `  ${file}`).join('\n')}
  package-lock.json

Next: npx nx run-many -t lint typecheck test -p ${name} service-registry contracts
      npx nx run-many -t build && npx vitest run --config vitest.int.config.mts apps/e2e/src/pipeline/services.int-spec.ts`);
