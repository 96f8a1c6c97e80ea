// The two API documents, built from what the platform runs on rather than written by hand: the AsyncAPI 3
// document of every Kafka topic and event from the @psc/contracts registry, and one OpenAPI document merging every
// service's own. Pure functions over plain inputs; generate.mjs feeds them from the built apps.

/**
 * @typedef {{ topic: string, version: number, schema: unknown }} EventDefinition
 * @typedef {{ group: string, service: string, handles: string[] }} ConsumerGroup
 * @typedef {{ [key: string]: any }} JsonObject
 */

/** The same value with every object's keys in code-point order, so a document's text depends on its content only. */
/** @param {unknown} value @returns {any} */
export function sortKeys(value) {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  /** @type {JsonObject} */
  const sorted = {};
  for (const key of Object.keys(value).sort()) sorted[key] = sortKeys(/** @type {JsonObject} */ (value)[key]);
  return sorted;
}

/** The envelope every event travels in (libs/contracts/src/envelope.ts), with `data` the event's own schema. */
const envelope = (/** @type {string} */ type, /** @type {number} */ version, /** @type {object} */ data) => ({
  type: 'object',
  additionalProperties: false,
  required: ['id', 'type', 'version', 'occurredAt', 'producer', 'key', 'data'],
  properties: {
    id: { type: 'string', format: 'uuid', description: 'dedup key: consumers apply each id once' },
    type: { const: type },
    version: { const: version },
    occurredAt: { type: 'string', format: 'date-time' },
    producer: { type: 'string', minLength: 1 },
    key: { type: 'string', minLength: 1, description: 'the aggregate id, also the Kafka message key' },
    data,
  },
});

/**
 * AsyncAPI 3.1: one channel per topic with the messages (event types) it carries, a send operation for the
 * service that produces each topic, a receive operation per consumer group and topic it reads (with its Kafka
 * group id), and each group's dead-letter topic.
 * @param {{
 *   events: Record<string, EventDefinition>,
 *   producers: Record<string, string[]>,
 *   consumers: ConsumerGroup[],
 *   toJsonSchema: (schema: unknown) => object,
 *   brokers: string,
 * }} input producers: service → the event types it publishes
 */
