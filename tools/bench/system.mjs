// What the benches that run the system share: a session that tears down everything it started (on success, error
// and Ctrl-C), a throwaway stack (or the external one of MONGODB_URI + KAFKA_BROKERS), the build, and the backend
// apps from dist/server as child processes with a throwaway signing key. Plain Node ESM.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { freePort, REPO_ROOT, startStack, stopStack } from '../stack/stack.mjs';
import { fmt, now } from './lib.mjs';

export { REPO_ROOT };

// the registry's source has no imports of the workspace's own, so the benches are typed by it; the apps' other
// libraries need the path aliases tools do not have, so what the benches use of them is written out here
/** @import * as Registry from '../../libs/service-registry/src/index.js' */
/**
 * @typedef {{
 *   generateDevKeyPair(): Promise<{ privateJwk: object, settings: { AUTH_PUBLIC_KEYS: string } }>,
 *   TokenIssuer: { create(options: { jwk: object }): Promise<{ issue(principal: object, options: { ttlSeconds: number }): Promise<{ token: string }> }> },
 * }} AuthLib the part of @psc/auth the benches use
 * @typedef {{ generateKey(): string }} PiiLib the part of @psc/pii the benches use
 */
/** @typedef {Record<string, string>} Headers */
/** @typedef {Record<string, string | undefined>} Env */
/**
 * @typedef {{
 *   mongoUri: string, kafkaBrokers: string, external: boolean, startMs: number | null,
 *   pids: { kafka?: number | null, postgres?: number | null, ferretdb?: number | null },
 *   postgresUrl: string | null,
 * }} BenchStack the stack a bench runs on; postgresUrl is the throwaway stack's PostgreSQL, null on an external one
 * @typedef {{
 *   name: string, pid: number | undefined, process: Registry.AppProcess, logFile: string, url: string,
 *   unexpectedExit?: string, shutdownHung?: boolean, stop: () => Promise<void>,
 * }} App a backend app a bench started
 */

/** where the compiled apps are: dist/server, or BENCH_DIST to measure a variant without touching the tree */
export const DIST = process.env.BENCH_DIST
  ? path.resolve(process.env.BENCH_DIST)
  : path.join(REPO_ROOT, 'dist/server');
export const WEB_ROOT = path.join(REPO_ROOT, 'dist/web');
export const RESULTS_DIR = path.join(REPO_ROOT, 'tools/bench/results');
/** the kiosk's centre in the seed, the one a gateway's kiosks belong to by default */
export const KIOSK_CENTRE = 'sz/futian/xiangmihu/c-001';

/** @param {string} name @param {number} fallback */
export const num = (name, fallback) => {
  const v = process.env[name];
  return v === undefined || v === '' ? fallback : Number(v);
};

/** BENCH_SKIP_BUILD=1 skips a build whose output is there; a missing one is built anyway. @param {string} output */
export const skipBuild = (output) => process.env.BENCH_SKIP_BUILD === '1' && fs.existsSync(output);
/** BENCH_DIST names apps compiled elsewhere: nothing to build then */
export const skipServerBuild = () => Boolean(process.env.BENCH_DIST) || skipBuild(DIST);

export function machineLine() {
  const cpus = os.cpus();
  return `${cpus.length} cores (${cpus[0]?.model.trim() ?? 'unknown'}), ${Math.round(os.totalmem() / 2 ** 30)} GB, node ${process.version}, ${os.type()} ${os.release()}`;
}

/** @typedef {{ at: number, busyMs: number }} MachineCpu */

/** CPU time of the whole machine so far (/proc/stat, all cores): what other processes take shows beside ours. */
export function machineCpu() {
  const fields = fs
    .readFileSync('/proc/stat', 'utf8')
    .split('\n')[0]
    .trim()
    .split(/\s+/)
    .slice(1, 9)
    .map(Number);
  const idle = fields[3] + fields[4]; // idle + iowait
  const busyTicks = fields.reduce((a, b) => a + b, 0) - idle;
  return { at: performance.now(), busyMs: busyTicks * 10 }; // USER_HZ is 100 on every mainstream kernel build
}

/**
 * How busy the whole machine was between two machineCpu() readings, in percent of one core (200 % = 2 cores).
 * @param {MachineCpu} before
 * @param {MachineCpu} after
 */
