// The pipeline's targets, and whether a run met them.

import { CONFIG } from './settings.mjs';

/** @import { PipelineResult } from '../pipeline.mjs' */
/** @typedef {ReturnType<typeof assessTargets>} Targets */

export const TARGETS = Object.freeze({
  throughputShareOfSlowerRaw: 0.5,
  p99EndToEndMs: 250,
  idleRssMb: 150,
  warmStartS: 60,
});

/** @param {Pick<PipelineResult, 'startup' | 'rawKafka' | 'rawDriver' | 'pipeline' | 'rss'>} figures */
export function assessTargets({ startup, rawKafka, rawDriver, pipeline, rss }) {
  /** @type {[string, number | null | undefined][]} */
  const raw = [
    ['kafka produce→consume', rawKafka.consumedPerS],
    [`driver insertOne c=${CONFIG.concurrency}`, rawDriver[CONFIG.concurrency]?.insertsPerS],
  ];
  /** @type {[string, number | null]} */
  const slower = /** @type {[string, number][]} */ (raw.filter(([, v]) => v)).sort(
    (a, b) => a[1] - b[1],
  )[0] ?? ['n/a', null];
  const closedFigures = pipeline.closed.figures;
  const openFigures = pipeline.open.figures;
  const pipelineRate = closedFigures && closedFigures.missing === 0 ? closedFigures.readModelPerS : null;
  const required = slower[1] ? Math.round(slower[1] * TARGETS.throughputShareOfSlowerRaw) : null;
  const e2e = openFigures?.latencyMs.endToEnd;
  return {
    warmStart: { met: startup.totalMs < TARGETS.warmStartS * 1000 },
    throughput: {
      slowerRawPath: slower[0],
      slowerRawPerS: slower[1],
      required,
      pipelinePerS: pipelineRate,
      met: Boolean(required && pipelineRate && pipelineRate >= required),
    },
    p99EndToEnd: {
      p99: e2e?.p99 ?? null,
      limit: TARGETS.p99EndToEndMs,
      allArrived: openFigures?.missing === 0,
      met: Boolean(
        e2e?.n && e2e.p99 !== null && e2e.p99 < TARGETS.p99EndToEndMs && openFigures?.missing === 0,
      ),
    },
    idleRss: {
      limitMb: TARGETS.idleRssMb,
      met: Object.values(rss.idleAfterStart).every((v) => v !== null && v < TARGETS.idleRssMb),
    },
  };
}
