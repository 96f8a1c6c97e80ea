// Raw kafkajs, the Kafka side's ceiling: produce to a fresh topic and consume it back.

import { now, rate, sleep, summarize } from '../lib.mjs';
import { RUN } from './settings.mjs';

/** @import { Kafka } from 'kafkajs' */
/** @import { Session } from '../system.mjs' */
/** @typedef {Awaited<ReturnType<typeof rawKafka>>} RawKafkaFigures */

/** @param {Session} session @param {Kafka} kafka @param {number} n @param {number} batchSize */
export async function rawKafka(session, kafka, n, batchSize) {
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
    /** @type {number[]} */
    const latencies = [];
    let tLast = 0;
    /** @type {(value: 'done') => void} */
    let allIn = () => {};
    const done = new Promise((resolve) => (allIn = resolve));
    const joined = new Promise((resolve) => consumer.on(consumer.events.GROUP_JOIN, resolve));
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({
      eachBatch: async ({ batch }) => {
        const t = now();
        for (const m of batch.messages) latencies.push(t - JSON.parse(String(m.value)).t);
        if (latencies.length >= n) {
          tLast = t;
          allIn('done');
        }
      },
    });
    await joined;
    await producer.connect();
    // about the size of a catalogue event envelope
    const pad = 'x'.repeat(300);
    const t0 = now();
    for (let i = 0; i < n; i += batchSize) {
      session.checkAbort();
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
