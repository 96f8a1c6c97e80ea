import { Controller, Get, type INestApplication, Module } from '@nestjs/common';
import { APP_FILTER, NestFactory } from '@nestjs/core';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { ErrorFilter } from '@psc/server-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CurrentPrincipal, Public, Roles } from './auth.decorator';
import { AuthModule } from './auth.module';
import { generateDevKeyPair } from './keys';
import type { Principal } from './roles';
import { TokenIssuer } from './tokens';

@Controller('items')
class ItemsController {
  @Public()
  @Get()
  list(@CurrentPrincipal() principal: Principal | undefined) {
    return { greeting: principal ? principal.sub : 'anonymous' };
  }

  @Roles('counter_staff', 'centre_admin')
  @Get('queue')
  queue(@CurrentPrincipal() principal: Principal) {
    return { sub: principal.sub };
  }
}

@Roles('centre_admin')
@Controller('admin')
class AdminController {
  @Get()
  overview() {
    return {};
  }

  @Public()
  @Get('notice')
  notice() {
    return {};
  }
}

const staff: Principal = {
  sub: 'u-1',
  kind: 'staff',
  roles: [{ role: 'counter_staff', scope: 'sz/futian/xiangmihu/c-001' }],
  sessionId: 's-1',
};

// A real Nest app over HTTP (no @nestjs/testing in this repo): proves the guard is registered globally by
// AuthModule, that refusals come out through server-kit's ErrorFilter, and what the OpenAPI document says.
describe('AuthModule in an app', () => {
  let app: INestApplication;
  let base: string;
  let token: string;
  let document: OpenAPIObject;

  beforeAll(async () => {
    const pair = await generateDevKeyPair();
    token = (await (await TokenIssuer.create({ jwk: pair.privateJwk })).issue(staff)).token;

    @Module({
      imports: [AuthModule.forRoot({ publicKeys: { keys: [pair.publicJwk] } })],
      controllers: [ItemsController, AdminController],
      providers: [{ provide: APP_FILTER, useClass: ErrorFilter }],
    })
    class TestModule {}

    app = await NestFactory.create(TestModule, { logger: false });
    document = SwaggerModule.createDocument(app, new DocumentBuilder().addBearerAuth().build());
    await app.listen(0, '127.0.0.1');
    base = await app.getUrl();
  });

  afterAll(() => app?.close());

  const get = async (path: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${base}${path}`, { headers });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it('serves public routes to anyone, and greets a signed-in caller', async () => {
    expect(await get('/items')).toEqual({ status: 200, body: { greeting: 'anonymous' } });
    expect(await get('/items', { authorization: `Bearer ${token}` })).toEqual({
      status: 200,
      body: { greeting: 'u-1' },
    });
  });

  it('answers refusals with a code and a Chinese message', async () => {
    expect(await get('/items/queue')).toEqual({
      status: 401,
      body: { code: 'AUTH.TOKEN_MISSING', message: '请先登录' },
    });
    expect(await get('/admin', { authorization: `Bearer ${token}` })).toEqual({
      status: 403,
      body: { code: 'AUTH.FORBIDDEN', message: '您没有权限进行此操作' },
    });
    expect(await get('/items/queue', { authorization: `Bearer ${token}` })).toEqual({
      status: 200,
      body: { sub: 'u-1' },
    });
  });

  it('marks public and role-bound operations in the OpenAPI document', () => {
    const op = (path: string) => document.paths[path].get;
    expect(op('/items')).toMatchObject({ 'x-public': true });
    expect(op('/items')).not.toHaveProperty('x-roles');
    expect(op('/items/queue')).toMatchObject({
      'x-roles': ['counter_staff', 'centre_admin'],
      security: [{ bearer: [] }],
    });
    expect(op('/items/queue')).not.toHaveProperty('x-public');
    // a controller-wide @Roles does not reach the method that decided for itself
    expect(op('/admin')).toMatchObject({ 'x-roles': ['centre_admin'], security: [{ bearer: [] }] });
    expect(op('/admin/notice')).toMatchObject({ 'x-public': true });
    expect(op('/admin/notice')).not.toHaveProperty('x-roles');
    expect(op('/admin/notice')).not.toHaveProperty('security');
  });
});