export const machineBusyPercent = (before, after) =>
  Math.round(((after.busyMs - before.busyMs) / (after.at - before.at)) * 100);

// ---------------------------------------------------------------------------------------------
// a run: log lines, and teardown that runs once, in reverse order, on success, error, or a signal

export class Session {
  /** @type {{ name: string, fn: () => unknown, timeoutMs: number }[]} */
  cleanups = [];
  /** @type {Promise<void> | null} */
  cleaning = null;
  aborted = false;
  /** aborted on Ctrl-C, so a wait in progress (an app's health) ends at once */
  abortController = new AbortController();

  constructor(tag = 'bench') {
    this.tag = tag;
    this.t0 = performance.now();
  }

  /** @param {string} line */
  log = (line) => console.error(line);

  /** @param {string} line */
  step = (line) => this.log(`[${this.tag} +${((performance.now() - this.t0) / 1000).toFixed(1)} s] ${line}`);

  /**
   * Registers a teardown step; each gets at most timeoutMs, so one that hangs cannot keep the others from running.
   * @param {string} name
   * @param {() => unknown} fn
   * @param {number} [timeoutMs]
   */
  onTeardown = (name, fn, timeoutMs = 20_000) => {
    this.cleanups.push({ name, fn, timeoutMs });
  };

  /** @returns {Promise<void>} */
  cleanup = () =>
    (this.cleaning ??= (async () => {
      for (let next = this.cleanups.pop(); next; next = this.cleanups.pop()) {
        const { name, fn, timeoutMs } = next;
        /** @type {NodeJS.Timeout | undefined} */
        let timer;
        try {
          const outcome = await Promise.race([
            Promise.resolve()
              .then(fn)
              .then(() => 'done'),
            new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs, 'timeout'))),
          ]);
          if (outcome === 'timeout')
            this.log(`[${this.tag}] teardown: ${name} still not done after ${timeoutMs / 1000} s; going on`);
        } catch (error) {
          this.log(
            `[${this.tag}] teardown: ${name} failed: ${error instanceof Error ? error.message : error}`,
          );
        } finally {
          clearTimeout(timer);
        }
      }
    })());

  checkAbort = () => {
    if (this.aborted) throw new Error('aborted');
  };

  /** True while the run is measuring: an app that exits now does so unexpectedly. */
  get live() {
    return !this.cleaning && !this.aborted;
  }

  /** @param {NodeJS.Signals} signal */
  onSignal = (signal) => {
    if (this.aborted) {
      this.log(`[${this.tag}] ${signal} again: teardown is still running, please wait`);
      return;
    }
    this.aborted = true;
    this.abortController.abort(new Error('aborted'));
    this.log(`[${this.tag}] ${signal}: tearing down…`);
    void this.cleanup().finally(() => process.exit(130));
  };

  /**
   * Runs main(session) with signal handling; everything registered with onTeardown is undone afterwards.
   * @template T
   * @param {(session: Session) => Promise<T>} main
   * @returns {Promise<T>}
   */
  async run(main) {
    const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
    for (const s of signals) process.on(s, this.onSignal);
    try {
      return await main(this);
    } catch (error) {
      if (!this.aborted) this.log(`[${this.tag}] failed: ${error instanceof Error ? error.stack : error}`);
      throw error;
    } finally {
      this.step('tearing down…');
      await this.cleanup();
      for (const s of signals) process.off(s, this.onSignal);
    }
  }

  /** A temp dir removed at teardown (the stack's data and the app logs live there). */
  workDir() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'psc-bench-'));
    fs.chmodSync(dir, 0o755); // the postgres user must reach <dir>/stack/pg
    this.onTeardown('remove the work dir', () => removeWorkDir(dir));
    return dir;
  }
}

/**
 * Exits the process once main has run: keep-alive sockets and client timers would otherwise hold it open.
 * @param {Session} session
 * @param {(session: Session) => Promise<unknown>} main
 */
export function runMain(session, main) {
  session.run(main).then(
    () => process.exit(0),
    () => process.exit(session.aborted ? 130 : 1),
  );
}

/**
 * @template T
 * @param {Promise<T>} promise
 * @param {number} ms
 * @returns {Promise<{ ok: true, value: T } | { ok: false, error: string }>}
 */
