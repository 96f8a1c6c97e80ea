import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  Logger,
  NotFoundException,
} from '@nestjs/common';
import { ERROR_CODES, type ErrorBody, type ErrorCode } from '@psc/contracts';
import type { Request, Response } from 'express';
import { METHODS } from 'node:http';
import { ZodError } from 'zod';
import { AppError } from './app-error';
import { outageOf } from './outage';

/** How long a client is asked to wait before trying again when a dependency is away. */
export const RETRY_AFTER_SECONDS = 2;

const codeForStatus = (status: number): ErrorCode => {
  switch (status) {
    case 404:
      return 'COMMON.NOT_FOUND';
    case 405:
      return 'COMMON.METHOD_NOT_ALLOWED';
    case 409:
      return 'COMMON.CONFLICT';
    case 413:
      return 'COMMON.PAYLOAD_TOO_LARGE';
    case 429:
      return 'COMMON.RATE_LIMITED';
    case 503:
      return 'COMMON.UNAVAILABLE';
    default:
      return status < 500 ? 'COMMON.VALIDATION_FAILED' : 'COMMON.INTERNAL';
  }
};

export const zodIssues = (error: ZodError) =>
  error.issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message }));

/** What the body parser refuses with (http-errors): a client's fault, so never a 500. */
const bodyParserStatus = (exception: unknown): number | undefined => {
  const { status, expose } = (exception ?? {}) as { status?: unknown; expose?: unknown };
  if (typeof status !== 'number' || expose !== true || status >= 500) return undefined;
  return status === 413 ? 413 : 400;
};

interface RouteLayer {
  route?: { path: string; methods: Record<string, boolean>; _methods(): string[] };
  match(path: string): boolean;
}

// Nest mounts middleware as a route on every path taking every method; only handlers' routes name methods
const isCatchAll = (route: NonNullable<RouteLayer['route']>) =>
  METHODS.every((method) => route.methods[method.toLowerCase()]);

/**
 * The methods express routes on this path (HEAD with GET), from the router Nest registered the routes on. A path
 * written out (`/residents/logout`) is that resource, even where a parameter (`/residents/:id`) would match it too.
 */
function methodsOn(request: Request): string[] {
  const { router } = request.app as unknown as { router?: { stack: RouteLayer[] } };
  const matching = (router?.stack ?? []).flatMap((layer) =>
    layer.route && !isCatchAll(layer.route) && layer.match(request.path) ? [layer.route] : [],
  );
  const literal = matching.filter((route) => !/[:*]/.test(route.path));
  const methods = (literal.length > 0 ? literal : matching).flatMap((route) => route._methods());
  return [...new Set(methods.map((method) => method.toUpperCase()))].sort();
}

/**
 * One place where every failure becomes `{ code, message, details?, correlationId }`. A dependency being away (the
 * database, its storage, Kafka) is a 503 with `Retry-After`, so a client tries again; anything unknown is a 500.
 */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('ErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    // a Kafka handler's failure goes back to the consumer group, which retries it and dead-letters it with the reason
    if (host.getType() !== 'http') throw exception;
    const http = host.switchToHttp();
    const request = http.getRequest<Request & { id?: string }>();
    const response = http.getResponse<Response>();
    const correlationId = request.id === undefined ? undefined : String(request.id);
    // a known path asked with a method it does not take: 405 naming the ones it does, not 404
    const allowed = exception instanceof NotFoundException ? methodsOn(request) : [];
    if (allowed.length > 0 && !allowed.includes(request.method)) {
      response.setHeader('allow', allowed.join(', '));
      if (request.method === 'OPTIONS') return void response.status(204).end();
      exception = new AppError('COMMON.METHOD_NOT_ALLOWED');
    }
    const outage = outageOf(exception);
    const { status, body } = outage
      ? {
          status: 503,
          body: { code: 'COMMON.UNAVAILABLE' as const, message: ERROR_CODES['COMMON.UNAVAILABLE'].message },
        }
      : this.toBody(exception);
    if (outage)
      this.logger.warn({ correlationId, part: outage.part, reason: outage.reason }, 'dependency away');
    // a 503 we answer on purpose (health naming what is down) is the same news, not a bug with a stack
    else if (status === 503) this.logger.warn({ correlationId, message: body.message }, 'unavailable');
    else if (status >= 500) this.logger.error({ err: exception, correlationId }, 'request failed');
    if (status === 503) response.setHeader('retry-after', String(RETRY_AFTER_SECONDS));
    response.status(status).json({ ...body, correlationId } satisfies ErrorBody);
  }

  private toBody(exception: unknown): { status: number; body: ErrorBody } {
    if (exception instanceof AppError) {
      return {
        status: exception.status,
        body: { code: exception.code, message: exception.message, details: exception.details },
      };
    }
    if (exception instanceof ZodError) {
      const details = zodIssues(exception);
      const message = details.map((d) => d.message).join('；');
      return { status: 400, body: { code: 'COMMON.VALIDATION_FAILED', message, details } };
    }
    const status = exception instanceof HttpException ? exception.getStatus() : bodyParserStatus(exception);
    if (status !== undefined) {
      const code = codeForStatus(status);
      return { status, body: { code, message: ERROR_CODES[code].message } };
    }
    return {
      status: 500,
      body: { code: 'COMMON.INTERNAL', message: ERROR_CODES['COMMON.INTERNAL'].message },
    };
  }
}
