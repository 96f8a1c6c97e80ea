// Growth before measuring: the collections a bench's commands read and write, filled to a store in use (a year's
// worth) with copies of a document the services themselves wrote, so the copies have the real shape and keys.

import { randomUUID } from 'node:crypto';
import { BSON } from 'mongodb';
import { pgQuery } from '../../stack/stack.mjs';
import { fmt, now, request, sleep } from '../lib.mjs';
import { INSIGHT_GROUP, RUN, THEMES } from './settings.mjs';

/** @import { Collection, Document, MongoClient } from 'mongodb' */
/** @import { Session } from '../system.mjs' */

const BATCH = 1000;
const DAY_MS = 86_400_000;

/**
 * Inserts `count` variants of `template` (`vary(copy, i)` changes what must differ), in batches of a thousand.
 * @param {Session} session
 * @param {Collection<any>} collection
 * @param {Document} template
 * @param {number} count
 * @param {(copy: Document, i: number) => Document} vary
 */
export async function grow(session, collection, template, count, vary) {
  const t0 = now();
  const ejson = BSON.EJSON.stringify(template, { relaxed: false });
  for (let start = 0; start < count; start += BATCH) {
    session.checkAbort();
    const batch = Array.from({ length: Math.min(BATCH, count - start) }, (_, k) =>
      vary(BSON.EJSON.parse(ejson, { relaxed: false }), start + k),
    );
    await collection.insertMany(batch, { ordered: false });
  }
  session.step(
    `  ${collection.dbName}.${collection.collectionName}: +${fmt(count)} documents in ${fmt((now() - t0) / 1000, ' s')}`,
  );
}

/**
 * The growth packs a year of inserts into a minute; the autovacuum and checkpoint it sets off would be long over in a
 * store in use, so they are run to the end before measuring (as the store-growth bench does). Needs the stack's
 * PostgreSQL; on an external stack there is none to reach, and this says so.
 * @param {Session} session
 * @param {string | null} postgresUrl
 * @param {[db: string, collection: string][]} collections
 */
export async function settle(session, postgresUrl, collections) {
  if (!postgresUrl) {
    session.step('  external stack: no VACUUM / CHECKPOINT after the growth (its PostgreSQL is not known)');
    return;
  }
  const t0 = now();
  for (const [db, collection] of collections) {
    const table = await pgQuery(
      postgresUrl,
      `SELECT _jsonb->>'table' FROM "${db}"._ferretdb_database_metadata WHERE _jsonb->>'_id' = '${collection}'`,
    );
    await pgQuery(postgresUrl, `VACUUM (ANALYZE) "${db}"."${table}"`);
  }
  await pgQuery(postgresUrl, 'CHECKPOINT');
  session.step(`  vacuum, analyze and checkpoint: ${fmt((now() - t0) / 1000, ' s')}`);
}

/**
 * `<centre>|<Monday of the Shanghai week>`: the key affairs files a case's intake under (apps/affairs case-keys.ts).
 * @param {string} centreId
 * @param {Date} at
 */
export function centreWeek(centreId, at) {
  const day = new Date(at.getTime() + 8 * 3600_000);
  day.setUTCHours(0, 0, 0, 0);
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  return `${centreId}|${day.toISOString().slice(0, 10)}`;
}

/**
 * A year of cases at forty centres, `centre` among them, as affairs stores them: numbers of past days (today's are
 * the bench's own), nearly all finished and rated, one in fifty still being handled (alerted already, so the SLA
 * sweep has nothing to send for them).
 * @param {Document} template a case affairs opened
 * @param {string} centre
 * @param {number} count
 */
export function caseVariant(template, centre, count) {
  const perDay = Math.ceil(count / 365);
  const today = Date.now();
  /** @param {Document} copy @param {number} i */
  return (copy, i) => {
    const openedAt = new Date(today - (1 + Math.floor(i / perDay)) * DAY_MS);
    const yymmdd = new Date(openedAt.getTime() + 8 * 3600_000).toISOString().slice(2, 10).replaceAll('-', '');
    const centreId = i % 40 === 0 ? centre : `${centre.replace(/c-\d+$/, '')}g-${i % 40}`;
    const live = Math.floor(i / 40) % 50 === 0;
    return {
      ...copy,
      _id: `${yymmdd}${String(60000 + (i % perDay)).padStart(5, '0')}`,
      idempotencyKey: `grown-${randomUUID()}`,
      centreId,
      residentId: `grown-resident-${i % 20000}`,
      state: live ? 'assigned' : 'rated',
      rating: live ? null : { score: 5, comment: null, at: openedAt, via: 'kiosk' },
      openedAt,
      acceptedAt: openedAt,
      slaAlerted: 'overdue',
      live,
      centreWeek: centreWeek(centreId, openedAt),
    };
  };
}

/**
 * The pipeline's store in use: `count` drafted items in the catalogue, their views and processed events in insight,
 * copied from one command sent through the gateway (its theme counts in the theme summary like any other).
 * @param {Session} session
 * @param {{ mongo: MongoClient, gatewayUrl: string, headers: Record<string, string>, postgresUrl: string | null,
 *   count: number }} options
 */
export async function growPipelineStore(session, { mongo, gatewayUrl, headers, postgresUrl, count }) {
  const code = `${RUN}-TEMPLATE`;
  const res = await request(`${gatewayUrl}/api/catalogue/items`, {
    method: 'POST',
    headers,
    body: { code, name: 'Bench item template', theme: THEMES[0] },
  });
  if (res.status !== 201)
    throw new Error(`the growth's template command answered ${res.status}: ${res.body}`);
  /** @type {Collection<{ _id: string } & Document>} */
  const items = mongo.db('catalogue').collection('items');
  /** @type {Collection<{ _id: string } & Document>} */
  const views = mongo.db('insight').collection('catalogue_item_view');
  /** @type {Collection<{ _id: string } & Document>} */
  const processed = mongo.db('insight').collection('processed_events');
  const deadline = now() + 60_000;
  /** @type {[Document | null, Document | null, Document | null]} */
  let found = [null, null, null];
  while (!found.every((d) => d) || '_outboxPending' in /** @type {Document} */ (found[0])) {
    if (now() > deadline) throw new Error(`the growth's template ${code} did not reach insight within 60 s`);
    await sleep(200);
    session.checkAbort();
    // an empty filter is the one read FerretDB limits in PostgreSQL
    found = await Promise.all([
      items.findOne({ _id: code }),
      views.findOne({ _id: code }),
      processed.findOne({}),
    ]);
  }
  const [item, view, event] = /** @type {Document[]} */ (found);
  session.step(`growing the store to ${fmt(count)} documents per collection the pipeline touches…`);
  const codeOf = (/** @type {number} */ i) => `G${RUN}-${i}`;
  await grow(session, items, item, count, (copy, i) => ({
    ...copy,
    _id: codeOf(i),
    draft: { ...copy.draft, code: codeOf(i) },
  }));
  await grow(session, views, view, count, (copy, i) => ({
    ...copy,
    _id: codeOf(i),
    code: codeOf(i),
    _seen: [randomUUID()],
  }));
  await grow(session, processed, event, count, (copy) => ({
    ...copy,
    _id: `${INSIGHT_GROUP}:${randomUUID()}`,
  }));
  await settle(session, postgresUrl, [
    ['catalogue', 'items'],
    ['insight', 'catalogue_item_view'],
    ['insight', 'processed_events'],
  ]);
}
