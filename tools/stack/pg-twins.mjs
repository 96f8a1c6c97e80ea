// GIN twins of FerretDB's indexes (pg-twins.sql) and the plan-cache setting FerretDB's point reads need; why
// and how: tools/stack/README.md, "Point reads that stay fast". Plain Node ESM, no dependencies: everything
// goes through psql, which the PostgreSQL part of the stack needs anyway.

import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const TWINS_SQL = path.join(path.dirname(fileURLToPath(import.meta.url)), 'pg-twins.sql');

/** The database FerretDB keeps its schemas in, on every stack. */
export const FERRET_DATABASE = 'ferretdb';

/** @param {number} port */
export const postgresUrl = (port) => `postgres://postgres@127.0.0.1:${port}/${FERRET_DATABASE}`;

/**
 * psql arguments that install (or refresh) the twin machinery, add the twins an existing data directory lacks
 * and set the plan-cache mode; one transaction, safe to repeat. Run before FerretDB connects.
 * @param {number} port
 */
export const installTwinsArgs = (port) => [
  postgresUrl(port),
  '-X',
  '-q',
  '-v',
  'ON_ERROR_STOP=1',
  '--single-transaction',
  '-f',
  TWINS_SQL,
];

/** Takes it all out again, as the stack was before the twins (the growth bench's `--no-twins`). */
export const REMOVE_TWINS_SQL = `
SET client_min_messages = warning;
DROP EVENT TRIGGER IF EXISTS psc_store_twins_create;
DROP EVENT TRIGGER IF EXISTS psc_store_twins_drop;
DO $do$ DECLARE twin regclass; BEGIN
  FOR twin IN SELECT c.oid FROM pg_class c WHERE c.relkind = 'i' AND c.relname LIKE '%\\_psc\\_gin' LOOP
    EXECUTE format('DROP INDEX %s', twin);
  END LOOP;
  EXECUTE format('ALTER DATABASE %I RESET plan_cache_mode', current_database());
END $do$;
DROP SCHEMA IF EXISTS psc_store CASCADE;
`;

/**
 * Runs SQL through psql against `url`, several statements in one session when given a list, and resolves to the
 * unaligned, tuples-only output of the last one.
 * @param {string} url
 * @param {string | string[]} sql
 * @param {{ psql?: string }} [options]
 * @returns {Promise<string>}
 */
export function pgQuery(url, sql, { psql = 'psql' } = {}) {
  const statements = [sql].flat();
  const last = statements[statements.length - 1];
  const commands = [...statements.slice(0, -1), '\\o', last].flatMap((c) => ['-c', c]);
  return new Promise((resolve, reject) => {
    execFile(
      psql,
      [url, '-X', '-q', '-tA', '-v', 'ON_ERROR_STOP=1', '-o', '/dev/null', ...commands],
      { maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`psql ${url}: ${stderr.trim() || error.message}`));
        else resolve(stdout.trim());
      },
    );
  });
}
