import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SystemWorld } from '../world';

interface Nearby {
  id: string;
  distanceMetres: number;
  walkMinutes: number;
  today: { date: string; kind: string; periods: { open: string; close: string }[]; openNow: boolean };
}

const STATION = 'sz/futian/xiangmihu/c-001-y01'; // 香榭里花园小区党群驿站 (22.5530, 114.0250)
const COMMUNITY = 'sz/futian/xiangmihu/c-001'; // 香岭社区党群服务中心 (22.5510, 114.0230)

/** The 15-minute circle over the seeded centres of 福田区, through the gateway: distances worked out by hand. */
describe('catalogue: the 15-minute service circle', () => {
  const world = new SystemWorld(inject('stack'));
  const get = async <T>(path: string) => {
    const response = await fetch(`${world.apps.gateway!.url}/api/catalogue${path}`);
    return { status: response.status, body: (await response.json()) as T };
  };
  const enc = encodeURIComponent;

  beforeAll(async () => {
    await world.start('catalogue', { SEED_CATALOGUE: 'true' });
    await world.startGateway();
  });
  afterAll(() => world.dispose());

  it('lists the other centres offering an item, nearest first, with metres, minutes on foot and today', async () => {
    const { status, body } = await get<{ centres: Nearby[] }>(
      `/items/MZ-001/nearby?centre=${enc(COMMUNITY)}`,
    );
    expect(status).toBe(200);
    // haversine over the seed's coordinates; walking 4 km/h along streets 1.3 × the straight line
    expect(body.centres.slice(0, 3).map((c) => [c.id, c.distanceMetres, c.walkMinutes])).toEqual([
      ['sz/futian/xiangmihu', 521, 10],
      ['sz/futian/xiangmihu/c-002', 1245, 24],
      ['sz/futian/lianhua/c-001', 1959, 38],
    ]);
    // a 驿站 does not take in 低保, so it is not offered as a place to go for it
    expect(body.centres.map((c) => c.id)).not.toContain(STATION);
    const today = body.centres[0].today;
    expect(today.date).toBe(
      new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date()),
    );
    expect(['workday', 'weekend', 'holiday', 'makeup']).toContain(today.kind);
    expect(typeof today.openNow).toBe('boolean');

    const venue = await get<{ centres: Nearby[] }>(`/items/CD-001/nearby?centre=${enc(COMMUNITY)}&limit=1`);
    expect(venue.body.centres.map((c) => [c.id, c.distanceMetres, c.walkMinutes])).toEqual([
      [STATION, 303, 6],
    ]);
  });

  it('tells a 驿站 which items are done at its community centre, and how far that is', async () => {
    const { body } = await get<{
      groups: { centre: Nearby & { name: string }; count: number; themes: { code: string }[] }[];
    }>(`/centres/${enc(STATION)}/elsewhere`);
    expect(body.groups).toHaveLength(1);
    const [group] = body.groups;
    expect(group.centre).toMatchObject({
      id: COMMUNITY,
      name: '香岭社区党群服务中心',
      distanceMetres: 303,
      walkMinutes: 6,
    });
    // 108 items, of which the 驿站 offers party services (10), room bookings (10) and 3 consultations
    expect(group.count).toBe(85);
    expect(group.themes.map((t) => t.code)).toContain('social-security');
    expect(group.themes.map((t) => t.code)).not.toContain('venue');
    const community = await get<{ groups: unknown[] }>(`/centres/${enc(COMMUNITY)}/elsewhere`);
    expect(community.body.groups).toEqual([]);
  });

  it('refuses an unknown centre or item, and a bad limit, in Chinese', async () => {
    const unknown = await get<{ message: string }>(`/items/MZ-001/nearby?centre=${enc('sz/nowhere')}`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toContain('没有找到服务中心');
    expect((await get(`/items/XX-999/nearby?centre=${enc(COMMUNITY)}`)).status).toBe(404);
    const limit = await get<{ message: string }>(`/items/MZ-001/nearby?centre=${enc(COMMUNITY)}&limit=99`);
    expect(limit.status).toBe(400);
    expect(JSON.stringify(limit.body)).toContain('条数应为 1–20 的整数');
  });
});
