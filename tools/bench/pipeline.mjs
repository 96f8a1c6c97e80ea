#!/usr/bin/env node
// Pipeline bench: on one stack, raw kafkajs produce→consume, raw driver insertOne on the store, and the full
// pipeline (HTTP command → outbox → Kafka → consumer → read model), plus idle RSS and start-up times.
// Prints every figure next to its target and writes the same as JSON under tools/bench/results/. Never asserts.
//
//   node tools/bench/pipeline.mjs            (or: npm run bench)
//
// Settings (environment): MONGODB_URI + KAFKA_BROKERS (both set: use that stack, start none; nothing else may use
// it, see README), BENCH_RATE (200), BENCH_OPEN_SECONDS (15), BENCH_CLOSED_SECONDS (15), BENCH_CONCURRENCY (32),
// BENCH_DRIVER_N (3000), BENCH_KAFKA_N (20000), BENCH_THEMES (8), BENCH_DRAIN_SECONDS (45),
// BENCH_DURABLE (1: fsync on, as the dev stack; 0: the test-stack settings), BENCH_SKIP_BUILD (0),
// BENCH_DIST (apps compiled elsewhere, to compare a variant; implies no build). Bounded: about 3.5 min at worst.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import kafkajs from 'kafkajs';
import { MongoClient } from 'mongodb';
import {
  cpuDelta,
  cpuSnapshot,
  fmt,
  histogramDelta,
  loadAgent,
  now,
  parseProm,
  promSum,
  rate,
  request,
  rssMb,
  sleep,
  summarize,
  table,
} from './lib.mjs';
import {
  bringUpStack,
  buildServer,
  DIST,
  num,
  REPO_ROOT,
  RESULTS_DIR,
  runMain,
  Session,
  skipServerBuild,
  startServices,
  withTimeout,
} from './system.mjs';

const { Kafka, logLevel } = kafkajs;
export const CONFIG = Object.freeze({
  rate: num('BENCH_RATE', 200),
  openSeconds: num('BENCH_OPEN_SECONDS', 15),
  closedSeconds: num('BENCH_CLOSED_SECONDS', 15),
  concurrency: num('BENCH_CONCURRENCY', 32),
  driverN: num('BENCH_DRIVER_N', 3000),
  driverConcurrency: 16,
  kafkaN: num('BENCH_KAFKA_N', 20_000),
  kafkaBatch: 200,
  themes: num('BENCH_THEMES', 8),
  drainMs: num('BENCH_DRAIN_SECONDS', 45) * 1000,
  idleMs: 10_000,
  pollMs: 20,
  lookupConcurrency: 16,
  stallMs: 15_000,
  warmup: 100,
  durable: process.env.BENCH_DURABLE !== '0',
  skipBuild: skipServerBuild(),
});

export const TARGETS = Object.freeze({
  throughputShareOfSlowerRaw: 0.5,
  p99EndToEndMs: 250,
  idleRssMb: 150,
  warmStartS: 60,
});

/** the load's Authorization header, filled once the apps' signing key exists */
const authHeaders = {};
const INSIGHT_GROUP = 'insight.dashboards';
const ITEM_TOPIC = 'catalogue.item.v1';
// six base-36 characters: unique per run, and item codes stay within /^[A-Z0-9-]{3,32}$/
const RUN = Date.now().toString(36).toUpperCase().slice(-6);

const session = new Session('bench');
const { log, step, onTeardown, checkAbort } = session;

async function waitGroupStable(admin, groupId, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    checkAbort();
    const { groups } = await admin.describeGroups([groupId]).catch(() => ({ groups: [] }));
    const g = groups[0];
    if (g?.state === 'Stable' && g.members.length > 0) return;
    if (Date.now() > deadline)
      throw new Error(
        `consumer group ${groupId} not stable within ${timeoutMs / 1000} s (state ${g?.state})`,
      );
    await sleep(250);
  }
}

// ---------------------------------------------------------------------------------------------
// raw kafkajs

