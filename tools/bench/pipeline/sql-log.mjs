// What FerretDB asks PostgreSQL for while a phase runs: every statement logged with its duration for the length of
// the phase (BENCH_SQL=1), then grouped by shape, so a command's store round trips and any whole-table reads show.

import fs from 'node:fs';
import path from 'node:path';
import { pgQuery } from '../../stack/stack.mjs';
import { fmt } from '../lib.mjs';

/**
 * @typedef {{ shape: string, count: number, totalMs: number, maxMs: number }} SqlShape
 * @typedef {{ statements: number, totalMs: number, shapes: SqlShape[] }} SqlFigures
 */

/**
 * Statement text without what varies between calls: literals, parameters, FerretDB's hashed table names, so that
 * one query per command groups as one line.
 * @param {string} sql
 */
export function sqlShape(sql) {
  return sql
    .replace(/\s+/g, ' ')
    .replace(/'(?:[^']|'')*'/g, "'…'")
    .replace(/\b\d+\b/g, 'N')
    .replace(/_[0-9a-f]{8}\b/g, '_…')
    .trim()
    .slice(0, 220);
}

/**
 * The "duration: … ms execute …: <sql>" lines of PostgreSQL's log (log_min_duration_statement = 0); parse and bind
 * steps are counted with their statement's shape too, so the total is the time PostgreSQL spent on the phase.
 * @param {string} text
 * @returns {SqlFigures}
 */
export function parseSqlLog(text) {
  /** @type {Map<string, SqlShape>} */
  const shapes = new Map();
  let statements = 0;
  let totalMs = 0;
  const line = /duration: ([\d.]+) ms {2}(parse|bind|execute|statement)[^:]*: (.*)$/;
  for (const raw of text.split('\n')) {
    const m = line.exec(raw);
    if (!m) continue;
    const ms = Number(m[1]);
    const shape = `${m[2] === 'statement' ? 'simple' : m[2]} ${sqlShape(m[3])}`;
    const s = shapes.get(shape) ?? { shape, count: 0, totalMs: 0, maxMs: 0 };
    s.count++;
    s.totalMs += ms;
    s.maxMs = Math.max(s.maxMs, ms);
    shapes.set(shape, s);
    if (m[2] === 'execute' || m[2] === 'statement') statements++;
    totalMs += ms;
  }
  return {
    statements,
    totalMs: Math.round(totalMs),
    shapes: [...shapes.values()]
      .sort((a, b) => b.totalMs - a.totalMs)
      .map((s) => ({ ...s, totalMs: Math.round(s.totalMs * 10) / 10, maxMs: Math.round(s.maxMs * 10) / 10 })),
  };
}

/**
 * Logs every statement while fn runs. The stack's PostgreSQL writes its log to <stack>/pg/postgres.log.
 * @template T
 * @param {string} postgresUrl
 * @param {string} stackDir
 * @param {() => Promise<T>} fn
 * @returns {Promise<{ result: T, sql: SqlFigures }>}
 */
export async function withSqlLog(postgresUrl, stackDir, fn) {
  const file = path.join(fs.realpathSync(path.join(stackDir, 'pg')), 'postgres.log');
  const from = fs.statSync(file).size;
  await pgQuery(postgresUrl, ['ALTER SYSTEM SET log_min_duration_statement = 0', 'SELECT pg_reload_conf()']);
  let result;
  try {
    result = await fn();
  } finally {
    await pgQuery(postgresUrl, ['ALTER SYSTEM RESET log_min_duration_statement', 'SELECT pg_reload_conf()']);
  }
  const fd = fs.openSync(file, 'r');
  const size = fs.fstatSync(fd).size;
  const buffer = Buffer.alloc(size - from);
  fs.readSync(fd, buffer, 0, buffer.length, from);
  fs.closeSync(fd);
  return { result, sql: parseSqlLog(buffer.toString('utf8')) };
}

/**
 * @param {SqlFigures} sql
 * @param {number} commands the commands sent in the logged window
 */
export function sqlSummary(sql, commands, top = 14) {
  const per = (/** @type {number} */ n) => fmt(Math.round((n / Math.max(commands, 1)) * 100) / 100);
  return [
    `PostgreSQL statements while logged: ${fmt(sql.statements)} (${per(sql.statements)} per command), ${fmt(sql.totalMs, ' ms')} in PostgreSQL (${per(sql.totalMs)} ms per command)`,
    ...sql.shapes
      .slice(0, top)
      .map(
        (s) =>
          `  ${fmt(s.totalMs, ' ms')} ×${fmt(s.count)} (${per(s.count)}/command, max ${fmt(s.maxMs, ' ms')}): ${s.shape}`,
      ),
  ].join('\n');
}
