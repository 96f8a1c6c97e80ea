// Follows every command of the full pipeline (HTTP command → outbox → Kafka → consumer → read model): a Kafka
// observer, the consumer group's commits and a read-model poller.
//
// Where a command is, per item:
//   tSend / tResp   the HTTP POST to the gateway and its answer
//   kafkaTs         the relay's producer timestamp on the event (Kafka message timestamp)
//   kafkaSeen       when a consumer of our own (group psc-bench-observer-*) received it; also gives partition/offset
//   committed       when insight.dashboards' committed offset passed the message: the consumer commits only after the
//                   read-model writes are stored, so this is an upper bound of "in the read model" at 20 ms resolution
//   rm              when a findOne({_id}) on insight.catalogue_item_view found the document (checked once committed)
//
// Why not `find({_id: {$in: outstanding}})` every 20 ms: FerretDB 1.24 pushes only equality down to PostgreSQL, so
// `$in` reads the whole collection (measured: 45 ms at 1,000 documents, 300 ms at 10,000), which would make the bench
// the store's biggest client. findOne by _id is an index lookup (1–4 ms).

import { loadAgent, now, request, sleep } from '../lib.mjs';
import { CONFIG, INSIGHT_GROUP, ITEM_TOPIC, RUN } from './settings.mjs';

/** @import { Admin, Consumer, Kafka } from 'kafkajs' */
/** @import { Collection } from 'mongodb' */
/** @import { App, Session } from '../system.mjs' */
/** @import { Phase } from './phases.mjs' */
/**
 * @typedef {{
 *   code: string, tSend: number, tResp?: number, status?: number, id?: string,
 *   kafkaSeen?: number, kafkaTs?: number, partition?: number, offset?: number,
 *   committed?: number, rm?: number, notVisible?: number,
 * }} CommandRecord
 */
/** @typedef {{ at: string, reason: string, inflightHttp: number, outstanding: number }} Stall */

export class Tracker {
  /** @type {Map<string, CommandRecord>} */
  byCode = new Map();
  /** @type {Map<string, CommandRecord>} accepted, not yet found in the read model; insertion order = oldest first */
  outstanding = new Map();
  /** @type {Map<number, { at: number, offset: number }[]>} history of insight.dashboards' committed offset */
  commits = new Map();
  kafkaDuplicates = 0;
  /** @type {number[]} */
  lookups = [];
  /** @type {number[]} */
  commitPolls = [];
  inflight = 0;
  lastProgress = now();
  /** @type {Stall | null} */
  stalled = null;
  active = false;
  /** @type {Consumer | undefined} */
  observer;
  /** @type {Promise<void> | undefined} */
  commitLoop;
  /** @type {Promise<void> | undefined} */
  lookupLoop;
  /** @type {NodeJS.Timeout | undefined} */
  watchdog;

  /**
   * @param {Session} session
   * @param {{
   *   gatewayUrl: string, headers: Record<string, string>, kafka: Kafka, admin: Admin,
   *   viewCollection: Collection<{ _id: string }>, apps: App[],
   * }} options `headers` go on every command (an administrator's token)
   */
  constructor(session, { gatewayUrl, headers, kafka, admin, viewCollection, apps }) {
    this.session = session;
    this.apps = apps;
    this.gatewayUrl = gatewayUrl;
    this.headers = headers;
    this.kafka = kafka;
    this.admin = admin;
    this.view = viewCollection;
  }

  progressed() {
    this.lastProgress = now();
  }

  async startObserver() {
    const observer = this.kafka.consumer({
      groupId: `psc-bench-observer-${RUN.toLowerCase()}`,
      maxWaitTimeInMs: 50,
    });
    this.observer = observer;
    const joined = new Promise((resolve) => observer.on(observer.events.GROUP_JOIN, resolve));
    await observer.connect();
    await observer.subscribe({ topics: [ITEM_TOPIC], fromBeginning: true });
    await observer.run({
      eachBatch: async ({ batch }) => {
        const t = now();
        for (const m of batch.messages) {
          let code;
          try {
            code = JSON.parse(String(m.value))?.data?.code;
          } catch {
            continue;
          }
          const rec = this.byCode.get(code);
          if (!rec) continue;
          if (rec.kafkaSeen) {
            this.kafkaDuplicates++;
            continue;
          }
          rec.kafkaSeen = t;
          rec.kafkaTs = Number(m.timestamp); // the relay's producer timestamp
          rec.partition = batch.partition;
          rec.offset = Number(m.offset);
          this.progressed();
        }
      },
    });
    await joined;
  }

  /**
   * When insight.dashboards' committed offset first passed `offset` on `partition`, from the recorded history.
   * @param {number} partition
   * @param {number} offset
   */
  committedAt(partition, offset) {
    const history = this.commits.get(partition);
    if (!history) return null;
    for (const h of history) if (h.offset > offset) return h.at;
    return null;
  }