export async function withTimeout(promise, ms) {
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  try {
    return await Promise.race([
      promise.then(
        (value) => ({ ok: true, value }),
        (error) => ({ ok: false, error: error.message }),
      ),
      new Promise(
        (resolve) => (timer = setTimeout(resolve, ms, { ok: false, error: `no answer within ${ms} ms` })),
      ),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

// ---------------------------------------------------------------------------------------------
// stack and build

/** @param {string} dir */
function removeWorkDir(dir) {
  // a cluster the postgres user could not keep inside <dir> lives under /var/lib/postgresql and <dir>/pg links to it
  const pg = path.join(dir, 'stack', 'pg');
  try {
    const real = fs.realpathSync(pg);
    if (!real.startsWith(dir + path.sep) && /\/psc-[0-9a-f]{12}$/.test(real))
      fs.rmSync(real, { recursive: true, force: true });
  } catch {}
  fs.rmSync(dir, { recursive: true, force: true });
}

/**
 * The external stack of MONGODB_URI + KAFKA_BROKERS, or a throwaway one in <workDir>/stack, stopped at teardown.
 * @param {Session} session
 * @param {string} workDir
 * @param {{ durable?: boolean }} [options]
 * @returns {Promise<BenchStack>}
 */
export async function bringUpStack(session, workDir, { durable = false } = {}) {
  if (process.env.MONGODB_URI && process.env.KAFKA_BROKERS) {
    session.step('MONGODB_URI and KAFKA_BROKERS are set: using that stack, starting none');
    return {
      mongoUri: process.env.MONGODB_URI,
      kafkaBrokers: process.env.KAFKA_BROKERS,
      external: true,
      pids: {},
      startMs: null,
      postgresUrl: null,
    };
  }
  const dir = path.join(workDir, 'stack');
  fs.mkdirSync(dir);
  session.step(
    `throwaway stack in ${dir} (if this process is killed hard: node tools/stack/cli.mjs down --dir ${dir})`,
  );
  session.onTeardown('stop the stack', () => stopStack(dir, { log: session.log }), 90_000);
  const t0 = now();
  const stack = await startStack({ dir, durable, log: session.log });
  const startMs = now() - t0;
  const { pids } = stack.state;
  // both parts were started, so both addresses are there
  return {
    mongoUri: /** @type {string} */ (stack.mongoUri),
    kafkaBrokers: /** @type {string} */ (stack.kafkaBrokers),
    external: false,
    startMs,
    pids: { kafka: pids.kafka, postgres: pids.postgres, ferretdb: pids.ferret },
    postgresUrl: stack.postgresUrl ?? null,
  };
}

/**
 * Runs a build command from the repo root; resolves its duration in ms, rejects with its output's tail.
 * @param {Session} session
 * @param {string} cmd
 * @param {string[]} args
 * @returns {Promise<number>}
 */
export function runBuild(session, cmd, args) {
  return new Promise((resolve, reject) => {
    const t0 = now();
    const child = spawn(cmd, args, {
      cwd: REPO_ROOT,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' }, // its output may end up in an error message
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) {
        session.step(`${[cmd, ...args].join(' ')}: done in ${fmt((now() - t0) / 1000, ' s')}`);
        resolve(now() - t0);
      } else reject(new Error(`${[cmd, ...args].join(' ')} exited with ${code}:\n${out.slice(-3000)}`));
    });
  });
}

/** @param {Session} session */
export const buildServer = (session) =>
  runBuild(session, process.execPath, ['tools/scripts/build-server.mjs']);

// ---------------------------------------------------------------------------------------------
// apps

/** The service registry and the app runner, from the compiled tree the apps come from. @returns {typeof Registry} */
export const registry = () =>
  createRequire(import.meta.url)(path.join(DIST, 'libs/service-registry/src/index.js'));

/**
 * One built backend app as a child process on `port`, logging to <logDir>/<name>.log; `nodeArgs` e.g. ['--cpu-prof'].
 * @param {Session} session
 * @param {Registry.ServiceName} name
 * @param {{ port: number, env: Env, logDir: string, nodeArgs?: string[] }} options
 * @returns {App}
 */
export function startApp(session, name, { port, env, logDir, nodeArgs = [] }) {
  const logFile = path.join(logDir, `${name}.log`);
  const running = registry().spawnApp(name, {
    dist: DIST,
    port,
    // not the repo root: a developer's .env there must not change what is measured
    cwd: logDir,
    // NODE_PATH: a BENCH_DIST outside the repo still finds the repo's node_modules
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_PATH: path.join(REPO_ROOT, 'node_modules'),
      LOG_LEVEL: 'warn',
      ...env,
    },
    nodeArgs,
    output: { file: logFile },
  });
  let stopping = false;
  /** @type {App} */
  const app = {
    name,
    pid: running.process.pid,
    process: running,
    logFile,
    url: running.url,
    stop: async () => {
      stopping = true;
      if ((await running.stop({ killAfterMs: 8_000 })) === 'killed') {
        session.log(`[${session.tag}] ${name} did not exit within 8 s of SIGTERM: killed`);
        app.shutdownHung = true;
      }
    },
  };
  running.process.on('exit', (code, signal) => {
    // a bench may stop an app of its own mid-run (the insight bench's reader): that exit is expected
    if (session.live && !stopping) {
      app.unexpectedExit = `${name} exited (${signal ?? `code ${code}`}) during the run${signal === 'SIGTERM' ? ': not by this bench — something else on the machine signalled it' : ''}`;
      session.log(`[${session.tag}] ${app.unexpectedExit}; log: ${logFile}`);
    }
  });
  return app;
}

/**
 * Resolves when the app's /health answers 200, at that moment (now()).
 * @param {Session} session
 * @param {App} app
 * @returns {Promise<number>}
 */
export async function waitHealthy(session, app, timeoutMs = 180_000) {
  await registry().waitHealthy(app.process, { timeoutMs, signal: session.abortController.signal });
  return now();
}

/** A throwaway signing key: the apps get its public half, the bench signs a city administrator's token. */
async function throwawayAuth() {
  /** @type {AuthLib} */
  const { generateDevKeyPair, TokenIssuer } = createRequire(import.meta.url)(
    path.join(DIST, 'libs/auth/src/index.js'),
  );
  const keys = await generateDevKeyPair();
  const issuer = await TokenIssuer.create({ jwk: keys.privateJwk });
  /** @param {string} role @param {string} scope @returns {Promise<Headers>} */
  const headersFor = async (role, scope) => {
    const { token } = await issuer.issue(
      { sub: `bench-${role}`, kind: 'staff', roles: [{ role, scope }], sessionId: 'bench' },
      { ttlSeconds: 3600 },
    );
    return { authorization: `Bearer ${token}` };
  };
  return {
    env: { AUTH_PUBLIC_KEYS: keys.settings.AUTH_PUBLIC_KEYS },
    adminHeaders: await headersFor('city_admin', 'sz'),
    headersFor,
  };
}

/**
 * Catalogue, insight (and affairs, when asked) and the gateway in front of them, on free ports, each until /health answers 200; stopped at
 * teardown. `env` adds settings per app ({catalogue: {...}, gateway: {...}}). `isolate` (for an external stack)
 * gives the apps their own Kafka namespace and databases, so the catalogue seeds an empty store; databases and topics
 * are removed at teardown. The gateway's route to every other registered service (identity …) leads to a closed port. The gateway's
 * per-client rate limit is raised out of the way.
 * @param {Session} session
 * @param {{
 *   stack: BenchStack, logDir: string, env?: Record<string, Env>, isolate?: boolean,
 *   nodeArgs?: Record<string, string[]>, affairs?: boolean,
 * }} options
 */
export async function startServices(
  session,
  { stack, logDir, env = {}, isolate = false, nodeArgs = {}, affairs = false },
) {
  const { PROXIED_NAMES, SERVICE_NAMES, secretsOf, urlSetting } = registry();
  /** @type {Registry.ServiceName[]} */
  const names = ['catalogue', 'insight', ...(affairs ? /** @type {const} */ (['affairs']) : []), 'gateway'];
  // every registered service gets a port: the gateway's route to one that is not started leads nowhere
  /** @type {Record<string, number>} */
  const ports = {};
  for (const name of SERVICE_NAMES) ports[name] = await freePort();
  const auth = await throwawayAuth();
  const namespace = isolate ? `bench-${Date.now().toString(36)}` : null;
  /** @param {Registry.ServiceName} name */
  const common = (name) => ({
    MONGODB_URI: stack.mongoUri,
    KAFKA_BROKERS: stack.kafkaBrokers,
    ...auth.env,
    ...(namespace && { KAFKA_NAMESPACE: namespace, MONGODB_DB: `${namespace.replace('-', '_')}_${name}` }),
  });
  if (namespace) {
    session.onTeardown('drop the bench databases and topics', async () => {
      const { MongoClient } = await import('mongodb');
      const client = new MongoClient(stack.mongoUri, { serverSelectionTimeoutMS: 5000 });
      try {
        for (const name of names) await client.db(common(name).MONGODB_DB).dropDatabase();
      } finally {
        await client.close();
      }
      const { Kafka, logLevel } = (await import('kafkajs')).default;
      const admin = new Kafka({ brokers: stack.kafkaBrokers.split(','), logLevel: logLevel.NOTHING }).admin();
      await admin.connect();
      try {
        const topics = (await admin.listTopics()).filter((t) => t.startsWith(`${namespace}.`));
        if (topics.length) await admin.deleteTopics({ topics });
      } finally {
        await admin.disconnect();
      }
    });
  }
  /** @type {PiiLib} */
  const { generateKey } = createRequire(import.meta.url)(path.join(DIST, 'libs/pii/src/index.js'));
  // the secrets of the apps a bench starts; identity, which holds the others, is not among them
  /** @type {Partial<Record<Registry.Secret, string>>} */
  const secrets = { CASE_LOOKUP_KEY: `lk1:${generateKey()}` };
  /** @param {Registry.ServiceName} name */
  const held = (name) => Object.fromEntries(secretsOf(name).map((secret) => [secret, secrets[secret]]));
  const gateway = {
    ...Object.fromEntries(PROXIED_NAMES.map((name) => [urlSetting(name), `http://127.0.0.1:${ports[name]}`])),
    WEB_ROOT,
    // a bench is one client address: the per-client limit (300/min by default) would answer 429 to its load
    RATE_LIMIT_PER_MINUTE: String(1e9),
  };
  const tApps = now();
  const apps = names.map((name) =>
    startApp(session, name, {
      port: ports[name],
      env: { ...common(name), ...(name === 'gateway' ? gateway : held(name)), ...env[name] },
      logDir,
      nodeArgs: nodeArgs[name],
    }),
  );
  session.onTeardown('stop the apps', () => Promise.all(apps.map((a) => a.stop())), 15_000);
  const healthyAt = Math.max(...(await Promise.all(apps.map((a) => waitHealthy(session, a)))));
  session.step(
    `apps healthy in ${fmt((healthyAt - tApps) / 1000)} s: ${apps.map((a) => `${a.name} ${a.url} pid ${a.pid}`).join(', ')}`,
  );
  return {
    apps,
    app: Object.fromEntries(apps.map((a) => [a.name, a])),
    adminHeaders: auth.adminHeaders,
    headersFor: auth.headersFor,
    tApps,
    healthyAt,
  };
}

/**
 * Stack (∥ the given builds), then catalogue with its 108-item seed, insight (and affairs, when asked) and the gateway. `env` and `nodeArgs` add
 * per-app settings.
 * @param {Session} session
 * @param {{
 *   builds?: (() => Promise<unknown>)[], env?: Record<string, Env>, nodeArgs?: Record<string, string[]>,
 *   affairs?: boolean,
 * }} [options]
 */
export async function startSystem(session, { builds = [], env = {}, nodeArgs = {}, affairs = false } = {}) {
  const workDir = session.workDir();
  const logDir = path.join(workDir, 'logs');
  fs.mkdirSync(logDir);
  // all settled before going on or failing: teardown must not race a stack that is still starting
  const settled = await Promise.allSettled([
    bringUpStack(session, workDir),
    ...builds.map((build) => build()),
  ]);
  const failed = settled.find((r) => r.status === 'rejected');
  if (failed) throw failed.reason;
  const stack = /** @type {PromiseFulfilledResult<BenchStack>} */ (settled[0]).value;
  const services = await startServices(session, {
    stack,
    logDir,
    isolate: stack.external,
    affairs,
    env: {
      ...env,
      catalogue: { SEED_CATALOGUE: 'true', ...env.catalogue },
    },
    nodeArgs,
  });
  const cpuRoots = Object.fromEntries([
    ...services.apps.map((a) => [a.name, a.pid]),
    ...Object.entries(stack.pids),
  ]);
  return { stack, logDir, cpuRoots, ...services };
}
