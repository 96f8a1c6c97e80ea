import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  localUrl,
  PROXIED_NAMES,
  SECRETS,
  SERVICE_NAMES,
  serviceSpec,
  urlSetting,
  withheldSecrets,
} from './services';

const repoRoot = path.resolve(import.meta.dirname, '../../..');

const backendApps = () =>
  readdirSync(path.join(repoRoot, 'apps')).filter((name) => {
    try {
      const { tags = [] } = JSON.parse(
        readFileSync(path.join(repoRoot, 'apps', name, 'project.json'), 'utf8'),
      ) as { tags?: string[] };
      return tags.includes('scope:backend') && tags.includes('type:app');
    } catch {
      return false;
    }
  });

describe('service registry', () => {
  it('lists exactly the backend apps in apps/', () => {
    expect([...SERVICE_NAMES].sort()).toEqual(backendApps().sort());
  });

  it('gives each app its own port, and puts every app but the gateway behind it', () => {
    const ports = SERVICE_NAMES.map((name) => serviceSpec(name).port);
    expect(new Set(ports).size).toBe(ports.length);
    expect(PROXIED_NAMES).toEqual(SERVICE_NAMES.filter((name) => name !== 'gateway'));
    expect(urlSetting('affairs')).toBe('AFFAIRS_URL');
    expect(localUrl('catalogue')).toBe(`http://127.0.0.1:${serviceSpec('catalogue').port}`);
  });

  it('names each consumer group after the service that consumes (<service>.<purpose>)', () => {
    for (const name of SERVICE_NAMES) {
      const group = serviceSpec(name).consumerGroup;
      if (group) expect(group).toMatch(new RegExp(`^${name}\\.[a-z-]+$`));
    }
  });

  it('keeps the signing and personal-data keys to identity, the look-up key to affairs, the certificate keys to volunteer', () => {
    expect(withheldSecrets('identity')).toEqual([
      'CASE_LOOKUP_KEY',
      'SOCIALORG_PII_KEYS',
      'SOCIALORG_PII_ACTIVE_KEY_ID',
      'VOLUNTEER_SIGNING_KEY',
      'VOLUNTEER_PII_KEYS',
    ]);
    expect(withheldSecrets('volunteer')).not.toContain('VOLUNTEER_SIGNING_KEY');
    expect(withheldSecrets('volunteer')).toContain('PII_KEYS');
    expect(withheldSecrets('affairs')).toEqual(SECRETS.filter((secret) => secret !== 'CASE_LOOKUP_KEY'));
    expect(withheldSecrets('gateway')).toEqual(SECRETS);
    expect(SECRETS).toEqual(
      expect.arrayContaining(['AUTH_SIGNING_KEY', 'PII_KEYS', 'PII_INDEX_KEY', 'SEED_PASSWORD']),
    );
  });

  it('lets no two apps hold the same secret', () => {
    const holders = SERVICE_NAMES.flatMap((name) => serviceSpec(name).secrets ?? []);
    expect(new Set(holders).size).toBe(holders.length);
  });
});
