import { generateDevKeyPair } from '@psc/auth';
import { parseConfig } from '@psc/server-kit';
import { describe, expect, it } from 'vitest';
import { gatewayConfigSchema, upstreams } from './config';

const env = {
  MONGODB_URI: 'mongodb://127.0.0.1:1/',
  KAFKA_BROKERS: '127.0.0.1:9092',
  AUTH_PUBLIC_KEYS: (await generateDevKeyPair()).settings.AUTH_PUBLIC_KEYS,
};

describe('gateway configuration', () => {
  it('routes each service to its local default unless told otherwise', () => {
    const config = parseConfig(gatewayConfigSchema, { ...env, INSIGHT_URL: 'http://insight:3000' });
    expect(upstreams(config)).toEqual({ catalogue: 'http://127.0.0.1:3101', insight: 'http://insight:3000' });
    expect(config.PORT).toBe(3000);
  });

  it('refuses a service URL that is not a URL, naming the setting', () => {
    expect(() => parseConfig(gatewayConfigSchema, { ...env, CATALOGUE_URL: 'catalogue:3101' })).toThrow(
      /CATALOGUE_URL/,
    );
  });
});
