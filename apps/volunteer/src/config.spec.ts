import { generateDevKeyPair } from '@psc/auth';
import { generateKey } from '@psc/pii';
import { type ConfigError, parseConfig } from '@psc/server-kit';
import { SERVICES } from '@psc/service-registry';
import { describe, expect, it } from 'vitest';
import { volunteerConfigSchema } from './config';

const env = {
  MONGODB_URI: 'mongodb://127.0.0.1:1/',
  KAFKA_BROKERS: '127.0.0.1:9092',
  AUTH_PUBLIC_KEYS: (await generateDevKeyPair()).settings.AUTH_PUBLIC_KEYS,
  VOLUNTEER_SIGNING_KEY: `vs1:${generateKey()}`,
  VOLUNTEER_PII_KEYS: `vp1:${generateKey()}`,
};

const problems = (settings: NodeJS.ProcessEnv) => {
  try {
    parseConfig(volunteerConfigSchema, settings);
    return [];
  } catch (error) {
    return (error as ConfigError).problems;
  }
};

describe('volunteer configuration', () => {
  it('listens on its port from the service registry unless told another', () => {
    expect(parseConfig(volunteerConfigSchema, env).PORT).toBe(SERVICES.volunteer.port);
    expect(parseConfig(volunteerConfigSchema, { ...env, PORT: '4000' }).PORT).toBe(4000);
  });

  it('refuses a name key that is not <key id>:<32 bytes in base64>', () => {
    expect(problems({ ...env, VOLUNTEER_PII_KEYS: 'vp1:short' })).toEqual([
      expect.stringMatching(/^VOLUNTEER_PII_KEYS: expected <key id>/),
    ]);
  });

  it('refuses a certificate font that is not there, saying how to get one', () => {
    expect(problems({ ...env, CERTIFICATE_FONT: '/nowhere/NotoSerifCJK-Regular.ttc' })).toEqual([
      expect.stringMatching(/^CERTIFICATE_FONT: no such file: install Debian's fonts-noto-cjk/),
    ]);
  });

  it('names every missing setting at once', () => {
    expect(problems({})).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^MONGODB_URI: is required/),
        expect.stringMatching(/^KAFKA_BROKERS: is required/),
        expect.stringMatching(/^AUTH_PUBLIC_KEYS: is required/),
        expect.stringMatching(/^VOLUNTEER_SIGNING_KEY: is required/),
        expect.stringMatching(/^VOLUNTEER_PII_KEYS: is required/),
      ]),
    );
  });
});
