import type { NestExpressApplication } from '@nestjs/platform-express';
import { ERROR_CODES } from '@psc/contracts';
import { Agent } from 'node:http';
import { createProxyMiddleware } from 'http-proxy-middleware';

// keep-alive to the services: a new TCP connection per request costs more than the request itself
const agent = new Agent({ keepAlive: true, maxSockets: 256 });

export function mountProxies(app: NestExpressApplication, upstreams: Record<string, string>): void {
  for (const [service, target] of Object.entries(upstreams)) {
    app.use(
      `/api/${service}`,
      createProxyMiddleware({
        target,
        agent,
        xfwd: true,
        on: {
          error: (_error, _req, res) => {
            const body = { code: 'COMMON.UNAVAILABLE', message: ERROR_CODES['COMMON.UNAVAILABLE'].message };
            if ('writeHead' in res && !res.headersSent) {
              res.writeHead(503, { 'content-type': 'application/json; charset=utf-8' });
              res.end(JSON.stringify(body));
            }
          },
        },
      }),
    );
  }
}
