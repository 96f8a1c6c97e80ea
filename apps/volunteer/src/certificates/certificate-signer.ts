import { CompactSign, compactVerify } from 'jose';
import { z } from 'zod';
import type { SigningKey } from '../shared/volunteer-keys';

/**
 * What a certificate's QR code states, signed: the printed facts, so an altered paper no longer matches. The name
 * is masked: the token is stored, and the verifier compares it with the paper in their hand.
 */
export const signedFacts = z.object({
  cid: z.string().min(1),
  name: z.string().min(1),
  issuer: z.string().min(1),
  issuedAt: z.iso.datetime(),
  total: z.number().int(),
  credit: z.number().int(),
  honour: z.number().int(),
});
export type SignedFacts = z.infer<typeof signedFacts>;

const encoder = new TextEncoder();

/** Ed25519 (EdDSA) compact JWS with the key id in its header, so the key can be rotated. */
export async function signFacts(facts: SignedFacts, key: SigningKey): Promise<string> {
  return new CompactSign(encoder.encode(JSON.stringify(facts)))
    .setProtectedHeader({ alg: 'EdDSA', kid: key.kid })
    .sign(key.privateKey);
}

/** The facts if the signature is this service's and the content untouched; null for anything else. */
export async function verifyFacts(token: string, key: SigningKey): Promise<SignedFacts | null> {
  try {
    const { payload, protectedHeader } = await compactVerify(token, key.publicKey, { algorithms: ['EdDSA'] });
    if (protectedHeader.kid !== key.kid) return null;
    const facts = signedFacts.safeParse(JSON.parse(new TextDecoder().decode(payload)));
    return facts.success ? facts.data : null;
  } catch {
    return null;
  }
}
