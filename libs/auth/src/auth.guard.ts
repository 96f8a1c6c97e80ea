import { type CanActivate, type ExecutionContext, Inject, Injectable, Optional } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AppError } from '@psc/server-kit';
import { type AuthRequest, IS_PUBLIC_KEY, ROLES_KEY } from './auth.decorator';
import type { Principal, Role } from './roles';
import { SESSION_REVOCATION, type SessionRevocation } from './session-revocation';
import { TokenVerifier } from './tokens';

export const KIOSK_SESSION_HEADER = 'x-kiosk-session';

type Access = 'public' | 'authenticated' | readonly Role[];

/**
 * Global guard (AuthModule registers it): every route needs a valid token unless marked @Public(). Each service
 * verifies the token itself; a request that reached it through the gateway is trusted no further.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
    @Optional() @Inject(SESSION_REVOCATION) private readonly revocation?: SessionRevocation,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    // global guards also run for Kafka handlers in hybrid apps; those callers are authenticated by the broker
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<AuthRequest>();
    const access = this.accessOf(context);

    if (access === 'public') {
      // nothing to read without a token: the common anonymous call (a kiosk) skips raising and catching an error
      if (request.headers.authorization === undefined) return true;
      try {
        request.principal = await this.authenticate(request);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
      }
      return true;
    }

    const principal = await this.authenticate(request);
    request.principal = principal;
    if (access !== 'authenticated' && !principal.roles.some(({ role }) => access.includes(role))) {
      throw new AppError('AUTH.FORBIDDEN');
    }
    return true;
  }

  // The method's own decision wins over the class's; on one target @Roles wins over @Public, the safer reading.
  private accessOf(context: ExecutionContext): Access {
    for (const target of [context.getHandler(), context.getClass()]) {
      const roles = this.reflector.get<Role[] | undefined>(ROLES_KEY, target);
      if (roles) return roles;
      if (this.reflector.get<boolean | undefined>(IS_PUBLIC_KEY, target)) return 'public';
    }
    return 'authenticated';
  }

  private async authenticate(request: AuthRequest): Promise<Principal> {
    const principal = await this.verifier.verify(bearerToken(request.headers.authorization));
    // a kiosk token is useless away from the kiosk session it was issued to, e.g. after the next person steps up
    if (
      principal.kioskSession !== undefined &&
      request.headers[KIOSK_SESSION_HEADER] !== principal.kioskSession
    ) {
      throw new AppError('AUTH.KIOSK_SESSION_MISMATCH');
    }
    if (await this.revocation?.isRevoked(principal)) throw new AppError('AUTH.SESSION_ENDED');
    return principal;
  }
}

function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer +(\S+) *$/i.exec(header ?? '');
  return match?.[1];
}
