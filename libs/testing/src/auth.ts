import { generateDevKeyPair, KIOSK_SESSION_HEADER, type Role, TokenIssuer } from '@psc/auth';
import { randomUUID } from 'node:crypto';

/** A throwaway signing key per test world: apps get its public half, tests sign tokens with any roles. */
export async function authFixture() {
  const keys = await generateDevKeyPair();
  const issuer = await TokenIssuer.create({ jwk: keys.privateJwk });
  return {
    env: { AUTH_PUBLIC_KEYS: keys.settings.AUTH_PUBLIC_KEYS },
    /** for the identity service, the one app that signs tokens */
    signingEnv: keys.settings,
    /** A staff token holding `role` over `scope` (the whole city by default). */
    async staffToken(role: Role, scope = 'sz'): Promise<string> {
      const { token } = await issuer.issue({
        sub: `test-${role}`,
        kind: 'staff',
        roles: [{ role, scope }],
        sessionId: randomUUID(),
      });
      return token;
    },
    /** The headers of a resident signed in at a kiosk: the token and the kiosk session it is bound to. */
    async residentHeaders(residentId: string): Promise<Record<string, string>> {
      const kioskSession = randomUUID();
      const { token } = await issuer.issue({
        sub: residentId,
        kind: 'resident',
        roles: [{ role: 'resident', scope: 'sz' }],
        sessionId: randomUUID(),
        kioskSession,
      });
      return { authorization: `Bearer ${token}`, [KIOSK_SESSION_HEADER]: kioskSession };
    },
  };
}