export function asyncApiDocument({ events, producers, consumers, toJsonSchema, brokers }) {
  const producerOf = new Map(
    Object.entries(producers).flatMap(([service, types]) => types.map((type) => [type, service])),
  );
  /** @type {JsonObject} */
  const channels = {};
  /** @type {JsonObject} */
  const operations = {};
  /** @type {JsonObject} */
  const messages = {};
  const ref = (/** @type {string} */ topic, /** @type {string} */ type) => ({
    $ref: `#/channels/${topic}/messages/${type}`,
  });

  for (const [type, { topic, version, schema }] of Object.entries(events)) {
    const producer = producerOf.get(type);
    if (!producer) throw new Error(`${type}: no service's event slice lists it`);
    messages[type] = {
      name: type,
      title: `${type} v${version}`,
      summary: `published by ${producer} on ${topic}`,
      contentType: 'application/json',
      payload: envelope(type, version, toJsonSchema(schema)),
      bindings: { kafka: { key: { type: 'string', description: 'aggregate id' }, bindingVersion: '0.5.0' } },
    };
    channels[topic] ??= { address: topic, messages: {} };
    channels[topic].messages[type] = { $ref: `#/components/messages/${type}` };
    const send = `${producer}.send.${topic}`;
    operations[send] ??= { action: 'send', channel: { $ref: `#/channels/${topic}` }, messages: [] };
    operations[send].messages.push(ref(topic, type));
  }

  for (const { group, service, handles } of consumers) {
    for (const type of handles) {
      const definition = events[type];
      if (!definition)
        throw new Error(`${group} (${service}) handles ${type}, which the registry does not have`);
      const receive = `${group}.receive.${definition.topic}`;
      operations[receive] ??= {
        action: 'receive',
        channel: { $ref: `#/channels/${definition.topic}` },
        summary: `${service}'s consumer group ${group}`,
        messages: [],
        bindings: { kafka: { groupId: { type: 'string', enum: [group] }, bindingVersion: '0.5.0' } },
      };
      operations[receive].messages.push(ref(definition.topic, type));
    }
    if (handles.length === 0) continue;
    const dlq = `${group}.dlq`;
    channels[dlq] = {
      address: dlq,
      description: `what ${group} could not apply: the original message, its reason in the dlq-reason header`,
      messages: { deadLetter: { $ref: '#/components/messages/deadLetter' } },
    };
    operations[`${group}.send.${dlq}`] = {
      action: 'send',
      channel: { $ref: `#/channels/${dlq}` },
      messages: [{ $ref: `#/channels/${dlq}/messages/deadLetter` }],
    };
  }
  if (consumers.some((c) => c.handles.length > 0)) {
    messages.deadLetter = {
      name: 'deadLetter',
      title: 'dead letter',
      summary: 'a message as it arrived, with why it was not applied',
      headers: {
        type: 'object',
        required: ['dlq-reason'],
        properties: { 'dlq-reason': { type: 'string', description: 'validation failure or the last error' } },
      },
      payload: {},
    };
  }

  // lists follow the registry's order otherwise
  for (const operation of Object.values(operations)) {
    operation.messages.sort((/** @type {any} */ a, /** @type {any} */ b) => (a.$ref < b.$ref ? -1 : 1));
  }
  return sortKeys({
    asyncapi: '3.1.0',
    info: {
      title: '党群服务中心 events',
      version: '1',
      description:
        'Every Kafka topic and event of the platform, generated from the event registry in @psc/contracts and ' +
        'the consumer groups in @psc/service-registry by `npm run docs:api`. A KAFKA_NAMESPACE prefixes every ' +
        'topic and group name with `<namespace>.`.',
    },
    defaultContentType: 'application/json',
    servers: { kafka: { host: brokers, protocol: 'kafka', description: 'the cluster in deploy/k8s' } },
    channels,
    operations,
    components: { messages },
  });
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'];

/**
 * One OpenAPI document of every service as the gateway serves it: each service's paths under its server prefix
 * (`/api/<name>`), its operations tagged with its name and their ids prefixed with it, shared components merged
 * (a name two services define differently is refused).
 * @param {{ service: string, document: JsonObject }[]} services
 */
export function mergedOpenApi(services) {
  /** @type {JsonObject} */
  const paths = {};
  /** @type {Record<string, JsonObject>} */
  const components = {};
  for (const { service, document } of services) {
    const prefix = (document.servers?.[0]?.url ?? '/').replace(/\/$/, '');
    for (const [route, item] of Object.entries(document.paths ?? {})) {
      const path = `${prefix}${route}`;
      if (paths[path]) throw new Error(`${path}: documented by two services`);
      paths[path] = Object.fromEntries(
        Object.entries(/** @type {JsonObject} */ (item)).map(([method, operation]) =>
          METHODS.includes(method)
            ? [
                method,
                {
                  ...operation,
                  tags: [service],
                  operationId: `${service}.${operation.operationId ?? `${method}${route}`}`,
                },
              ]
            : [method, operation],
        ),
      );
    }
    for (const [kind, entries] of Object.entries(document.components ?? {})) {
      components[kind] ??= {};
      for (const [name, value] of Object.entries(/** @type {JsonObject} */ (entries))) {
        const known = components[kind][name];
        if (known !== undefined && JSON.stringify(sortKeys(known)) !== JSON.stringify(sortKeys(value)))
          throw new Error(
            `components.${kind}.${name}: ${service} defines it differently from another service`,
          );
        components[kind][name] = value;
      }
    }
  }
  return sortKeys({
    openapi: '3.0.0',
    info: {
      title: '党群服务中心 API',
      version: '1',
      description:
        'Every service behind the gateway, merged from their own /openapi.json documents by `npm run docs:api`.',
    },
    servers: [{ url: '/' }],
    tags: services.map(({ service }) => ({ name: service })),
    paths,
    components,
  });
}
