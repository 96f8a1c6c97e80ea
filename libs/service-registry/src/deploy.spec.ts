import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { PROXIED_NAMES, SERVICE_NAMES, secretsOf, urlSetting } from './services';

interface Manifest {
  kind: string;
  metadata: { name: string };
  data?: Record<string, string>;
  spec?: {
    selector?: { app?: string; matchLabels?: { app: string } };
    template?: {
      spec: {
        containers: {
          env?: { name: string; value: string }[];
          envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
          ports?: { containerPort: number }[];
          readinessProbe?: { httpGet: { path: string; port: number } };
        }[];
      };
    };
  };
}

const file = path.resolve(import.meta.dirname, '../../../deploy/k8s/services.yaml');
const manifests = parseAllDocuments(readFileSync(file, 'utf8')).map((doc) => doc.toJS() as Manifest);
const ofKind = (kind: string) => manifests.filter((m) => m.kind === kind);

describe('deploy/k8s/services.yaml against the registry', () => {
  it('deploys every registered app, and nothing else', () => {
    expect(
      ofKind('Deployment')
        .map((d) => d.metadata.name)
        .sort(),
    ).toEqual([...SERVICE_NAMES].sort());
    expect(
      ofKind('Service')
        .map((s) => s.metadata.name)
        .sort(),
    ).toEqual([...SERVICE_NAMES].sort());
  });

  it.each(SERVICE_NAMES)(
    'runs %s from the one image, ready when /health answers, behind its Service',
    (name) => {
      const deployment = ofKind('Deployment').find((d) => d.metadata.name === name)!;
      const [container] = deployment.spec!.template!.spec.containers;
      const env = Object.fromEntries((container.env ?? []).map((e) => [e.name, e.value]));
      const port = Number(env.PORT);
      expect(env.APP).toBe(name);
      expect(container.ports).toEqual([{ containerPort: port }]);
      expect(container.readinessProbe?.httpGet).toEqual({ path: '/health', port });
      const service = ofKind('Service').find((s) => s.metadata.name === name)!;
      expect(service.spec?.selector).toEqual({ app: name });
    },
  );

  it.each(SERVICE_NAMES)(
    'gives %s a secret of its own exactly when the registry lets it hold one',
    (name) => {
      const deployment = ofKind('Deployment').find((d) => d.metadata.name === name)!;
      const refs = deployment.spec!.template!.spec.containers[0].envFrom ?? [];
      const secrets = refs.flatMap((ref) => (ref.secretRef ? [ref.secretRef.name] : []));
      expect(secrets).toEqual(['psc-secrets', ...(secretsOf(name).length ? [`psc-${name}-secrets`] : [])]);
    },
  );

  it('tells the gateway where each proxied app is, and names no other', () => {
    const [config] = ofKind('ConfigMap').filter((c) => c.metadata.name === 'psc-config');
    const urls = Object.fromEntries(
      Object.entries(config.data ?? {}).filter(([key]) => key.endsWith('_URL')),
    );
    const port = (name: string) => {
      const deployment = ofKind('Deployment').find((d) => d.metadata.name === name)!;
      return deployment.spec!.template!.spec.containers[0].ports![0].containerPort;
    };
    expect(urls).toEqual(
      Object.fromEntries(PROXIED_NAMES.map((name) => [urlSetting(name), `http://${name}:${port(name)}`])),
    );
  });
});
