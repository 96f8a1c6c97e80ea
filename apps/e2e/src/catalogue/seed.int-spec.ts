import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SystemWorld } from '../world';

/** What `npm start` gives a new city: the seed catalogue and centre tree, loaded once into an empty store. */
describe('catalogue seed', () => {
  const world = new SystemWorld(inject('stack'));
  const get = async <T>(path: string): Promise<T> => {
    const response = await fetch(`${world.apps.catalogue!.url}${path}`);
    expect(response.status, path).toBe(200);
    return (await response.json()) as T;
  };
  const seeded = { SEED_CATALOGUE: 'true' };

  beforeAll(async () => {
    await world.start('catalogue', seeded);
  });
  afterAll(() => world.dispose());

  it('loads 108 published items and the centres into an empty store, and finds them by pinyin initials', async () => {
    const items = await get<{ code: string }[]>('/items');
    expect(items).toHaveLength(108);
    const centres = await get<{ id: string; level: string }[]>('/centres');
    expect(new Set(centres.map((c) => c.level))).toEqual(
      new Set(['city', 'district', 'street', 'community', 'station']),
    );
    const station = centres.find((c) => c.level === 'station')!;
    const atStation = await get<{ code: string }[]>(`/items?centre=${encodeURIComponent(station.id)}`);
    expect(atStation.length).toBeGreaterThan(0);
    expect(atStation.length).toBeLessThan(108);

    const search = await get<{ results: { code: string; name: string }[] }>('/search?q=dbsq');
    expect(search.results[0]?.name).toBe('最低生活保障申请');
    const version = await get<{ version: number; publishedBy: string }>('/items/MZ-001/versions/1');
    expect(version.version).toBe(1);
  });

  it('does not load the seed twice when the service restarts', async () => {
    await world.apps.catalogue!.stop();
    await world.start('catalogue', seeded);
    expect(await get<unknown[]>('/items')).toHaveLength(108);
    expect(await world.db('catalogue').collection('items').countDocuments()).toBe(108);
    expect(await world.db('catalogue').collection('centres').countDocuments()).toBe(10);
  });
});
