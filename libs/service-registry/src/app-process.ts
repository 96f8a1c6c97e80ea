import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export interface SpawnAppOptions {
  /** the compiled tree holding apps/<name>/src/main.js (dist/server) */
  dist: string;
  port: number;
  /** the child's whole environment; PORT is set from `port`, and undefined values are left out */
  env: Record<string, string | undefined>;
  cwd: string;
  nodeArgs?: readonly string[];
  /** `capture` keeps it for output(), `inherit` shares the terminal, `{ file }` appends to a log file */
  output?: 'capture' | 'inherit' | { file: string };
}

/** A built backend app running as its own process, as in production. */
export interface AppProcess {
  readonly name: string;
  readonly port: number;
  readonly url: string;
  readonly process: ChildProcess;
  /** what it printed so far; empty when it shares the terminal */
  output(): string;
  hasExited(): boolean;
  /** resolves once the process has exited */
  exited(): Promise<void>;
  /** SIGTERM, then SIGKILL when it is still running after `killAfterMs`; says which ended it */
  stop(options?: { killAfterMs?: number }): Promise<'stopped' | 'killed'>;
  /** SIGKILL: the process gets no chance to flush anything, as in a crash */
  kill(): Promise<void>;
}

const HEALTH_PROBE_TIMEOUT_MS = 3000;
const OUTPUT_TAIL = 4000;

export function spawnApp(
  name: string,
  { dist, port, env, cwd, nodeArgs = [], output = 'capture' }: SpawnAppOptions,
): AppProcess {
  const main = path.join(dist, 'apps', name, 'src', 'main.js');
  const logFd = typeof output === 'object' ? openSync(output.file, 'a') : undefined;
  const child = spawn(process.execPath, ['--enable-source-maps', ...nodeArgs, main], {
    cwd,
    env: { ...env, PORT: String(port) },
    stdio:
      output === 'capture' ? ['ignore', 'pipe', 'pipe'] : ['ignore', logFd ?? 'inherit', logFd ?? 'inherit'],
  });
  if (logFd !== undefined) closeSync(logFd);
  let captured = '';
  child.stdout?.on('data', (chunk: Buffer) => (captured += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (captured += chunk.toString()));

  const hasExited = () => child.exitCode !== null || child.signalCode !== null;
  const exited = () =>
    hasExited() ? Promise.resolve() : new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    name,
    port,
    url: `http://127.0.0.1:${port}`,
    process: child,
    output: () => (typeof output === 'object' ? readFileSync(output.file, 'utf8') : captured),
    hasExited,
    exited,
    async stop({ killAfterMs = Infinity } = {}) {
      if (hasExited()) return 'stopped';
      child.kill('SIGTERM');
      if (killAfterMs === Infinity) {
        await exited();
        return 'stopped';
      }
      const timer = new AbortController();
      const inTime = await Promise.race([
        exited().then(() => true),
        sleep(killAfterMs, false, { signal: timer.signal }).catch(() => true),
      ]);
      timer.abort();
      if (inTime) return 'stopped';
      child.kill('SIGKILL');
      await exited();
      return 'killed';
    },
    async kill() {
      child.kill('SIGKILL');
      await exited();
    },
  };
}

const tail = (app: AppProcess) => {
  const text = app.output();
  return text ? `\n--- ${app.name} output ---\n${text.slice(-OUTPUT_TAIL)}` : '';
};

/**
 * Polls the app's /health until it answers 200. Rejects when the app exits first, when `timeoutMs` passes (both
 * with the tail of what it printed) or when `signal` aborts.
 */
export async function waitHealthy(
  app: AppProcess,
  {
    // catalogue seeds 108 items before it listens: on a busy 2-core machine that alone passed a minute
    timeoutMs = 180_000,
    intervalMs = 200,
    signal,
  }: { timeoutMs?: number; intervalMs?: number; signal?: AbortSignal } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  for (;;) {
    signal?.throwIfAborted();
    if (app.hasExited()) {
      const { exitCode, signalCode } = app.process;
      throw new Error(
        `${app.name} exited (${signalCode ?? `code ${exitCode}`}) before it was healthy${tail(app)}`,
      );
    }
    try {
      const response = await fetch(`${app.url}/health`, {
        signal: AbortSignal.timeout(HEALTH_PROBE_TIMEOUT_MS),
      });
      if (response.ok) return;
      last = `${response.status} ${(await response.text()).slice(0, 300)}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error); // not listening yet
    }
    if (Date.now() >= deadline) {
      throw new Error(`${app.name} not healthy within ${timeoutMs / 1000} s (last: ${last})${tail(app)}`);
    }
    await sleep(intervalMs, undefined, { signal });
  }
}
