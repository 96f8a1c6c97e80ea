import type { NextFunction, Request, Response } from 'express';
import fresh from 'fresh';
import { LRUCache } from 'lru-cache';
import type { IncomingMessage, OutgoingHttpHeaders, Server, ServerResponse } from 'node:http';
import { channelOf } from './push/channels';
import type { PushService } from './push/push.service';
import type { Admits } from './security.middleware';

/**
 * What every kiosk reads from the catalogue, by path under /api/catalogue: search, themes, popular, the item lists
 * and the centres. Not items/:code: the catalogue counts each open of an item, which ranks the popular ones.
 */
export const CATALOGUE_PUBLIC_READS = /^\/(?:search|themes|popular|items|centres(?:\/[^/]+)?)$/;

/** Upstream headers a kept answer is replayed with; the rest (date, x-request-id, connection …) are per response. */
const REPLAYED = ['content-type', 'etag', 'last-modified', 'cache-control'] as const;

/** Headers of the gateway's whole answer that belong to one response only, or are set anew from the kept body. */
const PER_RESPONSE = new Set([
  'date',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
  'x-request-id',
]);

interface Kept {
  body: Buffer;
  /** the upstream's headers, which Express replays beside its own middleware's */
  headers: OutgoingHttpHeaders;
  /**
   * The gateway's whole answer as it left (security headers and all), replayed by `answer` without Express. Only
   * from a request without an Origin header: CORS answers one with it differently.
   */
  whole?: OutgoingHttpHeaders;
}

/** Set on a request whose answer may be kept: its key, and the generation when it went upstream. */
const PENDING = Symbol('response-cache.pending');
type Marked = IncomingMessage & { [PENDING]?: { key: string; generation: number } };

export interface ResponseCacheOptions {
  /** how long an answer is kept at most: bounds what no event announces (open counts reorder `popular`) */
  ttlMs: number;
  /** bytes of bodies kept at most */
  maxBytes: number;
  /** paths (under the mount point) whose anonymous GET answers may be kept */
  paths: RegExp;
  /**
   * True while every change is announced to `invalidate` (the event feed runs). While it is not, nothing is served
   * from or added to the cache, and what it held is dropped: events may have been missed.
   */
  live: () => boolean;
}

/**
 * A short-lived cache of a service's public answers, keyed by URL, in front of its proxy: `serve` answers what it
 * holds; a miss goes upstream as usual, and `capture` (the proxy's proxyRes hook) keeps a complete 200 answer.
 * `invalidate` drops everything at once, and an answer that went upstream before it is not kept afterwards.
 * Requests with an Authorization header, anything but GET, and answers other than 200 are never kept or served.
 */
export class ResponseCache {
  private readonly kept: LRUCache<string, Kept>;
  private generation = 0;

  constructor(private readonly options: ResponseCacheOptions) {
    this.kept = new LRUCache<string, Kept>({
      maxSize: options.maxBytes,
      sizeCalculation: (entry) => entry.body.length + 200,
      ttl: options.ttlMs,
    });
  }

  get size(): number {
    return this.kept.size;
  }

  invalidate(): void {
    this.generation++;
    this.kept.clear();
  }

  /** Express middleware, mounted where the service's proxy is, ahead of it. */
  readonly serve = (req: Request, res: Response, next: NextFunction): void => {
    if (req.method !== 'GET' || req.headers.authorization !== undefined || !this.options.paths.test(req.path))
      return next();
    if (!this.options.live()) {
      if (this.kept.size > 0) this.invalidate();
      return next();
    }
    const key = req.originalUrl;
    const hit = this.kept.get(key);
    if (!hit) {
      (req as Marked)[PENDING] = { key, generation: this.generation };
      return next();
    }
    res.set(hit.headers);
    // Express answers 304 to a matching If-None-Match, as the service would have
    res.status(200).send(hit.body);
  };

  /**
   * Answers a plain anonymous GET of a kept answer straight from the HTTP server, before Express: the kiosk asks
   * this at every key press, and Express's middleware cost several times what answering from memory does. True if
   * it answered; anything else (another method, a token, an Origin, nothing kept, the feed down, a client over its
   * allowance) is left to Express, where `serve` and the middleware before it decide as for any request.
   */
  answer(req: IncomingMessage, res: ServerResponse, admits: Admits): boolean {
    if (req.method !== 'GET' || req.headers.authorization !== undefined || req.headers.origin !== undefined)
      return false;
    if (!this.options.live()) return false;
    // keys are whole URLs that went through `serve`, so a URL found here is one of its paths
    const hit = this.kept.get(req.url ?? '');
    if (!hit?.whole || !admits(req)) return false;
    if (fresh(req.headers, { etag: hit.whole.etag })) {
      res.writeHead(304, hit.whole);
      res.end();
    } else {
      res.writeHead(200, { ...hit.whole, 'content-length': hit.body.length });
      res.end(hit.body);
    }
    return true;
  }

  /** The proxy's proxyRes hook: keeps the answer to a request `serve` let through, once it has fully arrived. */
  capture(proxyRes: IncomingMessage, req: IncomingMessage, res: ServerResponse): void {
    const pending = (req as Marked)[PENDING];
    if (!pending || proxyRes.statusCode !== 200) return;
    const { headers } = proxyRes;
    // an answer that varies by request header, sets a cookie or is encoded for this client is not everyone's
    if (headers['set-cookie'] || headers.vary || headers['content-encoding']) return;
    const chunks: Buffer[] = [];
    proxyRes.on('data', (chunk: Buffer) => chunks.push(chunk));
    proxyRes.on('end', () => {
      if (!proxyRes.complete || pending.generation !== this.generation || !this.options.live()) return;
      const replayed: OutgoingHttpHeaders = {};
      for (const name of REPLAYED) if (headers[name] !== undefined) replayed[name] = headers[name];
      let whole: OutgoingHttpHeaders | undefined;
      if (req.headers.origin === undefined) {
        whole = {};
        for (const [name, value] of Object.entries(res.getHeaders()))
          if (!PER_RESPONSE.has(name)) whole[name] = value;
      }
      this.kept.set(pending.key, { body: Buffer.concat(chunks), headers: replayed, whole });
    });
  }
}

/**
 * Puts the caches' `answer` ahead of Express on the gateway's HTTP server: a kept answer is sent from there, and
 * every other request reaches Express (the server's own listener) as before.
 */
export function answerKeptFirst(server: Server, caches: ResponseCache[], admits: Admits): void {
  const listeners = server.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (caches.some((cache) => cache.answer(req, res, admits))) return;
    for (const listener of listeners) listener(req, res);
  });
}

/**
 * Kiosk reads of the catalogue (CATALOGUE_PUBLIC_READS), kept for `ttlMs` at most: every event of the catalogue
 * channel but a room booking's (a publish) drops them all, before the screens hear of it, so a screen that reloads
 * on it reads anew. Room slots are not among the kept reads, so bookings leave the search answers alone.
 */
export function catalogueResponseCache(
  push: Pick<PushService, 'live' | 'onEvent'>,
  ttlMs: number,
): ResponseCache {
  const cache = new ResponseCache({
    ttlMs,
    maxBytes: 16 * 1024 * 1024,
    paths: CATALOGUE_PUBLIC_READS,
    live: () => push.live,
  });
  push.onEvent((event) => {
    if (channelOf(event.type) === 'catalogue' && !event.type.startsWith('catalogue.room.'))
      cache.invalidate();
  });
  return cache;
}
