import { describe, expect, it } from 'vitest';
import { rate } from '../lib.mjs';
import { newPhase, phaseFigures } from './phases.mjs';

/** @import { CommandRecord } from './tracker.mjs' */

// a phase that ran from t=0 to t=1000 ms: three accepted commands, one refused, one never answered
function ranPhase() {
  const phase = newPhase('open', 'O', ['legal']);
  /** @type {CommandRecord[]} */
  const records = [
    { code: 'a', tSend: 0, tResp: 10, status: 201, kafkaTs: 20, kafkaSeen: 30, committed: 50, rm: 60 },
    { code: 'b', tSend: 100, tResp: 120, status: 201, kafkaTs: 130, kafkaSeen: 140, committed: 180, rm: 200 },
    { code: 'c', tSend: 200, tResp: 210, status: 201, kafkaTs: 220, kafkaSeen: 240 },
    { code: 'd', tSend: 300, tResp: 305, status: 409 },
    { code: 'e', tSend: 400 },
  ];
  phase.records.push(...records);
  phase.t0 = 0;
  phase.tSent = 1000;
  return phase;
}

describe('phaseFigures', () => {
  it('counts each stage a command reached and the answers by status', () => {
    const f = phaseFigures(ranPhase(), false, null);
    expect(f).toMatchObject({
      sent: 5,
      accepted: 3,
      statuses: { 201: 3, 409: 1, 'no answer': 1 },
      onKafka: 3,
      committed: 2,
      arrived: 2,
      missing: 1,
      drainedInTime: false,
      stalled: null,
      seconds: 1,
      sentPerS: 5,
    });
  });

  it('gives each stage its rate over the phase and the read model no catch-up time while one is missing', () => {
    const f = phaseFigures(ranPhase(), false, null);
    expect(f.acceptedPerS).toBe(rate(3, 305));
    expect(f.relayToKafkaPerS).toBe(rate(3, 240));
    expect(f.consumerCommittedPerS).toBe(rate(2, 180));
    expect(f.readModelPerS).toBe(rate(2, 200));
    expect(f.catchUpAfterLastAcceptMs).toBeNull();
  });

  it('measures latencies from the send, over the commands that reached that stage', () => {
    const { latencyMs } = phaseFigures(ranPhase(), false, null);
    expect(latencyMs.http).toMatchObject({ n: 3, max: 20 });
    expect(latencyMs.sendToKafkaObserved).toMatchObject({ n: 3, max: 40 });
    expect(latencyMs.kafkaObservedToCommitted).toMatchObject({ n: 2, p50: 20, max: 40 });
    expect(latencyMs.endToEnd).toMatchObject({ n: 2, p50: 60, max: 100 });
  });
});
