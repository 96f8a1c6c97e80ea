// `npm run docs:api`: writes docs/api/asyncapi.yaml and docs/api/openapi.json from the built apps (dist/server);
// `--check` writes nothing and fails, naming the command, when the committed documents differ. No Kafka, no store:
// each app's module graph is built in Nest's preview mode, which instantiates nothing, so nothing connects.
import { Parser } from '@asyncapi/parser';
import { NestFactory, ModulesContainer } from '@nestjs/core';
import { PATTERN_METADATA } from '@nestjs/microservices/constants.js';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as prettier from 'prettier';
import 'reflect-metadata';
import { stringify } from 'yaml';
import { z } from 'zod';
import { asyncApiDocument, mergedOpenApi } from './api-docs.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const dist = path.join(root, 'dist/server');
export const DOCUMENTS = {
  asyncapi: path.join(root, 'docs/api/asyncapi.yaml'),
  openapi: path.join(root, 'docs/api/openapi.json'),
};
const COMMAND = 'npm run docs:api';

const load = (/** @type {string} */ file) => createRequire(import.meta.url)(path.join(dist, file));

/**
 * Settings an app's configuration schema accepts, as in production (the documents describe what is deployed):
 * throwaway keys, and addresses nothing is sent to.
 */
async function productionEnv() {
  const auth = load('libs/auth/src/index.js');
  const pii = load('libs/pii/src/index.js');
  return {
    NODE_ENV: 'production',
    KAFKA_BROKERS: 'kafka.invalid:9092',
    MONGODB_URI: 'mongodb://mongo.invalid/docs',
    PUBLIC_ORIGIN: 'https://psc.example.cn',
    ...(await auth.generateDevKeyPair()).settings,
    ...pii.generateDevKeys(),
    CASE_LOOKUP_KEY: `lk1:${pii.generateKey()}`,
    // socialorg and volunteer boot only with their own keys
    ...socialorgKeys(pii.generateDevKeys(['so1'])),
    VOLUNTEER_SIGNING_KEY: `vs1:${pii.generateKey()}`,
    VOLUNTEER_PII_KEYS: `vp1:${pii.generateKey()}`,
  };
}

/** @param {{ PII_KEYS: string, PII_ACTIVE_KEY_ID: string }} keys */
const socialorgKeys = ({ PII_KEYS, PII_ACTIVE_KEY_ID }) => ({
  SOCIALORG_PII_KEYS: PII_KEYS,
  SOCIALORG_PII_ACTIVE_KEY_ID: PII_ACTIVE_KEY_ID,
});

/**
 * Each app's OpenAPI document (server-kit's openApiDocument, what it serves at /openapi.json) and the event types
 * its controllers handle (`@HandlesEvent`), from its module graph in preview mode.
 * @param {string} name @param {Record<string, string>} env @param {boolean} proxied
 */
async function inspectApp(name, env, proxied) {
  const { AppModule } = load(`apps/${name}/src/app.module.js`);
  const schema = load(`apps/${name}/src/config.js`)[`${name}ConfigSchema`];
  if (!schema) throw new Error(`apps/${name}/src/config.ts exports no ${name}ConfigSchema`);
  const app = await NestFactory.create(AppModule.register(schema.parse(env)), {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  try {
    const { openApiDocument } = load('libs/server-kit/src/index.js');
    const document = openApiDocument(app, { service: name, apiPrefix: proxied ? `/api/${name}` : undefined });
    /** @type {string[]} */
    const handles = [];
    for (const module of app.get(ModulesContainer).values()) {
      for (const { metatype } of module.controllers.values()) {
        const prototype = /** @type {Function} */ (metatype).prototype;
        for (const key of Object.getOwnPropertyNames(prototype)) {
          handles.push(...(Reflect.getMetadata(PATTERN_METADATA, prototype[key]) ?? []));
        }
      }
    }
    return { document, handles: handles.sort() };
  } finally {
    await app.close();
  }
}

/** The AsyncAPI project's own parser: a document it has an error or a warning about is not written. */
async function validateAsyncApi(/** @type {object} */ document) {
  const diagnostics = await new Parser().validate(JSON.stringify(document));
  // severity 0 is an error, 1 a warning; hints and information pass
  const problems = diagnostics.filter((d) => d.severity <= 1);
  if (problems.length > 0) {
    const lines = problems.map((d) => `  ${d.path.join('.') || '(root)'}: ${d.message}`);
    throw new Error(`the AsyncAPI document is not valid:\n${lines.join('\n')}`);
  }
}

/** Both documents as the text they are committed as (prettier's formatting, so `npm test`'s format check agrees). */
export async function generate() {
  if (!existsSync(path.join(dist, 'libs/contracts/src/index.js'))) {
    throw new Error(`no dist/server: build first (${COMMAND} does)`);
  }
  const { EVENTS, EVENT_SLICES } = load('libs/contracts/src/index.js');
  const { SERVICES, SERVICE_NAMES, PROXIED_NAMES } = load('libs/service-registry/src/index.js');
  const env = await productionEnv();
  const services = [];
  const consumers = [];
  for (const name of /** @type {string[]} */ (SERVICE_NAMES)) {
    const { document, handles } = await inspectApp(name, env, PROXIED_NAMES.includes(name));
    services.push({ service: name, document });
    const group = SERVICES[name].consumerGroup;
    if (handles.length > 0 && !group) throw new Error(`${name} handles ${handles} but has no consumerGroup`);
    if (group) consumers.push({ group, service: name, handles });
  }
  const asyncapi = asyncApiDocument({
    events: EVENTS,
    producers: Object.fromEntries(
      Object.entries(EVENT_SLICES).map(([s, events]) => [s, Object.keys(events)]),
    ),
    consumers,
    toJsonSchema: (schema) => {
      // the dialect is the document's (AsyncAPI schemas are draft-07's superset), not repeated per payload
      const json = z.toJSONSchema(/** @type {z.ZodType} */ (schema), {
        target: 'draft-7',
        io: 'output',
        unrepresentable: 'any',
      });
      delete json.$schema;
      return json;
    },
    brokers: 'kafka-0.kafka:9092',
  });
  await validateAsyncApi(asyncapi);
  const config = await prettier.resolveConfig(DOCUMENTS.openapi);
  const format = (/** @type {string} */ text, /** @type {string} */ filepath) =>
    prettier.format(text, { ...config, filepath });
  return {
    asyncapi: await format(stringify(asyncapi, { lineWidth: 0 }), DOCUMENTS.asyncapi),
    openapi: await format(JSON.stringify(mergedOpenApi(services)), DOCUMENTS.openapi),
  };
}

if (import.meta.filename === process.argv[1]) {
  const check = process.argv.includes('--check');
  const texts = await generate();
  const stale = [];
  for (const [key, file] of /** @type {[keyof typeof texts, string][]} */ (Object.entries(DOCUMENTS))) {
    const committed = existsSync(file) ? readFileSync(file, 'utf8') : '';
    if (committed === texts[key]) continue;
    stale.push(path.relative(root, file));
    if (!check) {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, texts[key]);
    }
  }
  if (check && stale.length > 0) {
    console.error(
      `${stale.join(' and ')} ${stale.length > 1 ? 'are' : 'is'} not what the code says: run \`${COMMAND}\` and commit the result`,
    );
    process.exit(1);
  }
  console.log(
    check ? 'docs/api is up to date' : stale.length ? `wrote ${stale.join(', ')}` : 'docs/api unchanged',
  );
  process.exit(0);
}
