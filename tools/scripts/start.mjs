// `npm start`: installs what is missing, starts the local stack (unless MONGODB_URI and KAFKA_BROKERS name
// external servers), builds every app and starts the backend ones, waits until each is healthy and prints the URLs.
// Then it keeps them running: an app, Kafka, PostgreSQL or FerretDB that dies is started again with back-off and
// one line in the terminal (in production that is the orchestrator's job, see deploy/README.md).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { ensureInstall } from './ensure-install.mjs';

/** What start.mjs uses of the service registry's AppProcess (libs/service-registry/src/app-process.ts). */
/** @typedef {{ name: string, url: string, process: import('node:child_process').ChildProcess, hasExited(): boolean, stop(): Promise<unknown> }} AppProcess */
/** @typedef {Record<string, string | undefined>} Env */

const root = path.resolve(import.meta.dirname, '../..');
const started = performance.now();
/** @param {number} [since] */
const elapsed = (since = started) => `${((performance.now() - since) / 1000).toFixed(1)} s`;
// an app that refuses its settings (loadConfig) will refuse them again: no point restarting it
const EX_CONFIG = 78;
// a restart doubles the wait before the next, up to this; an app up this long counts as recovered
const MAX_BACKOFF_MS = 30_000;
const STABLE_MS = 60_000;
const STACK_CHECK_MS = 2000;

ensureInstall();
const { deadParts, DEV_DIR, ensureSystemPackages, startStack } = await import('../stack/stack.mjs');
// the volunteer service prints certificates in a font from Debian's packages
await ensureSystemPackages();

const external = { mongo: Boolean(process.env.MONGODB_URI), kafka: Boolean(process.env.KAFKA_BROKERS) };
const stackOptions = { kafka: !external.kafka, mongo: !external.mongo };
/** @type {{ mongoUri?: string, kafkaBrokers?: string }} */
let stack = {};
if (!external.mongo || !external.kafka) {
  stack = await startStack(stackOptions);
} else {
  console.log('[start] MONGODB_URI and KAFKA_BROKERS are set: using those servers, starting no local stack');
}
/** @type {Env} */
const env = {
  ...process.env,
  MONGODB_URI: process.env.MONGODB_URI ?? stack.mongoUri,
  KAFKA_BROKERS: process.env.KAFKA_BROKERS ?? stack.kafkaBrokers,
  // one readable line per log entry in this terminal; the apps log JSON wherever this is not set
  LOG_FORMAT: process.env.LOG_FORMAT ?? 'pretty',
};

// the services and the UIs, from Nx's cache when nothing changed
await run('npx', ['nx', 'run-many', '-t', 'build', '--outputStyle=static']);
const require = createRequire(import.meta.url);
/** @param {string} name @returns {any} the compiled library (no types: the tools are checked without a build) */
const lib = (name) => require(path.join(root, `dist/server/libs/${name}/src/index.js`));
Object.assign(env, await devSecrets());

const { SERVICE_NAMES, PROXIED_NAMES, serviceSpec, spawnApp, urlSetting, waitHealthy, withheldSecrets } =
  lib('service-registry');

// the registry's ports; the gateway learns where each service is from the <NAME>_URL variables
const gatewayPort = Number(process.env.GATEWAY_PORT ?? serviceSpec('gateway').port);
/** @param {string} name @returns {number} */
const portOf = (name) => (name === 'gateway' ? gatewayPort : serviceSpec(name).port);
for (const name of PROXIED_NAMES) env[urlSetting(name)] ??= `http://127.0.0.1:${portOf(name)}`;
// where the UIs are opened: the gateway's CORS origin, and where links texted to residents point
env.PUBLIC_ORIGIN ??= `http://127.0.0.1:${gatewayPort}`;

let stopping = false;
const stopped = new AbortController();

/**
 * One app kept running: started at once, and again after it dies, waiting 1 s, 2 s, 4 s … up to 30 s (back to 1 s
 * once it has stayed up a minute). `healthy` resolves the first time it answers /health.
 * @param {string} name
 */
function supervise(name) {
  // each app starts without the secrets the registry keeps to others (signing and personal-data keys: identity)
  const withheld = Object.fromEntries(withheldSecrets(name).map((/** @type {string} */ s) => [s, undefined]));
  /** @type {AppProcess} */
  let app;
  let restarts = 0;
  let healthySince = 0;
  /** @type {() => void} */
  let markHealthy = () => undefined;
  /** @type {Promise<void>} */
  const healthy = new Promise((resolve) => (markHealthy = resolve));

  /** @param {number | null} restartedAt */
  const launch = (restartedAt) => {
    app = spawnApp(name, {
      dist: path.join(root, 'dist/server'),
      port: portOf(name),
      cwd: root,
      env: { ...env, ...withheld },
      output: 'inherit',
    });
    app.process.on('exit', (code, signal) => {
      if (stopping) return;
      if (code === EX_CONFIG) {
        console.error(`[start] ${name} refused its settings (see above); stopping the others`);
        void shutdown(1);
        return;
      }
      if (healthySince && Date.now() - healthySince >= STABLE_MS) restarts = 0;
      healthySince = 0;
      const delay = Math.min(1000 * 2 ** restarts++, MAX_BACKOFF_MS);
      console.error(
        `[start] ${name} exited (${signal ?? `code ${code}`}); restarting it in ${delay / 1000} s`,
      );
      const at = performance.now();
      setTimeout(() => !stopping && launch(at), delay);
    });
    void watch(app, restartedAt);
  };

  /** @param {AppProcess} running @param {number | null} restartedAt */
  const watch = async (running, restartedAt) => {
    try {
      await waitHealthy(running, { timeoutMs: Infinity, signal: stopped.signal });
    } catch {
      return; // it exited first (the exit handler restarts it) or Ctrl-C
    }
    healthySince = Date.now();
    markHealthy();
    if (restartedAt !== null)
      console.log(`[start] ${name} is back, healthy ${elapsed(restartedAt)} after it died`);
  };

  launch(null);
  return { name, healthy, current: () => app };
}

