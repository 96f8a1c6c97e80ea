import type { Principal } from './roles';

export const SESSION_REVOCATION = Symbol('SESSION_REVOCATION');

/**
 * Lets an app refuse tokens of sessions that ended before the token expired (logout, refresh-token reuse). Optional:
 * provide it under SESSION_REVOCATION from a @Global() module and the AuthGuard asks it after verifying a token.
 * Services without it rely on the short access-token lifetime.
 */
export interface SessionRevocation {
  isRevoked(principal: Principal): Promise<boolean>;
}
