import { type AppProcess, freePort, spawnApp, waitHealthy } from '@psc/service-registry';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './stack';

export { freePort };

export async function waitFor<T>(
  probe: () => Promise<T | undefined | null | false>,
  { timeoutMs = 30_000, intervalMs = 100, what = 'condition' } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(
    `timed out after ${timeoutMs} ms waiting for ${what}${lastError instanceof Error ? `: ${lastError.message}` : ''}`,
  );
}

export type RunningApp = AppProcess;

// each app's warnings and errors stay after the run, for reading why a test failed
const logs = path.join(repoRoot, 'tmp/test-logs');

/** Runs a built backend app (dist/server) as its own process, as production does, and waits for /health. */
export async function startApp(
  name: string,
  env: Record<string, string>,
  { port, waitHealthy: wait = true }: { port?: number; waitHealthy?: boolean } = {},
): Promise<RunningApp> {
  const listen = port ?? (await freePort());
  mkdirSync(logs, { recursive: true });
  const app = spawnApp(name, {
    dist: path.join(repoRoot, 'dist/server'),
    port: listen,
    cwd: repoRoot,
    output: { file: path.join(logs, `${name}-${listen}.log`) },
    env: { PATH: process.env.PATH, LOG_LEVEL: 'warn', NODE_ENV: 'test', ...env },
  });
  if (wait) {
    await waitHealthy(app).catch(async (error: unknown) => {
      await app.kill();
      throw error;
    });
  }
  return app;
}

export async function exitOf(app: RunningApp): Promise<number | null> {
  await app.exited();
  return app.process.exitCode;
}
