import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SystemWorld } from '../world';

/** A bundle-sized script: big enough to be worth compressing. */
const BIG_SCRIPT = Array.from({ length: 400 }, (_, i) => `export const value${i} = ${i} * 2;`).join('\n');

interface SseMessage {
  id?: string;
  event?: string;
  data?: string;
}

/** Reads server-sent events from a fetch body, as EventSource would (fields per message, comments skipped). */
async function openStream(url: string, headers: Record<string, string> = {}) {
  const abort = new AbortController();
  const response = await fetch(url, { headers, signal: abort.signal });
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  const queue: SseMessage[] = [];
  let pending = '';
  const next = async (wanted: (m: SseMessage) => boolean, timeoutMs = 30_000): Promise<SseMessage> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const index = queue.findIndex(wanted);
      if (index >= 0) return queue.splice(0, index + 1).at(-1)!;
      if (Date.now() > deadline) throw new Error(`no matching event within ${timeoutMs} ms`);
      const timer = new Promise<never>((_, reject) =>
        setTimeout(
          () => reject(new Error(`no matching event within ${timeoutMs} ms`)),
          deadline - Date.now(),
        ),
      );
      const { value, done } = await Promise.race([reader.read(), timer]);
      if (done) throw new Error('stream ended');
      pending += value;
      let end: number;
      while ((end = pending.indexOf('\n\n')) >= 0) {
        const block = pending.slice(0, end);
        pending = pending.slice(end + 2);
        const message: SseMessage = {};
        for (const line of block.split('\n')) {
          const match = /^(id|event|data): ?(.*)$/.exec(line);
          if (match) message[match[1] as keyof SseMessage] = match[2];
        }
        if (Object.keys(message).length > 0) queue.push(message);
      }
    }
  };
  return { response, next, close: () => abort.abort() };
}

