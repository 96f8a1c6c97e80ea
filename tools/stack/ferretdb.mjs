// FerretDB: our embedding (ferretdb/, with the write gate), built with `go build` into the shared cache, in front of
// PostgreSQL or SQLite.

import fs from 'node:fs';
import path from 'node:path';
import { CACHE_DIR } from './layout.mjs';
import { withLock } from './lock.mjs';
import { portFree, portOpen } from './ports.mjs';
import {
  isAlive,
  quote,
  run,
  since,
  sleep,
  spawnDetached,
  StackError,
  stopPid,
  which,
} from './processes.mjs';

/** @import { Ports } from './layout.mjs' */
/** @import { Log } from './prerequisites.mjs' */
/** @typedef {'postgresql' | 'sqlite'} Handler */

const FERRET_SRC = path.join(import.meta.dirname, 'ferretdb');
const FERRET_BIN = path.join(CACHE_DIR, 'bin', 'psc-ferretdb');

function newestSourceMtime() {
  return Math.max(
    ...fs
      .readdirSync(FERRET_SRC)
      .filter((f) => f.endsWith('.go') || f === 'go.mod' || f === 'go.sum')
      .map((f) => fs.statSync(path.join(FERRET_SRC, f)).mtimeMs),
  );
}

/** @param {Log} log */
export async function ensureFerretBinary(log) {
  const fresh = () =>
    (fs.statSync(FERRET_BIN, { throwIfNoEntry: false })?.mtimeMs ?? 0) >= newestSourceMtime();
  if (fresh()) return FERRET_BIN;
  const go = which('go');
  if (!go) throw new StackError('ferretdb build', 'the Go toolchain (go ≥ 1.22) is not on PATH');
  fs.mkdirSync(path.dirname(FERRET_BIN), { recursive: true });
  await withLock(
    path.join(CACHE_DIR, '.lock-ferretdb'),
    () => log('[stack] waiting for another stack to build FerretDB…'),
    async () => {
      if (fresh()) return;
      const t0 = Date.now();
      log('[stack] building FerretDB (about a minute the first time)…');
      const tmp = `${FERRET_BIN}.tmp-${process.pid}`;
      // -buildvcs=false: the repo's git state says nothing about this binary and may be unreadable in CI.
      await run(
        'ferretdb build',
        go,
        ['build', '-buildvcs=false', '-trimpath', '-ldflags=-s -w', '-o', tmp, '.'],
        { cwd: FERRET_SRC },
      );
      fs.renameSync(tmp, FERRET_BIN);
      log(`[stack] ferretdb built ${since(t0)}`);
    },
  );
  return FERRET_BIN;
}

/**
 * Starts FerretDB detached and waits until it answers through its backend.
 * @param {string} dir
 * @param {Ports} ports
 * @param {Handler} handler
 * @param {Log} log
 * @returns {Promise<{ pid: number | undefined, match: string }>} `match` is in its command line
 */
export async function startFerret(dir, ports, handler, log) {
  const bin = await ensureFerretBinary(log);
  if (!(await portFree(ports.ferret)))
    throw new StackError('ferretdb start', `port ${ports.ferret} on 127.0.0.1 is already in use`);
  // At info/warn FerretDB logs every connection and dumps every error reply (even the driver's
  // unsupported endSessions on close), which buries real failures; raise it to debug a session.
  const level = process.env.PSC_FERRETDB_LOG_LEVEL || 'error';
  const args = ['-listen', `127.0.0.1:${ports.ferret}`, '-handler', handler, '-log-level', level];
  if (handler === 'postgresql')
    args.push('-postgresql-url', `postgres://postgres@127.0.0.1:${ports.postgres}/ferretdb`);
  else {
    fs.mkdirSync(path.join(dir, 'sqlite'), { recursive: true });
    args.push('-sqlite-url', `file:${path.join(dir, 'sqlite')}/`);
  }
  const logFile = path.join(dir, 'ferretdb.log');
  fs.appendFileSync(logFile, `\n--- start ${new Date().toISOString()}\n`);
  const pid = spawnDetached(bin, args, { logFile, cwd: dir });
  const command = quote([bin, ...args]);
  const match = `127.0.0.1:${ports.ferret}`;
  try {
    await waitFerretReady({ pid, command, match, logFile }, ports, log);
  } catch (e) {
    await stopPid(pid, match, { graceMs: 5_000 });
    throw e;
  }
  return { pid, match };
}

/**
 * @param {{ pid: number | undefined, command: string, match: string, logFile: string }} started
 * @param {Ports} ports
 * @param {Log} log
 */
async function waitFerretReady({ pid, command, match, logFile }, ports, log) {
  const step = 'ferretdb readiness';
  const uri = `mongodb://127.0.0.1:${ports.ferret}/`;
  /** @type {typeof import('mongodb').MongoClient | undefined} */
  let MongoClient;
  try {
    const mod = await import('mongodb');
    MongoClient = mod.MongoClient ?? mod.default?.MongoClient;
  } catch {
    log('[stack] mongodb driver not installed: ferretdb readiness checked by port only');
  }
  const deadline = Date.now() + 60_000;
  let lastError = 'port closed';
  for (;;) {
    if (!isAlive(pid, match))
      throw new StackError(step, 'ferretdb exited during start', { command, logFiles: [logFile] });
    if (await portOpen(ports.ferret)) {
      if (!MongoClient) return;
      const client = new MongoClient(uri, {
        directConnection: true,
        serverSelectionTimeoutMS: 2000,
        connectTimeoutMS: 2000,
      });
      try {
        // listDatabases reaches the backend, so this also proves FerretDB can talk to PostgreSQL.
        await client.db('admin').command({ listDatabases: 1, nameOnly: true });
        return;
      } catch (e) {
        lastError = /** @type {Error} */ (e).message;
      } finally {
        await client.close().catch(() => {});
      }
    }
    if (Date.now() > deadline)
      throw new StackError(step, `no answer on ${uri} within 60 s (${lastError})`, {
        command,
        logFiles: [logFile],
      });
    await sleep(250);
  }
}
