import { Controller, Get, type Type } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import { AppError } from '@psc/server-kit';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { type AuthRequest, Public, Roles } from './auth.decorator';
import { AuthGuard } from './auth.guard';
import { generateDevKeyPair } from './keys';
import type { Principal } from './roles';
import { TokenIssuer, TokenVerifier } from './tokens';

@Controller('items')
class ItemsController {
  @Public()
  @Get()
  list() {
    return 'list';
  }

  @Get('mine')
  mine() {
    return 'mine';
  }

  @Roles('counter_staff', 'centre_admin')
  @Get('queue')
  queue() {
    return 'queue';
  }
}

@Public()
@Controller('catalogue')
class CatalogueController {
  @Get()
  browse() {
    return 'browse';
  }

  @Roles('city_admin')
  @Get('drafts')
  drafts() {
    return 'drafts';
  }
}

@Roles('centre_admin')
@Controller('admin')
class AdminController {
  @Get()
  overview() {
    return 'overview';
  }

  @Public()
  @Get('notice')
  notice() {
    return 'notice';
  }
}

const counterStaff: Principal = {
  sub: 'u-1',
  kind: 'staff',
  roles: [{ role: 'counter_staff', scope: 'sz/futian/xiangmihu/c-001' }],
  sessionId: 's-1',
};
const volunteer: Principal = { ...counterStaff, sub: 'u-2', roles: [{ role: 'volunteer', scope: 'sz' }] };
const kioskResident: Principal = {
  sub: 'r-42',
  kind: 'resident',
  roles: [{ role: 'resident', scope: 'sz' }],
  kioskSession: 'k-7',
  sessionId: 's-3',
};

