// The pipeline's load phases: open loop (a fixed rate, whatever became of earlier commands) and closed loop (a fixed
// number of clients), their progress lines, and the figures of a finished phase.

import { now, rate, sleep, summarize } from '../lib.mjs';

/** @import { Session } from '../system.mjs' */
/** @import { CommandRecord, Tracker } from './tracker.mjs' */
/**
 * @typedef {{
 *   name: string, tag: string, themes: string[], records: CommandRecord[], errorSamples: string[],
 *   drainMs?: number, t0?: number, tSent?: number, scheduleLagMs?: ReturnType<typeof summarize>,
 * }} Phase
 * @typedef {ReturnType<typeof phaseFigures>} PhaseFigures
 */

/** @param {string} name @param {string} tag @param {string[]} themes @returns {Phase} */
export function newPhase(name, tag, themes) {
  return { name, tag, themes, records: [], errorSamples: [] };
}

/**
 * Prints where a phase stands every few seconds, so a slow drain is visible while it happens.
 * @param {Session} session
 * @param {Phase} phase
 * @returns {() => void} stops printing
 */
export function progress(session, phase) {
  const t0 = now();
  const timer = setInterval(() => {
    const recs = phase.records;
    /** @param {(r: CommandRecord) => unknown} f */
    const count = (f) => recs.filter(f).length;
    session.step(
      `  ${phase.name} +${Math.round((now() - t0) / 1000)} s: sent ${recs.length}, answered ${count((r) => r.tResp)}, accepted ${count((r) => r.status === 201)}, ` +
        `on Kafka ${count((r) => r.kafkaSeen)}, committed ${count((r) => r.committed)}, in read model ${count((r) => r.rm)}`,
    );
  }, 5000);
  return () => clearInterval(timer);
}

/**
 * Resolves when the tracker reports a stall, so a load loop stops waiting for answers that will not come.
 * @param {Tracker} tracker
 * @returns {Promise<void>}
 */
const stallSignal = (tracker) =>
  new Promise((resolve) => {
    const t = setInterval(() => {
      if (tracker.stalled || !tracker.active) {
        clearInterval(t);
        resolve();
      }
    }, 200);
  });

/**
 * @param {Session} session
 * @param {Tracker} tracker
 * @param {Phase} phase
 * @param {number} ratePerS
 * @param {number} seconds
 */
export async function openLoop(session, tracker, phase, ratePerS, seconds) {
  const total = Math.round(ratePerS * seconds);
  const interval = 1000 / ratePerS;
  const inflight = [];
  const lags = [];
  const t0 = now();
  for (let i = 0; i < total && !tracker.stalled; i++) {
    session.checkAbort();
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

/**
 * @param {Session} session
 * @param {Tracker} tracker
 * @param {Phase} phase
 * @param {number} concurrency
 * @param {number} seconds
 */
export async function closedLoop(session, tracker, phase, concurrency, seconds) {
  const t0 = now();
  const deadline = t0 + seconds * 1000;
  let next = 0;
  const workers = Array.from({ length: concurrency }, async () => {
    while (now() < deadline && !tracker.stalled) {
      session.checkAbort();
      await tracker.command(phase, next++);
    }
  });
  await Promise.race([Promise.all(workers), stallSignal(tracker)]);
  phase.t0 = t0;
  phase.tSent = now();
}

/**
 * @param {Phase} phase a phase whose load has run (t0 and tSent set)
 * @param {boolean} drained
 * @param {Tracker['stalled']} stalled
 */
export function phaseFigures(phase, drained, stalled) {
  const recs = phase.records;
  const t0 = phase.t0 ?? NaN;
  const tSent = phase.tSent ?? NaN;
  const ok = recs.filter((r) => r.status === 201);
  const arrived = ok.filter((r) => r.rm);
  const committed = ok.filter((r) => r.committed);
  const answered = recs.filter((r) => r.tResp);
  /** @param {CommandRecord[]} list @param {(r: CommandRecord) => number | undefined} at */
  const latest = (list, at) => Math.max(...list.map((r) => at(r) ?? NaN));
  /** @param {CommandRecord[]} list @param {(r: CommandRecord) => number} ms */
  const times = (list, ms) => summarize(list.map(ms));
  const lastResp = answered.length ? latest(answered, (r) => r.tResp) : null;
  const lastRm = arrived.length ? latest(arrived, (r) => r.rm) : null;
  const onKafka = ok.filter((r) => r.kafkaSeen);
  /** @type {Record<string, number>} */
  const statuses = {};
  for (const r of recs)
    statuses[r.tResp ? String(r.status) : 'no answer'] =
      (statuses[r.tResp ? String(r.status) : 'no answer'] ?? 0) + 1;
  // a record in `ok`, `onKafka`, `committed` or `arrived` has every time the filter asked for
  /** @param {number | undefined} v */
  const t = (v) => v ?? NaN;
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
    stalled,
    seconds: Math.round(((tSent - t0) / 1000) * 10) / 10,
    sentPerS: rate(recs.length, tSent - t0),
    acceptedPerS: lastResp ? rate(ok.length, lastResp - t0) : null,
    // how fast each stage got through the phase's commands: the slowest stage bounds the pipeline
    relayToKafkaPerS: onKafka.length ? rate(onKafka.length, latest(onKafka, (r) => r.kafkaSeen) - t0) : null,
    consumerCommittedPerS: committed.length
      ? rate(committed.length, latest(committed, (r) => r.committed) - t0)
      : null,
    readModelPerS: lastRm ? rate(arrived.length, lastRm - t0) : null,
    catchUpAfterLastAcceptMs:
      lastRm && lastResp && ok.length === arrived.length ? Math.round(lastRm - lastResp) : null,
    scheduleLagMs: phase.scheduleLagMs,
    latencyMs: {
      http: times(ok, (r) => t(r.tResp) - r.tSend),
      sendToKafkaProduce: times(onKafka, (r) => t(r.kafkaTs) - r.tSend),
      sendToKafkaObserved: times(onKafka, (r) => t(r.kafkaSeen) - r.tSend),
      kafkaObservedToCommitted: times(committed, (r) => t(r.committed) - t(r.kafkaSeen)),
      sendToCommitted: times(committed, (r) => t(r.committed) - r.tSend),
      endToEnd: times(arrived, (r) => t(r.rm) - r.tSend),
    },
  };
}
