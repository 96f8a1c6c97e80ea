import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { ipKeyGenerator } from 'express-rate-limit';

interface Window {
  hits: number;
  /** when this client's window ends (ms since the epoch) */
  resetAt: number;
}

/**
 * Requests per client per window, counted the way express-rate-limit's MemoryStore counts them: a client's window
 * starts at its first request and lasts `windowMs`; every request counts, refused ones too. Clients are kept in two
 * maps swapped every `windowMs`, so one that went quiet is forgotten after at most two windows, without a timer.
 */
export class FixedWindowCounter {
  private current = new Map<string, Window>();
  private previous = new Map<string, Window>();
  private swapAt: number;

  constructor(
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.swapAt = now() + windowMs;
  }

  /** Counts one request of `key`: its hits in the current window (this one included) and when the window ends. */
  hit(key: string): Readonly<Window> {
    const now = this.now();
    if (now >= this.swapAt) {
      // whoever is still in `previous` has not called for a whole window since its window began: long expired
      this.previous = this.current;
      this.current = new Map();
      this.swapAt = now + this.windowMs;
    }
    let window = this.current.get(key);
    if (!window) {
      window = this.previous.get(key) ?? { hits: 0, resetAt: 0 };
      this.previous.delete(key);
      this.current.set(key, window);
    }
    if (window.resetAt <= now) {
      window.hits = 0;
      window.resetAt = now + this.windowMs;
    }
    window.hits++;
    return window;
  }

  get size(): number {
    return this.current.size + this.previous.size;
  }
}

/**
 * The client a request counts against: its address (Express's `req.ip`, which honours `trust proxy`), an IPv6 one
 * by its /56 network as express-rate-limit does, since one household or host often holds a whole IPv6 range.
 */
export function clientKey(ip: string): string {
  return ip.includes(':') ? ipKeyGenerator(ip, 56) : ip;
}

export interface PerClientLimitOptions {
  limit: number;
  windowMs: number;
  /** answers a request over the limit; `Retry-After` (seconds until the client's window ends) is already set */
  refuse: (req: Request, res: Response) => void;
  now?: () => number;
}

export interface PerClientLimit {
  /** Express middleware: counts the request; over the limit it answers with `Retry-After` through `refuse` */
  readonly middleware: RequestHandler;
  /**
   * Counts a request from `ip` that is answered outside Express; false once the client is over its limit, and the
   * request is then to be passed to `middleware`, which refuses it. That counts it twice, which changes nothing: the
   * client is over either way and its window ends when it would have.
   */
  admits(ip: string): boolean;
}

/**
 * A per-client limit for the busy paths (every /api call): no per-request headers, no promises, one map lookup.
 * Over the limit it answers with `Retry-After`, which the UIs read to say how long to wait.
 */
export function perClientLimit({
  limit,
  windowMs,
  refuse,
  now = Date.now,
}: PerClientLimitOptions): PerClientLimit {
  const counter = new FixedWindowCounter(windowMs, now);
  return {
    middleware: (req: Request, res: Response, next: NextFunction) => {
      const { hits, resetAt } = counter.hit(clientKey(req.ip ?? ''));
      if (hits <= limit) return next();
      res.setHeader('Retry-After', String(Math.max(0, Math.ceil((resetAt - now()) / 1000))));
      refuse(req, res);
    },
    admits: (ip) => counter.hit(clientKey(ip)).hits <= limit,
  };
}
