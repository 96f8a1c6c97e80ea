import { applyDecorators } from '@nestjs/common';
import { ApiExtension, type OpenAPIObject } from '@nestjs/swagger';
import { ERROR_CODES, type ErrorCode } from '@psc/contracts';
import { z } from 'zod';
import { outputSchema } from './zod';

// Carried on an operation while the document is built, then turned into responses by describeResponses().
const SUCCESS_SCHEMA = 'x-psc-success-schema';
const ERROR_CODES_KEY = 'x-psc-error-codes';

/** The success body, under whatever 2xx status the route answers (Nest's default, or its @HttpCode). */
export const ApiZodResponse = (schema: z.ZodType) =>
  applyDecorators(ApiExtension(SUCCESS_SCHEMA, outputSchema(schema)));

/**
 * The codes a route refuses with beyond the shared ones (sign-in, validation, limits, outages): each becomes a
 * documented status whose body's `code` is one of the codes listed under it.
 */
export const ApiErrors = (...codes: [ErrorCode, ...ErrorCode[]]) =>
  applyDecorators(ApiExtension(ERROR_CODES_KEY, codes));

const SIGN_IN: ErrorCode[] = [
  'AUTH.TOKEN_MISSING',
  'AUTH.TOKEN_INVALID',
  'AUTH.TOKEN_EXPIRED',
  'AUTH.KIOSK_SESSION_MISMATCH',
  'AUTH.SESSION_ENDED',
  'AUTH.FORBIDDEN',
];
// the gateway in front refuses past its rate limits and answers for a service it cannot reach
const EVERY_ROUTE: ErrorCode[] = ['COMMON.RATE_LIMITED', 'COMMON.INTERNAL', 'COMMON.UNAVAILABLE'];

/** The body of every refusal (ErrorFilter, and the gateway's own), with `code` narrowed to what a status carries. */
export const errorBody = (codes: readonly [ErrorCode, ...ErrorCode[]]) =>
  z.object({
    code: z.enum(codes),
    message: z.string().min(1),
    details: z.unknown().optional(),
    // absent only where the gateway refuses before a service saw the request
    correlationId: z.string().optional(),
  });

interface Operation {
  'x-public'?: boolean;
  [SUCCESS_SCHEMA]?: object;
  [ERROR_CODES_KEY]?: ErrorCode[];
  parameters?: unknown[];
  requestBody?: unknown;
  responses: Record<string, { description: string; content?: Record<string, { schema: object }> }>;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'] as const;

/** Codes an operation can answer with: its own, plus what its access decision and its input imply. */
function codesOf(operation: Operation): ErrorCode[] {
  const codes = new Set<ErrorCode>(operation[ERROR_CODES_KEY] ?? []);
  // a public route reads a token when one is sent but never refuses for it
  if (!operation['x-public']) SIGN_IN.forEach((code) => codes.add(code));
  if ((operation.parameters?.length ?? 0) > 0 || operation.requestBody) codes.add('COMMON.VALIDATION_FAILED');
  if (operation.requestBody) codes.add('COMMON.PAYLOAD_TOO_LARGE');
  EVERY_ROUTE.forEach((code) => codes.add(code));
  return [...codes];
}

/**
 * Completes the document a client is generated from: the success body where a route declared one, and one response
 * per error status the route can answer, each with the error body and the codes it may carry.
 */
export function describeResponses(document: OpenAPIObject): OpenAPIObject {
  for (const path of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = path[method] as Operation | undefined;
      if (!operation) continue;
      const success = operation[SUCCESS_SCHEMA];
      if (success) {
        const status = Object.keys(operation.responses).find((s) => s.startsWith('2')) ?? '200';
        operation.responses[status] = {
          description: operation.responses[status]?.description || '成功',
          content: { 'application/json': { schema: success } },
        };
      }
      const byStatus = new Map<number, ErrorCode[]>();
      for (const code of codesOf(operation)) {
        const { status } = ERROR_CODES[code];
        byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
      }
      for (const [status, codes] of [...byStatus].sort(([a], [b]) => a - b)) {
        const [first, ...rest] = codes;
        operation.responses[String(status)] = {
          description: codes.map((code) => `${code}：${ERROR_CODES[code].message}`).join('\n'),
          content: { 'application/json': { schema: outputSchema(errorBody([first, ...rest])) } },
        };
      }
      delete operation[SUCCESS_SCHEMA];
      delete operation[ERROR_CODES_KEY];
    }
  }
  return document;
}