describe('gateway: security, UIs, runtime config and live push', () => {
  const world = new SystemWorld(inject('stack'));
  let gateway = '';
  let webRoot = '';
  let clients = 0;
  // every test is its own client address (the gateway trusts one proxy hop here), so rate limits stay apart
  const client = () => ({ 'x-forwarded-for': `203.0.113.${++clients}` });

  beforeAll(async () => {
    webRoot = await mkdtemp(path.join(tmpdir(), 'psc-web-'));
    await mkdir(path.join(webRoot, 'kiosk/assets'), { recursive: true });
    await writeFile(path.join(webRoot, 'kiosk/index.html'), '<!doctype html><title>kiosk</title>');
    await writeFile(path.join(webRoot, 'kiosk/assets/app-3f9a1c.js'), 'console.log(1)');
    await writeFile(path.join(webRoot, 'kiosk/assets/vendor-7c2e0d.js'), BIG_SCRIPT);
    await world.start('catalogue');
    await world.start('insight');
    const app = await world.startGateway({
      WEB_ROOT: webRoot,
      TRUST_PROXY: '1',
      RATE_LIMIT_PER_MINUTE: '5',
      AUTH_RATE_LIMIT_PER_MINUTE: '2',
      MAX_BODY_BYTES: '65536',
      KIOSK_IDLE_SECONDS: '45',
      IDENTITY_URL: 'http://127.0.0.1:9', // nothing listens: the limiter must answer before the proxy
      LOG_LEVEL: 'info',
    });
    gateway = app.url;
  });
  afterAll(async () => {
    await world.dispose();
    await rm(webRoot, { recursive: true, force: true });
  });

  it('sends security headers on its own routes, on proxied ones and on reads answered from memory', async () => {
    const search = `${gateway}/api/catalogue/search?q=dibao`; // the second is a kept answer, sent before Express
    for (const url of [`${gateway}/config.json`, `${gateway}/api/catalogue/openapi.json`, search, search]) {
      const response = await fetch(url, { headers: client() });
      expect(response.status, url).toBe(200);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp, url).toContain("default-src 'self'");
      expect(csp, url).toContain("script-src 'self'");
      expect(csp, url).toContain("img-src 'self' data:");
      expect(csp, url).toContain("frame-ancestors 'none'");
      expect(csp, url).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(response.headers.get('x-content-type-options'), url).toBe('nosniff');
      expect(response.headers.get('referrer-policy'), url).toBe('no-referrer');
      expect(response.headers.get('strict-transport-security'), url).toMatch(/max-age=/);
      expect(response.headers.get('x-powered-by'), url).toBeNull();
    }
  });

  it('admits its own origin only: a cross-origin preflight is refused and gets no CORS grant', async () => {
    const preflight = (origin: string) =>
      fetch(`${gateway}/api/catalogue/items`, {
        method: 'OPTIONS',
        headers: {
          ...client(),
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization,content-type',
        },
      });
    const foreign = await preflight('https://evil.example');
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    expect(((await foreign.json()) as { code: string }).code).toBe('AUTH.FORBIDDEN');

    const own = await preflight(gateway);
    expect(own.status).toBe(204);
    expect(own.headers.get('access-control-allow-origin')).toBe(gateway);

    const simple = await fetch(`${gateway}/config.json`, { headers: { origin: 'https://evil.example' } });
    expect(simple.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses a body over MAX_BODY_BYTES with 413 before it reaches the service', async () => {
    const before = await world.db('catalogue').collection('items').countDocuments();
    const tooLarge = JSON.stringify({ code: world.nextCode(), name: '超长内容', theme: 'x'.repeat(70_000) });
    const response = await fetch(`${gateway}/api/catalogue/items`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...world.adminHeaders, ...client() },
      body: tooLarge,
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ code: 'COMMON.PAYLOAD_TOO_LARGE', message: '提交的内容太大' });

    // a body of undeclared length (chunked) is counted as it streams and cut off at the limit
    const chunk = new TextEncoder().encode('x'.repeat(16_384));
    let sent = 0;
    const streamed = await fetch(`${gateway}/api/catalogue/items`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...world.adminHeaders, ...client() },
      body: new ReadableStream({
        pull: (controller) => (++sent > 8 ? controller.close() : controller.enqueue(chunk)),
      }),
      duplex: 'half',
    });
    expect(streamed.status).toBe(413);
    expect(((await streamed.json()) as { code: string }).code).toBe('COMMON.PAYLOAD_TOO_LARGE');
    expect(await world.db('catalogue').collection('items').countDocuments()).toBe(before);
  });

  it('limits /api calls per client address, and sign-in attempts much more tightly', async () => {
    const me = client();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      statuses.push((await fetch(`${gateway}/api/catalogue/openapi.json`, { headers: me })).status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const limited = await fetch(`${gateway}/api/catalogue/openapi.json`, { headers: me });
    expect(limited.status).toBe(429);
    expect(await limited.json()).toEqual({ code: 'COMMON.RATE_LIMITED', message: '操作太频繁，请稍后再试' });
    // another address is unaffected
    expect((await fetch(`${gateway}/api/catalogue/openapi.json`, { headers: client() })).status).toBe(200);
    // searches answered from memory count against the same allowance, by the forwarded address
    const kiosk = client();
    const searches: number[] = [];
    for (let i = 0; i < 6; i++) {
      searches.push((await fetch(`${gateway}/api/catalogue/search?q=shebaoka`, { headers: kiosk })).status);
    }
    expect(searches).toEqual([200, 200, 200, 200, 200, 429]);

    const login = client();
    const attempts: number[] = [];
    for (let i = 0; i < 3; i++) {
      const response = await fetch(`${gateway}/api/identity/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...login },
        body: JSON.stringify({ username: 'someone', password: 'guess' }),
      });
      attempts.push(response.status);
    }
    expect(attempts).toEqual([503, 503, 429]);
  });

  it('serves runtime configuration for the UIs', async () => {
    const response = await fetch(`${gateway}/config.json`, { headers: client() });
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(await response.json()).toEqual({
      apiBase: '/api',
      kioskIdleSeconds: 45,
      centreId: 'sz/futian/xiangmihu/c-001',
      devMode: true,
    });
  });

  it('serves a built UI with SPA fallback and cache headers, and 404 for one not built', async () => {
    const get = (p: string) => fetch(`${gateway}${p}`, { headers: client(), redirect: 'manual' });
    const root = await get('/');
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/kiosk/');
    expect((await get('/kiosk')).headers.get('location')).toBe('/kiosk/');

    for (const p of ['/kiosk/', '/kiosk/services/123?from=home']) {
      const page = await get(p);
      expect(page.status, p).toBe(200);
      expect(await page.text(), p).toContain('<title>kiosk</title>');
      expect(page.headers.get('cache-control'), p).toBe('no-cache');
    }
    const asset = await get('/kiosk/assets/app-3f9a1c.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await get('/kiosk/assets/app-gone.js')).status).toBe(404);
    // a real bundle travels compressed, and arrives whole
    const bundle = await fetch(`${gateway}/kiosk/assets/vendor-7c2e0d.js`, {
      headers: { ...client(), 'accept-encoding': 'gzip' },
    });
    expect(bundle.headers.get('content-encoding')).toBe('gzip');
    expect(await bundle.text()).toBe(BIG_SCRIPT);
    expect((await get('/portal/')).status).toBe(404);
  });

  it('pushes catalogue events over SSE and replays them to a screen that reconnects', async () => {
    const me = client();
    const first = await openStream(`${gateway}/api/events/stream?channels=catalogue`, me);
    expect(first.response.status).toBe(200);
    expect(first.response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const { id: before } = await first.next((m) => m.id !== undefined && m.event === undefined);

    const drafted = await fetch(`${gateway}/api/catalogue/items`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...world.adminHeaders, ...me },
      body: JSON.stringify({ code: world.nextCode(), name: '居家养老服务补贴', theme: 'elderly-care' }),
    });
    expect(drafted.status).toBe(201);
    const { _id: itemId } = (await drafted.json()) as { _id: string };

    const live = await first.next((m) => m.event === 'catalogue.item.drafted');
    const payload = JSON.parse(live.data!) as { type: string; key: string; data: { itemId: string } };
    expect(payload).toMatchObject({ type: 'catalogue.item.drafted', key: itemId, data: { itemId } });
    first.close();

    const again = await openStream(`${gateway}/api/events/stream?channels=catalogue`, {
      ...me,
      'last-event-id': before!,
    });
    const replayed = await again.next((m) => m.event === 'catalogue.item.drafted');
    expect(replayed.id).toBe(live.id);
    expect(replayed.data).toBe(live.data);
    again.close();

    // an id this process never issued: the screen is told to reload instead of trusting a partial replay
    const stranger = await openStream(`${gateway}/api/events/stream?channels=catalogue`, {
      ...me,
      'last-event-id': 'ffffffff:12',
    });
    expect((await stranger.next(() => true)).event).toBe('reset');
    stranger.close();
  });

  it('opens staff channels only with a fitting token, taken from the query string and kept out of the logs', async () => {
    const url = `${gateway}/api/events/stream?channels=catalogue,case`;
    const anonymous = await fetch(url, { headers: client() });
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { code: string }).code).toBe('AUTH.TOKEN_MISSING');

    const volunteer = await world.tokenFor('volunteer');
    const refused = await fetch(`${url}&access_token=${volunteer}`, { headers: client() });
    expect(refused.status).toBe(403);

    const staff = await openStream(`${url}&access_token=${await world.tokenFor('counter_staff')}`, client());
    expect(staff.response.status).toBe(200);
    staff.close();

    const unknown = await fetch(`${gateway}/api/events/stream?channels=catalogue,gossip`, {
      headers: client(),
    });
    expect(unknown.status).toBe(400);

    const output = world.apps.gateway!.output();
    expect(output).toContain('access_token=[Redacted]');
    expect(output).not.toContain(volunteer);
  });
});
