import { Body, Controller, Get, HttpCode, type INestApplication, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApiErrors, ApiZodResponse, describeResponses } from './openapi';
import { OpsRoute } from './public-route';
import { ServerKitModule } from './server-kit.module';
import { ApiZodBody, ZodHeaders, ZodParams, ZodPipe, ZodQuery } from './zod';

const listQuery = z.object({
  centreId: z.string({ error: '缺少服务中心' }).min(1, '缺少服务中心').max(200),
  state: z.enum(['open', 'closed']).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
const keyHeaders = z.object({
  'Idempotency-Key': z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, '请求编号不正确'),
});
const versionParams = z.object({ version: z.coerce.number().int().min(1) });
const noteBody = z.object({ text: z.string().max(5), count: z.number().int() });
const note = z.object({ text: z.string(), count: z.number().int() });

@Controller('notes')
class NotesController {
  @Get()
  @OpsRoute()
  @ApiZodResponse(z.array(note))
  list(@ZodQuery(listQuery) query: z.infer<typeof listQuery>) {
    return [{ text: query.centreId, count: query.limit }];
  }

  @Post()
  @HttpCode(200)
  @ApiZodBody(noteBody)
  @ApiZodResponse(note)
  @ApiErrors('COMMON.CONFLICT', 'AFFAIRS.IDEMPOTENCY_KEY_REQUIRED')
  create(
    @ZodHeaders(keyHeaders, { code: 'AFFAIRS.IDEMPOTENCY_KEY_REQUIRED' }) headers: z.infer<typeof keyHeaders>,
    @Body(new ZodPipe(noteBody)) body: z.infer<typeof noteBody>,
  ) {
    return { text: headers['Idempotency-Key'], count: body.count };
  }

  @Get('versions/:version')
  @OpsRoute()
  version(@ZodParams(versionParams) { version }: z.infer<typeof versionParams>) {
    return { text: 'v', count: version };
  }
}

type Operation = {
  parameters?: { name: string; in: string; required?: boolean; schema: Record<string, unknown> }[];
  responses: Record<string, { content?: Record<string, { schema: Record<string, unknown> }> }>;
};

// A real Nest app over HTTP, as bootstrap() wires it: the parsers, the error filter and the document.
describe('HTTP edges from schemas', () => {
  let app: INestApplication;
  let base: string;
  let document: OpenAPIObject;
  const operation = (path: string, method: 'get' | 'post') => document.paths[path][method] as Operation;

  beforeAll(async () => {
    @Module({
      imports: [ServerKitModule.forRoot({ service: 't', config: { LOG_LEVEL: 'silent' } })],
      controllers: [NotesController],
    })
    class TestModule {}
    app = await NestFactory.create<NestExpressApplication>(TestModule, { logger: false, bodyParser: false });
    (app as NestExpressApplication).useBodyParser('json', { limit: '1kb' });
    document = describeResponses(SwaggerModule.createDocument(app, new DocumentBuilder().build()));
    await app.listen(0, '127.0.0.1');
    base = await app.getUrl();
  });
  afterAll(() => app?.close());

  // node:http rather than fetch, which refuses to send TRACE
  const call = (
    method: string,
    path: string,
    init: { headers?: Record<string, string>; body?: string } = {},
  ) =>
    new Promise<{ status: number; allow: string | undefined; body: Record<string, unknown> }>(
      (resolve, reject) => {
        const sent = request(`${base}${path}`, { method, headers: init.headers }, (response) => {
          let text = '';
          response.on('data', (chunk: Buffer) => (text += chunk.toString()));
          response.on('end', () =>
            resolve({
              status: response.statusCode ?? 0,
              allow: response.headers.allow,
              body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
            }),
          );
        });
        sent.on('error', reject);
        sent.end(init.body);
      },
    );
  const post = (
    body: string | undefined,
    headers: Record<string, string> = { 'idempotency-key': 'key-12345' },
  ) => call('POST', '/notes', { headers: { 'content-type': 'application/json', ...headers }, body });

  it('parses the query with its schema and documents every parameter with its constraints', async () => {
    expect((await call('GET', '/notes?centreId=c-1&limit=3')).body).toEqual([{ text: 'c-1', count: 3 }]);
    const refused = await call('GET', '/notes?limit=0');
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('COMMON.VALIDATION_FAILED');
    expect(refused.body.details).toEqual(
      expect.arrayContaining([{ field: 'centreId', message: '缺少服务中心' }]),
    );
    expect(operation('/notes', 'get').parameters).toEqual([
      {
        name: 'centreId',
        in: 'query',
        required: true,
        schema: { type: 'string', minLength: 1, maxLength: 200, pattern: '^[^\\u0000]*$' },
      },
      { name: 'state', in: 'query', required: false, schema: { type: 'string', enum: ['open', 'closed'] } },
      {
        name: 'limit',
        in: 'query',
        required: false,
        schema: { type: 'integer', minimum: 1, maximum: 50, default: 20 },
      },
    ]);
  });

  it('parses headers case-insensitively, refuses with the route code, and documents them', async () => {
    expect((await post('{"text":"a","count":1}', { 'IDEMPOTENCY-KEY': 'key-12345' })).body).toEqual({
      text: 'key-12345',
      count: 1,
    });
    const refused = await post('{"text":"a","count":1}', { 'idempotency-key': 'short' });
    expect(refused).toMatchObject({
      status: 400,
      body: { code: 'AFFAIRS.IDEMPOTENCY_KEY_REQUIRED', message: '请求编号不正确' },
    });
    expect(operation('/notes', 'post').parameters).toEqual([
      {
        name: 'Idempotency-Key',
        in: 'header',
        required: true,
        schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{8,64}$' },
      },
    ]);
  });

  it('parses path parameters with their schema', async () => {
    expect((await call('GET', '/notes/versions/2')).body).toEqual({ text: 'v', count: 2 });
    expect((await call('GET', '/notes/versions/two')).status).toBe(400);
  });

  it('answers in Chinese where a schema has no message of its own, and for a missing or broken body', async () => {
    const wrongType = await post('{"text":"a","count":"1"}');
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.message).toMatch(/[\u4e00-\u9fff]/);
    expect(wrongType.body.message).not.toMatch(/Invalid|expected/);
    expect(
      (await call('POST', '/notes', { headers: { 'idempotency-key': 'key-12345' } })).body,
    ).toMatchObject({
      code: 'COMMON.VALIDATION_FAILED',
      message: '缺少请求内容，请以 JSON 提交',
    });
    expect((await post('{"text":')).body).toMatchObject({ code: 'COMMON.VALIDATION_FAILED' });
    // the store cannot hold it, so it is refused here rather than failing there
    expect(await post('{"text":"a\\u0000","count":1}')).toMatchObject({
      status: 400,
      body: { code: 'COMMON.VALIDATION_FAILED', details: [{ field: 'text' }] },
    });
    expect(await post(JSON.stringify({ text: 'x'.repeat(2000), count: 1 }))).toMatchObject({
      status: 413,
      body: { code: 'COMMON.PAYLOAD_TOO_LARGE' },
    });
  });

  it('answers a method a known path does not take with 405 and Allow, and an unknown path with 404', async () => {
    const trace = await call('TRACE', '/notes');
    expect(trace).toMatchObject({
      status: 405,
      allow: 'GET, HEAD, POST',
      body: { code: 'COMMON.METHOD_NOT_ALLOWED' },
    });
    expect(await call('DELETE', '/notes/versions/3')).toMatchObject({ status: 405, allow: 'GET, HEAD' });
    expect(await call('OPTIONS', '/notes')).toMatchObject({ status: 204, allow: 'GET, HEAD, POST' });
    expect(await call('TRACE', '/nowhere')).toMatchObject({
      status: 404,
      body: { code: 'COMMON.NOT_FOUND' },
    });
  });

  it('documents the success body under the status the route answers, and every error status with its codes', () => {
    const created = operation('/notes', 'post').responses;
    expect(created['200'].content?.['application/json'].schema).toMatchObject({
      type: 'object',
      required: ['text', 'count'],
      additionalProperties: false,
    });
    expect(Object.keys(created).sort()).toEqual([
      '200',
      '400',
      '401',
      '403',
      '409',
      '413',
      '429',
      '500',
      '503',
    ]);
    const codes = (status: string, responses = created) =>
      (responses[status].content?.['application/json'].schema.properties as { code: { enum: string[] } }).code
        .enum;
    expect(codes('400')).toEqual(['AFFAIRS.IDEMPOTENCY_KEY_REQUIRED', 'COMMON.VALIDATION_FAILED']);
    expect(codes('401')).toContain('AUTH.TOKEN_MISSING');
    // a public route never refuses for want of a sign-in
    expect(Object.keys(operation('/notes', 'get').responses).sort()).toEqual([
      '200',
      '400',
      '429',
      '500',
      '503',
    ]);
  });
});
