import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { ERROR_CODES, type ErrorBody, type ErrorCode } from '@psc/contracts';
import type { Request, Response } from 'express';
import { ZodError } from 'zod';
import { AppError } from './app-error';

const codeForStatus = (status: number): ErrorCode => {
  switch (status) {
    case 404:
      return 'COMMON.NOT_FOUND';
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

/** One place where every failure becomes `{ code, message, details?, correlationId }`. */
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
    const { status, body } = this.toBody(exception);
    if (status >= 500) this.logger.error({ err: exception, correlationId }, 'request failed');
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
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const code = codeForStatus(status);
      return { status, body: { code, message: ERROR_CODES[code].message } };
    }
    return {
      status: 500,
      body: { code: 'COMMON.INTERNAL', message: ERROR_CODES['COMMON.INTERNAL'].message },
    };
  }
}
