import { z } from 'zod';
import { PiiCryptoError } from './errors';
import { assertActiveKeyId, KEY_ID, KEY_ID_RULE, parseIndexKey, parseKeyring } from './keyring';

// Same metadata as server-kit's sensitive(), without pulling Nest into this lib: redactConfig() masks these.
const secret = <T extends z.ZodType>(schema: T) => schema.meta({ sensitive: true });

/** Runs a keyring parser and reports its complaint as a zod issue instead of a throw. */
const checkedBy =
  (parse: (value: string) => unknown) =>
  (value: string, ctx: z.core.$RefinementCtx<string>): void => {
    const problem = problemOf(() => parse(value));
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  };

function problemOf(run: () => unknown): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    if (error instanceof PiiCryptoError) return error.message;
    throw error;
  }
}

function quietly<T>(run: () => T): T | undefined {
  try {
    return run();
  } catch (error) {
    if (error instanceof PiiCryptoError) return undefined;
    throw error;
  }
}

/** A keyed-hash (BlindIndex) key setting, `<key id>:<base64 of 32 bytes>`, for services that need their own. */
export function indexKeySetting(description: string) {
  return secret(z.string().superRefine(checkedBy(parseIndexKey)).describe(description));
}

/**
 * Settings for field encryption and blind indexes. Spread into an app's schema together with the cross-check:
 * `baseConfigSchema.extend(piiConfigShape).superRefine(checkPiiKeys)`.
 */
export const piiConfigShape = {
  PII_KEYS: secret(
    z
      .string()
      .superRefine(checkedBy(parseKeyring))
      .describe(
        'field encryption keys, <key id>:<base64 of 32 bytes>, comma-separated; keep a retired key until no data uses it',
      ),
  ),
  PII_ACTIVE_KEY_ID: z
    .string()
    .regex(KEY_ID, `PII_ACTIVE_KEY_ID must be ${KEY_ID_RULE}`)
    .describe('the key in PII_KEYS that encrypts new data'),
  PII_INDEX_KEY: indexKeySetting(
    'blind index key, <key id>:<base64 of 32 bytes>; changing it means re-indexing stored data',
  ),
};

const piiConfigObject = z.object(piiConfigShape);

export type PiiConfig = z.infer<typeof piiConfigObject>;

/** Checks across the three settings; silent about a setting whose own check already failed. */
export function checkPiiKeys(config: PiiConfig, ctx: Pick<z.core.$RefinementCtx, 'addIssue'>): void {
  const keys = quietly(() => parseKeyring(config.PII_KEYS));
  if (!keys) return;
  if (KEY_ID.test(config.PII_ACTIVE_KEY_ID)) {
    const problem = problemOf(() => assertActiveKeyId(keys, config.PII_ACTIVE_KEY_ID));
    if (problem) ctx.addIssue({ code: 'custom', message: problem, path: ['PII_ACTIVE_KEY_ID'] });
  }
  const indexKey = quietly(() => parseIndexKey(config.PII_INDEX_KEY))?.key;
  if (indexKey && [...keys.values()].some((key) => key.equals(indexKey))) {
    ctx.addIssue({
      code: 'custom',
      message: 'PII_INDEX_KEY must not reuse a key from PII_KEYS; give the blind index its own key',
      path: ['PII_INDEX_KEY'],
    });
  }
}

export const piiConfigSchema = piiConfigObject.superRefine(checkPiiKeys);
