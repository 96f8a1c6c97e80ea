// Local infrastructure for `npm start` and the tests: Kafka (KRaft, jars from Maven Central),
// PostgreSQL 15 (Debian) and FerretDB (our embedding, built from the Go module proxy).
// No Docker here, so everything runs as plain detached processes whose pids live in <dir>/state.json.
// Plain Node 20 ESM; kafkajs and mongodb are imported lazily and only sharpen the readiness checks.
// This file starts and stops them together; each part lives in its own module next to it.

import fs from 'node:fs';
import path from 'node:path';
import { ensureFerretBinary, startFerret } from './ferretdb.mjs';
import { ensureKafkaJars, launchKafka, waitKafkaReady } from './kafka.mjs';
import { DEV_DIR, DEV_PORTS } from './layout.mjs';
import { withLock } from './lock.mjs';
import { freePorts } from './ports.mjs';
import { postgresUrl } from './pg-twins.mjs';
import { startPostgres } from './postgres.mjs';
import { since, sleep, stopPid } from './processes.mjs';
import { alive, lockDir, readState, stateFile, writeState } from './state.mjs';

export { CACHE_DIR, DEV_DIR, DEV_PORTS, REPO_ROOT } from './layout.mjs';
export { freePort } from './ports.mjs';
export { ensureSystemPackages } from './prerequisites.mjs';
export { isAlive, StackError } from './processes.mjs';
export { pgQuery, REMOVE_TWINS_SQL } from './pg-twins.mjs';

/** @import { Ports } from './layout.mjs' */
/** @import { Handler } from './ferretdb.mjs' */
/** @import { Log } from './prerequisites.mjs' */
/** @import { Proc, StackState } from './state.mjs' */

/** @type {Proc[]} */
const PROCS = ['kafka', 'postgres', 'ferret'];

/** Liveness of each recorded process, for `cli.mjs status`. */
export function stackStatus(dir = DEV_DIR) {
  const state = readState(path.resolve(dir));
  if (!state) return null;
  return {
    ...state,
    alive: /** @type {Record<Proc, boolean>} */ (
      Object.fromEntries(Object.keys(state.pids ?? {}).map((k) => [k, alive(state, /** @type {Proc} */ (k))]))
    ),
  };
}

/**
 * The parts of a stack that died: recorded as running (a pid in state.json) and no longer alive. A part stopped on
 * purpose (`down`, stopKafka) has no pid recorded, so it is not among them. startStack() restarts them.
 * @param {string} [dir]
 * @returns {Proc[]}
 */
export function deadParts(dir = DEV_DIR) {
  const state = readState(path.resolve(dir));
  return PROCS.filter((name) => state?.pids?.[name] && !alive(state, name));
}

/** @param {StackState} state @param {Log} log */
async function stopKafkaProc(state, log) {
  const t0 = Date.now();
  const stopped = await stopPid(state.pids.kafka, state.match.kafka, { graceMs: 15_000 });
  state.pids.kafka = null;
  if (stopped) log(`[stack] kafka stopped ${since(t0)}`);
}

/** @param {string} dir @param {StackState | null} state @param {Log} log */
async function stopAll(dir, state, log) {
  const t0 = Date.now();
  if (!state?.pids) return;
  if (await stopPid(state.pids.ferret, state.match.ferret, { graceMs: 10_000 }))
    log(`[stack] ferretdb stopped ${since(t0)}`);
  state.pids.ferret = null;
  if (state.pids.kafka) await stopKafkaProc(state, log);
  // SIGINT is PostgreSQL's fast shutdown, what `pg_ctl stop -m fast` sends; no runuser needed.
  const t1 = Date.now();
  if (await stopPid(state.pids.postgres, state.match.postgres, { signal: 'SIGINT', graceMs: 30_000 }))
    log(`[stack] postgres stopped ${since(t1)}`);
  state.pids.postgres = null;
  if (fs.existsSync(dir)) writeState(dir, { ...state, stoppedAt: new Date().toISOString() });
}

