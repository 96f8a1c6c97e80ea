import { generateDevKeyPair } from '@psc/auth';
import { generateKey } from '@psc/pii';
import { parseConfig } from '@psc/server-kit';
import { SERVICES } from '@psc/service-registry';
import { describe, expect, it } from 'vitest';
import { affairsConfigSchema } from './config';

const env = {
  MONGODB_URI: 'mongodb://127.0.0.1:1/',
  KAFKA_BROKERS: '127.0.0.1:9092',
  AUTH_PUBLIC_KEYS: (await generateDevKeyPair()).settings.AUTH_PUBLIC_KEYS,
};

describe('affairs configuration', () => {
  it('needs its own key for the progress-lookup hash, in the key-id:base64 form', () => {
    expect(() => parseConfig(affairsConfigSchema, env)).toThrow(/CASE_LOOKUP_KEY/);
    expect(() => parseConfig(affairsConfigSchema, { ...env, CASE_LOOKUP_KEY: 'short' })).toThrow(
      /CASE_LOOKUP_KEY/,
    );
    const config = parseConfig(affairsConfigSchema, { ...env, CASE_LOOKUP_KEY: `lk1:${generateKey()}` });
    expect(config.PORT).toBe(SERVICES.affairs.port);
  });
});
