import type { IncomingMessage, ServerResponse } from 'node:http';
import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { bodyLimit } from './proxy.middleware';

const KIB = 1024;

/** A chunked upload as the proxy sees it: the request piped upstream, counted by the limit as it streams. */
function upload(maxBytes: number) {
  const req = new PassThrough() as PassThrough & { headers: Record<string, string> };
  req.headers = {};
  const upstream = Object.assign(new Writable({ write: (_chunk, _encoding, done) => done() }), {
    destroy: vi.fn(),
  });
  const res = { headersSent: false, writeHead: vi.fn(), end: vi.fn() };
  res.writeHead.mockImplementation(() => (res.headersSent = true));
  req.pipe(upstream);
  bodyLimit(maxBytes).countStreamed(
    upstream,
    req as unknown as IncomingMessage,
    res as unknown as ServerResponse,
  );
  return { req, upstream, res };
}

describe('bodyLimit: a body of undeclared length', () => {
  it('passes a body within the limit upstream untouched', () => {
    const { req, upstream, res } = upload(64 * KIB);
    req.write(Buffer.alloc(32 * KIB));
    req.write(Buffer.alloc(32 * KIB));
    expect(res.writeHead).not.toHaveBeenCalled();
    expect(upstream.destroy).not.toHaveBeenCalled();
  });

  it('answers 413 once at the limit, stops the upstream request, and reads the rest of the body to its end', async () => {
    const { req, upstream, res } = upload(64 * KIB);
    const ended = new Promise((resolve) => req.on('end', resolve));
    for (let i = 0; i < 5; i++) req.write(Buffer.alloc(16 * KIB));
    expect(res.writeHead).toHaveBeenCalledWith(413, expect.any(Object));
    expect(upstream.destroy).toHaveBeenCalledTimes(1);
    // what is still on its way is dropped, not left unread: an unread body stalls the connection, and the
    // client's next request on it waits for the keep-alive timeout and is reset
    for (let i = 0; i < 3; i++) req.write(Buffer.alloc(16 * KIB));
    req.end();
    await ended;
    expect(res.writeHead).toHaveBeenCalledTimes(1);
    expect(res.end).toHaveBeenCalledTimes(1);
    expect(upstream.destroy).toHaveBeenCalledTimes(1);
  });
});
