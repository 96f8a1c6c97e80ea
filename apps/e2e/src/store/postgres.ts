import { attachStack, repoRoot, type TestStack } from '@psc/testing';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

interface PgTwinsModule {
  pgQuery(url: string, sql: string | string[]): Promise<string>;
}

const literal = (value: string) => `'${value.replaceAll("'", "''")}'`;
const identifier = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** A plan's nodes, depth first: what EXPLAIN (FORMAT JSON) says PostgreSQL would do. */
export interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}
export const planNodes = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(planNodes)];

/**
 * The PostgreSQL database under the suite's FerretDB, seen as FerretDB 1.24 lays it out: a MongoDB database is a
 * schema, a collection a table named in the schema's `_ferretdb_database_metadata`. Null when the suite runs on
 * external servers, whose PostgreSQL it does not know.
 */
export async function storePostgres(stack: TestStack) {
  const url = (await attachStack(stack))?.postgresUrl;
  if (!url) return null;
  const { pgQuery } = (await import(path.join(repoRoot, 'tools/stack/pg-twins.mjs'))) as PgTwinsModule;
  const query = (sql: string | string[]) => pgQuery(url, sql);

  /** `"schema"."table"` of a collection */
  const tableOf = async (db: string, collection: string) => {
    const table = await query(
      `SELECT _jsonb->>'table' FROM ${identifier(db)}._ferretdb_database_metadata WHERE _jsonb->>'_id' = ${literal(collection)}`,
    );
    if (!table) throw new Error(`no table for ${db}.${collection}`);
    return `${identifier(db)}.${identifier(table)}`;
  };

  /** CREATE INDEX statements of a collection's GIN indexes, sorted */
  const ginIndexes = async (db: string, collection: string) => {
    const rows = await query(
      `SELECT pg_get_indexdef(i.indexrelid) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
         JOIN pg_am am ON am.oid = c.relam
        WHERE i.indrelid = ${literal(await tableOf(db, collection))}::regclass AND am.amname = 'gin' ORDER BY 1`,
    );
    return rows ? rows.split('\n') : [];
  };

  return { query, tableOf, ginIndexes, literal };
}

/** One statement PostgreSQL ran, as its log shows it: the SQL and its parameters, quoted as SQL literals. */
export interface LoggedStatement {
  sql: string;
  params: string[];
}

/** The statement with its parameters written in, for EXPLAIN outside the session that prepared it. */
export const withParams = ({ sql, params }: LoggedStatement) =>
  sql.replace(/\$(\d+)/g, (_, n: string) => params[Number(n) - 1]);

/** The keys a FerretDB SELECT pushes down to PostgreSQL: `_jsonb->$1 @> $2` names the key in $1. */
export const pushedKeys = ({ sql, params }: LoggedStatement) =>
  [...sql.matchAll(/_jsonb(?:->|#>)\$(\d+)/g)].map((m) => params[Number(m[1]) - 1].slice(1, -1));

/**
 * Every statement PostgreSQL runs while `during` runs, read from the stack's log with logging turned on for the
 * while (ALTER SYSTEM, so FerretDB's pooled sessions log too) and back off afterwards, whatever happens.
 */
export async function statementsDuring(
  stack: TestStack,
  during: () => Promise<void>,
): Promise<LoggedStatement[] | null> {
  const pg = await storePostgres(stack);
  if (!pg || !stack.dir) return null;
  const logFile = path.join(stack.dir, 'pg', 'postgres.log');
  const from = (await stat(logFile)).size;
  const logging = (value: string) => pg.query([`ALTER SYSTEM ${value}`, 'SELECT pg_reload_conf()']);
  await logging('SET log_min_duration_statement = 0');
  try {
    await during();
  } finally {
    await logging('RESET log_min_duration_statement');
  }
  const lines = (await readFile(logFile)).subarray(from).toString('utf8').split('\n');
  return lines.flatMap((line, i) => {
    const sql = /LOG: {2}duration: [\d.]+ ms {2}(?:execute [^:]*|statement): (.*)$/.exec(line)?.[1];
    if (!sql) return [];
    const detail = /DETAIL: {2}parameters: (.*)$/.exec(lines[i + 1] ?? '')?.[1] ?? '';
    return [{ sql, params: [...detail.matchAll(/\$\d+ = ('(?:[^']|'')*')/g)].map((m) => m[1]) }];
  });
}
