import { attachStack, repoRoot, type TestStack } from '@psc/testing';
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
