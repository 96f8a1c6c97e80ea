import type { NestExpressApplication } from '@nestjs/platform-express';
import compression from 'compression';
import type { NextFunction, Request, Response } from 'express';
import path from 'node:path';

export const UIS = ['kiosk', 'counter', 'portal'] as const;

// Vite puts a content hash in every file name under assets/, so a cached copy can never be stale
const HASHED = 'public, max-age=31536000, immutable';

/**
 * Serves each built UI from `<webRoot>/<name>/` at `/<name>/`. Folders are looked up per request, so a UI built
 * while the gateway runs appears without a restart and a missing one is simply a 404.
 */
export function mountUis(app: NestExpressApplication, webRoot: string): void {
  for (const name of UIS) {
    const dir = path.resolve(webRoot, name);
    const assets = `${path.join(dir, 'assets')}${path.sep}`;
    // scripts and styles travel gzip-compressed (a kiosk's first load is mostly JavaScript); the API and the event
    // stream are left alone
    app.use(`/${name}`, compression());
    app.useStaticAssets(dir, {
      prefix: `/${name}`,
      index: false,
      redirect: false,
      setHeaders: (res: Response, file: string) => {
        res.setHeader('cache-control', file.startsWith(assets) ? HASHED : 'no-cache');
      },
    });
    // history-mode routes (/kiosk/services/123) belong to the SPA; a missing asset stays a 404, not HTML
    app.use(`/${name}`, (req: Request, res: Response, next: NextFunction) => {
      if ((req.method !== 'GET' && req.method !== 'HEAD') || req.path.startsWith('/assets/')) return next();
      if (req.originalUrl.split('?')[0] === `/${name}`) return res.redirect(301, `/${name}/`);
      res.sendFile(path.join(dir, 'index.html'), { headers: { 'cache-control': 'no-cache' } }, (error) => {
        if (error && !res.headersSent) next();
      });
    });
  }
  const http = app.getHttpAdapter();
  http.get('/', (_req, res) => {
    http.redirect(res, 302, '/kiosk/');
  });
}
