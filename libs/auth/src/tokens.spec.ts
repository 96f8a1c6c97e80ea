import { AppError } from '@psc/server-kit';
import { exportJWK, exportPKCS8, generateKeyPair, importJWK, SignJWT } from 'jose';
import { createHmac } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { type DevKeyPair, generateDevKeyPair } from './keys';
import type { Principal } from './roles';
import { TokenIssuer, TokenVerifier } from './tokens';

const counterStaff: Principal = {
  sub: 'u-1',
  kind: 'staff',
  roles: [{ role: 'counter_staff', scope: 'sz/futian/xiangmihu/c-001' }],
  sessionId: 's-1',
};
const kioskResident: Principal = {
  sub: 'r-42',
  kind: 'resident',
  roles: [{ role: 'resident', scope: 'sz' }],
  kioskSession: 'k-7',
  sessionId: 's-2',
};

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).code;
}

const jwks = (...pairs: DevKeyPair[]) => ({ keys: pairs.map((p) => p.publicJwk) });
const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const decode = (part: string) =>
  JSON.parse(Buffer.from(part, 'base64url').toString()) as Record<string, unknown>;

// changes one character in the middle of a part, where every bit of it is data (an edge char may be padding)
function flipChar(token: string, part: 1 | 2): string {
  const parts = token.split('.');
  const at = Math.floor(parts[part].length / 2);
  const swapped = parts[part][at] === 'A' ? 'B' : 'A';
  parts[part] = parts[part].slice(0, at) + swapped + parts[part].slice(at + 1);
  return parts.join('.');
}

