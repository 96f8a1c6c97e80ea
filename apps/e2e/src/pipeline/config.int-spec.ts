import { SERVICE_NAMES } from '@psc/service-registry';
import { exitOf, startApp } from '@psc/testing';
import { describe, expect, it } from 'vitest';

describe('start-up configuration', () => {
  it.each(SERVICE_NAMES)('%s refuses to start and names each bad setting', async (name) => {
    const app = await startApp(
      name,
      { KAFKA_BROKERS: 'localhost', LOG_LEVEL: 'loud' },
      { waitHealthy: false },
    );
    expect(await exitOf(app)).toBe(78);
    const output = app.output();
    expect(output).toMatch(/MONGODB_URI: is required but not set/);
    expect(output).toMatch(/KAFKA_BROKERS: expected host:port/);
    expect(output).toMatch(/LOG_LEVEL: /);
    expect(output).not.toMatch(/Nest application successfully started/);
  });
});
