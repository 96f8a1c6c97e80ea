import type { NextFunction, Request, Response } from 'express';
import { LRUCache } from 'lru-cache';
import type { IncomingMessage, OutgoingHttpHeaders } from 'node:http';
import { channelOf } from './push/channels';
import type { PushService } from './push/push.service';

/**
 * What every kiosk reads from the catalogue, by path under /api/catalogue: search, themes, popular, the item lists
 * and the centres. Not items/:code: the catalogue counts each open of an item, which ranks the popular ones.
 */
export const CATALOGUE_PUBLIC_READS = /^\/(?:search|themes|popular|items|centres(?:\/[^/]+)?)$/;

/** Upstream headers a kept answer is replayed with; the rest (date, x-request-id, connection …) are per response. */
const REPLAYED = ['content-type', 'etag', 'last-modified', 'cache-control'] as const;

interface Kept {
  body: Buffer;
  headers: OutgoingHttpHeaders;
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

  /** The proxy's proxyRes hook: keeps the answer to a request `serve` let through, once it has fully arrived. */
  capture(proxyRes: IncomingMessage, req: IncomingMessage): void {
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
      this.kept.set(pending.key, { body: Buffer.concat(chunks), headers: replayed });
    });
  }
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
