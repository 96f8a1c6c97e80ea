import { AppError } from '@psc/server-kit';
import {
  createLocalJWKSet,
  type CryptoKey,
  errors,
  importJWK,
  importPKCS8,
  type JSONWebKeySet,
  type JWK,
  type JWTPayload,
  jwtVerify,
  type JWTVerifyGetKey,
  SignJWT,
} from 'jose';
import { LRUCache } from 'lru-cache';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { parsePublicKeySet, parseSigningKey, SIGNING_ALG } from './keys';
import { isRole, type Principal, ROLES } from './roles';
import { scopeSchema } from './scope';

export const TOKEN_ISSUER = 'psc-identity';
export const TOKEN_AUDIENCE = 'psc';
export const DEFAULT_ACCESS_TTL_SECONDS = 15 * 60;
// RFC 9068: a refresh or ID token signed with the same key can then never pass as an access token
const TOKEN_TYPE = 'at+jwt';
const CLOCK_TOLERANCE_SECONDS = 30;
/** verified tokens remembered per process: every signed-in screen has one live token, renewed every few minutes */
const VERIFIED_KEPT = 20_000;

const principalSchema = z.object({
  sub: z.string().min(1),
  kind: z.enum(['staff', 'resident']),
  roles: z.array(z.object({ role: z.enum(ROLES), scope: scopeSchema })),
  kioskSession: z.string().min(1).optional(),
  sessionId: z.string().min(1),
  name: z.string().min(1).optional(),
});

const claimsSchema = z.object({
  sub: z.string().min(1),
  kind: z.enum(['staff', 'resident']),
  // a role this build does not know yet grants nothing here; refusing the whole token would break rolling deploys
  roles: z.array(z.object({ role: z.string(), scope: scopeSchema })),
  sid: z.string().min(1),
  ksid: z.string().min(1).optional(),
  name: z.string().min(1).optional(),
});

type Clock = () => Date;
const systemClock: Clock = () => new Date();

export type TokenIssuerOptions = (
  { /** AUTH_SIGNING_KEY, parsed or as JSON */ jwk: JWK | string } | { pkcs8: string; kid: string }
) & { ttlSeconds?: number; clock?: Clock };

export interface IssuedToken {
  token: string;
  jti: string;
  expiresAt: Date;
}

/** Signs access tokens; only the identity service holds the private key. */
export class TokenIssuer {
  private constructor(
    private readonly key: CryptoKey,
    readonly kid: string,
    private readonly ttlSeconds: number,
    private readonly clock: Clock,
  ) {}

  static async create(options: TokenIssuerOptions): Promise<TokenIssuer> {
    const ttl = options.ttlSeconds ?? DEFAULT_ACCESS_TTL_SECONDS;
    const clock = options.clock ?? systemClock;
    if ('pkcs8' in options) {
      return new TokenIssuer(
        await importPKCS8(options.pkcs8, SIGNING_ALG),
        options.kid,
        positive(ttl),
        clock,
      );
    }
    const jwk = parseSigningKey(options.jwk);
    return new TokenIssuer((await importJWK(jwk, SIGNING_ALG)) as CryptoKey, jwk.kid, positive(ttl), clock);
  }

  /** A kiosk session passes a short `ttlSeconds` and `kioskSession`; staff sessions use the default. */
  async issue(principal: Principal, options: { ttlSeconds?: number } = {}): Promise<IssuedToken> {
    const { sub, kind, roles, kioskSession, sessionId, name } = principalSchema.parse(principal);
    const now = Math.floor(this.clock().getTime() / 1000);
    const exp = now + positive(options.ttlSeconds ?? this.ttlSeconds);
    const jti = randomUUID();
    const token = await new SignJWT({
      kind,
      roles,
      sid: sessionId,
      ...(kioskSession && { ksid: kioskSession }),
      ...(name && { name }),
    })
      .setProtectedHeader({ alg: SIGNING_ALG, kid: this.kid, typ: TOKEN_TYPE })
      .setSubject(sub)
      .setIssuer(TOKEN_ISSUER)
      .setAudience(TOKEN_AUDIENCE)
      .setIssuedAt(now)
      .setExpirationTime(exp)
      .setJti(jti)
      .sign(this.key);
    return { token, jti, expiresAt: new Date(exp * 1000) };
  }
}

function positive(ttlSeconds: number): number {
  if (!Number.isInteger(ttlSeconds) || ttlSeconds <= 0) {
    throw new RangeError(`token ttl must be a whole number of seconds above 0, got ${ttlSeconds}`);
  }
  return ttlSeconds;
}

/**
 * Verifies access tokens in every service, against a keyring of public keys by kid (AUTH_PUBLIC_KEYS), so keys
 * rotate by publishing the new one first and retiring the old one after the longest token lifetime.
 */
export class TokenVerifier {
  readonly #keys: JWTVerifyGetKey;
  /**
   * Tokens whose signature and claims were checked, until they expire: a screen sends the same token with every
   * request, and an Ed25519 check costs about half a millisecond of CPU in each service it passes. A token is its
   * own key, so a changed byte is a new token and is checked in full.
   */
  readonly #verified = new LRUCache<string, { principal: Principal; exp: number }>({ max: VERIFIED_KEPT });

  constructor(
    publicKeys: JSONWebKeySet | string,
    private readonly clock?: Clock,
  ) {
    this.#keys = createLocalJWKSet(parsePublicKeySet(publicKeys));
  }

  async verify(token: string | undefined): Promise<Principal> {
    if (!token) throw new AppError('AUTH.TOKEN_MISSING');
    const known = this.#verified.get(token);
    if (known) {
      const now = (this.clock?.() ?? new Date()).getTime() / 1000;
      if (now > known.exp + CLOCK_TOLERANCE_SECONDS) {
        this.#verified.delete(token);
        throw new AppError('AUTH.TOKEN_EXPIRED');
      }
      return copyOf(known.principal);
    }
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.#keys, {
        algorithms: [SIGNING_ALG],
        issuer: TOKEN_ISSUER,
        audience: TOKEN_AUDIENCE,
        typ: TOKEN_TYPE,
        requiredClaims: ['sub', 'exp', 'iat', 'jti'],
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        currentDate: this.clock?.(),
      }));
    } catch (error) {
      // jose checks the signature before the claims, so only an authentic token can come out as expired
      if (error instanceof errors.JWTExpired) throw new AppError('AUTH.TOKEN_EXPIRED');
      if (error instanceof errors.JOSEError) throw new AppError('AUTH.TOKEN_INVALID');
      throw error;
    }
    const claims = claimsSchema.safeParse(payload);
    if (!claims.success) throw new AppError('AUTH.TOKEN_INVALID');
    const { sub, kind, roles, sid, ksid, name } = claims.data;
    const principal: Principal = {
      sub,
      kind,
      roles: roles.flatMap(({ role, scope }) => (isRole(role) ? [{ role, scope }] : [])),
      sessionId: sid,
      ...(ksid !== undefined && { kioskSession: ksid }),
      ...(name !== undefined && { name }),
    };
    // exp is a required claim, checked by jwtVerify
    this.#verified.set(token, { principal, exp: payload.exp as number });
    return copyOf(principal);
  }
}

/** Each request gets its own principal: one request's handler cannot change what the next one is told. */
const copyOf = (principal: Principal): Principal => ({
  ...principal,
  roles: principal.roles.map((grant) => ({ ...grant })),
});
