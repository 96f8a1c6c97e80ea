/**
 * What the platform knows about one backend app. The entry's key is the app's name: its folder under apps/, its
 * database, its `/api/<name>` route on the gateway and its `<NAME>_URL` setting there.
 */
export interface ServiceSpec {
  /** local port: `npm start`, the app's own PORT default and the gateway's default URL of it */
  readonly port: number;
  /** false only for the gateway itself, which is the proxy every other app is reached through */
  readonly proxied?: false;
  /** the group its Kafka consumer joins (`<service>.<purpose>`); its dead letters go to `<group>.dlq` */
  readonly consumerGroup?: string;
  /** secrets no other app may hold: every other app is started without them */
  readonly secrets?: readonly string[];
  /** settings system tests start it with, besides its secrets (which the test world makes) */
  readonly testEnv?: Readonly<Record<string, string>>;
}

/** Every backend app, the one list that `npm start`, the gateway, the system tests, the benches and deploy/ follow. */
export const SERVICES = {
  gateway: { port: 3000, proxied: false },
  // tests count the items they write, so the seed stays out unless a test asks for it
  catalogue: { port: 3101, testEnv: { SEED_CATALOGUE: 'false' } },
  affairs: {
    port: 3102,
    consumerGroup: 'affairs.cases',
    secrets: ['CASE_LOOKUP_KEY'],
    // SLA alerts within a second rather than a minute
    testEnv: { SLA_SWEEP_SECONDS: '1' },
  },
  insight: { port: 3105, consumerGroup: 'insight.dashboards' },
  identity: {
    port: 3106,
    consumerGroup: 'identity.texts',
    // it alone signs tokens and holds the personal-data keys; the others verify with the public keys
    secrets: ['AUTH_SIGNING_KEY', 'PII_KEYS', 'PII_ACTIVE_KEY_ID', 'PII_INDEX_KEY', 'SEED_PASSWORD'],
  },
  socialorg: {
    port: 3103,
    // volunteer hours served in purchased-service projects count towards their KPIs
    consumerGroup: 'socialorg.kpis',
    // its own personal-data keys, for organisations' contact numbers
    secrets: ['SOCIALORG_PII_KEYS', 'SOCIALORG_PII_ACTIVE_KEY_ID'],
  },
  volunteer: {
    port: 3104,
    consumerGroup: 'volunteer.hours',
    // it alone signs 志愿服务记录证明 and holds the key of volunteers' names
    secrets: ['VOLUNTEER_SIGNING_KEY', 'VOLUNTEER_PII_KEYS'],
    // the reconciliation proves the balances every few seconds rather than every hour
    testEnv: { RECONCILE_SECONDS: '5' },
  },
} as const satisfies Record<string, ServiceSpec>;

export type ServiceName = keyof typeof SERVICES;

/** The apps behind the gateway, at `/api/<name>/…`. */
export type ProxiedName = {
  [K in ServiceName]: (typeof SERVICES)[K] extends { proxied: false } ? never : K;
}[ServiceName];

type SecretOf<S> = S extends { secrets: readonly (infer N)[] } ? N : never;
/** A setting only some apps may hold. */
export type Secret = SecretOf<(typeof SERVICES)[ServiceName]>;

/** The gateway's setting naming where a service is, e.g. `AFFAIRS_URL`. */
export type UrlSetting<N extends ProxiedName = ProxiedName> = `${Uppercase<N>}_URL`;

const specs: Readonly<Record<ServiceName, ServiceSpec>> = SERVICES;

export const SERVICE_NAMES = Object.keys(SERVICES) as ServiceName[];

export const PROXIED_NAMES = SERVICE_NAMES.filter((name) => specs[name].proxied !== false) as ProxiedName[];

export const serviceSpec = (name: ServiceName): ServiceSpec => specs[name];

export const urlSetting = <N extends ProxiedName>(name: N) => `${name.toUpperCase()}_URL` as UrlSetting<N>;

/** Where an app listens on a developer's machine. */
export const localUrl = (name: ServiceName) => `http://127.0.0.1:${specs[name].port}`;

export const SECRETS = [...new Set(SERVICE_NAMES.flatMap((name) => specs[name].secrets ?? []))] as Secret[];

/** The secrets `name` may hold. */
export const secretsOf = (name: ServiceName) => (specs[name].secrets ?? []) as readonly Secret[];

/** The secrets other apps hold and `name` must be started without. */
export const withheldSecrets = (name: ServiceName): Secret[] =>
  SECRETS.filter((secret) => !secretsOf(name).includes(secret));
