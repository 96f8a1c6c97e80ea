import {
  applyDecorators,
  createParamDecorator,
  type ExecutionContext,
  type PipeTransform,
} from '@nestjs/common';
import { ApiBody, ApiHeader, ApiParam, ApiQuery } from '@nestjs/swagger';
import type { ErrorCode } from '@psc/contracts';
import type { Request } from 'express';
import { z } from 'zod';
import { AppError } from './app-error';
import { zodIssues } from './error.filter';

const zhCN = z.locales.zhCN();

// A schema's own messages come first; zod's zh-CN texts stand in where a schema gives none, so nothing a person
// reads is in English. A body that is not there at all gets a sentence of its own.
const chineseMessages: z.core.$ZodErrorMap = (issue) =>
  issue.code === 'invalid_type' && issue.input === undefined && (issue.path ?? []).length === 0
    ? '缺少请求内容，请以 JSON 提交'
    : zhCN.localeError(issue);

export interface ZodParseOptions {
  /** the code of the refusal, when the route promises one other than COMMON.VALIDATION_FAILED */
  code?: ErrorCode;
}

// The store (FerretDB on PostgreSQL) cannot hold a NUL character in any string, so none is let in at the edge.
const NUL = '\u0000';
const noNul = (value: unknown, path: string[] = []): { field: string; message: string } | undefined => {
  if (typeof value === 'string')
    return value.includes(NUL)
      ? { field: path.join('.'), message: '内容中不能含有空字符（\\u0000）' }
      : undefined;
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, inner] of Object.entries(value)) {
    const found = noNul(key, path) ?? noNul(inner, [...path, key]);
    if (found) return found;
  }
  return undefined;
};

/** Parses with Chinese messages; a refusal is a ZodError (ErrorFilter makes it a 400) or the route's own code. */
export function parseWith<S extends z.ZodType>(
  schema: S,
  value: unknown,
  options: ZodParseOptions = {},
): z.infer<S> {
  const result = schema.safeParse(value, { error: chineseMessages });
  if (result.success) {
    // what the schema kept: properties it does not know are dropped, and their content with them
    const nul = noNul(result.data);
    if (nul) throw new AppError('COMMON.VALIDATION_FAILED', nul.message, [nul]);
    return result.data;
  }
  if (!options.code) throw result.error;
  const details = zodIssues(result.error);
  throw new AppError(options.code, details.map((d) => d.message).join('；'), details);
}

/** Validates a body or query with the same zod schema the UI uses; a ZodError reaches ErrorFilter as a 400. */
export class ZodPipe<S extends z.ZodType> implements PipeTransform<unknown, z.infer<S>> {
  constructor(private readonly schema: S) {}

  transform(value: unknown): z.infer<S> {
    return parseWith(this.schema, value);
  }
}

/** JSON Schema of what a client sends, in the OpenAPI 3.0 dialect the documents are written in. */
export const inputSchema = (schema: z.ZodType) =>
  z.toJSONSchema(schema, {
    io: 'input',
    target: 'openapi-3.0',
    unrepresentable: 'any',
    // says what parseWith refuses in every string that has no pattern of its own
    override: ({ jsonSchema }) => {
      if (jsonSchema.type === 'string' && jsonSchema.pattern === undefined && jsonSchema.enum === undefined)
        jsonSchema.pattern = '^[^\\u0000]*$';
    },
  }) as Record<string, unknown>;

/** JSON Schema of what the service answers; objects are closed, so a field the document lacks is a finding. */
export const outputSchema = (schema: z.ZodType) =>
  z.toJSONSchema(schema, { io: 'output', target: 'openapi-3.0', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;

/** Documents the body in OpenAPI from the schema, so the document cannot drift from validation. */
export const ApiZodBody = (schema: z.ZodType) =>
  applyDecorators(ApiBody({ required: true, schema: inputSchema(schema) }));

type Location = 'query' | 'header' | 'path';

const documenters = {
  query: (name: string, required: boolean, schema: object) => ApiQuery({ name, required, schema }),
  header: (name: string, required: boolean, schema: object) => ApiHeader({ name, required, schema }),
  path: (name: string, _required: boolean, schema: object) => ApiParam({ name, required: true, schema }),
};

const valuesOf = (request: Request, location: Location, shape: z.ZodRawShape) => {
  if (location === 'query') return request.query;
  if (location === 'path') return request.params;
  // header names are case-insensitive; the schema's spelling (`Idempotency-Key`) is the one the document shows
  return Object.fromEntries(Object.keys(shape).map((name) => [name, request.headers[name.toLowerCase()]]));
};

/**
 * A parameter decorator that parses the request's query, headers or path parameters with an object schema and
 * documents each property as an OpenAPI parameter with its constraints (required, pattern, lengths, enum).
 */
function zodParameters(location: Location) {
  return <S extends z.ZodObject>(schema: S, options: ZodParseOptions = {}): ParameterDecorator => {
    const parse = createParamDecorator((_data: unknown, context: ExecutionContext) =>
      parseWith(
        schema,
        valuesOf(context.switchToHttp().getRequest<Request>(), location, schema.shape),
        options,
      ),
    )();
    const document = inputSchema(schema) as { properties?: Record<string, object>; required?: string[] };
    return (target, key, index) => {
      parse(target, key, index);
      const descriptor = key === undefined ? undefined : Object.getOwnPropertyDescriptor(target, key);
      if (key === undefined || !descriptor) return;
      for (const [name, property] of Object.entries(document.properties ?? {})) {
        const required = document.required?.includes(name) ?? false;
        documenters[location](name, required, property)(target, key, descriptor);
      }
    };
  };
}

/** `@ZodQuery(schema) query: T`: the query string parsed by a contract schema, and documented from it. */
export const ZodQuery = zodParameters('query');
/** `@ZodHeaders(schema) headers: T`: the named request headers parsed by a contract schema, and documented. */
export const ZodHeaders = zodParameters('header');
/** `@ZodParams(schema) params: T`: the path parameters parsed by a contract schema, and documented. */
export const ZodParams = zodParameters('path');
