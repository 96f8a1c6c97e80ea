import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type AppProcess, spawnApp, waitHealthy } from './app-process';
import { freePort } from './free-port';

// A stand-in for a built app: FAKE_MODE says how it behaves
const FAKE_MAIN = `
const http = require('node:http');
const mode = process.env.FAKE_MODE;
if (mode === 'bad-config') {
  console.error('LOG_LEVEL: expected one of fatal|error|warn');
  process.exit(78);
}
let probes = 0;
http
  .createServer((req, res) => {
    // unhealthy for the first two probes, as an app is while it connects
    res.writeHead(req.url === '/health' && ++probes > 2 ? 200 : 503).end(String(probes));
  })
  .listen(Number(process.env.PORT), '127.0.0.1', () => console.log('fake listening on ' + process.env.PORT));
process.on('SIGTERM', () => {
  if (mode !== 'stubborn') process.exit(0);
});
`;

describe('spawnApp and waitHealthy', () => {
  let dist = '';
  const running: AppProcess[] = [];
  const start = async (mode: string, output?: { file: string }) => {
    const app = spawnApp('fake', {
      dist,
      port: await freePort(),
      env: { PATH: process.env.PATH, FAKE_MODE: mode, UNSET: undefined },
      cwd: dist,
      output,
    });
    running.push(app);
    return app;
  };

  beforeAll(async () => {
    dist = await mkdtemp(path.join(tmpdir(), 'psc-app-process-'));
    await mkdir(path.join(dist, 'apps/fake/src'), { recursive: true });
    await writeFile(path.join(dist, 'apps/fake/src/main.js'), FAKE_MAIN);
  });
  afterEach(async () => {
    await Promise.all(running.splice(0).map((app) => app.kill()));
  });
  afterAll(() => rm(dist, { recursive: true, force: true }));

  it('waits through unhealthy answers until /health says 200, on the port it was given', async () => {
    const app = await start('normal');
    await waitHealthy(app, { intervalMs: 10 });
    expect(await (await fetch(`${app.url}/health`)).text()).toBe('4');
    expect(app.output()).toContain(`fake listening on ${app.port}`);
  });

  it('says which app exited before it was healthy, how, and what it printed', async () => {
    const app = await start('bad-config');
    await expect(waitHealthy(app, { intervalMs: 10 })).rejects.toThrow(
      /fake exited \(code 78\) before it was healthy\n--- fake output ---\nLOG_LEVEL: expected/,
    );
  });

  it('stops waiting when told to', async () => {
    const app = await start('normal');
    const abort = new AbortController();
    abort.abort(new Error('shutting down'));
    await expect(waitHealthy(app, { signal: abort.signal })).rejects.toThrow('shutting down');
  });

  it('stops an app with SIGTERM, and kills one that ignores it', async () => {
    const polite = await start('normal');
    const stubborn = await start('stubborn');
    await Promise.all([waitHealthy(polite, { intervalMs: 10 }), waitHealthy(stubborn, { intervalMs: 10 })]);
    expect(await polite.stop()).toBe('stopped');
    expect(polite.process.exitCode).toBe(0);
    expect(await stubborn.stop({ killAfterMs: 50 })).toBe('killed');
    expect(stubborn.process.signalCode).toBe('SIGKILL');
  });

  it('appends its output to a log file when given one', async () => {
    const file = path.join(dist, 'fake.log');
    await writeFile(file, 'earlier run\n');
    const app = await start('normal', { file });
    await waitHealthy(app, { intervalMs: 10 });
    expect(await readFile(file, 'utf8')).toMatch(/^earlier run\nfake listening on \d+/);
    expect(app.output()).toContain('fake listening');
  });
});
