import { authFixture, type RunningApp, startApp, type TestStack, waitFor } from '@psc/testing';
import { generateDevKeys, generateKey } from '@psc/pii';
import {
  PROXIED_NAMES,
  type ProxiedName,
  type Secret,
  secretsOf,
  serviceSpec,
  type ServiceName,
  urlSetting,
} from '@psc/service-registry';
import { randomBytes } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { MongoClient } from 'mongodb';

type Env = Record<string, string>;

/** socialorg's own keys for organisations' contact numbers, apart from identity's. */
const socialorgKeys = () => {
  const { PII_KEYS, PII_ACTIVE_KEY_ID } = generateDevKeys(['so1']);
  return { SOCIALORG_PII_KEYS: PII_KEYS, SOCIALORG_PII_ACTIVE_KEY_ID: PII_ACTIVE_KEY_ID };
};

// the gateway's route to a service this world did not start goes nowhere, rather than to a developer's `npm start`
const NOWHERE = 'http://127.0.0.1:9';

/**
 * The system under test, one isolated copy per test file: its own Kafka namespace (topics and groups) and its own
 * databases on the suite's stack, with the services of the registry and the gateway in front of them running as
 * processes from dist/server.
 */
export class SystemWorld {
  readonly namespace = `t${randomBytes(4).toString('hex')}`;
  readonly mongo: MongoClient;
  readonly kafka: Kafka;
  apps: Partial<Record<ServiceName, RunningApp>> = {};
  /** apps started beside the named ones, e.g. an idle gateway */
  private readonly others: RunningApp[] = [];
  private codeSeq = 0;
  private auth?: Awaited<ReturnType<typeof authFixture>>;
  /** headers of a city administrator, who may draft items and read the dashboards */
  adminHeaders: Record<string, string> = {};
  /** password of the demo accounts (counter01 …) the identity service seeds */
  readonly seedPassword = `Seed-${randomBytes(6).toString('hex')}1`;

  constructor(readonly stack: TestStack) {
    this.mongo = new MongoClient(stack.mongoUri);
    this.kafka = new Kafka({
      clientId: 'system-test',
      brokers: stack.kafkaBrokers.split(','),
      logLevel: logLevel.NOTHING,
    });
  }

  private async ensureAuth() {
    if (!this.auth) {
      this.auth = await authFixture();
      this.adminHeaders = { authorization: `Bearer ${await this.auth.staffToken('city_admin')}` };
    }
    return this.auth;
  }

  /** A token for another role, to show that role is refused. */
  async tokenFor(
    role: Parameters<Awaited<ReturnType<typeof authFixture>>['staffToken']>[0],
    scope?: string,
  ): Promise<string> {
    return (await this.ensureAuth()).staffToken(role, scope);
  }

  async residentHeaders(residentId: string): Promise<Record<string, string>> {
    return (await this.ensureAuth()).residentHeaders(residentId);
  }

  /** What every app of this world shares (the stack, the token keys), and its own database. */
  env(app: string): Env {
    return {
      ...this.auth?.env,
      MONGODB_URI: this.stack.mongoUri,
      KAFKA_BROKERS: this.stack.kafkaBrokers,
      KAFKA_NAMESPACE: this.namespace,
      MONGODB_DB: `${this.namespace}_${app}`,
    };
  }

  /** The registry's test settings of `name`, the secrets it holds, then `env`. */
  async start(name: ProxiedName, env: Env = {}): Promise<RunningApp> {
    // first: env() hands every app the public half of the world's signing key
    const auth = await this.ensureAuth();
    const app = await startApp(name, {
      ...this.env(name),
      ...serviceSpec(name).testEnv,
      ...this.secretsOf(name, auth),
      ...env,
    });
    this.apps[name] = app;
    return app;
  }

  /** The named services (every one in the registry by default) one after another, then the gateway. */
  async startAll(
    names: readonly ProxiedName[] = PROXIED_NAMES,
    env: Partial<Record<ProxiedName, Env>> = {},
  ): Promise<void> {
    for (const name of names) await this.start(name, env[name]);
    await this.startGateway();
  }