describe('access tokens', () => {
  let pair: DevKeyPair;
  let issuer: TokenIssuer;
  let verifier: TokenVerifier;

  beforeAll(async () => {
    pair = await generateDevKeyPair();
    issuer = await TokenIssuer.create({ jwk: pair.privateJwk });
    verifier = new TokenVerifier(jwks(pair));
  });

  it('round-trips a staff principal, with the standard claims set', async () => {
    const { token, jti, expiresAt } = await issuer.issue(counterStaff);
    expect(await verifier.verify(token)).toEqual(counterStaff);

    const [header, payload] = token.split('.').slice(0, 2).map(decode);
    expect(header).toEqual({ alg: 'EdDSA', kid: pair.kid, typ: 'at+jwt' });
    expect(payload).toMatchObject({ iss: 'psc-identity', aud: 'psc', sub: 'u-1', sid: 's-1', jti });
    expect(payload.exp).toBe(expiresAt.getTime() / 1000);
    expect((payload.exp as number) - (payload.iat as number)).toBe(15 * 60);
    expect(payload).not.toHaveProperty('ksid');
  });

  it('round-trips a kiosk resident with a short ttl and the kiosk session', async () => {
    const { token } = await issuer.issue(kioskResident, { ttlSeconds: 120 });
    expect(await verifier.verify(token)).toEqual(kioskResident);
    const payload = decode(token.split('.')[1]);
    expect(payload.ksid).toBe('k-7');
    expect((payload.exp as number) - (payload.iat as number)).toBe(120);
  });

  it('carries the display name of a staff account through, for step logs', async () => {
    const named = { ...counterStaff, name: '窗口演示账号' };
    const { token } = await issuer.issue(named);
    expect(await verifier.verify(token)).toEqual(named);
  });

  it('gives each token its own jti', async () => {
    const [a, b] = await Promise.all([issuer.issue(counterStaff), issuer.issue(counterStaff)]);
    expect(a.jti).not.toBe(b.jti);
  });

  it('signs from a PKCS8 PEM as well', async () => {
    const { privateKey, publicKey } = await generateKeyPair('Ed25519', { extractable: true });
    const pemIssuer = await TokenIssuer.create({ pkcs8: await exportPKCS8(privateKey), kid: 'pem-1' });
    const pemVerifier = new TokenVerifier({ keys: [{ ...(await exportJWK(publicKey)), kid: 'pem-1' }] });
    expect(await pemVerifier.verify((await pemIssuer.issue(counterStaff)).token)).toEqual(counterStaff);
  });

  it('refuses a missing token', async () => {
    expect(await codeOf(verifier.verify(undefined))).toBe('AUTH.TOKEN_MISSING');
    expect(await codeOf(verifier.verify(''))).toBe('AUTH.TOKEN_MISSING');
  });

  it.each([
    ['payload', 1],
    ['signature', 2],
  ] as const)('refuses a token with one character of its %s changed', async (_part, index) => {
    const { token } = await issuer.issue(counterStaff);
    const tampered = flipChar(token, index);
    expect(tampered).not.toBe(token);
    expect(await codeOf(verifier.verify(tampered))).toBe('AUTH.TOKEN_INVALID');
  });

  it('refuses a payload rewritten to grant city_admin', async () => {
    const [header, payload, signature] = (await issuer.issue(counterStaff)).token.split('.');
    const forged = { ...decode(payload), roles: [{ role: 'city_admin', scope: 'sz' }] };
    const error = verifier.verify([header, b64(forged), signature].join('.'));
    expect(await codeOf(error)).toBe('AUTH.TOKEN_INVALID');
  });

  it('refuses a token signed by a key outside the keyring, even under a known kid', async () => {
    const stranger = await generateDevKeyPair();
    const strangerToken = (await (await TokenIssuer.create({ jwk: stranger.privateJwk })).issue(counterStaff))
      .token;
    expect(await codeOf(verifier.verify(strangerToken))).toBe('AUTH.TOKEN_INVALID');

    const impostor = await TokenIssuer.create({ jwk: { ...stranger.privateJwk, kid: pair.kid } });
    expect(await codeOf(verifier.verify((await impostor.issue(counterStaff)).token))).toBe(
      'AUTH.TOKEN_INVALID',
    );
  });

  it('refuses other algorithms: HS256 keyed with the public key, and alg none', async () => {
    const claims = {
      sub: 'u-1',
      kind: 'staff',
      roles: [],
      sid: 's',
      iss: 'psc-identity',
      aud: 'psc',
      jti: 'j',
    };
    const body = b64({
      ...claims,
      iat: Math.floor(Date.now() / 1000),
      exp: Math.floor(Date.now() / 1000) + 60,
    });
    const hsHeader = b64({ alg: 'HS256', kid: pair.kid, typ: 'at+jwt' });
    const hsSignature = createHmac('sha256', pair.publicJwk.x!)
      .update(`${hsHeader}.${body}`)
      .digest('base64url');
    expect(await codeOf(verifier.verify(`${hsHeader}.${body}.${hsSignature}`))).toBe('AUTH.TOKEN_INVALID');

    const noneHeader = b64({ alg: 'none', typ: 'at+jwt' });
    expect(await codeOf(verifier.verify(`${noneHeader}.${body}.`))).toBe('AUTH.TOKEN_INVALID');
  });

  it('refuses a token of another type, issuer or audience signed with the right key', async () => {
    const key = importJWK(pair.privateJwk, 'EdDSA');
    const sign = async (header: object, iss: string, aud: string) =>
      new SignJWT({ kind: 'staff', roles: [], sid: 's' })
        .setProtectedHeader({ alg: 'EdDSA', kid: pair.kid, ...header })
        .setSubject('u-1')
        .setIssuer(iss)
        .setAudience(aud)
        .setIssuedAt()
        .setExpirationTime('5m')
        .setJti('j')
        .sign(await key);
    expect(await verifier.verify(await sign({ typ: 'at+jwt' }, 'psc-identity', 'psc'))).toMatchObject({
      sub: 'u-1',
    });
    expect(await codeOf(verifier.verify(await sign({ typ: 'JWT' }, 'psc-identity', 'psc')))).toBe(
      'AUTH.TOKEN_INVALID',
    );
    expect(await codeOf(verifier.verify(await sign({ typ: 'at+jwt' }, 'elsewhere', 'psc')))).toBe(
      'AUTH.TOKEN_INVALID',
    );
    expect(await codeOf(verifier.verify(await sign({ typ: 'at+jwt' }, 'psc-identity', 'x')))).toBe(
      'AUTH.TOKEN_INVALID',
    );
  });

  it.each(['abc', 'a.b.c', '...', 'Bearer x.y.z', `${b64({ alg: 'EdDSA' })}.e30.AAAA`])(
    'refuses garbage %j as invalid, not as a server error',
    async (token) => {
      expect(await codeOf(verifier.verify(token))).toBe('AUTH.TOKEN_INVALID');
    },
  );

  /** A five-minute token for the counter staff member, issued at a known time. */
  const issuedAt = new Date('2026-03-01T09:00:00Z');
  async function fiveMinuteToken(): Promise<string> {
    const clockIssuer = await TokenIssuer.create({
      jwk: pair.privateJwk,
      ttlSeconds: 300,
      clock: () => issuedAt,
    });
    return (await clockIssuer.issue(counterStaff)).token;
  }

  it('refuses an expired token, within a small clock tolerance', async () => {
    const token = await fiveMinuteToken();
    const at = (seconds: number) =>
      new TokenVerifier(jwks(pair), () => new Date(issuedAt.getTime() + seconds * 1000));

    expect(await at(299).verify(token)).toEqual(counterStaff);
    expect(await at(310).verify(token)).toEqual(counterStaff); // skew between hosts
    expect(await codeOf(at(331).verify(token))).toBe('AUTH.TOKEN_EXPIRED');
    expect(await codeOf(at(86_400).verify(token))).toBe('AUTH.TOKEN_EXPIRED');
    // an expired token that was also tampered with is invalid: the signature is checked first
    expect(await codeOf(at(331).verify(flipChar(token, 2)))).toBe('AUTH.TOKEN_INVALID');
  });

  it('remembers a verified token only until it expires, and checks any other token in full', async () => {
    const token = await fiveMinuteToken();
    let now = issuedAt.getTime();
    const verifier = new TokenVerifier(jwks(pair), () => new Date(now));

    const first = await verifier.verify(token);
    first.roles.push({ role: 'city_admin', scope: 'sz' });
    expect(await verifier.verify(token)).toEqual(counterStaff);
    expect(await codeOf(verifier.verify(flipChar(token, 2)))).toBe('AUTH.TOKEN_INVALID');
    now += 331_000;
    expect(await codeOf(verifier.verify(token))).toBe('AUTH.TOKEN_EXPIRED');
    expect(await codeOf(verifier.verify(token))).toBe('AUTH.TOKEN_EXPIRED');
  });

  it('rotates: a keyring with the old and new keys accepts tokens from both', async () => {
    const next = await generateDevKeyPair();
    const nextIssuer = await TokenIssuer.create({ jwk: next.privateJwk });
    const oldToken = (await issuer.issue(counterStaff)).token;
    const newToken = (await nextIssuer.issue(counterStaff)).token;

    const during = new TokenVerifier(jwks(next, pair));
    expect(await during.verify(oldToken)).toEqual(counterStaff);
    expect(await during.verify(newToken)).toEqual(counterStaff);

    const after = new TokenVerifier(jwks(next));
    expect(await after.verify(newToken)).toEqual(counterStaff);
    expect(await codeOf(after.verify(oldToken))).toBe('AUTH.TOKEN_INVALID');
  });

  it('drops a role this build does not know instead of refusing the token', async () => {
    const key = await importJWK(pair.privateJwk, 'EdDSA');
    const token = await new SignJWT({
      kind: 'staff',
      sid: 's',
      roles: [
        { role: 'future_role', scope: 'sz' },
        { role: 'volunteer', scope: 'sz/futian' },
      ],
    })
      .setProtectedHeader({ alg: 'EdDSA', kid: pair.kid, typ: 'at+jwt' })
      .setSubject('u-9')
      .setIssuer('psc-identity')
      .setAudience('psc')
      .setIssuedAt()
      .setExpirationTime('5m')
      .setJti('j')
      .sign(key);
    expect((await verifier.verify(token)).roles).toEqual([{ role: 'volunteer', scope: 'sz/futian' }]);
  });

  it('will not sign a principal with an unknown role, a bad scope or a bad ttl', async () => {
    const bad = { ...counterStaff, roles: [{ role: 'god', scope: 'sz' }] } as unknown as Principal;
    await expect(issuer.issue(bad)).rejects.toThrow(/role/);
    await expect(
      issuer.issue({ ...counterStaff, roles: [{ role: 'volunteer', scope: 'SZ/' }] }),
    ).rejects.toThrow(/scope/);
    await expect(issuer.issue(counterStaff, { ttlSeconds: 0 })).rejects.toThrow(RangeError);
  });
});
