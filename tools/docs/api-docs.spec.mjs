import { describe, expect, it } from 'vitest';
import { asyncApiDocument, mergedOpenApi, sortKeys } from './api-docs.mjs';

const events = {
  'shop.order.placed': { topic: 'shop.order.v1', version: 1, schema: 'placed-schema' },
  'shop.order.shipped': { topic: 'shop.order.v1', version: 2, schema: 'shipped-schema' },
  'crm.contact.added': { topic: 'crm.contact.v1', version: 1, schema: 'added-schema' },
};
const build = (overrides = {}) =>
  asyncApiDocument({
    events,
    producers: { shop: ['shop.order.placed', 'shop.order.shipped'], crm: ['crm.contact.added'] },
    consumers: [
      { group: 'crm.orders', service: 'crm', handles: ['shop.order.placed'] },
      { group: 'shop.idle', service: 'shop', handles: [] },
    ],
    toJsonSchema: (schema) => ({ title: schema }),
    brokers: 'k:9092',
    ...overrides,
  });

describe('asyncApiDocument', () => {
  it('has a channel per topic carrying its event types, each message the envelope around its schema', () => {
    const doc = /** @type {any} */ (build());
    expect(Object.keys(doc.channels['shop.order.v1'].messages)).toEqual([
      'shop.order.placed',
      'shop.order.shipped',
    ]);
    const shipped = doc.components.messages['shop.order.shipped'];
    expect(shipped.payload.properties.type).toEqual({ const: 'shop.order.shipped' });
    expect(shipped.payload.properties.version).toEqual({ const: 2 });
    expect(shipped.payload.properties.data).toEqual({ title: 'shipped-schema' });
    expect(shipped.summary).toBe('published by shop on shop.order.v1');
  });

  it('sends from the producing service and receives in each consumer group what it handles, with its DLQ', () => {
    const doc = /** @type {any} */ (build());
    expect(Object.keys(doc.operations)).toEqual([
      'crm.orders.receive.shop.order.v1',
      'crm.orders.send.crm.orders.dlq',
      'crm.send.crm.contact.v1',
      'shop.send.shop.order.v1',
    ]);
    const receive = doc.operations['crm.orders.receive.shop.order.v1'];
    expect(receive.action).toBe('receive');
    expect(receive.messages).toEqual([{ $ref: '#/channels/shop.order.v1/messages/shop.order.placed' }]);
    expect(receive.bindings.kafka.groupId).toEqual({ type: 'string', enum: ['crm.orders'] });
    expect(doc.operations['shop.send.shop.order.v1'].messages).toHaveLength(2);
    expect(doc.channels['crm.orders.dlq'].address).toBe('crm.orders.dlq');
    expect(doc.channels['shop.idle.dlq']).toBeUndefined();
  });

  it('refuses an event no producer lists and a handler of an unregistered type', () => {
    expect(() => build({ producers: { shop: ['shop.order.placed'] } })).toThrow(
      /shop.order.shipped: no service/,
    );
    expect(() =>
      build({ consumers: [{ group: 'g.x', service: 'g', handles: ['shop.order.lost'] }] }),
    ).toThrow(/g.x \(g\) handles shop.order.lost/);
  });

  it('is the same text whatever order the registry lists things in', () => {
    const reversed = Object.fromEntries(Object.entries(events).reverse());
    expect(JSON.stringify(build({ events: reversed }))).toBe(JSON.stringify(build()));
  });
});

describe('mergedOpenApi', () => {
  const service = (
    /** @type {string} */ name,
    /** @type {string} */ server,
    paths = {},
    components = {},
  ) => ({
    service: name,
    document: { openapi: '3.0.0', servers: [{ url: server }], paths, components },
  });

  it('puts each service under its prefix, tags its operations and makes their ids unique', () => {
    const doc = /** @type {any} */ (
      mergedOpenApi([
        service('gateway', '/', { '/config.json': { get: { operationId: 'config' } } }),
        service('shop', '/api/shop', { '/orders': { get: { operationId: 'list' }, post: {} } }),
      ])
    );
    expect(Object.keys(doc.paths)).toEqual(['/api/shop/orders', '/config.json']);
    expect(doc.paths['/api/shop/orders'].get).toEqual({ operationId: 'shop.list', tags: ['shop'] });
    expect(doc.paths['/api/shop/orders'].post.operationId).toBe('shop.post/orders');
    expect(doc.paths['/config.json'].get.operationId).toBe('gateway.config');
    expect(doc.tags).toEqual([{ name: 'gateway' }, { name: 'shop' }]);
  });

  it('merges components the services agree on and refuses one they define differently', () => {
    const bearer = { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } };
    const doc = /** @type {any} */ (
      mergedOpenApi([service('a', '/api/a', {}, bearer), service('b', '/api/b', {}, bearer)])
    );
    expect(doc.components).toEqual(bearer);
    const other = { securitySchemes: { bearer: { type: 'apiKey' } } };
    expect(() =>
      mergedOpenApi([service('a', '/api/a', {}, bearer), service('b', '/api/b', {}, other)]),
    ).toThrow(/components.securitySchemes.bearer: b defines it differently/);
    expect(() => mergedOpenApi([service('a', '/x', { '/y': {} }), service('b', '/x', { '/y': {} })])).toThrow(
      /\/x\/y: documented by two services/,
    );
  });
});

describe('sortKeys', () => {
  it('orders the keys of every object and keeps arrays as they are', () => {
    expect(JSON.stringify(sortKeys({ b: [{ d: 1, c: 2 }, 'z', 'a'], a: null }))).toBe(
      '{"a":null,"b":[{"c":2,"d":1},"z","a"]}',
    );
  });
});
