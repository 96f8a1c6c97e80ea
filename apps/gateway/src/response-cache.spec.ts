import type { NestExpressApplication } from '@nestjs/platform-express';
import type { DomainEvent } from '@psc/contracts';
import express from 'express';
import {
  createServer,
  get as httpGet,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mountProxies } from './proxy.middleware';
import { answerKeptFirst, catalogueResponseCache, type ResponseCache } from './response-cache';

/** A stand-in catalogue: answers with the current content, counts what reached it, and can hold an answer back. */
class Upstream {
  content = 'v1';
  calls: string[] = [];
  hold?: Promise<void>;
  private server?: Server;

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.answer(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server!.close(() => resolve()));
  }

  private async answer(req: IncomingMessage, res: ServerResponse) {
    this.calls.push(req.url!);
    const content = this.content; // what it held when the request arrived
    await this.hold;
    if (req.url!.startsWith('/centres/nowhere')) {
      res.writeHead(404, { 'content-type': 'application/json; charset=utf-8' });
      return res.end('{"code":"CATALOGUE.CENTRE_NOT_FOUND"}');
    }
    const body = JSON.stringify({ url: req.url, content, authorization: req.headers.authorization ?? null });
    res.writeHead(200, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(body),
      etag: `W/"${content}-${body.length}"`,
      'x-request-id': String(this.calls.length),
    });
    res.end(body);
  }
}