  /** `env` adds or overrides gateway settings, e.g. small rate limits for a test. */
  async startGateway(env: Env = {}): Promise<RunningApp> {
    const app = await this.gateway('gateway', env);
    this.apps.gateway = app;
    return app;
  }

  /** A second gateway over the same services whose kiosks fall idle after `seconds`; stopped with the world. */
  async startIdleGateway(seconds: number): Promise<RunningApp> {
    const app = await this.gateway('gateway-idle', { KIOSK_IDLE_SECONDS: String(seconds) });
    this.others.push(app);
    return app;
  }

  /** A gateway in front of whichever services this world runs. */
  private async gateway(name: string, env: Env): Promise<RunningApp> {
    await this.ensureAuth();
    const urls = Object.fromEntries(
      PROXIED_NAMES.map((service) => [urlSetting(service), this.apps[service]?.url ?? NOWHERE] as const),
    );
    return startApp('gateway', { ...this.env(name), ...urls, ...env });
  }

  /** The secrets the registry lets `name` hold, made for this world (signing key, personal-data keys …). */
  private secretsOf(name: ProxiedName, auth: Awaited<ReturnType<typeof authFixture>>): Env {
    const made: Record<Secret, string> = {
      AUTH_SIGNING_KEY: auth.signingEnv.AUTH_SIGNING_KEY,
      ...generateDevKeys(),
      SEED_PASSWORD: this.seedPassword,
      CASE_LOOKUP_KEY: `lk1:${generateKey()}`,
      ...socialorgKeys(),
      VOLUNTEER_SIGNING_KEY: `vs1:${generateKey()}`,
      VOLUNTEER_PII_KEYS: `vp1:${generateKey()}`,
    };
    return Object.fromEntries(secretsOf(name).map((secret) => [secret, made[secret]]));
  }

  db(app: ServiceName) {
    return this.mongo.db(`${this.namespace}_${app}`);
  }

  topic(logical: string): string {
    return `${this.namespace}.${logical}`;
  }

  nextCode(): string {
    this.codeSeq += 1;
    return `T-${this.namespace.toUpperCase()}-${this.codeSeq}`;
  }

  /** Sends a draft command; returns the item id when the service accepted it, null when the call failed. */
  async draft(baseUrl: string, theme = 'civil-assistance'): Promise<string | null> {
    try {
      const response = await fetch(`${baseUrl}/items`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...this.adminHeaders },
        body: JSON.stringify({ code: this.nextCode(), name: '最低生活保障申请', theme }),
      });
      if (response.status !== 201) return null;
      return ((await response.json()) as { _id: string })._id;
    } catch {
      return null;
    }
  }

  /**
   * Waits until the read model holds at least `expected` items, lets late duplicates arrive, then returns what it
   * holds: the item ids and the sum of the per-theme counters (which a double-applied event would inflate).
   */
  async settledReadModel(
    expected: number,
    timeoutMs = 60_000,
  ): Promise<{ viewIds: string[]; drafted: number }> {
    const insight = this.db('insight');
    await waitFor(
      async () => (await insight.collection('catalogue_item_view').countDocuments()) >= expected,
      { timeoutMs, intervalMs: 250, what: `${expected} items in the read model` },
    );
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const views = await insight
      .collection<{ _id: string }>('catalogue_item_view')
      .find({}, { projection: { _id: 1 } })
      .toArray();
    const themes = await insight
      .collection<{ _id: string; drafted: number }>('catalogue_theme_summary')
      .find()
      .toArray();
    return {
      viewIds: views.map((v) => v._id).sort(),
      drafted: themes.reduce((sum, t) => sum + t.drafted, 0),
    };
  }

  async dispose(): Promise<void> {
    await Promise.all([...Object.values(this.apps), ...this.others].map((app) => app?.stop()));
    await this.mongo.close();
  }
}