describe('AuthGuard', () => {
  let guard: AuthGuard;
  let issuer: TokenIssuer;
  const tokens = new Map<Principal, string>();

  beforeAll(async () => {
    const pair = await generateDevKeyPair();
    issuer = await TokenIssuer.create({ jwk: pair.privateJwk });
    guard = new AuthGuard(new Reflector(), new TokenVerifier({ keys: [pair.publicJwk] }));
    for (const p of [counterStaff, volunteer, kioskResident]) tokens.set(p, (await issuer.issue(p)).token);
  });

  const bearer = (principal: Principal) => ({ authorization: `Bearer ${tokens.get(principal)}` });

  async function run<C>(controller: Type<C>, method: keyof C & string, headers: Record<string, string> = {}) {
    const request = { headers } as AuthRequest;
    const handler = (controller.prototype as C)[method] as (...args: unknown[]) => unknown;
    const context = new ExecutionContextHost([request, {}], controller, handler);
    try {
      return { allowed: await guard.canActivate(context), principal: request.principal };
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      return { status: error.status, code: error.code, message: error.message, principal: request.principal };
    }
  }

  it('lets anyone through to a public route', async () => {
    expect(await run(ItemsController, 'list')).toEqual({ allowed: true, principal: undefined });
  });

  it('does not try to authenticate an anonymous caller of a public route (nothing raised and caught)', async () => {
    const verifier = (guard as unknown as { verifier: TokenVerifier }).verifier;
    const verify = vi.spyOn(verifier, 'verify');
    try {
      expect(await run(ItemsController, 'list')).toEqual({ allowed: true, principal: undefined });
      expect(await run(CatalogueController, 'browse')).toEqual({ allowed: true, principal: undefined });
      expect(verify).not.toHaveBeenCalled();
      // any Authorization header is still read, whatever its scheme, and a protected route still asks for one
      expect(await run(ItemsController, 'list', { authorization: 'Basic dTpw' })).toEqual({
        allowed: true,
        principal: undefined,
      });
      expect(await run(ItemsController, 'list', bearer(volunteer))).toEqual({
        allowed: true,
        principal: volunteer,
      });
      expect(verify).toHaveBeenCalledTimes(2);
      expect(await run(ItemsController, 'mine')).toMatchObject({ code: 'AUTH.TOKEN_MISSING' });
      expect(verify).toHaveBeenCalledTimes(3);
    } finally {
      verify.mockRestore();
    }
  });

  it('still reads a valid token on a public route, and ignores a bad one', async () => {
    expect(await run(ItemsController, 'list', bearer(volunteer))).toEqual({
      allowed: true,
      principal: volunteer,
    });
    const bad = { authorization: `Bearer ${tokens.get(volunteer)}x` };
    expect(await run(ItemsController, 'list', bad)).toEqual({ allowed: true, principal: undefined });
  });

  it('asks an anonymous caller of a protected route to sign in', async () => {
    expect(await run(ItemsController, 'mine')).toMatchObject({
      status: 401,
      code: 'AUTH.TOKEN_MISSING',
      message: '请先登录',
    });
    expect(await run(ItemsController, 'queue')).toMatchObject({ status: 401, code: 'AUTH.TOKEN_MISSING' });
  });

  it.each([
    ['another scheme', 'Basic dTpw'],
    ['an empty bearer', 'Bearer '],
  ])('treats %s as no token', async (_case, authorization) => {
    expect(await run(ItemsController, 'mine', { authorization })).toMatchObject({
      code: 'AUTH.TOKEN_MISSING',
    });
  });

  it('accepts the scheme in any case', async () => {
    const authorization = `bearer ${tokens.get(volunteer)}`;
    expect(await run(ItemsController, 'mine', { authorization })).toEqual({
      allowed: true,
      principal: volunteer,
    });
  });

  it('refuses a bad token with the re-login message', async () => {
    const authorization = `Bearer ${tokens.get(volunteer)!.slice(0, -4)}AAAA`;
    expect(await run(ItemsController, 'mine', { authorization })).toMatchObject({
      status: 401,
      code: 'AUTH.TOKEN_INVALID',
      message: '登录已失效，请重新登录',
    });
  });

  it('lets any signed-in caller through to a route without @Roles', async () => {
    expect(await run(ItemsController, 'mine', bearer(volunteer))).toEqual({
      allowed: true,
      principal: volunteer,
    });
  });

  it('refuses a caller without one of the roles', async () => {
    expect(await run(ItemsController, 'queue', bearer(volunteer))).toMatchObject({
      status: 403,
      code: 'AUTH.FORBIDDEN',
      message: '您没有权限进行此操作',
    });
  });

  it('lets a caller with one of the roles through', async () => {
    expect(await run(ItemsController, 'queue', bearer(counterStaff))).toEqual({
      allowed: true,
      principal: counterStaff,
    });
  });

  it('binds a kiosk token to its kiosk session', async () => {
    const headers = bearer(kioskResident);
    expect(await run(ItemsController, 'mine', { ...headers, 'x-kiosk-session': 'k-7' })).toEqual({
      allowed: true,
      principal: kioskResident,
    });
    for (const session of [{ 'x-kiosk-session': 'k-8' }, {}] as Record<string, string>[]) {
      expect(await run(ItemsController, 'mine', { ...headers, ...session })).toMatchObject({
        status: 401,
        code: 'AUTH.KIOSK_SESSION_MISMATCH',
        message: '自助终端会话已结束，请重新核验身份',
        principal: undefined,
      });
    }
    // on a public route the resident is simply anonymous
    expect(await run(ItemsController, 'list', { ...headers, 'x-kiosk-session': 'k-8' })).toEqual({
      allowed: true,
      principal: undefined,
    });
  });

  it("lets a method's own decision win over the controller's", async () => {
    expect(await run(CatalogueController, 'browse')).toMatchObject({ allowed: true });
    expect(await run(CatalogueController, 'drafts')).toMatchObject({ code: 'AUTH.TOKEN_MISSING' });
    expect(await run(CatalogueController, 'drafts', bearer(counterStaff))).toMatchObject({
      code: 'AUTH.FORBIDDEN',
    });
    expect(await run(AdminController, 'overview', bearer(counterStaff))).toMatchObject({
      code: 'AUTH.FORBIDDEN',
    });
    expect(await run(AdminController, 'notice')).toMatchObject({ allowed: true });
  });

  it('refuses a token of an ended session when the app plugs in a SessionRevocation', async () => {
    // both fixtures share session id s-1, so this fake ends the session of one caller only
    const revocation = { isRevoked: async (p: Principal) => p.sub === counterStaff.sub };
    const verifier = (guard as unknown as { verifier: TokenVerifier }).verifier;
    const strict = new AuthGuard(new Reflector(), verifier, revocation);
    const call = async (principal: Principal) => {
      const request = { headers: bearer(principal) } as AuthRequest;
      const context = new ExecutionContextHost(
        [request, {}],
        ItemsController,
        ItemsController.prototype.mine,
      );
      return strict.canActivate(context).catch((error: AppError) => error.code);
    };
    expect(await call(counterStaff)).toBe('AUTH.SESSION_ENDED');
    expect(await call(volunteer)).toBe(true);
  });

  it('leaves non-HTTP handlers (Kafka consumers) to the broker', async () => {
    const context = new ExecutionContextHost([{}], ItemsController, ItemsController.prototype.mine);
    context.setType('rpc');
    expect(await guard.canActivate(context)).toBe(true);
  });
});
