import path from 'node:path';
import type {} from 'vitest';

/** What tools/stack/stack.mjs gives back; typed here because the stack scripts are plain JS run before any build. */
export interface RunningStack {
  mongoUri?: string;
  kafkaBrokers?: string;
  /** the PostgreSQL database FerretDB stores in (postgresql handler only), for EXPLAIN and the catalog */
  postgresUrl?: string;
  stopKafka(): Promise<void>;
  startKafka(): Promise<void>;
  /** SIGKILLs one part, as a crash would; `revive()` starts it again on the same port and data */
  kill(part: StackPart): Promise<void>;
  revive(): Promise<void>;
  stop(): Promise<void>;
}

export type StackPart = 'kafka' | 'postgres' | 'ferret';

interface StackModule {
  startStack(options: {
    dir?: string;
    durable?: boolean;
    kafka?: boolean;
    mongo?: boolean;
    log?: (line: string) => void;
  }): Promise<RunningStack>;
}

export const repoRoot = path.resolve(import.meta.dirname, '../../..');

export async function loadStackModule(): Promise<StackModule> {
  return (await import(path.join(repoRoot, 'tools/stack/stack.mjs'))) as StackModule;
}

/** Where the suite's throwaway stack lives; injected by the global setup. */
export interface TestStack {
  mongoUri: string;
  kafkaBrokers: string;
  /** null when the suite runs against external servers (MONGODB_URI / KAFKA_BROKERS), which tests must not stop */
  dir: string | null;
}

/** Re-attaches to the suite's stack from a test worker, to stop, kill and start its parts. */
export async function attachStack(stack: TestStack): Promise<RunningStack | null> {
  if (!stack.dir) return null;
  const { startStack } = await loadStackModule();
  return startStack({ dir: stack.dir, durable: false, log: () => undefined });
}

declare module 'vitest' {
  export interface ProvidedContext {
    stack: TestStack;
  }
}
