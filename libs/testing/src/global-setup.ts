import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadStackModule } from './stack';

/**
 * Integration suites run against a real Kafka and store: the servers named by MONGODB_URI and KAFKA_BROKERS when
 * both are set, otherwise a throwaway stack on free ports that is removed afterwards.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const { MONGODB_URI, KAFKA_BROKERS } = process.env;
  if (MONGODB_URI && KAFKA_BROKERS) {
    project.provide('stack', { mongoUri: MONGODB_URI, kafkaBrokers: KAFKA_BROKERS, dir: null });
    return async () => undefined;
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'psc-stack-'));
  const { startStack } = await loadStackModule();
  const stack = await startStack({ dir, durable: false });
  project.provide('stack', { mongoUri: stack.mongoUri!, kafkaBrokers: stack.kafkaBrokers!, dir });
  return async () => {
    await stack.stop();
    await rm(dir, { recursive: true, force: true });
  };
}
