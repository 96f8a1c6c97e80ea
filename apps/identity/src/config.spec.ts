import { generateDevKeyPair } from '@psc/auth';
import { generateDevKeys } from '@psc/pii';
import { type ConfigError, parseConfig } from '@psc/server-kit';
import { SERVICES } from '@psc/service-registry';
import { describe, expect, it } from 'vitest';
import { identityConfigSchema, linkOrigin } from './config';

const base = async () => ({
  ...(await generateDevKeyPair()).settings,
  ...generateDevKeys(),
  MONGODB_URI: 'mongodb://127.0.0.1:27017',
  KAFKA_BROKERS: '127.0.0.1:9092',
});

const problems = (env: NodeJS.ProcessEnv) => {
  try {
    parseConfig(identityConfigSchema, env);
    return [];
  } catch (error) {
    return (error as ConfigError).problems;
  }
};

describe('identity config', () => {
  it('defaults the port and the SMS provider', async () => {
    const config = parseConfig(identityConfigSchema, { ...(await base()), SEED_PASSWORD: 'dev-pass-123' });
    expect(config).toMatchObject({ PORT: SERVICES.identity.port, SMS_PROVIDER: 'log' });
  });

  it('needs SEED_PASSWORD outside production only', async () => {
    expect(problems({ ...(await base()), NODE_ENV: 'development' })).toEqual([
      expect.stringMatching(/^SEED_PASSWORD: .*demo accounts/),
    ]);
    expect(
      problems({ ...(await base()), NODE_ENV: 'production', PUBLIC_ORIGIN: 'https://psc.example.cn' }),
    ).toEqual([]);
  });

  it('needs the public origin for texted links in production, and keeps only the origin of what it is given', async () => {
    expect(problems({ ...(await base()), NODE_ENV: 'production' })).toEqual([
      expect.stringMatching(/^PUBLIC_ORIGIN: is required/),
    ]);
    const config = parseConfig(identityConfigSchema, {
      ...(await base()),
      NODE_ENV: 'production',
      PUBLIC_ORIGIN: 'https://psc.example.cn/kiosk/',
    });
    expect(linkOrigin(config)).toBe('https://psc.example.cn');
  });

  it('refuses a signing key whose public half is not published', async () => {
    const env = { ...(await base()), SEED_PASSWORD: 'dev-pass-123' };
    const other = await generateDevKeyPair();
    expect(problems({ ...env, AUTH_PUBLIC_KEYS: other.settings.AUTH_PUBLIC_KEYS })).toEqual([
      expect.stringMatching(/^AUTH_SIGNING_KEY: .*no matching public key/),
    ]);
  });
});