  start() {
    const { log } = this.session;
    this.active = true;
    // the consumer group's commits: a cheap Kafka request, no load on the store
    this.commitLoop = (async () => {
      while (this.active) {
        const t0 = now();
        try {
          const [topic] = await this.admin.fetchOffsets({ groupId: INSIGHT_GROUP, topics: [ITEM_TOPIC] });
          const t1 = now();
          this.commitPolls.push(t1 - t0);
          for (const { partition, offset } of topic?.partitions ?? []) {
            const value = Number(offset);
            const history = this.commits.get(partition) ?? [];
            const last = history.at(-1);
            if (value >= 0 && (!last || value > last.offset)) {
              history.push({ at: t1, offset: value });
              this.commits.set(partition, history);
              this.progressed();
            }
          }
        } catch (error) {
          if (this.active) log(`[bench] fetchOffsets failed: ${/** @type {Error} */ (error).message}`);
        }
        await sleep(CONFIG.pollMs - (now() - t0));
      }
    })();
    // the read model itself: one indexed findOne per item once its offset is committed
    this.lookupLoop = (async () => {
      while (this.active) {
        const t0 = now();
        /** @type {CommandRecord[]} */
        const due = [];
        for (const rec of this.outstanding.values()) {
          if (rec.committed === undefined && rec.kafkaSeen)
            rec.committed = this.committedAt(rec.partition ?? -1, rec.offset ?? -1) ?? undefined;
          if (rec.committed !== undefined) due.push(rec);
          if (due.length >= CONFIG.lookupConcurrency) break;
        }
        await Promise.all(
          due.map(async (rec) => {
            const id = /** @type {string} */ (rec.id); // outstanding records are accepted ones
            const q0 = now();
            try {
              const doc = await this.view.findOne({ _id: id }, { projection: { _id: 1 } });
              const q1 = now();
              this.lookups.push(q1 - q0);
              if (doc) {
                rec.rm = q1;
                this.outstanding.delete(id);
                this.progressed();
              } else rec.notVisible = (rec.notVisible ?? 0) + 1;
            } catch (error) {
              if (this.active)
                log(`[bench] read-model lookup failed: ${/** @type {Error} */ (error).message}`);
            }
          }),
        );
        await sleep(CONFIG.pollMs - (now() - t0));
      }
    })();
    // a pipeline that makes no progress at all while work is outstanding is stuck, not slow
    this.watchdog = setInterval(() => {
      const gone = this.apps.find((a) => a.unexpectedExit);
      if (gone?.unexpectedExit && !this.stalled) {
        this.stalled = {
          at: new Date().toISOString(),
          reason: gone.unexpectedExit,
          inflightHttp: this.inflight,
          outstanding: this.outstanding.size,
        };
        return;
      }
      const busy = this.inflight > 0 || this.outstanding.size > 0;
      if (!busy) this.progressed();
      else if (!this.stalled && now() - this.lastProgress > CONFIG.stallMs) {
        this.stalled = {
          at: new Date().toISOString(),
          reason: `nothing moved for ${CONFIG.stallMs / 1000} s`,
          inflightHttp: this.inflight,
          outstanding: this.outstanding.size,
        };
        log(
          `[bench] STALLED: no HTTP answer, Kafka message, commit or read-model arrival for ${CONFIG.stallMs / 1000} s (${this.inflight} requests in flight, ${this.outstanding.size} accepted items not in the read model)`,
        );
      }
    }, 500);
  }

  async stop() {
    this.active = false;
    clearInterval(this.watchdog);
    await Promise.all([this.commitLoop, this.lookupLoop]);
    await this.observer?.disconnect().catch(() => {});
  }

  /** Sends one command of the phase and records its answer. @param {Phase} phase @param {number} i */
  async command(phase, i) {
    const code = `${RUN}-${phase.tag}${i}`;
    /** @type {CommandRecord} */
    const rec = { code, tSend: now() };
    this.byCode.set(code, rec);
    phase.records.push(rec);
    this.inflight++;
    const res = await request(`${this.gatewayUrl}/api/catalogue/items`, {
      agent: loadAgent,
      method: 'POST',
      headers: this.headers,
      body: { code, name: `Bench item ${i}`, theme: phase.themes[i % phase.themes.length] },
    });
    this.inflight--;
    this.progressed();
    rec.tResp = now();
    rec.status = res.status;
    if (res.status === 201) {
      try {
        const id = /** @type {string} */ (JSON.parse(res.body)._id);
        rec.id = id;
        this.outstanding.set(id, rec);
      } catch {
        rec.status = -201;
      }
    }
    if (rec.status !== 201 && phase.errorSamples.length < 5)
      phase.errorSamples.push(`${res.status} ${res.body.slice(0, 200)}`);
  }

  /**
   * Waits until every accepted command of the phase is in the read model, the drain time runs out, or a stall.
   * @param {Phase} phase
   * @param {number} timeoutMs
   */
  async drain(phase, timeoutMs) {
    const deadline = now() + timeoutMs;
    while (now() < deadline && !this.stalled) {
      this.session.checkAbort();
      if (phase.records.every((r) => r.status !== 201 || r.rm)) return true;
      await sleep(50);
    }
    return false;
  }
}
