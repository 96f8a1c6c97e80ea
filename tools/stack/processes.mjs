// Running commands, detached servers and their pids, and the error every failed step throws.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export class StackError extends Error {
  /**
   * @param {string} step
   * @param {string} message
   * @param {{ command?: string, logFiles?: string[] }} [details]
   */
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

/** @param {string} file @param {number} n */
export function tailLines(file, n) {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-n).join('\n');
  } catch {
    return '';
  }
}

/** @param {number} ms @returns {Promise<void>} */
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/** @param {number} t0 */
export const since = (t0) => `(${((Date.now() - t0) / 1000).toFixed(1)} s)`;
/** @param {string[]} args */
export const quote = (args) =>
  args.map((a) => (/^[\w@%+=:,./*-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');

/** @param {string} cmd */
export function which(cmd) {
  for (const d of (process.env.PATH || '').split(path.delimiter)) {
    const p = path.join(d, cmd);
    try {
      fs.accessSync(p, fs.constants.X_OK);
      return p;
    } catch {}
  }
  return null;
}

/**
 * Runs a command to completion; on failure the error carries the command and its output tail.
 * @param {string} step
 * @param {string} cmd
 * @param {string[]} args
 * @param {{ cwd?: string, env?: NodeJS.ProcessEnv, logFiles?: string[], timeoutMs?: number }} [options]
 * @returns {Promise<string>} what it printed on stdout
 */
export function run(step, cmd, args, { cwd, env, logFiles = [], timeoutMs = 15 * 60_000 } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = ''; // both streams, for the error message
    let stdout = '';
    /** @param {Buffer} d */
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
    /** @param {string} why */
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

/**
 * @param {string} cmd
 * @param {string[]} args
 * @param {{ logFile: string, cwd: string, env?: NodeJS.ProcessEnv }} options
 * @returns {number | undefined} the pid; undefined when the spawn failed, which the readiness check reports
 */
export function spawnDetached(cmd, args, { logFile, cwd, env }) {
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

/**
 * A pid counts only if it is running (not a zombie) and its command line still names what we started,
 * so a recycled pid is never mistaken for ours and never killed.
 * @param {number | null | undefined} pid
 * @param {string} [mustContain]
 */
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

/** @param {number} pid @param {string | undefined} mustContain @param {number} ms */
async function waitForExit(pid, mustContain, ms) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (!isAlive(pid, mustContain)) return true;
    await sleep(100);
  }
  return !isAlive(pid, mustContain);
}

/**
 * @param {number | null | undefined} pid
 * @param {string | undefined} mustContain
 * @param {{ signal?: NodeJS.Signals, graceMs?: number }} [options]
 * @returns {Promise<boolean>} false when it was not running
 */
export async function stopPid(pid, mustContain, { signal = 'SIGTERM', graceMs = 15_000 } = {}) {
  if (!pid || !isAlive(pid, mustContain)) return false;
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
