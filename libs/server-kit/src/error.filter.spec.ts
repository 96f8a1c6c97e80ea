import { Controller, Get, type INestApplication, Module, Param } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { KafkaJSConnectionError } from 'kafkajs';
import { MongoServerError, MongoServerSelectionError } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RETRY_AFTER_SECONDS } from './error.filter';
import { HealthRegistry } from './health';
import { OpsRoute } from './public-route';
import { ServerKitModule } from './server-kit.module';

const failures: Record<string, () => Error> = {
  selection: () => new MongoServerSelectionError('connect ECONNREFUSED 127.0.0.1:57017', {} as never),
  backend: () =>
    new MongoServerError({
      ok: 0,
      code: 1,
      codeName: 'InternalError',
      errmsg: 'failed to connect to `user=postgres database=ferretdb`: connect: connection refused',
    }),
  kafka: () => new KafkaJSConnectionError('Connection error: connect ECONNREFUSED 127.0.0.1:59092'),
  bug: () => new TypeError("Cannot read properties of undefined (reading 'revision')"),
};

@Controller('fail')
class FailingController {
  @Get(':how')
  @OpsRoute()
  fail(@Param('how') how: string): never {
    throw failures[how]();
  }
}

// A real Nest app over HTTP with the global filter and health, as every service has them.
describe('ErrorFilter and /health when a dependency is away', () => {
  let app: INestApplication;
  let base: string;
  let storeAway = false;

  beforeAll(async () => {
    @Module({
      imports: [ServerKitModule.forRoot({ service: 't', config: { LOG_LEVEL: 'silent' } })],
      controllers: [FailingController],
    })
    class TestModule {}
    app = await NestFactory.create(TestModule, { logger: false });
    app.get(HealthRegistry).register({
      name: 'database',
      probe: () => (storeAway ? Promise.reject(failures.backend()) : Promise.resolve({ db: 't' })),
    });
    await app.listen(0, '127.0.0.1');
    base = await app.getUrl();
  });
  afterAll(() => app?.close());

  it('answers 503 COMMON.UNAVAILABLE with Retry-After for the store, its storage and Kafka being away', async () => {
    for (const how of ['selection', 'backend', 'kafka']) {
      const response = await fetch(`${base}/fail/${how}`);
      expect(response.status, how).toBe(503);
      expect(response.headers.get('retry-after')).toBe(String(RETRY_AFTER_SECONDS));
      expect(await response.json()).toMatchObject({
        code: 'COMMON.UNAVAILABLE',
        message: '服务暂时不可用，请稍后再试',
        correlationId: expect.any(String) as unknown,
      });
    }
  });

  it('still answers a bug with 500 COMMON.INTERNAL and no Retry-After', async () => {
    const response = await fetch(`${base}/fail/bug`);
    expect(response.status).toBe(500);
    expect(response.headers.get('retry-after')).toBeNull();
    expect(await response.json()).toMatchObject({ code: 'COMMON.INTERNAL' });
  });

  it('names the part that is down in /health', async () => {
    storeAway = true;
    const response = await fetch(`${base}/health`);
    storeAway = false;
    expect(response.status).toBe(503);
    const body = (await response.json()) as { code: string; message: string; details: { error: unknown } };
    expect(body).toMatchObject({ code: 'COMMON.UNAVAILABLE', message: '服务暂时不可用：database 无法连接' });
    expect(body.details.error).toEqual({
      database: {
        status: 'down',
        part: 'database-backend',
        message: expect.stringContaining('PostgreSQL behind FerretDB') as unknown,
      },
    });
    expect((await fetch(`${base}/health`)).status).toBe(200);
  });
});
