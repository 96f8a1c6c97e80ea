// What the pipeline bench prints: the figures next to their targets, then per-phase diagnostics.

import os from 'node:os';
import path from 'node:path';
import { fmt, table } from '../lib.mjs';
import { DIST, REPO_ROOT } from '../system.mjs';
import { CONFIG } from './settings.mjs';
import { TARGETS } from './targets.mjs';

/** @import { MeasuredPhase, PipelineResult } from '../pipeline.mjs' */
/** @import { summarize } from '../lib.mjs' */

/** @param {boolean | null | undefined} ok */
function verdict(ok) {
  return ok === null || ok === undefined ? '' : ok ? 'ok' : 'MISSED';
}

/** @param {PipelineResult} r */
function report(r) {
  const rows = [['figure', 'value', 'target', '']];
  /** @param {string} figure @param {string} value @param {string} [target] @param {boolean | null} [ok] */
  const add = (figure, value, target = '', ok = null) => rows.push([figure, value, target, verdict(ok)]);
  /** @param {ReturnType<typeof summarize> | undefined} s */
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
  add(
    'store grown before measuring (documents per collection the pipeline touches)',
    r.growth.documents > 0
      ? `${fmt(r.growth.documents)} in ${fmt(r.growth.seconds, ' s')}`
      : 'none (BENCH_GROW=0)',
  );
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

/** @param {string} name @param {MeasuredPhase} phase */
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

/** The whole printout of a run. @param {PipelineResult} result */
export function summaryText(result) {
  const pm = result.pipeline.measurement;
  const stalled = result.pipeline.stalled;
  return [
    '',
    `pipeline bench ${result.run} — ${result.machine.cpus} cores, node ${process.version}, stack ${result.stack.external ? 'external' : `throwaway (PostgreSQL fsync ${CONFIG.durable ? 'on' : 'off'})`}, apps from ${path.relative(REPO_ROOT, DIST) || DIST}`,
    report(result),
    '',
    ...(stalled
      ? [
          `STALLED at ${stalled.at}: ${stalled.reason}, with ${stalled.inflightHttp} HTTP requests in flight and ${stalled.outstanding} accepted items not in the read model; ` +
            `the store ${result.pipeline.storeAnswersAfterLoad ? 'still answers' : 'no longer answers'} a small query. Later phases were skipped.`,
        ]
      : []),
    .../** @type {const} */ (['warmup', 'open', 'closed']).flatMap((k) => {
      const phase = result.pipeline[k];
      return 'metrics' in phase ? [phaseDiagnostics(k, phase)] : [];
    }),
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
}