async function rawKafka(kafka, n, batchSize) {
  const topic = `psc-bench-raw-${RUN.toLowerCase()}`;
  const admin = kafka.admin();
  await admin.connect();
  const consumer = kafka.consumer({ groupId: `psc-bench-raw-${RUN.toLowerCase()}`, maxWaitTimeInMs: 50 });
  const producer = kafka.producer();
  try {
    await admin.createTopics({
      topics: [{ topic, numPartitions: 3, replicationFactor: 1 }],
      waitForLeaders: true,
    });
    const latencies = [];
    let tLast = 0;
    let allIn;
    const done = new Promise((resolve) => (allIn = resolve));
    const joined = new Promise((resolve) => consumer.on(consumer.events.GROUP_JOIN, resolve));
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({
      eachBatch: async ({ batch }) => {
        const t = now();
        for (const m of batch.messages) latencies.push(t - JSON.parse(m.value.toString('utf8')).t);
        if (latencies.length >= n) {
          tLast = t;
          allIn();
        }
      },
    });
    await joined;
    await producer.connect();
    // about the size of a catalogue event envelope
    const pad = 'x'.repeat(300);
    const t0 = now();
    for (let i = 0; i < n; i += batchSize) {
      checkAbort();
      const messages = [];
      for (let j = i; j < Math.min(n, i + batchSize); j++)
        messages.push({ key: String(j), value: JSON.stringify({ i: j, t: now(), pad }) });
      await producer.send({ topic, messages });
    }
    const tProduced = now();
    const timeout = sleep(60_000).then(() => 'timeout');
    const outcome = await Promise.race([done, timeout]);
    const lat = summarize(latencies);
    return {
      topic,
      messages: n,
      batchSize,
      partitions: 3,
      producedPerS: rate(n, tProduced - t0),
      consumedPerS: outcome === 'timeout' ? null : rate(n, tLast - t0),
      received: latencies.length,
      latencyMs: lat,
    };
  } finally {
    await consumer.disconnect().catch(() => {});
    await producer.disconnect().catch(() => {});
    await admin.deleteTopics({ topics: [topic] }).catch(() => {});
    await admin.disconnect().catch(() => {});
  }
}

// ---------------------------------------------------------------------------------------------
// raw driver

