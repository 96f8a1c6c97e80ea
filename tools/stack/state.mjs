// <dir>/state.json: what a stack dir runs (pids, ports, URIs), so any process can find, reuse or stop it.

import fs from 'node:fs';
import path from 'node:path';
import { isAlive } from './processes.mjs';

/** @import { Ports } from './layout.mjs' */
/** @import { Handler } from './ferretdb.mjs' */
/** @typedef {'kafka' | 'postgres' | 'ferret'} Proc */
/**
 * @typedef {{
 *   dir: string, handler: Handler, durable: boolean, ports: Ports,
 *   pids: Record<Proc, number | null | undefined>,
 *   match: Partial<Record<Proc, string>>,
 *   mongoUri?: string | null, kafkaBrokers?: string | null, startedAt?: string, stoppedAt?: string,
 * }} StackState `match`: what each process's command line contains, so a recycled pid is never taken for ours
 */

/** @param {string} dir */
export const stateFile = (dir) => path.join(dir, 'state.json');

/** @param {string} dir @returns {StackState | null} */
export function readState(dir) {
  try {
    return JSON.parse(fs.readFileSync(stateFile(dir), 'utf8'));
  } catch {
    return null;
  }
}

/** @param {string} dir @param {StackState} state */
export function writeState(dir, state) {
  const tmp = `${stateFile(dir)}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, JSON.stringify(state, null, 2) + '\n');
  fs.renameSync(tmp, stateFile(dir));
}

/** held while a process starts or stops the stack of `dir` @param {string} dir */
export const lockDir = (dir) => path.join(dir, '.lock');

/** @param {StackState | null | undefined} state @param {Proc} name */
export const alive = (state, name) => isAlive(state?.pids?.[name], state?.match?.[name]);
