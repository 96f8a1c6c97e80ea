// `npm start`: installs what is missing, starts the local stack (unless MONGODB_URI and KAFKA_BROKERS name
// external servers), builds every app and starts the backend ones, waits until each is healthy and prints the URLs.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { ensureInstall } from './ensure-install.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;

ensureInstall();
const { startStack } = await import('../stack/stack.mjs');

const external = { mongo: Boolean(process.env.MONGODB_URI), kafka: Boolean(process.env.KAFKA_BROKERS) };
let stack = {};
if (!external.mongo || !external.kafka) {
  stack = await startStack({ kafka: !external.kafka, mongo: !external.mongo });
} else {
  console.log('[start] MONGODB_URI and KAFKA_BROKERS are set: using those servers, starting no local stack');
}
const env = {
  ...process.env,
  MONGODB_URI: process.env.MONGODB_URI ?? stack.mongoUri,
  KAFKA_BROKERS: process.env.KAFKA_BROKERS ?? stack.kafkaBrokers,
};

// the services and the UIs, from Nx's cache when nothing changed
await run('npx', ['nx', 'run-many', '-t', 'build', '--outputStyle=static']);
const require = createRequire(import.meta.url);
const lib = (name) => require(path.join(root, `dist/server/libs/${name}/src/index.js`));
Object.assign(env, await devSecrets());

const { SERVICE_NAMES, PROXIED_NAMES, serviceSpec, spawnApp, urlSetting, waitHealthy, withheldSecrets } =
  lib('service-registry');

// the registry's ports; the gateway learns where each service is from the <NAME>_URL variables
const gatewayPort = Number(process.env.GATEWAY_PORT ?? serviceSpec('gateway').port);
const portOf = (name) => (name === 'gateway' ? gatewayPort : serviceSpec(name).port);
for (const name of PROXIED_NAMES) env[urlSetting(name)] ??= `http://127.0.0.1:${portOf(name)}`;
// where the UIs are opened: the gateway's CORS origin, and where links texted to residents point
env.PUBLIC_ORIGIN ??= `http://127.0.0.1:${gatewayPort}`;

// each app starts without the secrets the registry keeps to others (signing and personal-data keys: identity)
const withheld = (name) => Object.fromEntries(withheldSecrets(name).map((secret) => [secret, undefined]));
const children = SERVICE_NAMES.map((name) => {
  const app = spawnApp(name, {
    dist: path.join(root, 'dist/server'),
    port: portOf(name),
    cwd: root,
    env: { ...env, ...withheld(name) },
    output: 'inherit',
  });
  app.process.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`[start] ${name} exited (${signal ?? code}); stopping the others`);
      void shutdown(1);
    }
  });
  return app;
});

let stopping = false;
const stopped = new AbortController();
async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  stopped.abort();
  await Promise.all(children.map((app) => app.stop()));
  console.log('[start] apps stopped; the local stack keeps running (npm run stack:down stops it)');
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

// no time limit: an app that exits stops the others, and Ctrl-C ends the wait
const healthy = await Promise.all(
  children.map((app) => waitHealthy(app, { timeoutMs: Infinity, signal: stopped.signal })),
).then(
  () => true,
  (error) => {
    if (!stopping) throw error;
    return false;
  },
);
if (healthy) printUrls();

function projectsTagged(...wanted) {
  return readdirSync(path.join(root, 'apps')).filter((name) => {
    try {
      const { tags = [] } = JSON.parse(readFileSync(path.join(root, 'apps', name, 'project.json'), 'utf8'));
      return wanted.every((tag) => tags.includes(tag));
    } catch {
      return false;
    }
  });
}

function printUrls() {
  const base = `http://127.0.0.1:${gatewayPort}`;
  // the gateway serves each built UI under /<name>/; list whichever front ends the workspace has
  const screens = projectsTagged('scope:frontend').map((name) => `  ${name.padEnd(20)} ${base}/${name}/`);
  console.log(`
[start] all ${children.length} apps healthy in ${elapsed()}
${screens.length ? screens.join('\n') : '  (no front-end apps in the workspace yet)'}
  API docs (OpenAPI)   ${base}/api/docs
  demo staff accounts  counter01 / centre01 / dept01 / city01, password ${env.SEED_PASSWORD} (kept in .stack/dev/dev-secrets.json)
  Ctrl-C stops the apps; npm run stack:down stops Kafka, PostgreSQL and FerretDB.
`);
}

/**
 * Secrets for local development: made once per machine under the git-ignored .stack/ and reused, so sessions and
 * encrypted data survive restarts; never committed. Values already in the environment win.
 */
async function devSecrets() {
  const file = path.join(root, '.stack/dev/dev-secrets.json');
  const saved = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  // each group is made once and kept: a key changed under existing data would make that data unreadable
  const groups = [
    [['AUTH_SIGNING_KEY'], async () => (await lib('auth').generateDevKeyPair()).settings],
    [['PII_KEYS'], async () => lib('pii').generateDevKeys()],
    [['SEED_PASSWORD'], async () => ({ SEED_PASSWORD: `Dev-${randomBytes(6).toString('hex')}-1` })],
    [['CASE_LOOKUP_KEY'], async () => ({ CASE_LOOKUP_KEY: `lk1:${lib('pii').generateKey()}` })],
    [
      ['VOLUNTEER_SIGNING_KEY', 'VOLUNTEER_PII_KEYS'],
      async () => ({
        VOLUNTEER_SIGNING_KEY: `vs1:${lib('pii').generateKey()}`,
        VOLUNTEER_PII_KEYS: `vp1:${lib('pii').generateKey()}`,
      }),
    ],
  ];
  let changed = false;
  for (const [names, make] of groups) {
    if (names.every((name) => saved[name])) continue;
    Object.assign(saved, await make());
    changed = true;
  }
  if (changed) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(saved), { mode: 0o600 });
  }
  const secrets = saved;
  return Object.fromEntries(Object.entries(secrets).filter(([name]) => !process.env[name]));
}

function run(command, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited ${code}`)),
    );
  });
}