describe('catalogue response cache in front of the proxy', () => {
  const upstream = new Upstream();
  const listeners: ((event: DomainEvent) => void)[] = [];
  const push = {
    live: true,
    onEvent: (listener: (event: DomainEvent) => void) => void listeners.push(listener),
  };
  const emit = (type: string) => {
    for (const listener of listeners) listener({ type } as DomainEvent);
  };
  let cache: ResponseCache;
  let gateway: Server;
  let base = '';
  /** URLs that reached Express, and the requests counted against the allowance outside it */
  let viaExpress: string[] = [];
  let counted = 0;
  let allowance = Infinity;

  beforeAll(async () => {
    const target = await upstream.start();
    const app = express();
    // stands for the gateway's own middleware (helmet, CORS): what it sets is part of the answer that is kept
    app.use((req, res, next) => {
      viaExpress.push(req.originalUrl);
      res.setHeader('x-frame-options', 'DENY');
      next();
    });
    cache = catalogueResponseCache(push, 60_000);
    mountProxies(
      app as unknown as NestExpressApplication,
      { catalogue: target },
      {
        maxBodyBytes: 65_536,
        caches: { catalogue: cache },
      },
    );
    gateway = createServer(app);
    answerKeptFirst(gateway, [cache], () => ++counted <= allowance);
    await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/api/catalogue`;
  });
  afterAll(async () => {
    await new Promise((resolve) => gateway.close(resolve));
    await upstream.stop();
  });
  afterEach(() => {
    cache.invalidate();
    upstream.calls = [];
    upstream.content = 'v1';
    upstream.hold = undefined;
    push.live = true;
    viaExpress = [];
    counted = 0;
    allowance = Infinity;
  });

  const get = async (path: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${base}${path}`, { headers });
    return { status: response.status, headers: response.headers, body: await response.text() };
  };
  const content = (body: string) => (JSON.parse(body) as { content: string }).content;

  it('answers a repeated anonymous read from memory, with the same body and headers but its own request id', async () => {
    const first = await get('/search?q=dbsq&centre=sz%2Ffutian');
    const second = await get('/search?q=dbsq&centre=sz%2Ffutian');
    expect(upstream.calls).toEqual(['/search?q=dbsq&centre=sz%2Ffutian']);
    expect(second.status).toBe(200);
    expect(second.body).toBe(first.body);
    for (const name of ['content-type', 'etag', 'content-length'])
      expect(second.headers.get(name), name).toBe(first.headers.get(name));
    expect(first.headers.get('x-request-id')).toBe('1');
    expect(second.headers.get('x-request-id')).toBeNull();
    // another query, centre or path is another answer
    await get('/search?q=dbs&centre=sz%2Ffutian');
    await get('/themes?centre=sz%2Ffutian');
    await get('/centres/sz%2Ffutian');
    await get('/centres/sz%2Ffutian');
    expect(upstream.calls).toHaveLength(4);
  });

  it('answers a kept read before Express sees it, with every header of the whole answer but the per-response ones', async () => {
    const first = await get('/search?q=sbk');
    const second = await get('/search?q=sbk');
    expect(viaExpress).toEqual(['/api/catalogue/search?q=sbk']);
    expect(counted).toBe(1); // the second counts against the allowance all the same
    expect(second.body).toBe(first.body);
    const names = (response: typeof first) =>
      [...response.headers.keys()].filter((name) => !['date', 'x-request-id'].includes(name));
    expect(names(second)).toEqual(names(first));
    for (const name of names(first)) expect(second.headers.get(name), name).toBe(first.headers.get(name));
    expect(second.headers.get('x-frame-options')).toBe('DENY');
  });

  it('leaves to Express a client over its allowance, and a request with an Origin (CORS answers it)', async () => {
    await get('/search?q=sbk');
    allowance = 0;
    await get('/search?q=sbk');
    allowance = Infinity;
    await get('/search?q=sbk', { origin: 'http://elsewhere.example' });
    expect(viaExpress).toHaveLength(3);
    expect(upstream.calls).toHaveLength(1); // Express's own path answers the kept read as before
    // an answer kept from a request with an Origin is not replayed outside Express
    await get('/themes', { origin: 'http://elsewhere.example' });
    await get('/themes');
    expect(viaExpress).toHaveLength(5);
  });

  it('answers 304 from memory to a client that holds the same version', async () => {
    const first = await get('/popular');
    // not fetch(): it adds Cache-Control: no-cache to a conditional request, which asks for a full answer
    const status = await new Promise<number | undefined>((resolve, reject) =>
      httpGet(`${base}/popular`, { headers: { 'if-none-match': first.headers.get('etag')! } }, (res) => {
        res.resume();
        resolve(res.statusCode);
      }).on('error', reject),
    );
    expect(status).toBe(304);
    expect(upstream.calls).toHaveLength(1);
    expect(viaExpress).toHaveLength(1);
  });

  it('shows a publish as soon as its event arrives', async () => {
    expect(content((await get('/search?q=lsjz')).body)).toBe('v1');
    expect(content((await get('/items?theme=venue')).body)).toBe('v1');
    upstream.content = 'v2'; // published: the catalogue has it, the gateway has not heard yet
    expect(content((await get('/search?q=lsjz')).body)).toBe('v1');
    emit('affairs.queue.called'); // not the catalogue's
    emit('catalogue.room.booked'); // the catalogue's, but no kept read shows bookings
    expect(content((await get('/search?q=lsjz')).body)).toBe('v1');
    emit('catalogue.item.published');
    expect(content((await get('/search?q=lsjz')).body)).toBe('v2');
    expect(content((await get('/items?theme=venue')).body)).toBe('v2');
    expect(upstream.calls).toHaveLength(4);
  });

  it('does not keep an answer that left the catalogue before a publish was heard of', async () => {
    let release: (() => void) | undefined;
    upstream.hold = new Promise((resolve) => (release = resolve));
    const pending = get('/themes'); // v1 on its way …
    await new Promise((resolve) => setTimeout(resolve, 50));
    upstream.content = 'v2';
    emit('catalogue.item.published'); // … when the event arrives
    release!();
    expect(content((await pending).body)).toBe('v1');
    upstream.hold = undefined;
    expect(content((await get('/themes')).body)).toBe('v2');
    expect(upstream.calls).toHaveLength(2);
  });

  it('never keeps or serves a request with a token, an item page (opens are counted), or a failure', async () => {
    const token = { authorization: 'Bearer abc' };
    await get('/search?q=db');
    const withToken = await get('/search?q=db', token);
    expect(JSON.parse(withToken.body)).toMatchObject({ authorization: 'Bearer abc' });
    await get('/search?q=db', token);
    await get('/items/MZ-001');
    await get('/items/MZ-001');
    expect((await get('/centres/nowhere')).status).toBe(404);
    expect((await get('/centres/nowhere')).status).toBe(404);
    expect(upstream.calls).toEqual([
      '/search?q=db',
      '/search?q=db',
      '/search?q=db',
      '/items/MZ-001',
      '/items/MZ-001',
      '/centres/nowhere',
      '/centres/nowhere',
    ]);
    expect(cache.size).toBe(1);
  });

  it('stands aside, and forgets what it held, while the event feed is down (events could be missed)', async () => {
    await get('/popular');
    push.live = false;
    await get('/popular');
    await get('/popular');
    expect(cache.size).toBe(0);
    push.live = true;
    await get('/popular');
    await get('/popular');
    expect(upstream.calls).toHaveLength(4);
  });
});

describe('catalogue response cache expiry', () => {
  it('keeps an answer for the time it is given at most', async () => {
    const upstream = new Upstream();
    const target = await upstream.start();
    const app = express();
    const cache = catalogueResponseCache({ live: true, onEvent: () => undefined }, 100);
    mountProxies(
      app as unknown as NestExpressApplication,
      { catalogue: target },
      {
        maxBodyBytes: 65_536,
        caches: { catalogue: cache },
      },
    );
    const gateway = createServer(app);
    await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/api/catalogue/popular`;
    try {
      await (await fetch(url)).text();
      await (await fetch(url)).text();
      expect(upstream.calls).toHaveLength(1);
      await new Promise((resolve) => setTimeout(resolve, 150));
      await (await fetch(url)).text();
      expect(upstream.calls).toHaveLength(2);
    } finally {
      await new Promise((resolve) => gateway.close(resolve));
      await upstream.stop();
    }
  });
});
