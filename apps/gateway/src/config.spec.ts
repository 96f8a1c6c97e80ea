import { generateDevKeyPair } from '@psc/auth';
import { parseConfig } from '@psc/server-kit';
import { localUrl, PROXIED_NAMES } from '@psc/service-registry';
import { describe, expect, it } from 'vitest';
import { gatewayConfigSchema, publicOrigin, upstreams } from './config';

const env = {
  MONGODB_URI: 'mongodb://127.0.0.1:1/',
  KAFKA_BROKERS: '127.0.0.1:9092',
  AUTH_PUBLIC_KEYS: (await generateDevKeyPair()).settings.AUTH_PUBLIC_KEYS,
};

describe('gateway configuration', () => {
  it('routes each service to its local default unless told otherwise', () => {
    const config = parseConfig(gatewayConfigSchema, { ...env, INSIGHT_URL: 'http://insight:3000' });
    expect(upstreams(config)).toEqual({
      ...Object.fromEntries(PROXIED_NAMES.map((name) => [name, localUrl(name)])),
      insight: 'http://insight:3000',
    });
    expect(Object.keys(upstreams(config))).toEqual(
      expect.arrayContaining(['catalogue', 'affairs', 'identity']),
    );
    expect(localUrl('gateway')).toBe(`http://127.0.0.1:${config.PORT}`);
    expect(publicOrigin(config)).toBe(localUrl('gateway'));
    expect(config.MAX_BODY_BYTES).toBe(1024 * 1024);
  });

  it('admits exactly one origin, normalised, for CORS', () => {
    const config = parseConfig(gatewayConfigSchema, {
      ...env,
      PUBLIC_ORIGIN: 'https://psc.example.cn/kiosk/',
    });
    expect(publicOrigin(config)).toBe('https://psc.example.cn');
  });

  it('refuses a service URL that is not a URL, naming the setting', () => {
    expect(() => parseConfig(gatewayConfigSchema, { ...env, CATALOGUE_URL: 'catalogue:3101' })).toThrow(
      /CATALOGUE_URL/,
    );
  });
});
