export type PiiCryptoErrorCode =
  'PII.KEYRING_INVALID' | 'PII.UNKNOWN_KEY_ID' | 'PII.MALFORMED_CIPHERTEXT' | 'PII.AUTH_FAILED';

/** A key or ciphertext problem. Messages name settings and key ids, never key material or plaintext. */
export class PiiCryptoError extends Error {
  override readonly name = 'PiiCryptoError';

  constructor(
    readonly code: PiiCryptoErrorCode,
    message: string,
  ) {
    super(message);
  }
}
