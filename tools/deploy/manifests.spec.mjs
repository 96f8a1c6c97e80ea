import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadManifests, schemaProblems } from './manifests.mjs';

const dist = path.resolve(import.meta.dirname, '../../dist/server');
if (!existsSync(path.join(dist, 'libs/service-registry/src/index.js'))) {
  throw new Error('dist/server is missing: build first (npx nx run gateway:build); npm test does');
}
const load = (/** @type {string} */ file) => createRequire(import.meta.url)(path.join(dist, file));
/** @type {{ SERVICE_NAMES: string[], PROXIED_NAMES: string[], secretsOf: (name: string) => string[], urlSetting: (name: string) => string }} */
const { SERVICE_NAMES, PROXIED_NAMES, secretsOf, urlSetting } = load('libs/service-registry/src/index.js');

/** @typedef {import('./manifests.mjs').Manifest} Manifest */
const manifests = loadManifests().map(({ manifest }) => manifest);
const find = (/** @type {string} */ kind, /** @type {string} */ name) => {
  const found = manifests.find((m) => m.kind === kind && m.metadata.name === name);
  if (!found) throw new Error(`deploy/k8s has no ${kind} ${name}`);
  return found;
};
const containerOf = (/** @type {string} */ name) => find('Deployment', name).spec.template.spec.containers[0];

// what a secret holds is never in the repository: every app gets these two, the rest as the registry says
const SHARED_SECRETS = ['MONGODB_URI', 'AUTH_PUBLIC_KEYS'];
// read by the image's command (deploy/Dockerfile), not by the app
const IMAGE_SETTINGS = ['APP'];

/**
 * The container's variables: plain values (its own and its ConfigMaps') and the names it takes from Secrets.
 * @param {any} container
 */
function settingsOf(container) {
  /** @type {Record<string, string>} */
  const values = {};
  /** @type {Record<string, string>} */
  const fromSecrets = {};
  for (const { configMapRef, secretRef } of container.envFrom ?? []) {
    if (secretRef) throw new Error(`envFrom ${secretRef.name}: name each secret variable (secretKeyRef)`);
    Object.assign(values, find('ConfigMap', configMapRef.name).data);
  }
  for (const { name, value, valueFrom } of container.env ?? []) {
    if (valueFrom?.secretKeyRef) fromSecrets[name] = valueFrom.secretKeyRef.name;
    else if (valueFrom?.configMapKeyRef) {
      values[name] = find('ConfigMap', valueFrom.configMapKeyRef.name).data[valueFrom.configMapKeyRef.key];
    } else values[name] = value;
  }
  return { values, fromSecrets };
}

