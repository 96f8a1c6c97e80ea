// Local infrastructure for `npm start` and the tests: Kafka (KRaft, jars from Maven Central),
// PostgreSQL 15 (Debian) and FerretDB (our embedding, built from the Go module proxy).
// No Docker here, so everything runs as plain detached processes whose pids live in <dir>/state.json.
// Plain Node 20 ESM; kafkajs and mongodb are imported lazily and only sharpen the readiness checks.

import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { installTwinsArgs, postgresUrl } from './pg-twins.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(HERE, '../..');
export const CACHE_DIR = path.join(REPO_ROOT, '.stack', 'cache');
export const DEV_DIR = path.join(REPO_ROOT, '.stack', 'dev');
export const DEV_PORTS = Object.freeze({
  kafka: 59092,
  kafkaController: 59093,
  postgres: 55432,
  ferret: 57017,
});

const KAFKA_POM = path.join(HERE, 'kafka', 'pom.xml');
const KAFKA_LOG4J = path.join(HERE, 'kafka', 'log4j.properties');
const FERRET_SRC = path.join(HERE, 'ferretdb');
const JARS_DIR = path.join(CACHE_DIR, 'kafka-jars');
const FERRET_BIN = path.join(CACHE_DIR, 'bin', 'psc-ferretdb');
const READY_TOPIC = '__psc_ready';

// ---------------------------------------------------------------------------------------------
// small helpers

export class StackError extends Error {
  constructor(step, message, { command, logFiles = [] } = {}) {
    const parts = [`[stack] ${step} failed: ${message}`];
    if (command) parts.push(`  command: ${command}`);
    for (const file of logFiles) {
      const lines = tailLines(file, 30);
      if (lines) parts.push(`  last lines of ${file}:\n${lines.replace(/^/gm, '    ')}`);
    }
    super(parts.join('\n'));
    this.step = step;
  }
}

function tailLines(file, n) {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-n).join('\n');
  } catch {
    return '';
  }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const since = (t0) => `(${((Date.now() - t0) / 1000).toFixed(1)} s)`;
