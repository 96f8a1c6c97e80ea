import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { repoRoot } from './stack';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

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

export interface RunningApp {
  name: string;
  url: string;
  port: number;
  process: ChildProcess;
  output(): string;
  /** SIGKILL: the process gets no chance to flush anything, as in a crash */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

const exited = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise<void>((resolve) => child.once('exit', () => resolve()));

/** Runs a built backend app (dist/server) as its own process, as production does, and waits for /health. */
export async function startApp(
  name: string,
  env: Record<string, string>,
  { port, waitHealthy = true }: { port?: number; waitHealthy?: boolean } = {},
): Promise<RunningApp> {
  const appPort = port ?? (await freePort());
  const child = spawn(
    process.execPath,
    ['--enable-source-maps', path.join(repoRoot, `dist/server/apps/${name}/src/main.js`)],
    {
      cwd: repoRoot,
      env: { PATH: process.env.PATH, LOG_LEVEL: 'warn', NODE_ENV: 'test', ...env, PORT: String(appPort) },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${appPort}`;
  const app: RunningApp = {
    name,
    url,
    port: appPort,
    process: child,
    output: () => output,
    kill: async () => {
      child.kill('SIGKILL');
      await exited(child);
    },
    stop: async () => {
      child.kill('SIGTERM');
      await exited(child);
    },
  };
  if (waitHealthy) {
    await waitFor(
      async () => {
        if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}:\n${output}`);
        const response = await fetch(`${url}/health`);
        return response.ok;
      },
      { timeoutMs: 60_000, intervalMs: 200, what: `${name} to be healthy` },
    ).catch((error: unknown) => {
      child.kill('SIGKILL');
      throw new Error(`${String(error)}\n--- ${name} output ---\n${output.slice(-4000)}`);
    });
  }
  return app;
}

export async function exitOf(app: RunningApp): Promise<number | null> {
  await exited(app.process);
  return app.process.exitCode;
}