async function rawDriver(mongoUri, concurrencies, n) {
  const client = new MongoClient(mongoUri, {
    maxPoolSize: Math.max(...concurrencies) + 4,
    retryWrites: false,
    serverSelectionTimeoutMS: 10_000,
  });
  await client.connect();
  const db = client.db(`bench_raw_${RUN.toLowerCase()}`);
  const out = {};
  try {
    for (const c of concurrencies) {
      const coll = db.collection(`docs_c${c}`);
      const doc = (tag, i) => ({
        _id: `${tag}-${i}-${RUN}`,
        code: `${RUN}-${tag}${i}`,
        name: `Bench item ${i}`,
        theme: `theme-${i % CONFIG.themes}`,
        status: 'draft',
        createdAt: new Date(),
      });
      const runAt = async (count, tag, latencies) => {
        let next = 0;
        await Promise.all(
          Array.from({ length: c }, async () => {
            while (next < count) {
              checkAbort();
              const i = next++;
              const t = now();
              await coll.insertOne(doc(tag, i));
              latencies?.push(now() - t);
            }
          }),
        );
      };
      await runAt(200, 'w', null); // creates the table and fills the pool
      const latencies = [];
      const t0 = now();
      await runAt(n, 'm', latencies);
      const ms = now() - t0;
      out[c] = { concurrency: c, inserts: n, insertsPerS: rate(n, ms), latencyMs: summarize(latencies) };
    }
  } finally {
    await db.dropDatabase().catch(() => {});
    await client.close().catch(() => {});
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// full pipeline: commands, a Kafka observer, the consumer group's commits and a read-model poller
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

class Tracker {
  byCode = new Map();
  /** accepted, not yet found in the read model; insertion order = oldest first */
  outstanding = new Map();
  /** partition → [{at, offset}] history of insight.dashboards' committed offset */
  commits = new Map();
  kafkaDuplicates = 0;
  lookups = [];
  commitPolls = [];
  inflight = 0;
  lastProgress = now();
  stalled = null;
  active = false;

  constructor({ gatewayUrl, kafka, admin, viewCollection, apps }) {
    this.apps = apps;
    this.gatewayUrl = gatewayUrl;
    this.kafka = kafka;
    this.admin = admin;
    this.view = viewCollection;
  }

  progressed() {
    this.lastProgress = now();
  }

  async startObserver() {
    this.observer = this.kafka.consumer({
      groupId: `psc-bench-observer-${RUN.toLowerCase()}`,
      maxWaitTimeInMs: 50,
    });
    const joined = new Promise((resolve) => this.observer.on(this.observer.events.GROUP_JOIN, resolve));
    await this.observer.connect();
    await this.observer.subscribe({ topics: [ITEM_TOPIC], fromBeginning: true });
    await this.observer.run({
      eachBatch: async ({ batch }) => {
        const t = now();
        for (const m of batch.messages) {
          let code;
          try {
            code = JSON.parse(m.value.toString('utf8'))?.data?.code;
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

  /** When insight.dashboards' committed offset first passed `offset` on `partition`, from the recorded history. */
  committedAt(partition, offset) {
    const history = this.commits.get(partition);
    if (!history) return null;
    for (const h of history) if (h.offset > offset) return h.at;
    return null;
  }

  start() {
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
            if (value >= 0 && (history.length === 0 || value > history.at(-1).offset)) {
              history.push({ at: t1, offset: value });
              this.commits.set(partition, history);
              this.progressed();
            }
          }
        } catch (error) {
          if (this.active) log(`[bench] fetchOffsets failed: ${error.message}`);
        }
        await sleep(CONFIG.pollMs - (now() - t0));
      }
    })();
    // the read model itself: one indexed findOne per item once its offset is committed
    this.lookupLoop = (async () => {
      while (this.active) {
        const t0 = now();
        const due = [];
        for (const rec of this.outstanding.values()) {
          if (rec.committed === undefined && rec.kafkaSeen)
            rec.committed = this.committedAt(rec.partition, rec.offset) ?? undefined;
          if (rec.committed !== undefined) due.push(rec);
          if (due.length >= CONFIG.lookupConcurrency) break;
        }
        await Promise.all(
          due.map(async (rec) => {
            const q0 = now();
            try {
              const doc = await this.view.findOne({ _id: rec.id }, { projection: { _id: 1 } });
              const q1 = now();
              this.lookups.push(q1 - q0);
              if (doc) {
                rec.rm = q1;
                this.outstanding.delete(rec.id);
                this.progressed();
              } else rec.notVisible = (rec.notVisible ?? 0) + 1;
            } catch (error) {
              if (this.active) log(`[bench] read-model lookup failed: ${error.message}`);
            }
          }),
        );
        await sleep(CONFIG.pollMs - (now() - t0));
      }
    })();
    // a pipeline that makes no progress at all while work is outstanding is stuck, not slow
    this.watchdog = setInterval(() => {
      const gone = this.apps.find((a) => a.unexpectedExit);
      if (gone && !this.stalled) {
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

  async command(phase, i) {
    const code = `${RUN}-${phase.tag}${i}`;
    const rec = { code, tSend: now() };
    this.byCode.set(code, rec);
    phase.records.push(rec);
    this.inflight++;
    const res = await request(`${this.gatewayUrl}/api/catalogue/items`, {
      agent: loadAgent,
      method: 'POST',
      headers: authHeaders,
      body: { code, name: `Bench item ${i}`, theme: phase.themes[i % phase.themes.length] },
    });
    this.inflight--;
    this.progressed();
    rec.tResp = now();
    rec.status = res.status;
    if (res.status === 201) {
      try {
        rec.id = JSON.parse(res.body)._id;
        this.outstanding.set(rec.id, rec);
      } catch {
        rec.status = -201;
      }
    }
    if (rec.status !== 201 && phase.errorSamples.length < 5)
      phase.errorSamples.push(`${res.status} ${res.body.slice(0, 200)}`);
  }

  /** Waits until every accepted command of the phase is in the read model, the drain time runs out, or a stall. */
  async drain(phase, timeoutMs) {
    const deadline = now() + timeoutMs;
    while (now() < deadline && !this.stalled) {
      checkAbort();
      if (phase.records.every((r) => r.status !== 201 || r.rm)) return true;
      await sleep(50);
    }
    return false;
  }
}

/** Prints where a phase stands every few seconds, so a slow drain is visible while it happens. */
function progress(tracker, phase) {
  const t0 = now();
  const timer = setInterval(() => {
    const recs = phase.records;
    const count = (f) => recs.filter(f).length;
    step(
      `  ${phase.name} +${Math.round((now() - t0) / 1000)} s: sent ${recs.length}, answered ${count((r) => r.tResp)}, accepted ${count((r) => r.status === 201)}, ` +
        `on Kafka ${count((r) => r.kafkaSeen)}, committed ${count((r) => r.committed)}, in read model ${count((r) => r.rm)}`,
    );
  }, 5000);
  return () => clearInterval(timer);
}

function newPhase(name, tag, themes) {
  return { name, tag, themes, records: [], errorSamples: [] };
}

/** Resolves when the tracker reports a stall, so a load loop stops waiting for answers that will not come. */
const stallSignal = (tracker) =>
  new Promise((resolve) => {
    const t = setInterval(() => {
      if (tracker.stalled || !tracker.active) {
        clearInterval(t);
        resolve();
      }
    }, 200);
  });

async function openLoop(tracker, phase, ratePerS, seconds) {
  const total = Math.round(ratePerS * seconds);
  const interval = 1000 / ratePerS;
  const inflight = [];
  const lags = [];
  const t0 = now();
  for (let i = 0; i < total && !tracker.stalled; i++) {
    checkAbort();
    const due = t0 + i * interval;
    const wait = due - now();
    if (wait > 1) await sleep(wait);
    lags.push(now() - due);
    inflight.push(tracker.command(phase, i));
  }
  const tSent = now();
  await Promise.race([Promise.all(inflight), stallSignal(tracker)]);
  phase.t0 = t0;
  phase.tSent = tSent;
  phase.scheduleLagMs = summarize(lags);
}

async function closedLoop(tracker, phase, concurrency, seconds) {
  const t0 = now();
  const deadline = t0 + seconds * 1000;
  let next = 0;
  const workers = Array.from({ length: concurrency }, async () => {
    while (now() < deadline && !tracker.stalled) {
      checkAbort();
      await tracker.command(phase, next++);
    }
  });
  await Promise.race([Promise.all(workers), stallSignal(tracker)]);
  phase.t0 = t0;
  phase.tSent = now();
}

function phaseFigures(phase, drained, tracker) {
  const recs = phase.records;
  const ok = recs.filter((r) => r.status === 201);
  const arrived = ok.filter((r) => r.rm);
  const committed = ok.filter((r) => r.committed);
  const answered = recs.filter((r) => r.tResp);
  const lastResp = answered.length ? Math.max(...answered.map((r) => r.tResp)) : null;
  const lastRm = arrived.length ? Math.max(...arrived.map((r) => r.rm)) : null;
  const onKafka = ok.filter((r) => r.kafkaSeen);
  const statuses = {};
  for (const r of recs)
    statuses[r.tResp ? r.status : 'no answer'] = (statuses[r.tResp ? r.status : 'no answer'] ?? 0) + 1;
  return {
    sent: recs.length,
    accepted: ok.length,
    statuses,
    errorSamples: phase.errorSamples,
    onKafka: onKafka.length,
    committed: committed.length,
    arrived: arrived.length,
    missing: ok.length - arrived.length,
    drainedInTime: drained,
    stalled: tracker.stalled,
    seconds: Math.round(((phase.tSent - phase.t0) / 1000) * 10) / 10,
    sentPerS: rate(recs.length, phase.tSent - phase.t0),
    acceptedPerS: lastResp ? rate(ok.length, lastResp - phase.t0) : null,
    // how fast each stage got through the phase's commands: the slowest stage bounds the pipeline
    relayToKafkaPerS: onKafka.length
      ? rate(onKafka.length, Math.max(...onKafka.map((r) => r.kafkaSeen)) - phase.t0)
      : null,
    consumerCommittedPerS: committed.length
      ? rate(committed.length, Math.max(...committed.map((r) => r.committed)) - phase.t0)
      : null,
    readModelPerS: lastRm ? rate(arrived.length, lastRm - phase.t0) : null,
    catchUpAfterLastAcceptMs:
      lastRm && lastResp && ok.length === arrived.length ? Math.round(lastRm - lastResp) : null,
    scheduleLagMs: phase.scheduleLagMs,
    latencyMs: {
      http: summarize(ok.map((r) => r.tResp - r.tSend)),
      sendToKafkaProduce: summarize(onKafka.map((r) => r.kafkaTs - r.tSend)),
      sendToKafkaObserved: summarize(onKafka.map((r) => r.kafkaSeen - r.tSend)),
      kafkaObservedToCommitted: summarize(committed.map((r) => r.committed - r.kafkaSeen)),
      sendToCommitted: summarize(committed.map((r) => r.committed - r.tSend)),
      endToEnd: summarize(arrived.map((r) => r.rm - r.tSend)),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// metrics and CPU around a phase

async function scrape(apps) {
  const out = {};
  await Promise.all(
    apps.map(async (a) => {
      const res = await request(`${a.url}/metrics`, { timeoutMs: 5000 });
      out[a.name] = res.status === 200 ? parseProm(res.body) : [];
    }),
  );
  return out;
}

function metricsDelta(before, after) {
  const c0 = before.catalogue;
  const c1 = after.catalogue;
  const i0 = before.insight;
  const i1 = after.insight;
  const g0 = before.gateway;
  const g1 = after.gateway;
  const d = (rows0, rows1, name, match) =>
    rows1.length ? promSum(rows1, name, match) - promSum(rows0, name, match) : null;
  return {
    relay: {
      published: d(c0, c1, 'outbox_events_published_total'),
      failures: d(c0, c1, 'outbox_publish_failures_total'),
      batchSize: histogramDelta(c0, c1, 'outbox_batch_size'),
    },
    consumer: {
      processed: d(i0, i1, 'consumer_events_total', { outcome: 'processed' }),
      duplicate: d(i0, i1, 'consumer_events_total', { outcome: 'duplicate' }),
      deadLettered: d(i0, i1, 'consumer_events_total', { outcome: 'dead-lettered' }),
    },
    catalogueHttpPostMs: histogramDelta(c0, c1, 'http_request_duration_seconds', { method: 'POST' }, 1000),
    gatewayHttpPostMs: histogramDelta(g0, g1, 'http_request_duration_seconds', { method: 'POST' }, 1000),
    eventLoopLagP99Ms: Object.fromEntries(
      Object.entries(after).map(([name, rows]) => [
        name,
        Math.round(promSum(rows, 'nodejs_eventloop_lag_p99_seconds') * 1000 * 10) / 10,
      ]),
    ),
  };
}

async function measured(apps, cpuRoots, fn) {
  const m0 = await scrape(apps);
  const s0 = cpuSnapshot(cpuRoots);
  const result = await fn();
  const s1 = cpuSnapshot(cpuRoots);
  const m1 = await scrape(apps);
  return { result, metrics: metricsDelta(m0, m1), cpuPercent: cpuDelta(s0, s1) };
}

// ---------------------------------------------------------------------------------------------
// report

function verdict(ok) {
  return ok === null || ok === undefined ? '' : ok ? 'ok' : 'MISSED';
}

function report(r) {
  const rows = [['figure', 'value', 'target', '']];
  const add = (figure, value, target = '', ok = null) => rows.push([figure, value, target, verdict(ok)]);
  const lat = (s) => (s?.n ? `p50 ${fmt(s.p50)} / p99 ${fmt(s.p99)} ms` : 'n/a');
  const k = r.rawKafka;
  add(
    `raw kafka: produce (${fmt(k.messages)} msgs, batches of ${k.batchSize}, ${k.partitions} partitions)`,
    fmt(k.producedPerS, ' msg/s'),
  );
  add('raw kafka: produce→consume', fmt(k.consumedPerS, ' msg/s'));
  add('raw kafka: end-to-end latency', lat(k.latencyMs));
  for (const d of Object.values(r.rawDriver)) {
    add(
      `raw driver: insertOne ×${fmt(d.inserts)}, concurrency ${d.concurrency}`,
      `${fmt(d.insertsPerS, '/s')}, ${lat(d.latencyMs)}`,
    );
  }
  const w = r.pipeline.warmup.figures;
  if (w)
    add(
      `pipeline warm-up: ${fmt(w.sent)} commands at 50/s`,
      `arrived ${fmt(w.arrived)}/${fmt(w.accepted)}, end-to-end ${lat(w.latencyMs.endToEnd)}`,
    );
  const o = r.pipeline.open.figures;
  if (!o)
    add(
      `pipeline open loop at ${CONFIG.rate}/s`,
      'not run (stalled before)',
      `p99 < ${TARGETS.p99EndToEndMs} ms`,
      false,
    );
  else {
    add(
      `pipeline open loop: ${fmt(o.sent)} commands at ${CONFIG.rate}/s`,
      `sent ${fmt(o.sentPerS, '/s')}, accepted ${fmt(o.accepted)}, on Kafka ${fmt(o.onKafka)}, in read model ${fmt(o.arrived)}${o.stalled ? ' — STALLED' : ''}`,
      'all arrive',
      o.missing === 0 && o.accepted === o.sent,
    );
    add('  HTTP POST latency', lat(o.latencyMs.http));
    add(
      '  stage rates: accepted → on Kafka → committed',
      `${fmt(o.acceptedPerS)} → ${fmt(o.relayToKafkaPerS)} → ${fmt(o.consumerCommittedPerS)} /s`,
    );
    add('  send → seen on Kafka', lat(o.latencyMs.sendToKafkaObserved));
    add('  send → consumer committed', lat(o.latencyMs.sendToCommitted));
    add(
      '  end-to-end (send → found in read model)',
      lat(o.latencyMs.endToEnd),
      `p99 < ${TARGETS.p99EndToEndMs} ms`,
      r.targets.p99EndToEnd.met,
    );
  }
  const c = r.pipeline.closed.figures;
  if (!c) add(`pipeline closed loop, concurrency ${CONFIG.concurrency}`, 'not run (stalled before)');
  else {
    add(
      `pipeline closed loop: concurrency ${CONFIG.concurrency}, ${fmt(c.seconds)} s`,
      `accepted ${fmt(c.acceptedPerS, '/s')} (${fmt(c.accepted)}), in read model ${fmt(c.arrived)}${c.stalled ? ' — STALLED' : ''}`,
    );
    add('  HTTP POST latency', lat(c.latencyMs.http));
    add(
      '  stage rates: accepted → on Kafka → committed',
      `${fmt(c.acceptedPerS)} → ${fmt(c.relayToKafkaPerS)} → ${fmt(c.consumerCommittedPerS)} /s`,
    );
    add('  end-to-end (send → found in read model)', lat(c.latencyMs.endToEnd));
    add('  read model caught up after last accept', fmt(c.catchUpAfterLastAcceptMs, ' ms'));
  }
  const t = r.targets.throughput;
  add(
    '  pipeline throughput (all arrived / first send → last arrival)',
    t.pipelinePerS === null ? 'n/a (not all arrived)' : fmt(t.pipelinePerS, ' cmd/s'),
    `≥ ${fmt(t.required)}/s (½ of slower raw: ${t.slowerRawPath} ${fmt(t.slowerRawPerS)}/s)`,
    t.met,
  );
  for (const [name, mb] of Object.entries(r.rss.idleAfterStart)) {
    add(
      `idle RSS ${name} (10 s after healthy; after load ${fmt(r.rss.idleAfterLoad?.[name], ' MB')})`,
      fmt(mb, ' MB'),
      `< ${TARGETS.idleRssMb} MB`,
      mb === null ? null : mb < TARGETS.idleRssMb,
    );
  }
  const s = r.startup;
  add(
    'start: stack (warm caches, fresh data dir)',
    s.stackMs === null ? 'external' : fmt(s.stackMs / 1000, ' s'),
  );
  add('start: build-server', s.buildMs === null ? 'skipped' : fmt(s.buildMs / 1000, ' s'));
  add('start: apps spawned → all /health 200', fmt(s.appsHealthyMs / 1000, ' s'));
  add(
    'start: total, stack ∥ build, then apps',
    fmt(s.totalMs / 1000, ' s'),
    `< ${TARGETS.warmStartS} s`,
    r.targets.warmStart.met,
  );
  return table(rows);
}

function phaseDiagnostics(name, phase) {
  const m = phase.metrics;
  const cpu = Object.entries(phase.cpuPercent)
    .map(([k, v]) => `${k} ${v}%`)
    .join(', ');
  const b = m.relay.batchSize;
  const over50 = Object.entries(b.buckets).reduce(
    (n, [le, count]) => n + (le === '+Inf' || Number(le) > 50 ? count : 0),
    0,
  );
  return [
    `${name}: relay ${m.relay.published} events in ${b.count} batches (mean ${fmt(b.mean)}, p99 bucket ≤ ${fmt(b.p99Bucket)}, ${over50} batches of more than 50), failures ${m.relay.failures}; ` +
      `consumer processed ${m.consumer.processed}, duplicates ${m.consumer.duplicate}, dead-lettered ${m.consumer.deadLettered}`,
    `${name}: catalogue POST handler mean ${fmt(m.catalogueHttpPostMs.mean, ' ms')} (p99 bucket ≤ ${fmt(m.catalogueHttpPostMs.p99Bucket, ' ms')}); ` +
      `event-loop lag p99 ${Object.entries(m.eventLoopLagP99Ms)
        .map(([k, v]) => `${k} ${v} ms`)
        .join(', ')}`,
    `${name}: CPU (100% = one of ${os.cpus().length} cores): ${cpu}`,
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------

export function runPipelineBench() {
  return session.run(pipelineBench);
}

async function pipelineBench() {
  const startedAt = new Date();
  const workDir = session.workDir();
  const logsOut = path.join(RESULTS_DIR, `pipeline-${startedAt.toISOString().replace(/[:.]/g, '-')}-logs`);
  let keepLogs = true; // unless the run completes without a stall
  onTeardown('keep the app logs', () => {
    const logs = path.join(workDir, 'logs');
    if (!keepLogs) return;
    if (!fs.existsSync(logs) || fs.readdirSync(logs).every((f) => fs.statSync(path.join(logs, f)).size === 0))
      return;
    fs.mkdirSync(RESULTS_DIR, { recursive: true });
    fs.cpSync(logs, logsOut, { recursive: true });
    log(`[bench] app logs kept in ${path.relative(REPO_ROOT, logsOut)}`);
  });
  const result = {
    run: RUN,
    startedAt: startedAt.toISOString(),
    config: CONFIG,
    targets: {},
    machine: { cpus: os.cpus().length, node: process.version, memGb: Math.round(os.totalmem() / 2 ** 30) },
  };
  // 1. stack, build, apps
  const tStart = now();
  const [stack, buildMs] = await Promise.all([
    bringUpStack(session, workDir, { durable: CONFIG.durable }),
    CONFIG.skipBuild ? null : buildServer(session),
  ]);
  result.stack = { external: stack.external, durable: stack.external ? null : CONFIG.durable };
  const brokers = stack.kafkaBrokers.split(',');
  const kafka = new Kafka({ clientId: 'psc-bench', brokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  onTeardown('kafka admin', () => admin.disconnect(), 5000);

  const logDir = path.join(workDir, 'logs');
  fs.mkdirSync(logDir);
  // a throwaway signing key: the apps verify tokens themselves, the load carries an administrator's token
  const { apps, adminHeaders, tApps, healthyAt } = await startServices(session, { stack, logDir });
  Object.assign(authHeaders, adminHeaders);
  const appsHealthyMs = healthyAt - tApps;
  result.startup = {
    stackMs: stack.startMs === null ? null : Math.round(stack.startMs),
    buildMs: buildMs === null ? null : Math.round(buildMs),
    appsHealthyMs: Math.round(appsHealthyMs),
    // stack and build run side by side here, as they can in `npm start`
    totalMs: Math.round(healthyAt - tStart),
  };
  result.targets.warmStart = { met: result.startup.totalMs < TARGETS.warmStartS * 1000 };
  await waitGroupStable(admin, INSIGHT_GROUP);
  step(`consumer group ${INSIGHT_GROUP} is stable`);

  const cpuRoots = { ...Object.fromEntries(apps.map((a) => [a.name, a.pid])), ...stack.pids };

  // 2. raw kafkajs
  step(`raw kafka: ${CONFIG.kafkaN} messages in batches of ${CONFIG.kafkaBatch}…`);
  const rk = await measured(apps, cpuRoots, () => rawKafka(kafka, CONFIG.kafkaN, CONFIG.kafkaBatch));
  result.rawKafka = { ...rk.result, cpuPercent: rk.cpuPercent };
  step(
    `  produce ${fmt(rk.result.producedPerS)}/s, produce→consume ${fmt(rk.result.consumedPerS)}/s, p50 ${fmt(rk.result.latencyMs.p50)} / p99 ${fmt(rk.result.latencyMs.p99)} ms`,
  );

  // 3. raw driver
  const concurrencies = [...new Set([CONFIG.driverConcurrency, CONFIG.concurrency])];
  step(`raw driver: ${CONFIG.driverN} insertOne at concurrency ${concurrencies.join(' and ')}…`);
  const rd = await measured(apps, cpuRoots, () => rawDriver(stack.mongoUri, concurrencies, CONFIG.driverN));
  result.rawDriver = rd.result;
  result.rawDriverCpuPercent = rd.cpuPercent;
  for (const d of Object.values(rd.result))
    step(`  c=${d.concurrency}: ${fmt(d.insertsPerS)}/s, p99 ${fmt(d.latencyMs.p99)} ms`);

  // 5a. idle RSS after start (the apps have had nothing to do since they became healthy)
  await sleep(healthyAt + CONFIG.idleMs - now());
  result.rss = { idleAfterStart: Object.fromEntries(apps.map((a) => [a.name, rssMb(a.pid)])) };

  // 4. full pipeline
  const mongo = new MongoClient(stack.mongoUri, {
    maxPoolSize: CONFIG.lookupConcurrency + 2,
    retryWrites: false,
  });
  await mongo.connect();
  onTeardown('mongo client', () => mongo.close(), 5000);
  const gateway = apps.find((a) => a.name === 'gateway');
  const tracker = new Tracker({
    apps,
    gatewayUrl: gateway.url,
    kafka,
    admin,
    viewCollection: mongo.db('insight').collection('catalogue_item_view'),
  });
  onTeardown('observer and pollers', () => tracker.stop(), 10_000);
  await tracker.startObserver();
  tracker.start();
  // theme codes of @psc/contracts (this script runs without TypeScript); the bench's store is its own, so the
  // per-theme counters start from zero
  const themes = [
    'social-security',
    'civil-assistance',
    'elderly-care',
    'disability',
    'health-family',
    'employment',
    'veterans',
    'household',
    'legal',
    'party',
    'venue',
  ].slice(0, CONFIG.themes);

  const runPhase = async (phase, label, load) => {
    step(label);
    if (tracker.stalled) {
      step(`  skipped: the pipeline stalled earlier`);
      return { figures: null, skipped: 'pipeline stalled earlier' };
    }
    const m = await measured(apps, cpuRoots, async () => {
      const stop = progress(tracker, phase);
      try {
        await load();
        return await tracker.drain(phase, phase.drainMs ?? CONFIG.drainMs);
      } finally {
        stop();
      }
    });
    return {
      figures: phaseFigures(phase, m.result, tracker),
      metrics: m.metrics,
      cpuPercent: m.cpuPercent,
    };
  };

  const warm = newPhase('warm-up', 'W', themes);
  warm.drainMs = 30_000;
  result.pipeline = {};
  result.pipeline.warmup = await runPhase(warm, `pipeline warm-up: ${CONFIG.warmup} commands at 50/s…`, () =>
    openLoop(tracker, warm, 50, CONFIG.warmup / 50),
  );
  const first = warm.records[0];
  result.pipeline.warmup.firstCommandEndToEndMs = first?.rm ? Math.round(first.rm - first.tSend) : null;

  const open = newPhase('open', 'O', themes);
  result.pipeline.open = await runPhase(
    open,
    `pipeline open loop: ${CONFIG.rate} commands/s for ${CONFIG.openSeconds} s…`,
    () => openLoop(tracker, open, CONFIG.rate, CONFIG.openSeconds),
  );

  const closed = newPhase('closed', 'C', themes);
  result.pipeline.closed = await runPhase(
    closed,
    `pipeline closed loop: concurrency ${CONFIG.concurrency} for ${CONFIG.closedSeconds} s…`,
    () => closedLoop(tracker, closed, CONFIG.concurrency, CONFIG.closedSeconds),
  );

  result.pipeline.stalled = tracker.stalled;
  result.pipeline.measurement = {
    commitPollEveryMs: CONFIG.pollMs,
    commitPollMs: summarize(tracker.commitPolls),
    readModelLookupMs: summarize(tracker.lookups),
    kafkaDuplicatesSeen: tracker.kafkaDuplicates,
  };
  await withTimeout(tracker.stop(), 5000);

  // does the store still answer? (after a stall this tells a store that hangs from an app that does)
  const probe = await withTimeout(
    mongo
      .db('insight')
      .collection('catalogue_theme_summary')
      .find({ _id: { $in: themes } })
      .toArray(),
    5000,
  );
  result.pipeline.storeAnswersAfterLoad = probe.ok;
  if (probe.ok) {
    // the dashboard figure the consumer maintains must count every accepted command exactly once
    const accepted = [warm, open, closed].reduce(
      (n, p) => n + p.records.filter((r) => r.status === 201).length,
      0,
    );
    result.pipeline.themeSummaryCheck = {
      accepted,
      draftedSum: probe.value.reduce((n, s) => n + (s.drafted ?? 0), 0),
    };
  } else step('the store does not answer a small query within 5 s after the load');

  // 5b. idle RSS after load
  step(`idle ${CONFIG.idleMs / 1000} s, then RSS…`);
  await sleep(CONFIG.idleMs);
  result.rss.idleAfterLoad = Object.fromEntries(apps.map((a) => [a.name, rssMb(a.pid)]));

  // targets
  const slower = [
    ['kafka produce→consume', result.rawKafka.consumedPerS],
    [`driver insertOne c=${CONFIG.concurrency}`, result.rawDriver[CONFIG.concurrency]?.insertsPerS],
  ]
    .filter(([, v]) => v)
    .sort((a, b) => a[1] - b[1])[0] ?? ['n/a', null];
  const closedFigures = result.pipeline.closed.figures;
  const openFigures = result.pipeline.open.figures;
  const pipelineRate = closedFigures && closedFigures.missing === 0 ? closedFigures.readModelPerS : null;
  const required = slower[1] ? Math.round(slower[1] * TARGETS.throughputShareOfSlowerRaw) : null;
  result.targets.throughput = {
    slowerRawPath: slower[0],
    slowerRawPerS: slower[1],
    required,
    pipelinePerS: pipelineRate,
    met: Boolean(required && pipelineRate && pipelineRate >= required),
  };
  const e2e = openFigures?.latencyMs.endToEnd;
  result.targets.p99EndToEnd = {
    p99: e2e?.p99 ?? null,
    limit: TARGETS.p99EndToEndMs,
    allArrived: openFigures?.missing === 0,
    met: Boolean(e2e?.n && e2e.p99 < TARGETS.p99EndToEndMs && openFigures.missing === 0),
  };
  result.targets.idleRss = {
    limitMb: TARGETS.idleRssMb,
    met: Object.values(result.rss.idleAfterStart).every((v) => v !== null && v < TARGETS.idleRssMb),
  };
  result.finishedAt = new Date().toISOString();

  // 6. print and save
  const pm = result.pipeline.measurement;
  const text = [
    '',
    `pipeline bench ${RUN} — ${result.machine.cpus} cores, node ${process.version}, stack ${stack.external ? 'external' : `throwaway (PostgreSQL fsync ${CONFIG.durable ? 'on' : 'off'})`}, apps from ${path.relative(REPO_ROOT, DIST) || DIST}`,
    report(result),
    '',
    ...(tracker.stalled
      ? [
          `STALLED at ${tracker.stalled.at}: ${tracker.stalled.reason}, with ${tracker.stalled.inflightHttp} HTTP requests in flight and ${tracker.stalled.outstanding} accepted items not in the read model; ` +
            `the store ${result.pipeline.storeAnswersAfterLoad ? 'still answers' : 'no longer answers'} a small query. Later phases were skipped.`,
        ]
      : []),
    ...['warmup', 'open', 'closed']
      .filter((k) => result.pipeline[k].metrics)
      .map((k) => phaseDiagnostics(k, result.pipeline[k])),
    `raw kafka CPU: ${Object.entries(result.rawKafka.cpuPercent)
      .map(([k, v]) => `${k} ${v}%`)
      .join(', ')}`,
    `raw driver CPU: ${Object.entries(result.rawDriverCpuPercent)
      .map(([k, v]) => `${k} ${v}%`)
      .join(', ')}`,
    `measurement: insight.dashboards commits polled every ${pm.commitPollEveryMs} ms (${fmt(pm.commitPollMs.p50)} ms each); read-model findOne by _id ${fmt(pm.readModelLookupMs.p50)} ms p50 / ${fmt(pm.readModelLookupMs.p99)} ms p99 (${fmt(pm.readModelLookupMs.n)} lookups); ` +
      `read-model times are upper bounds by up to ${pm.commitPollEveryMs} ms plus one lookup`,
    result.pipeline.themeSummaryCheck
      ? `theme summary: drafted sum ${result.pipeline.themeSummaryCheck.draftedSum} for ${result.pipeline.themeSummaryCheck.accepted} accepted commands; Kafka duplicates seen by the observer: ${pm.kafkaDuplicatesSeen}`
      : 'theme summary: not checked (store did not answer)',
  ].join('\n');
  console.log(text);
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `pipeline-${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, JSON.stringify(result, null, 2) + '\n');
  console.log(`\nresults: ${path.relative(REPO_ROOT, file)}`);
  keepLogs = Boolean(tracker.stalled);
  return result;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runMain(session, pipelineBench);
}
