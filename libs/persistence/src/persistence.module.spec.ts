import { HealthRegistry } from '@psc/server-kit';
import type { Connection } from 'mongoose';
import { describe, expect, it, vi } from 'vitest';
import { DatabaseHealthProbe } from './persistence.module';

describe('DatabaseHealthProbe', () => {
  it('registers itself as "database" and pings the store', async () => {
    const command = vi.fn().mockResolvedValue({ ok: 1 });
    const registry = new HealthRegistry();
    const sut = new DatabaseHealthProbe(
      { db: { command, databaseName: 'catalogue' } } as unknown as Connection,
      registry,
    );
    sut.onModuleInit();
    expect(registry.probes).toEqual([sut]);
    await expect(sut.probe()).resolves.toEqual({ db: 'catalogue' });
    expect(command).toHaveBeenCalledWith({ ping: 1 });
  });

  it('reports down before the connection is open', async () => {
    const sut = new DatabaseHealthProbe({ db: undefined } as unknown as Connection, new HealthRegistry());
    await expect(sut.probe()).rejects.toThrow('not connected');
  });
});
