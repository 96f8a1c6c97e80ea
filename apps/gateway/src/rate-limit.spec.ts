import type { Request, Response } from 'express';
import { describe, expect, it, vi } from 'vitest';
import { clientKey, FixedWindowCounter, perClientLimit } from './rate-limit';

describe('FixedWindowCounter', () => {
  it("counts each client's requests in a window that starts at its first request", () => {
    let now = 0;
    const sut = new FixedWindowCounter(60_000, () => now);
    expect(sut.hit('a')).toEqual({ hits: 1, resetAt: 60_000 });
    now = 30_000;
    expect(sut.hit('a')).toEqual({ hits: 2, resetAt: 60_000 });
    expect(sut.hit('b')).toEqual({ hits: 1, resetAt: 90_000 }); // its own window
    now = 60_000;
    expect(sut.hit('a')).toEqual({ hits: 1, resetAt: 120_000 }); // a's window is over
    expect(sut.hit('b')).toEqual({ hits: 2, resetAt: 90_000 }); // b's is not
  });

  it('forgets a client that went quiet, and keeps one that calls across the swap', () => {
    let now = 0;
    const sut = new FixedWindowCounter(1000, () => now);
    sut.hit('quiet');
    now = 900;
    sut.hit('busy');
    now = 1000; // swap: both move to the previous map
    expect(sut.hit('busy')).toEqual({ hits: 2, resetAt: 1900 });
    expect(sut.size).toBe(2);
    now = 2000; // swap again: quiet was not seen for a whole window
    sut.hit('busy');
    expect(sut.size).toBe(1);
    now = 2500;
    expect(sut.hit('quiet')).toEqual({ hits: 1, resetAt: 3500 });
  });
});

describe('perClientLimit', () => {
  const request = (ip: string) => ({ ip }) as Request;
  const response = () => {
    const headers: Record<string, string> = {};
    return { headers, res: { setHeader: (k: string, v: string) => (headers[k] = v) } as unknown as Response };
  };

  it('lets `limit` requests per client through, then refuses with Retry-After until its window ends', () => {
    let now = 0;
    const refuse = vi.fn();
    const next = vi.fn();
    const sut = perClientLimit({ limit: 3, windowMs: 60_000, refuse, now: () => now }).middleware;
    for (let i = 0; i < 3; i++) sut(request('203.0.113.1'), response().res, next);
    expect(next).toHaveBeenCalledTimes(3);

    now = 20_500;
    const { headers, res } = response();
    sut(request('203.0.113.1'), res, next);
    expect(next).toHaveBeenCalledTimes(3);
    expect(refuse).toHaveBeenCalledWith(expect.anything(), res);
    expect(headers['Retry-After']).toBe('40');

    sut(request('203.0.113.2'), response().res, next); // another address is unaffected
    expect(next).toHaveBeenCalledTimes(4);
    now = 60_000;
    sut(request('203.0.113.1'), response().res, next);
    expect(next).toHaveBeenCalledTimes(5);
  });

  it('counts requests answered outside Express in the same allowance as the middleware', () => {
    const refuse = vi.fn();
    const next = vi.fn();
    const sut = perClientLimit({ limit: 3, windowMs: 60_000, refuse, now: () => 0 });
    expect([sut.admits('203.0.113.1'), sut.admits('203.0.113.1')]).toEqual([true, true]);
    sut.middleware(request('203.0.113.1'), response().res, next);
    expect(next).toHaveBeenCalledTimes(1);
    expect(sut.admits('203.0.113.1')).toBe(false); // the fourth
    sut.middleware(request('203.0.113.1'), response().res, next); // passed on, as an answer refused outside is
    expect(refuse).toHaveBeenCalledTimes(1);
    expect(sut.admits('203.0.113.2')).toBe(true);
  });

  it('counts an IPv6 client by its /56 network, and an IPv4-mapped one by its IPv4 address', () => {
    expect(clientKey('2001:db8:abcd:12ff:1::1')).toBe(clientKey('2001:db8:abcd:1200::9'));
    expect(clientKey('2001:db8:abcd:1300::1')).not.toBe(clientKey('2001:db8:abcd:1200::1'));
    expect(clientKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(clientKey('203.0.113.7')).toBe('203.0.113.7');
  });
});