const quote = (args) =>
  args.map((a) => (/^[\w@%+=:,./*-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');

function which(cmd) {
  for (const d of (process.env.PATH || '').split(path.delimiter)) {
    const p = path.join(d, cmd);
    try {
      fs.accessSync(p, fs.constants.X_OK);
      return p;
    } catch {}
  }
  return null;
}

// Runs a command to completion; on failure the error carries the command and its output tail.
function run(step, cmd, args, { cwd, env, logFiles = [], timeoutMs = 15 * 60_000 } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = ''; // both streams, for the error message
    let stdout = '';
    const keep = (d) => {
      out += d;
      if (out.length > 200_000) out = out.slice(-100_000);
    };
    child.stdout.on('data', (d) => {
      keep(d);
      if (stdout.length < 100_000) stdout += d;
    });
    child.stderr.on('data', keep);
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    const failWith = (why) => {
      const tail = out.trimEnd().split('\n').slice(-30).join('\n');
      const err = new StackError(step, why, { command: quote([cmd, ...args]), logFiles });
      if (tail) err.message += `\n  output:\n${tail.replace(/^/gm, '    ')}`;
      reject(err);
    };
    child.on('error', (e) => {
      clearTimeout(timer);
      failWith(e.message);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(stdout);
      else failWith(signal ? `killed by ${signal}` : `exit code ${code}`);
    });
  });
}

function spawnDetached(cmd, args, { logFile, cwd, env }) {
  const fd = fs.openSync(logFile, 'a');
  try {
    const child = spawn(cmd, args, {
      cwd,
      env: { ...process.env, ...env },
      detached: true,
      stdio: ['ignore', fd, fd],
    });
    child.on('error', () => {}); // surfaced by the readiness check, which tails the log
    child.unref();
    return child.pid;
  } finally {
    fs.closeSync(fd);
  }
}

// A pid counts only if it is running (not a zombie) and its command line still names what we started,
// so a recycled pid is never mistaken for ours and never killed.
export function isAlive(pid, mustContain) {
  if (!pid) return false;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    if (/\) [ZX] /.test(stat)) return false;
    const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
    return !mustContain || cmdline.includes(mustContain);
  } catch {
    return false;
  }
}

async function waitForExit(pid, mustContain, ms) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (!isAlive(pid, mustContain)) return true;
    await sleep(100);
  }
  return !isAlive(pid, mustContain);
}

async function stopPid(pid, mustContain, { signal = 'SIGTERM', graceMs = 15_000 } = {}) {
  if (!isAlive(pid, mustContain)) return false;
  try {
    process.kill(pid, signal);
  } catch {}
  if (await waitForExit(pid, mustContain, graceMs)) return true;
  try {
    process.kill(pid, 'SIGKILL');
  } catch {}
  await waitForExit(pid, mustContain, 5_000);
  return true;
}

function portOpen(port, host = '127.0.0.1') {
  return new Promise((resolve) => {
    const s = net.connect({ port, host });
    s.setTimeout(1000);
    s.once('connect', () => (s.destroy(), resolve(true)));
    s.once('timeout', () => (s.destroy(), resolve(false)));
    s.once('error', () => resolve(false));
  });
}

function portFree(port) {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.once('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });
}

// Several ports are held open together so one call never hands out the same port twice.
async function freePorts(n) {
  const servers = [];
  try {
    for (let i = 0; i < n; i++) {
      const s = net.createServer();
      await new Promise((res, rej) => (s.once('error', rej), s.listen(0, '127.0.0.1', res)));
      servers.push(s);
    }
    return servers.map((s) => s.address().port);
  } finally {
    await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  }
}

export async function freePort() {
  return (await freePorts(1))[0];
}

// Cross-process mutex (mkdir is atomic). The cache is shared by the dev stack and concurrent test
// stacks, so only one of them may fill it; a lock whose owner died is taken over.
async function withLock(lockDir, onWait, fn) {
  const owner = path.join(lockDir, 'owner');
  let told = false;
  for (;;) {
    try {
      fs.mkdirSync(lockDir, { recursive: false });
      fs.writeFileSync(owner, String(process.pid));
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      const pid = Number(tailLines(owner, 1)) || 0;
      if (pid && pid !== process.pid && !isAlive(pid)) {
        fs.rmSync(lockDir, { recursive: true, force: true });
        continue;
      }
      if (!pid) {
        // Just created by someone who has not written the owner yet, or left empty by a crash.
        const age = Date.now() - (fs.statSync(lockDir, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
        if (age > 10_000) fs.rmSync(lockDir, { recursive: true, force: true });
      }
      if (!told && onWait) onWait();
      told = true;
      await sleep(250);
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(lockDir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// machine prerequisites and the shared cache

async function aptInstall(packages, log) {
  if (process.getuid?.() !== 0) {
    throw new StackError('apt', `${packages.join(' ')} missing and not root: install it with apt-get`);
  }
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  await withLock(path.join(CACHE_DIR, '.lock-apt'), null, async () => {
    const t0 = Date.now();
    log(`[stack] installing ${packages.join(' ')} with apt-get…`);
    const env = { DEBIAN_FRONTEND: 'noninteractive' };
    await run('apt-get update', 'apt-get', ['update'], { env });
    await run('apt-get install', 'apt-get', ['install', '-y', '--no-install-recommends', ...packages], {
      env,
    });
    log(`[stack] installed ${packages.join(' ')} ${since(t0)}`);
  });
}

async function ensureCommand(cmd, aptPackage, log) {
  const found = which(cmd);
  if (found) return found;
  await aptInstall([aptPackage], log);
  return (
    which(cmd) ??
    Promise.reject(new StackError('prerequisites', `${cmd} still missing after installing ${aptPackage}`))
  );
}

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

async function ensureKafkaJars(log) {
  const stamp = crypto.createHash('sha256').update(fs.readFileSync(KAFKA_POM)).digest('hex');
  const stampFile = path.join(JARS_DIR, '.pom-sha256');
  const fresh = () => tailLines(stampFile, 1) === stamp;
  if (fresh()) return;
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  const mvn = await ensureCommand('mvn', 'maven', log);
  await withLock(
    path.join(CACHE_DIR, '.lock-kafka-jars'),
    () => log('[stack] waiting for another stack to fetch the Kafka jars…'),
    async () => {
      if (fresh()) return;
      const t0 = Date.now();
      log('[stack] fetching Kafka jars from Maven Central…');
      // Resolve into a scratch folder and swap it in, so a broken run never leaves half a classpath.
      const tmp = `${JARS_DIR}.tmp-${process.pid}`;
      fs.rmSync(tmp, { recursive: true, force: true });
      await run('kafka jars (maven)', mvn, [
        '-B',
        '-q',
        '-f',
        KAFKA_POM,
        'dependency:copy-dependencies',
        '-DincludeScope=runtime',
        `-DoutputDirectory=${tmp}`,
      ]);
      fs.writeFileSync(path.join(tmp, '.pom-sha256'), stamp);
      fs.rmSync(JARS_DIR, { recursive: true, force: true });
      fs.renameSync(tmp, JARS_DIR);
      log(
        `[stack] kafka jars ready: ${fs.readdirSync(JARS_DIR).filter((f) => f.endsWith('.jar')).length} jars ${since(t0)}`,
      );
    },
  );
}

function newestSourceMtime() {
  return Math.max(
    ...fs
      .readdirSync(FERRET_SRC)
      .filter((f) => f.endsWith('.go') || f === 'go.mod' || f === 'go.sum')
      .map((f) => fs.statSync(path.join(FERRET_SRC, f)).mtimeMs),
  );
}

async function ensureFerretBinary(log) {
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

// ---------------------------------------------------------------------------------------------
// Kafka

const kafkaPaths = (dir) => {
  const root = path.join(dir, 'kafka');
  return {
    root,
    config: path.join(root, 'server.properties'),
    data: path.join(root, 'data'),
    serverLog: path.join(root, 'server.log'),
    outLog: path.join(root, 'stdout.log'),
  };
};

function kafkaProperties(p, ports) {
  return `# Written by tools/stack/stack.mjs on every start; edit there.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:${ports.kafkaController}
listeners=PLAINTEXT://127.0.0.1:${ports.kafka},CONTROLLER://127.0.0.1:${ports.kafkaController}
advertised.listeners=PLAINTEXT://127.0.0.1:${ports.kafka}
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
log.dirs=${p.data}
num.partitions=3
default.replication.factor=1
min.insync.replicas=1
auto.create.topics.enable=true
# few internal partitions and no rebalance delay: the coordinator answers seconds after start
offsets.topic.replication.factor=1
offsets.topic.num.partitions=3
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=3
group.initial.rebalance.delay.ms=0
`;
}

// Kafka cluster ids are 16 random bytes in base64url; the CLI parser chokes on a leading '-'.
function kafkaClusterId() {
  for (;;) {
    const id = crypto.randomBytes(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}

function javaArgs(p, mainClass, args) {
  return [
    '-Xmx512m',
    '-Xms128m',
    '-XX:+ExitOnOutOfMemoryError',
    '-Djava.awt.headless=true',
    `-Dlog4j.configuration=file:${KAFKA_LOG4J}`,
    `-Dkafka.logs.dir=${p.root}`,
    '-cp',
    `${JARS_DIR}/*`,
    mainClass,
    ...args,
  ];
}

async function launchKafka(dir, ports, log) {
  const p = kafkaPaths(dir);
  const java = await ensureCommand('java', 'openjdk-17-jre-headless', log);
  fs.mkdirSync(p.data, { recursive: true });
  fs.writeFileSync(p.config, kafkaProperties(p, ports));
  if (!fs.existsSync(path.join(p.data, 'meta.properties'))) {
    const t0 = Date.now();
    await run(
      'kafka storage format',
      java,
      javaArgs(p, 'kafka.tools.StorageTool', [
        'format',
        '--ignore-formatted',
        '-t',
        kafkaClusterId(),
        '-c',
        p.config,
      ]),
      { logFiles: [p.serverLog] },
    );
    log(`[stack] kafka storage formatted ${since(t0)}`);
  }
  for (const port of [ports.kafka, ports.kafkaController]) {
    if (!(await portFree(port)))
      throw new StackError('kafka start', `port ${port} on 127.0.0.1 is already in use`);
  }
  const args = javaArgs(p, 'kafka.Kafka', [p.config]);
  fs.appendFileSync(p.outLog, `\n--- start ${new Date().toISOString()}\n`);
  const pid = spawnDetached(java, args, { logFile: p.outLog, cwd: p.root });
  return { pid, command: quote([java, ...args]), match: p.config, logFiles: [p.serverLog, p.outLog] };
}

async function waitKafkaReady({ pid, command, match, logFiles }, ports, log) {
  const step = 'kafka readiness';
  const deadline = Date.now() + 90_000;
  while (!(await portOpen(ports.kafka))) {
    if (!isAlive(pid, match))
      throw new StackError(step, 'the broker exited during start', { command, logFiles });
    if (Date.now() > deadline)
      throw new StackError(step, `port ${ports.kafka} did not open within 90 s`, { command, logFiles });
    await sleep(250);
  }
  let mod;
  try {
    mod = await import('kafkajs');
  } catch {
    log('[stack] kafkajs not installed: kafka readiness checked by port only');
    return;
  }
  const { Kafka, logLevel } = mod.default ?? mod;
  const kafka = new Kafka({
    clientId: 'psc-stack-ready',
    brokers: [`127.0.0.1:${ports.kafka}`],
    logLevel: logLevel.NOTHING,
    connectionTimeout: 3000,
    retry: { initialRetryTime: 300, maxRetryTime: 3000, retries: 30 },
  });
  const admin = kafka.admin();
  // A group join proves the group coordinator has loaded __consumer_offsets, which is the last
  // thing to come up and the first thing the services need.
  const consumer = kafka.consumer({
    groupId: `psc-ready-${crypto.randomUUID()}`,
    sessionTimeout: 10_000,
    heartbeatInterval: 1000,
  });
  let timer;
  const joined = new Promise((resolve) => consumer.on(consumer.events.GROUP_JOIN, resolve));
  const check = (async () => {
    await admin.connect();
    await admin.createTopics({
      topics: [{ topic: READY_TOPIC, numPartitions: 1, replicationFactor: 1 }],
      waitForLeaders: true,
    });
    await consumer.connect();
    await consumer.subscribe({ topics: [READY_TOPIC] });
    await consumer.run({ eachMessage: async () => {} });
    await joined;
  })();
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error('no consumer group join within 60 s')), 60_000);
  });
  let settled = false;
  const died = (async () => {
    while (!settled && isAlive(pid, match)) await sleep(500);
    if (!settled) throw new Error('the broker exited during start');
  })();
  try {
    await Promise.race([check, timeout, died]);
  } catch (e) {
    throw new StackError(step, e.message, { command, logFiles });
  } finally {
    settled = true;
    clearTimeout(timer);
    check.catch(() => {});
    died.catch(() => {});
    await Promise.allSettled([consumer.disconnect(), admin.disconnect()]);
  }
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL

const asRoot = () => process.getuid?.() === 0;
// PostgreSQL refuses to run as root, so as root every server-side command goes through the postgres user.
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

// <dir>/pg must belong to the postgres user. When a parent folder keeps that user out (a repo under
// /root, say), the cluster goes to /var/lib/postgresql/psc-<hash> and <dir>/pg links to it.
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

function pgConf(port, durable) {
  const lines = [
    '# Written by tools/stack/stack.mjs on every start; edit there.',
    `port = ${port}`,
    "listen_addresses = '127.0.0.1'",
    "unix_socket_directories = ''",
    'max_connections = 200',
    'shared_buffers = 128MB',
  ];
  // Only throwaway test clusters trade crash safety for speed.
  if (!durable) lines.push('fsync = off', 'synchronous_commit = off', 'full_page_writes = off');
  return lines.join('\n') + '\n';
}

async function startPostgres(dir, port, durable, log) {
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

// ---------------------------------------------------------------------------------------------
// FerretDB

async function startFerret(dir, ports, handler, log) {
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

async function waitFerretReady({ pid, command, match, logFile }, ports, log) {
  const step = 'ferretdb readiness';
  const uri = `mongodb://127.0.0.1:${ports.ferret}/`;
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
        lastError = e.message;
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

// ---------------------------------------------------------------------------------------------
// state and the public API

const stateFile = (dir) => path.join(dir, 'state.json');

function readState(dir) {
  try {
    return JSON.parse(fs.readFileSync(stateFile(dir), 'utf8'));
  } catch {
    return null;
  }
}

function writeState(dir, state) {
  const tmp = `${stateFile(dir)}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, JSON.stringify(state, null, 2) + '\n');
  fs.renameSync(tmp, stateFile(dir));
}

const lockDir = (dir) => path.join(dir, '.lock');
const alive = (state, name) => isAlive(state?.pids?.[name], state?.match?.[name]);

/** Liveness of each recorded process, for `cli.mjs status`. */
export function stackStatus(dir = DEV_DIR) {
  const state = readState(path.resolve(dir));
  if (!state) return null;
  return {
    ...state,
    alive: Object.fromEntries(Object.keys(state.pids ?? {}).map((k) => [k, alive(state, k)])),
  };
}

async function stopKafkaProc(state, log) {
  const t0 = Date.now();
  const stopped = await stopPid(state.pids.kafka, state.match.kafka, { graceMs: 15_000 });
  state.pids.kafka = null;
  if (stopped) log(`[stack] kafka stopped ${since(t0)}`);
}

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

/** Stops whatever <dir>/state.json records as running. */
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
      const state = {
        dir,
        handler,
        durable,
        ports: {},
        pids: { kafka: null, postgres: null, ferret: null },
        match: {},
        ...prev,
      };
      for (const name of ['kafka', 'postgres', 'ferret']) if (!alive(state, name)) state.pids[name] = null;
      if (wantMongo && state.pids.ferret && state.handler !== handler) {
        await stopPid(state.pids.ferret, state.match.ferret);
        state.pids.ferret = null;
      }
      if (wantMongo) state.handler = handler;
      state.durable = durable;

      const isDev = dir === DEV_DIR;
      const owner = { kafka: 'kafka', kafkaController: 'kafka', postgres: 'postgres', ferret: 'ferret' };
      const spare = await freePorts(4);
      for (const [i, [name, proc]] of Object.entries(owner).entries()) {
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
          pids: Object.fromEntries(
            Object.entries(state.pids).map(([k, v]) => [k, started.includes(k) ? v : null]),
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
    stop: () => stopStack(dir, { log }),
  };
}

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
