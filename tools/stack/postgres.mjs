// PostgreSQL, FerretDB's backend: the Debian package (installed when missing), one cluster per stack dir, run as
// the postgres user when we are root.

import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { installTwinsArgs } from './pg-twins.mjs';
import { portFree } from './ports.mjs';
import { aptInstall } from './prerequisites.mjs';
import { isAlive, run, since, StackError, stopPid, tailLines } from './processes.mjs';

/** @import { Log } from './prerequisites.mjs' */

function findPostgresBin() {
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root) ? fs.readdirSync(root).filter((v) => /^\d+$/.test(v)) : [];
  // 15 is what the project measured; any newer Debian major also works for FerretDB 1.24.
  versions.sort((a, b) => (a === '15' ? -1 : b === '15' ? 1 : Number(b) - Number(a)));
  for (const v of versions) {
    const bin = path.join(root, v, 'bin');
    if (fs.existsSync(path.join(bin, 'postgres'))) return bin;
  }
  return null;
}

/** @param {Log} log */
async function ensurePostgres(log) {
  let bin = findPostgresBin();
  if (bin) return bin;
  try {
    await aptInstall(['postgresql-15'], log);
  } catch {
    await aptInstall(['postgresql'], log);
  }
  bin = findPostgresBin();
  if (!bin)
    throw new StackError('postgres install', 'no /usr/lib/postgresql/*/bin/postgres after apt-get install');
  return bin;
}

const asRoot = () => process.getuid?.() === 0;
/**
 * PostgreSQL refuses to run as root, so as root every server-side command goes through the postgres user.
 * @param {string} cmd
 * @param {string[]} args
 * @returns {[string, string[]]}
 */
const asPg = (cmd, args) => (asRoot() ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args]);

async function pgIds() {
  const line = fs
    .readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('postgres:'));
  if (!line)
    throw new StackError('postgres setup', 'no postgres user (is the postgresql package installed?)');
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

/** @param {string} dirPath */
async function pgCanUse(dirPath) {
  if (!asRoot()) return true;
  try {
    await run('postgres access', 'runuser', [
      '-u',
      'postgres',
      '--',
      'test',
      '-w',
      dirPath,
      '-a',
      '-x',
      dirPath,
    ]);
    return true;
  } catch {
    return false;
  }
}

/**
 * <dir>/pg must belong to the postgres user. When a parent folder keeps that user out (a repo under
 * /root, say), the cluster goes to /var/lib/postgresql/psc-<hash> and <dir>/pg links to it.
 * @param {string} dir
 */
async function pgBaseDir(dir) {
  const link = path.join(dir, 'pg');
  if (fs.existsSync(link)) return fs.realpathSync(link);
  if (!asRoot()) {
    fs.mkdirSync(link, { recursive: true });
    return link;
  }
  const { uid, gid } = await pgIds();
  // mkdtemp makes 0700 folders: let the postgres user pass through the stack dir and, for throwaway
  // stacks nested in other temp folders, through those too (search only, not listing).
  const tmp = fs.realpathSync(os.tmpdir());
  for (let d = dir; d === dir || (d.startsWith(tmp + path.sep) && d !== tmp); d = path.dirname(d)) {
    const mode = fs.statSync(d).mode;
    if (!(mode & 0o001)) fs.chmodSync(d, mode | 0o011);
  }
  fs.mkdirSync(link);
  fs.chownSync(link, uid, gid);
  if (await pgCanUse(link)) return link;
  fs.rmdirSync(link);
  const alt = path.join(
    '/var/lib/postgresql',
    `psc-${crypto.createHash('sha1').update(dir).digest('hex').slice(0, 12)}`,
  );
  fs.mkdirSync(alt, { recursive: true });
  fs.chownSync(alt, uid, gid);
  fs.symlinkSync(alt, link);
  return alt;
}

