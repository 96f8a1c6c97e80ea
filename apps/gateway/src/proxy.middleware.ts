import type { NestExpressApplication } from '@nestjs/platform-express';
import { ERROR_CODES, type ErrorCode } from '@psc/contracts';
import type { NextFunction, Request, Response } from 'express';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Agent } from 'node:http';
import { createProxyMiddleware } from 'http-proxy-middleware';
import type { ResponseCache } from './response-cache';

// keep-alive to the services: a new TCP connection per request costs more than the request itself. An idle one is
// dropped here after 30 s, well before the services close theirs (server-kit's bootstrap: 65 s), so the gateway never
// sends on a connection the other end is closing
const agent = new Agent({ keepAlive: true, maxSockets: 256, timeout: 30_000 });

const reply = (res: ServerResponse, status: number, code: ErrorCode) => {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify({ code, message: ERROR_CODES[code].message }));
};

/**
 * The services parse at most 256 kB of JSON themselves; this bounds what reaches them at all (uploads included).
 * A declared length is refused before anything is sent upstream; a chunked body is counted as it streams and cut
 * off at the limit.
 */
export function bodyLimit(maxBytes: number) {
  const refuseDeclared = (req: Request, res: Response, next: NextFunction) => {
    if (Number(req.headers['content-length'] ?? 0) > maxBytes)
      return reply(res, 413, 'COMMON.PAYLOAD_TOO_LARGE');
    next();
  };
  const countStreamed = (proxyReq: { destroy(): void }, req: IncomingMessage, res: ServerResponse) => {
    if (req.headers['content-length'] !== undefined) return;
    let seen = 0;
    const count = (chunk: Buffer) => {
      seen += chunk.length;
      if (seen <= maxBytes) return;
      req.off('data', count);
      reply(res, 413, 'COMMON.PAYLOAD_TOO_LARGE');
      req.unpipe();
      proxyReq.destroy();
      // the rest is read and dropped: left unread, it would stall the connection and the client's next request on it
      // would be reset (Node drains an unread body by itself, but this one was being read)
      req.resume();
    };
    req.on('data', count);
  };
  return { refuseDeclared, countStreamed };
}

export function mountProxies(
  app: NestExpressApplication,
  upstreams: Record<string, string>,
  { maxBodyBytes, caches = {} }: { maxBodyBytes: number; caches?: Record<string, ResponseCache> },
): void {
  const limit = bodyLimit(maxBodyBytes);
  for (const [service, target] of Object.entries(upstreams)) {
    const cache = caches[service];
    app.use(
      `/api/${service}`,
      ...(cache ? [cache.serve] : []),
      limit.refuseDeclared,
      createProxyMiddleware({
        target,
        agent,
        xfwd: true,
        on: {
          proxyReq: limit.countStreamed,
          // the gateway's own security headers stand; a service need not advertise its framework
          proxyRes: (proxyRes, req, res) => {
            delete proxyRes.headers['x-powered-by'];
            cache?.capture(proxyRes, req, res);
          },
          error: (_error, _req, res) => {
            if ('writeHead' in res) reply(res, 503, 'COMMON.UNAVAILABLE');
          },
        },
      }),
    );
  }
}
