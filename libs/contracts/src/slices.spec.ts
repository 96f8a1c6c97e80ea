import { describe, expect, it } from 'vitest';
import { ERROR_CODE_SLICES, ERROR_CODES } from './errors';
import { EVENT_SLICES, EVENTS } from './registry';
import { TOPIC_SLICES, TOPICS } from './topics';

const entries = (slices: Record<string, object>) =>
  Object.entries(slices).flatMap(([service, slice]) => Object.keys(slice).map((key) => ({ service, key })));

const duplicates = (values: string[]) => values.filter((value, i) => values.indexOf(value) !== i);

describe('per-service contract slices', () => {
  it('define each error code once, prefixed by the service that owns it', () => {
    const codes = entries(ERROR_CODE_SLICES);
    expect(duplicates(codes.map((c) => c.key))).toEqual([]);
    expect(Object.keys(ERROR_CODES)).toHaveLength(codes.length);
    for (const { service, key } of codes) {
      const prefixes = service === 'common' ? ['COMMON', 'AUTH'] : [service.toUpperCase()];
      expect(prefixes, key).toContain(key.split('.')[0]);
    }
  });

  it('define each event type once, named after its service and sent on one of its topics', () => {
    const types = entries(EVENT_SLICES);
    expect(duplicates(types.map((t) => t.key))).toEqual([]);
    expect(Object.keys(EVENTS)).toHaveLength(types.length);
    for (const { service, key } of types) {
      expect(key.split('.')[0], key).toBe(service);
      const own: Record<string, string> = TOPIC_SLICES[service as keyof typeof TOPIC_SLICES];
      expect(Object.values(own), key).toContain(EVENTS[key as keyof typeof EVENTS].topic);
    }
  });

  it('define each topic once, named after its service', () => {
    const topics = entries(TOPIC_SLICES);
    expect(duplicates(topics.map((t) => t.key))).toEqual([]);
    expect(duplicates(Object.values(TOPICS))).toEqual([]);
    expect(Object.keys(TOPICS)).toHaveLength(topics.length);
    for (const { service, key } of topics) {
      expect(TOPICS[key as keyof typeof TOPICS]).toMatch(new RegExp(`^${service}\\.[a-z-]+\\.v\\d+$`));
    }
  });
});