/**
 * Stops whatever <dir>/state.json records as running.
 * @param {string} [dir]
 * @param {{ log?: Log }} [options]
 */
export async function stopStack(dir = DEV_DIR, { log = console.log } = {}) {
  dir = path.resolve(dir);
  if (!fs.existsSync(stateFile(dir))) return;
  await withLock(lockDir(dir), null, () => stopAll(dir, readState(dir), log));
}

/**
 * Starts (or finds running) Kafka and FerretDB for `dir`.
 * options: dir (default .stack/dev), ports {kafka, kafkaController, postgres, ferret} (default: the dev
 * ports for the dev dir, free ports otherwise, or what state.json recorded), handler 'postgresql'|'sqlite',
 * durable (default true; pass false for throwaway test stacks), kafka / mongo (false = don't start that part).
 * @param {{
 *   dir?: string, ports?: Partial<Ports>, handler?: Handler, durable?: boolean,
 *   kafka?: boolean, mongo?: boolean, log?: Log,
 * }} [options]
 */
export async function startStack({
  dir = DEV_DIR,
  ports = {},
  handler = 'postgresql',
  durable = true,
  kafka: wantKafka = true,
  mongo: wantMongo = true,
  log = console.log,
} = {}) {
  if (!['postgresql', 'sqlite'].includes(handler)) throw new Error(`[stack] unknown handler ${handler}`);
  dir = path.resolve(dir);
  fs.mkdirSync(dir, { recursive: true });
  const tStart = Date.now();

  const state = await withLock(
    lockDir(dir),
    () => log(`[stack] waiting for another process starting the stack in ${dir}…`),
    async () => {
      const prev = readState(dir);
      /** @type {StackState} */
      const state = {
        dir,
        handler,
        durable,
        ports: /** @type {Ports} */ ({}),
        pids: { kafka: null, postgres: null, ferret: null },
        match: {},
        ...prev,
      };
      for (const name of PROCS) if (!alive(state, name)) state.pids[name] = null;
      if (wantMongo && state.pids.ferret && state.handler !== handler) {
        await stopPid(state.pids.ferret, state.match.ferret);
        state.pids.ferret = null;
      }
      if (wantMongo) state.handler = handler;
      state.durable = durable;

      const isDev = dir === DEV_DIR;
      /** @type {[keyof Ports, Proc][]} */
      const owner = [
        ['kafka', 'kafka'],
        ['kafkaController', 'kafka'],
        ['postgres', 'postgres'],
        ['ferret', 'ferret'],
      ];
      const spare = await freePorts(4);
      for (const [i, [name, proc]] of owner.entries()) {
        // A process that is still running keeps the port it was started on.
        const recorded = state.ports?.[name];
        state.ports[name] =
          (state.pids[proc] && recorded) || (ports[name] ?? recorded ?? (isDev ? DEV_PORTS[name] : spare[i]));
      }
      const save = () => writeState(dir, state);

      const needKafka = wantKafka && !state.pids.kafka;
      const needPg = wantMongo && handler === 'postgresql' && !state.pids.postgres;
      const needFerret = wantMongo && !state.pids.ferret;
      if (!needKafka && !needPg && !needFerret) {
        log(`[stack] already running in ${dir}`);
        return state;
      }
      log(`[stack] starting in ${dir}`);

      /** @type {Proc[]} */
      const started = [];
      try {
        // allSettled, not all: cleaning up while the other branch is still starting would orphan it.
        const results = await Promise.allSettled([
          needKafka &&
            (async () => {
              await ensureKafkaJars(log);
              await startKafkaInto(dir, state, log, started);
            })(),
          (needPg || needFerret) &&
            (async () => {
              // Build (or check) the binary while PostgreSQL starts.
              const binary = needFerret ? ensureFerretBinary(log) : null;
              binary?.catch(() => {});
              if (needPg) {
                const t0 = Date.now();
                const pg = await startPostgres(dir, state.ports.postgres, durable, log);
                state.pids.postgres = pg.pid;
                state.match.postgres = pg.data;
                started.push('postgres');
                save();
                log(`[stack] postgres ready on 127.0.0.1:${state.ports.postgres} ${since(t0)}`);
              }
              if (needFerret) {
                await binary;
                const t0 = Date.now();
                const f = await startFerret(dir, state.ports, handler, log);
                state.pids.ferret = f.pid;
                state.match.ferret = f.match;
                started.push('ferret');
                save();
                log(`[stack] ferretdb ready on 127.0.0.1:${state.ports.ferret} (${handler}) ${since(t0)}`);
              }
            })(),
        ]);
        const failed = results.find((r) => r.status === 'rejected');
        if (failed) throw failed.reason;
      } catch (e) {
        // Leave nothing half-started behind; what was already running before this call stays up.
        const partial = {
          ...state,
          pids: /** @type {StackState['pids']} */ (
            Object.fromEntries(
              Object.entries(state.pids).map(([k, v]) => [
                k,
                started.includes(/** @type {Proc} */ (k)) ? v : null,
              ]),
            )
          ),
        };
        await stopAll(dir, partial, log).catch(() => {});
        for (const k of started) state.pids[k] = null;
        save();
        throw e;
      }
      state.mongoUri = state.pids.ferret ? `mongodb://127.0.0.1:${state.ports.ferret}/` : null;
      state.kafkaBrokers = state.pids.kafka ? `127.0.0.1:${state.ports.kafka}` : null;
      state.startedAt = new Date().toISOString();
      save();
      log(`[stack] up ${since(tStart)}`);
      return state;
    },
  );

  return {
    mongoUri: wantMongo ? `mongodb://127.0.0.1:${state.ports.ferret}/` : undefined,
    kafkaBrokers: wantKafka ? `127.0.0.1:${state.ports.kafka}` : undefined,
    postgresUrl: wantMongo && state.handler === 'postgresql' ? postgresUrl(state.ports.postgres) : undefined,
    state,
    /** Kills the broker (SIGTERM, SIGKILL after 15 s); data and port are kept for startKafka(). */
    stopKafka: () =>
      withLock(lockDir(dir), null, async () => {
        Object.assign(state, readState(dir) ?? {});
        await stopKafkaProc(state, log);
        writeState(dir, state);
      }),
    /** Starts the broker again on the same port and data, and waits until a consumer group can join. */
    startKafka: () =>
      withLock(lockDir(dir), null, async () => {
        Object.assign(state, readState(dir) ?? {});
        if (alive(state, 'kafka')) return;
        await startKafkaInto(dir, state, log, []);
        writeState(dir, state);
      }),
    /**
     * SIGKILLs one part, as a crash would: nothing is flushed, its pid stays recorded, so deadParts() names it and
     * revive() starts it again. Resolves once it is gone.
     * @param {Proc} part
     */
    kill: async (part) => {
      const recorded = readState(dir);
      const pid = recorded?.pids?.[part];
      if (!pid || !alive(recorded, part)) return;
      process.kill(pid, 'SIGKILL');
      while (alive(recorded, part)) await sleep(50);
      log(`[stack] ${part} killed`);
    },
    /** Starts again, on the same ports and data, whatever part died; resolves once each serves. */
    revive: async () => {
      await startStack({ dir, handler, durable, kafka: wantKafka, mongo: wantMongo, log });
    },
    stop: () => stopStack(dir, { log }),
  };
}

/**
 * Launches the broker, records its pid before waiting (so `down` finds it even if this process dies meanwhile),
 * then waits until it serves.
 * @param {string} dir
 * @param {StackState} state
 * @param {Log} log
 * @param {Proc[]} started
 */
async function startKafkaInto(dir, state, log, started) {
  const t0 = Date.now();
  const k = await launchKafka(dir, state.ports, log);
  state.pids.kafka = k.pid;
  state.match.kafka = k.match;
  started.push('kafka');
  writeState(dir, state);
  await waitKafkaReady(k, state.ports, log);
  log(`[stack] kafka ready on 127.0.0.1:${state.ports.kafka} ${since(t0)}`);
}
