import { generateDevKeyPair } from '@psc/auth';
import { generateDevKeys } from '@psc/pii';
import { type ConfigError, parseConfig } from '@psc/server-kit';
import { SERVICES } from '@psc/service-registry';
import { describe, expect, it } from 'vitest';
import { socialorgConfigSchema } from './config';

const { PII_KEYS, PII_ACTIVE_KEY_ID } = generateDevKeys();
const env = {
  MONGODB_URI: 'mongodb://127.0.0.1:1/',
  KAFKA_BROKERS: '127.0.0.1:9092',
  AUTH_PUBLIC_KEYS: (await generateDevKeyPair()).settings.AUTH_PUBLIC_KEYS,
  SOCIALORG_PII_KEYS: PII_KEYS,
  SOCIALORG_PII_ACTIVE_KEY_ID: PII_ACTIVE_KEY_ID,
};

const problems = (settings: NodeJS.ProcessEnv) => {
  try {
    parseConfig(socialorgConfigSchema, settings);
    return [];
  } catch (error) {
    return (error as ConfigError).problems;
  }
};

describe('socialorg configuration', () => {
  it('listens on its port from the service registry unless told another', () => {
    expect(parseConfig(socialorgConfigSchema, env).PORT).toBe(SERVICES.socialorg.port);
    expect(parseConfig(socialorgConfigSchema, { ...env, PORT: '4000' }).PORT).toBe(4000);
  });

  it('names every missing setting at once', () => {
    expect(problems({})).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^MONGODB_URI: is required/),
        expect.stringMatching(/^KAFKA_BROKERS: is required/),
        expect.stringMatching(/^AUTH_PUBLIC_KEYS: is required/),
        expect.stringMatching(/^SOCIALORG_PII_KEYS: is required/),
        expect.stringMatching(/^SOCIALORG_PII_ACTIVE_KEY_ID: is required/),
      ]),
    );
  });

  it('refuses an active key id that is not among the keys', () => {
    expect(problems({ ...env, SOCIALORG_PII_ACTIVE_KEY_ID: 'other' })).toEqual([
      expect.stringMatching(/^SOCIALORG_PII_ACTIVE_KEY_ID: .*"other" is not one of the key ids/),
    ]);
  });

  it('limits files to 8 MB and seeds the demo organisation unless told otherwise', () => {
    const config = parseConfig(socialorgConfigSchema, env);
    expect([config.FILE_MAX_BYTES, config.SEED_DEMO_ORG]).toEqual([8 * 1024 * 1024, true]);
    expect(parseConfig(socialorgConfigSchema, { ...env, SEED_DEMO_ORG: 'false' }).SEED_DEMO_ORG).toBe(false);
  });
});