/**
 * The local stack kept running: every 2 s, a part that died (Kafka, PostgreSQL, FerretDB) is started again on its
 * port and data, with back-off while it fails. A part stopped on purpose (`npm run stack:down`) is left stopped.
 */
async function superviseStack() {
  let failures = 0;
  while (!stopping) {
    await sleep(STACK_CHECK_MS);
    const dead = deadParts(DEV_DIR).filter((part) =>
      part === 'kafka' ? stackOptions.kafka : stackOptions.mongo,
    );
    if (dead.length === 0 || stopping) continue;
    const names = dead.join(' and ');
    if (failures === 0)
      console.error(`[start] ${names} died; starting it again (the apps answer 503 meanwhile)`);
    const at = performance.now();
    try {
      // quiet: its progress lines would bury the apps' logs; a failure carries the log tails it needs
      await startStack({ ...stackOptions, log: () => undefined });
      failures = 0;
      console.log(`[start] ${names} back after ${elapsed(at)}`);
    } catch (error) {
      const delay = Math.min(2000 * 2 ** failures++, MAX_BACKOFF_MS);
      const why = error instanceof Error ? error.message.split('\n')[0] : String(error);
      console.error(`[start] ${names} did not start (${why}); trying again in ${delay / 1000} s`);
      await sleep(delay);
    }
  }
}

const apps = /** @type {string[]} */ (SERVICE_NAMES).map(supervise);
if (stackOptions.kafka || stackOptions.mongo) void superviseStack();

/** @param {number} code */
async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  stopped.abort();
  await Promise.all(apps.map((app) => app.current().stop()));
  console.log('[start] apps stopped; the local stack keeps running (npm run stack:down stops it)');
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

// no time limit: an app that dies meanwhile is restarted, and Ctrl-C ends the wait
await Promise.race([Promise.all(apps.map((app) => app.healthy)), sleep(Infinity, stopped.signal)]);
if (!stopping) printUrls();

/** @param {string[]} wanted */
function projectsTagged(...wanted) {
  return readdirSync(path.join(root, 'apps')).filter((name) => {
    try {
      /** @type {{ tags?: string[] }} */
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
[start] all ${apps.length} apps healthy in ${elapsed()}
${screens.length ? screens.join('\n') : '  (no front-end apps in the workspace yet)'}
  API docs (OpenAPI)   ${base}/api/docs
  demo staff accounts  counter01 / centre01 / street01 / dept01 / city01 / org01 / expert01–03, password ${env.SEED_PASSWORD} (kept in .stack/dev/dev-secrets.json)
  An app or stack part that dies is started again here. Ctrl-C stops the apps; npm run stack:down stops Kafka,
  PostgreSQL and FerretDB.
`);
}

/**
 * Secrets for local development: made once per machine under the git-ignored .stack/ and reused, so sessions and
 * encrypted data survive restarts; never committed. Values already in the environment win.
 * @returns {Promise<Record<string, string>>}
 */
async function devSecrets() {
  const file = path.join(root, '.stack/dev/dev-secrets.json');
  /** @type {Record<string, string>} */
  const saved = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  // each group is made once and kept: a key changed under existing data would make that data unreadable
  /** @type {[string[], () => Promise<Record<string, string>>][]} */
  const groups = [
    [['AUTH_SIGNING_KEY'], async () => (await lib('auth').generateDevKeyPair()).settings],
    [['PII_KEYS'], async () => lib('pii').generateDevKeys()],
    [['SEED_PASSWORD'], async () => ({ SEED_PASSWORD: `Dev-${randomBytes(6).toString('hex')}-1` })],
    [['CASE_LOOKUP_KEY'], async () => ({ CASE_LOOKUP_KEY: `lk1:${lib('pii').generateKey()}` })],
    [
      ['SOCIALORG_PII_KEYS'],
      async () => {
        const { PII_KEYS, PII_ACTIVE_KEY_ID } = lib('pii').generateDevKeys(['so1']);
        return { SOCIALORG_PII_KEYS: PII_KEYS, SOCIALORG_PII_ACTIVE_KEY_ID: PII_ACTIVE_KEY_ID };
      },
    ],
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
  return Object.fromEntries(Object.entries(saved).filter(([name]) => !process.env[name]));
}

/** @param {string} command @param {string[]} args @returns {Promise<void>} */
function run(command, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited ${code}`)),
    );
  });
}

/** Resolves after `ms`; with `Infinity`, once `signal` aborts. @param {number} ms @param {AbortSignal} [signal] @returns {Promise<void>} */
function sleep(ms, signal) {
  return new Promise((resolve) => {
    if (ms === Infinity) signal?.addEventListener('abort', () => resolve(), { once: true });
    else setTimeout(resolve, ms);
  });
}