/** The settings we own, in <data>/psc.conf (postgresql.conf includes it). @param {number} port @param {boolean} durable */
export function pgConf(port, durable) {
  const lines = [
    '# Written by tools/stack/postgres.mjs on every start; edit there.',
    `port = ${port}`,
    "listen_addresses = '127.0.0.1'",
    "unix_socket_directories = ''",
    'max_connections = 200',
    'shared_buffers = 128MB',
  ];
  // Only throwaway test clusters trade crash safety for speed, and only against a machine crash: with commits still
  // written to the OS (synchronous_commit, nearly free without fsync) a killed PostgreSQL keeps what it acknowledged,
  // as the fault tests need.
  if (!durable) lines.push('fsync = off', 'full_page_writes = off');
  return lines.join('\n') + '\n';
}

/**
 * Creates the cluster on first use, starts it and makes sure database `ferretdb` exists.
 * @param {string} dir
 * @param {number} port
 * @param {boolean} durable
 * @param {Log} log
 * @returns {Promise<{ pid: number, data: string }>} `data` is in its command line (to recognise the pid later)
 */
export async function startPostgres(dir, port, durable, log) {
  const bin = await ensurePostgres(log);
  const base = await pgBaseDir(dir);
  const data = path.join(base, 'data');
  const logFile = path.join(base, 'postgres.log');
  if (!fs.existsSync(path.join(data, 'PG_VERSION'))) {
    const t0 = Date.now();
    fs.rmSync(data, { recursive: true, force: true });
    const [cmd, args] = asPg(path.join(bin, 'initdb'), [
      '-D',
      data,
      '-A',
      'trust',
      '-U',
      'postgres',
      '--encoding=UTF8',
      '--locale=C',
      ...(durable ? [] : ['--no-sync']),
    ]);
    await run('postgres initdb', cmd, args, { cwd: base });
    fs.appendFileSync(path.join(data, 'postgresql.conf'), "\ninclude_if_exists = 'psc.conf'\n");
    log(`[stack] postgres cluster created in ${base} ${since(t0)}`);
  }
  const conf = path.join(data, 'psc.conf');
  fs.writeFileSync(conf, pgConf(port, durable));
  if (asRoot()) {
    const { uid, gid } = await pgIds();
    fs.chownSync(conf, uid, gid);
  }
  if (!(await portFree(port)))
    throw new StackError('postgres start', `port ${port} on 127.0.0.1 is already in use`);
  clearStaleLock(data);
  const [cmd, args] = asPg(path.join(bin, 'pg_ctl'), ['-D', data, '-l', logFile, '-w', '-t', '60', 'start']);
  await run('postgres start', cmd, args, { cwd: base, logFiles: [logFile] });
  const pid = Number(tailLines(path.join(data, 'postmaster.pid'), 100).split('\n')[0]);

  const psql = path.join(bin, 'psql');
  const psqlArgs = [
    '-h',
    '127.0.0.1',
    '-p',
    String(port),
    '-U',
    'postgres',
    '-d',
    'postgres',
    '-v',
    'ON_ERROR_STOP=1',
    '-tAc',
  ];
  try {
    const exists = await run(
      'postgres create database',
      psql,
      [...psqlArgs, "SELECT 1 FROM pg_database WHERE datname = 'ferretdb'"],
      { logFiles: [logFile] },
    );
    if (exists.trim() !== '1')
      await run('postgres create database', psql, [...psqlArgs, 'CREATE DATABASE ferretdb'], {
        logFiles: [logFile],
      });
    // GIN twins of FerretDB's indexes and the plan-cache setting, in force before FerretDB connects
    await run('postgres store twins', psql, installTwinsArgs(port), { logFiles: [logFile] });
  } catch (e) {
    await stopPid(pid, data, { signal: 'SIGINT' });
    throw e;
  }
  return { pid, data };
}

/**
 * A postmaster killed a moment ago can linger as a zombie until its new parent reaps it, and PostgreSQL takes a lock
 * file naming any pid that still exists for a running server ("lock file postmaster.pid already exists"). A pid that
 * is no running postgres (gone, a zombie, or recycled by another program) holds nothing, so its lock file goes.
 * @param {string} data
 */
function clearStaleLock(data) {
  const lock = path.join(data, 'postmaster.pid');
  if (!fs.existsSync(lock)) return;
  const pid = Number(fs.readFileSync(lock, 'utf8').split('\n')[0]);
  if (!isAlive(pid, 'postgres')) fs.rmSync(lock);
}
