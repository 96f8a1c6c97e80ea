import { authFixture, type RunningApp, startApp, type TestStack, waitFor } from '@psc/testing';
import { generateDevKeys, generateKey } from '@psc/pii';
import { randomBytes } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { MongoClient } from 'mongodb';

/**
 * One isolated world per test: its own Kafka namespace (topics and groups) and its own databases on the suite's
 * stack, with the catalogue (producer), insight (consumer) and gateway apps running as processes.
 */
export class PipelineWorld {
  readonly namespace = `t${randomBytes(4).toString('hex')}`;
  readonly mongo: MongoClient;
  readonly kafka: Kafka;
  apps: Partial<Record<'catalogue' | 'insight' | 'identity' | 'affairs' | 'gateway', RunningApp>> = {};
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
      clientId: 'pipeline-test',
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

  env(app: string): Record<string, string> {
    return {
      ...this.auth?.env,
      MONGODB_URI: this.stack.mongoUri,
      KAFKA_BROKERS: this.stack.kafkaBrokers,
      KAFKA_NAMESPACE: this.namespace,
      MONGODB_DB: `${this.namespace}_${app}`,
    };
  }

  /** Catalogue starts empty unless `env` asks for the seed: tests count the items they write. */
  async start(
    name: 'catalogue' | 'insight' | 'identity' | 'affairs',
    env: Record<string, string> = {},
  ): Promise<RunningApp> {
    const auth = await this.ensureAuth();
    const extra: Record<string, string> =
      name === 'identity'
        ? {
            ...auth.signingEnv,
            ...generateDevKeys(),
            SEED_PASSWORD: this.seedPassword,
          }
        : name === 'catalogue'
          ? { SEED_CATALOGUE: 'false' }
          : name === 'affairs'
            ? // alerts within a second, not a minute
              { CASE_LOOKUP_KEY: `lk1:${generateKey()}`, SLA_SWEEP_SECONDS: '1' }
            : {};
    const app = await startApp(name, { ...this.env(name), ...extra, ...env });
    this.apps[name] = app;
    return app;
  }

  /** The producer, the consumer and the gateway in front of them (identity, affairs and the seed when asked). */
  async startAll({ identity = false, affairs = false, seedCatalogue = false } = {}): Promise<void> {
    await this.start('catalogue', seedCatalogue ? { SEED_CATALOGUE: 'true' } : {});
    await this.start('insight');
    if (identity) await this.start('identity');
    if (affairs) await this.start('affairs');
    await this.startGateway();
  }

  /** `env` adds or overrides gateway settings, e.g. small rate limits for a test. */
  async startGateway(env: Record<string, string> = {}): Promise<RunningApp> {
    const app = await startApp('gateway', this.gatewayEnv('gateway', env));
    this.apps.gateway = app;
    return app;
  }

  /** A second gateway over the same services whose kiosks fall idle after `seconds`; stopped with the world. */
  async startIdleGateway(seconds: number): Promise<RunningApp> {
    const app = await startApp(
      'gateway',
      this.gatewayEnv('gateway-idle', { KIOSK_IDLE_SECONDS: String(seconds) }),
    );
    this.others.push(app);
    return app;
  }

  /** A gateway's settings, in front of whichever services this world runs. */
  private gatewayEnv(name: string, env: Record<string, string>): Record<string, string> {
    const { catalogue, insight, identity, affairs } = this.apps;
    if (!catalogue || !insight) throw new Error('start catalogue and insight first');
    return {
      ...this.env(name),
      CATALOGUE_URL: catalogue.url,
      INSIGHT_URL: insight.url,
      ...(identity && { IDENTITY_URL: identity.url }),
      ...(affairs && { AFFAIRS_URL: affairs.url }),
      ...env,
    };
  }

  db(app: 'catalogue' | 'insight' | 'affairs' | 'identity') {
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
