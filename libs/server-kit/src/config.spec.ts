import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { baseConfigSchema, ConfigError, parseConfig, redactConfig } from './config';

const good = {
  PORT: '3000',
  MONGODB_URI: 'mongodb://u:secret@127.0.0.1:27017/',
  KAFKA_BROKERS: 'a:9092,b:9093',
};

describe('configuration', () => {
  it('parses a good environment into typed values', () => {
    const config = parseConfig(baseConfigSchema, good);
    expect(config.PORT).toBe(3000);
    expect(config.KAFKA_BROKERS).toEqual(['a:9092', 'b:9093']);
    expect(config.NODE_ENV).toBe('development');
  });

  it('names every missing or bad setting at once', () => {
    const run = () => parseConfig(baseConfigSchema, { PORT: 'eighty', KAFKA_BROKERS: 'localhost' });
    expect(run).toThrow(ConfigError);
    try {
      run();
    } catch (error) {
      const { problems } = error as ConfigError;
      expect(problems).toHaveLength(3);
      expect(problems.find((p) => p.startsWith('MONGODB_URI'))).toMatch(/required but not set/);
      expect(problems.find((p) => p.startsWith('PORT'))).toMatch(/HTTP port/);
      expect(problems.find((p) => p.startsWith('KAFKA_BROKERS'))).toMatch(/host:port/);
    }
  });

  it('masks sensitive settings when logged', () => {
    const redacted = redactConfig(baseConfigSchema, parseConfig(baseConfigSchema, good));
    expect(redacted.MONGODB_URI).toBe('***');
    expect(redacted.PORT).toBe(3000);
  });

  it('lets an app extend the base schema', () => {
    const schema = baseConfigSchema.extend({ RELAY_BATCH: z.coerce.number().int().positive() });
    expect(() => parseConfig(schema, { ...good, RELAY_BATCH: '0' })).toThrow(/RELAY_BATCH/);
  });
});
