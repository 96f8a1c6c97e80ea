import type { NestExpressApplication } from '@nestjs/platform-express';
import { ERROR_CODES, type ErrorCode } from '@psc/contracts';
import type { Express, NextFunction, Request, Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import helmet from 'helmet';
import type { IncomingMessage } from 'node:http';
import proxyAddr from 'proxy-addr';
import { perClientLimit } from './rate-limit';

export interface SecurityOptions {
  origin: string;
  trustProxy: number;
  perMinute: number;
  authPerMinute: number;
}

/** Sign-in steps that send an SMS or check a password: worth guessing, so they get a much smaller allowance. */
export const CREDENTIAL_ROUTES = ['/api/identity/residents/otp', '/api/identity/auth/login'];

const refuse = (res: Response, status: number, code: ErrorCode) =>
  res.status(status).json({ code, message: ERROR_CODES[code].message });

/** Sign-in steps: express-rate-limit with its standard headers, for the few requests that take these paths. */
const perClientPerMinute = (limit: number, onlyPost = false) =>
  rateLimit({
    windowMs: 60_000,
    limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    skip: onlyPost ? (req) => req.method !== 'POST' : undefined,
    handler: (_req, res) => void refuse(res, 429, 'COMMON.RATE_LIMITED'),
  });

/** Counts a request answered before Express sees it against its client's /api allowance; false once it is over. */
export type Admits = (req: IncomingMessage) => boolean;

/**
 * Headers, CORS and rate limits, ahead of everything else (proxies included). Counters live in this process: with
 * N replicas a client gets up to N times the allowance, which still stops scripted guessing.
 */
export function mountSecurity(app: NestExpressApplication, options: SecurityOptions): { admits: Admits } {
  // the client address behind a load balancer comes from X-Forwarded-For, trusted for exactly this many hops
  app.set('trust proxy', options.trustProxy);
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"], // Vite bundles need no inline script; nothing injected can run
          scriptSrcAttr: ["'none'"],
          // Vue transitions and component styles write style attributes; styles cannot run code
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"], // the API and the event stream live on this origin
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
        },
      },
    }),
  );
  // The UIs are served from this origin and need no CORS at all; a preflight from anywhere else is refused outright
  // rather than answered without grants, so a misconfigured front end fails loudly.
  app.use((req: Request, res: Response, next: NextFunction) => {
    const { origin } = req.headers;
    if (
      req.method === 'OPTIONS' &&
      origin !== undefined &&
      origin !== options.origin &&
      req.headers['access-control-request-method'] !== undefined
    ) {
      return refuse(res, 403, 'AUTH.FORBIDDEN');
    }
    next();
  });
  app.enableCors({ origin: [options.origin], maxAge: 600 });
  app.use(CREDENTIAL_ROUTES, perClientPerMinute(options.authPerMinute, true));
  // every /api call passes here, kiosk searches at each key press: a plain counter, no RateLimit headers
  const apiLimit = perClientLimit({
    limit: options.perMinute,
    windowMs: 60_000,
    refuse: (_req, res) => void refuse(res, 429, 'COMMON.RATE_LIMITED'),
  });
  app.use('/api', apiLimit.middleware);
  // the client address as Express's req.ip finds it, through the same trusted hops (app.get is Nest's injector;
  // the setting is Express's)
  const express: Express = app.getHttpAdapter().getInstance();
  const trusted = express.get('trust proxy fn') as Parameters<typeof proxyAddr>[1];
  return { admits: (req) => apiLimit.admits(proxyAddr(req, trusted)) };
}