describe('deploy/k8s', () => {
  it('holds only objects the Kubernetes API schemas accept, and no secret values', () => {
    const problems = manifests.flatMap((m) =>
      schemaProblems(m).map((p) => `${m.kind} ${m.metadata.name}: ${p}`),
    );
    expect(problems).toEqual([]);
    expect(manifests.filter((m) => m.kind === 'Secret')).toEqual([]);
  });

  it('deploys every registered app, and no other, each behind a Service and scaled by an HPA', () => {
    for (const kind of ['Deployment', 'Service', 'HorizontalPodAutoscaler']) {
      const apps = manifests.filter(
        (m) => m.kind === kind && !['kafka', 'mongodb'].includes(m.metadata.name),
      );
      expect(apps.map((m) => m.metadata.name).sort(), kind).toEqual([...SERVICE_NAMES].sort());
    }
  });

  it.each(SERVICE_NAMES)(
    'gives %s every setting its configuration schema requires, and none it does not know',
    (name) => {
      /** @type {import('zod').ZodObject} */
      const schema = load(`apps/${name}/src/config.js`)[`${name}ConfigSchema`];
      const { values, fromSecrets } = settingsOf(containerOf(name));
      const given = [...Object.keys(values), ...Object.keys(fromSecrets)];
      const known = Object.keys(schema.shape);
      expect(
        given.filter((key) => !known.includes(key) && !IMAGE_SETTINGS.includes(key)),
        'unknown',
      ).toEqual([]);
      const required = known.filter((key) => !schema.shape[key].safeParse(undefined).success);
      expect(
        required.filter((key) => !given.includes(key)),
        'missing',
      ).toEqual([]);
      // the whole schema over the plain values, as at boot in production: bad values, and settings required only
      // there, are refused; the secrets' own checks are theirs to pass (their values are not here)
      const parsed = schema.safeParse(values);
      const issues = parsed.success
        ? []
        : parsed.error.issues.filter((i) => !(String(i.path[0]) in fromSecrets));
      expect(issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([]);
      expect(values.NODE_ENV).toBe('production');
    },
  );

  it.each(SERVICE_NAMES)(
    'takes %s its secrets by reference, the ones it alone holds from its own Secret',
    (name) => {
      const { fromSecrets } = settingsOf(containerOf(name));
      const own = secretsOf(name);
      // a secret the registry lets it hold may still be one production does without (identity's SEED_PASSWORD)
      expect(
        Object.keys(fromSecrets).filter((key) => !SHARED_SECRETS.includes(key) && !own.includes(key)),
      ).toEqual([]);
      for (const key of SHARED_SECRETS) expect(fromSecrets[key]).toBe('psc-secrets');
      for (const key of own.filter((k) => k in fromSecrets))
        expect(fromSecrets[key]).toBe(`psc-${name}-secrets`);
    },
  );

  it.each(SERVICE_NAMES)(
    'probes %s on /health, bounds its resources and runs it from the one image',
    (name) => {
      const container = containerOf(name);
      const { values } = settingsOf(container);
      const port = Number(values.PORT);
      expect(values.APP).toBe(name);
      expect(container.image).toBe('psc/backend:latest');
      expect(container.ports).toEqual([{ containerPort: port }]);
      expect(container.readinessProbe.httpGet).toEqual({ path: '/health', port });
      expect(container.livenessProbe.httpGet).toEqual({ path: '/health', port });
      expect(Object.keys(container.resources.requests).sort()).toEqual(['cpu', 'memory']);
      expect(container.resources.limits.memory).toBeDefined();
      const service = find('Service', name).spec;
      expect(service.selector).toEqual({ app: name });
      expect(service.ports.map((/** @type {any} */ p) => p.targetPort ?? p.port)).toEqual([port]);
      const hpa = find('HorizontalPodAutoscaler', name).spec;
      expect(hpa.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name });
      expect(hpa.minReplicas).toBeGreaterThanOrEqual(2);
      // the HPA owns the replica count; one in the Deployment would be reset on every apply
      expect(find('Deployment', name).spec.replicas).toBeUndefined();
    },
  );

  it('tells the gateway where each proxied app is, and names no other', () => {
    const { values } = settingsOf(containerOf('gateway'));
    const urls = Object.fromEntries(Object.entries(values).filter(([key]) => key.endsWith('_URL')));
    const port = (/** @type {string} */ name) => find('Service', name).spec.ports[0].port;
    expect(urls).toEqual(
      Object.fromEntries(
        PROXIED_NAMES.map((/** @type {string} */ name) => [urlSetting(name), `http://${name}:${port(name)}`]),
      ),
    );
  });

  it('runs Kafka as three KRaft nodes the apps reach, each topic on three of them', () => {
    const kafka = find('StatefulSet', 'kafka').spec;
    const config = find('ConfigMap', 'kafka-config').data;
    expect(kafka.replicas).toBe(3);
    expect(config.KAFKA_PROCESS_ROLES).toBe('broker,controller');
    expect(config.KAFKA_CONTROLLER_QUORUM_VOTERS.split(',')).toEqual(
      [0, 1, 2].map((i) => `${i}@kafka-${i}.kafka:9093`),
    );
    expect(config.KAFKA_DEFAULT_REPLICATION_FACTOR).toBe('3');
    expect(config.KAFKA_MIN_INSYNC_REPLICAS).toBe('2');
    expect(find('ConfigMap', 'psc-config').data.KAFKA_BROKERS.split(',')).toEqual(
      [0, 1, 2].map((i) => `kafka-${i}.kafka:9092`),
    );
    expect(find('Service', 'kafka').spec.clusterIP).toBe('None');
  });

  it('runs MongoDB as a three-member replica set, its credentials from Secrets', () => {
    const mongodb = find('StatefulSet', 'mongodb').spec;
    const [container] = mongodb.template.spec.containers;
    expect(mongodb.replicas).toBe(3);
    expect(container.args).toContain('--replSet=rs0');
    const init = find('Job', 'mongodb-init-replica-set').spec.template.spec.containers[0].command.join(' ');
    expect(init).toContain('_id: "rs0"');
    expect(init).toContain('[0, 1, 2]');
    const secretEnv = container.env.filter((/** @type {any} */ e) => e.valueFrom?.secretKeyRef);
    expect(secretEnv.map((/** @type {any} */ e) => e.name).sort()).toEqual([
      'MONGO_INITDB_ROOT_PASSWORD',
      'MONGO_INITDB_ROOT_USERNAME',
    ]);
    expect(find('Service', 'mongodb').spec.clusterIP).toBe('None');
  });
});
