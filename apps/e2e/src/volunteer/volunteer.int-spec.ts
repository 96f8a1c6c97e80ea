import type {
  ActivityView,
  CertificatePrint,
  CertificateView,
  MyHoursView,
  OrganiserActivityView,
  SignupView,
  WishView,
} from '@psc/contracts/volunteer';
import type { CaseView } from '@psc/contracts/affairs';
import { generateKey } from '@psc/pii';
import { waitFor } from '@psc/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SystemWorld } from '../world';

const CENTRE = 'sz/futian/xiangmihu/c-001';
const HOUR = 3600_000;

/**
 * The volunteer service on the real stack, through the gateway: the kiosk's calls as a resident with a kiosk
 * session, the organiser's as a centre administrator, hours through the ledger's own consumer, a case from affairs
 * proxied by a volunteer, and a replay of the ledger's topic into a fresh consumer group.
 */
describe('volunteer: activities, the hours ledger, stars, certificates and 微心愿', () => {
  const world = new SystemWorld(inject('stack'));
  // the same keys across a restart of the service, as in production
  const secrets = {
    VOLUNTEER_SIGNING_KEY: `vs1:${generateKey()}`,
    VOLUNTEER_PII_KEYS: `vp1:${generateKey()}`,
  };
  const headers: Record<string, Record<string, string>> = {};
  const api = (path: string) => `${world.apps.gateway!.url}/api${path}`;
  const send = async <T>(who: string, method: string, path: string, body?: unknown) => {
    const response = await fetch(api(path), {
      method,
      headers: { 'content-type': 'application/json', ...headers[who] },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
  };
  const ok = async <T>(who: string, method: string, path: string, body?: unknown) => {
    const { status, body: answer } = await send<T>(who, method, path, body);
    expect(status, JSON.stringify(answer)).toBeLessThan(300);
    return answer;
  };
  const hoursOf = (who: string) => ok<MyHoursView>(who, 'GET', '/volunteer/hours/me');
  const publish = (title: string, startsAt: Date, endsAt: Date, capacity = 5) =>
    ok<OrganiserActivityView>('admin', 'POST', '/volunteer/activities', {
      title,
      centreId: CENTRE,
      organiserName: '香蜜湖党群服务中心',
      place: '社区活动室',
      startsAt: startsAt.toISOString(),
      endsAt: endsAt.toISOString(),
      capacity,
      category: 'service',
      projectId: 'agreement-42',
    });

  beforeAll(async () => {
    await world.startAll(['catalogue', 'affairs', 'volunteer'], { volunteer: secrets });
    const bearer = async (role: Parameters<typeof world.tokenFor>[0], scope = CENTRE) => ({
      authorization: `Bearer ${await world.tokenFor(role, scope)}`,
    });
    headers.admin = await bearer('centre_admin');
    headers.counter = await bearer('counter_staff');
    headers.city = await bearer('city_admin', 'sz');
    for (const who of ['v1', 'v2', 'v3', 'poster']) headers[who] = await world.residentHeaders(`r-${who}`);
    for (const who of ['v1', 'v2', 'v3']) {
      const registered = await send(who, 'POST', '/volunteer/volunteers/me', {
        name: '王小明',
        centreId: CENTRE,
        skills: ['陪伴'],
      });
      expect(registered.status).toBe(201);
    }
  });
  afterAll(() => world.dispose());

  it('goes from publishing to hours, a star, a certificate that verifies, and refuses a forged one', async () => {
    const now = Date.now();
    // five long activities that started 23 hours ago: the organiser records the arrival, the kiosk the departure
    const activities: OrganiserActivityView[] = [];
    for (let i = 1; i <= 5; i++) {
      activities.push(await publish(`防汛值守 ${i}`, new Date(now - 23 * HOUR), new Date(now + HOUR)));
    }
    const listed = await ok<ActivityView[]>('v1', 'GET', `/volunteer/activities?centreId=${CENTRE}`);
    expect(listed.map((a) => a.activityId)).toEqual(
      expect.arrayContaining(activities.map((a) => a.activityId)),
    );
    expect(listed[0]).not.toHaveProperty('code');

    for (const activity of activities) {
      expect(
        (await ok<SignupView>('v1', 'POST', `/volunteer/activities/${activity.activityId}/signups`)).state,
      ).toBe('confirmed');
      await ok('admin', 'POST', `/volunteer/activities/${activity.activityId}/attendance/r-v1`, {
        step: 'check_in',
        at: new Date(now - 23 * HOUR).toISOString(),
      });
    }
    // a walk-in checks in at the kiosk by typing the code
    const walkIn = await ok<SignupView>('v2', 'POST', '/volunteer/attendance/check-in', {
      code: activities[0].code,
    });
    expect(walkIn).toMatchObject({ state: 'confirmed', attendance: 'checked_in' });

    // two kiosks send the same check-out at once: one attendance, one credit
    const [first, second] = await Promise.all([
      send<SignupView>('v1', 'POST', '/volunteer/attendance/check-out', { code: activities[0].code }),
      send<SignupView>('v1', 'POST', '/volunteer/attendance/check-out', { code: activities[0].code }),
    ]);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(first.body.minutes).toBe(second.body.minutes);
    expect(first.body.minutes! % 15).toBe(0);
    for (const activity of activities.slice(1)) {
      await ok('v1', 'POST', '/volunteer/attendance/check-out', { code: activity.code });
    }
    expect((await send('v1', 'POST', '/volunteer/attendance/check-out', { code: '000000' })).status).toBe(
      404,
    );

    for (const activity of activities) {
      await ok('admin', 'POST', `/volunteer/activities/${activity.activityId}/approve`, {});
    }
    await ok('admin', 'POST', `/volunteer/activities/${activities[0].activityId}/approve`, {});

    const expected = 5 * 23 * 60;
    await waitFor(async () => (await hoursOf('v1')).total.creditMinutes === expected, {
      what: 'the balance to follow the approved entries',
    });
    const hours = await hoursOf('v1');
    expect(hours.entries).toHaveLength(5);
    expect(hours.star).toMatchObject({ level: 1, name: '一星志愿者' });
    await waitFor(async () => (await hoursOf('v1')).star.highest === 1, { what: 'the star event' });

    const applied = await ok<CertificateView>('v1', 'POST', '/volunteer/certificates', { centreId: CENTRE });
    await ok('admin', 'POST', `/volunteer/certificates/${applied.certificateId}/accept`, {
      issuerName: '香蜜湖党群服务中心',
    });
    const issued = await ok<CertificateView>(
      'admin',
      'POST',
      `/volunteer/certificates/${applied.certificateId}/issue`,
    );
    expect(issued.hours).toMatchObject({ creditMinutes: expected, totalMinutes: expected });
    const print = await ok<CertificatePrint>(
      'v1',
      'GET',
      `/volunteer/certificates/${applied.certificateId}/print`,
    );
    expect(Buffer.from(print.pdf, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    const token = new URL(print.verifyUrl).searchParams.get('t')!;
    const verified = await fetch(api(`/volunteer/certificates/verify?t=${token}`));
    expect(verified.status).toBe(200);
    expect(await verified.json()).toMatchObject({ genuine: true, name: '王**', creditMinutes: expected });

    const [header, payload, signature] = token.split('.');
    const facts = JSON.parse(Buffer.from(payload, 'base64url').toString()) as object;
    const forged = `${header}.${Buffer.from(JSON.stringify({ ...facts, credit: 99999 })).toString('base64url')}.${signature}`;
    const refused = await fetch(api(`/volunteer/certificates/verify?t=${forged}`));
    expect(refused.status).toBe(404);
    expect(((await refused.json()) as { message: string }).message).toMatch(/伪造或被篡改/);
  });

  it('takes a 微心愿 from the kiosk to the claimer’s hours', async () => {
    const refused = await send('poster', 'POST', '/volunteer/wishes', {
      centreId: CENTRE,
      text: '请打电话 13812345678 帮我修门锁',
    });
    expect(refused.status).toBe(400);
    const wish = await ok<WishView>('poster', 'POST', '/volunteer/wishes', {
      centreId: CENTRE,
      text: '想请志愿者帮忙修理家里的门锁',
    });
    await ok('counter', 'POST', `/volunteer/wishes/${wish.wishId}/approve`);
    const board = await ok<WishView[]>('v3', 'GET', `/volunteer/wishes?centreId=${CENTRE}`);
    expect(board.find((w) => w.wishId === wish.wishId)).toMatchObject({ state: 'open', ageDays: 0 });
    await ok('v3', 'POST', `/volunteer/wishes/${wish.wishId}/claim`);
    await ok('v3', 'POST', `/volunteer/wishes/${wish.wishId}/fulfil`, { minutes: 60 });
    expect((await ok<WishView>('poster', 'POST', `/volunteer/wishes/${wish.wishId}/confirm`)).state).toBe(
      'confirmed',
    );
    await waitFor(async () => (await hoursOf('v3')).total.creditMinutes === 60, { what: 'the wish hours' });
  });

  it('credits the volunteer who proxied a case affairs completed', async () => {
    const code = world.nextCode();
    const admin = { 'content-type': 'application/json', ...world.adminHeaders };
    const item = {
      code,
      name: '居住证办理',
      theme: 'civil-assistance',
      summary: '为来深人员办理居住证。',
      department: '区公安分局',
      legalBasis: ['《居住证暂行条例》'],
      conditions: ['在本市居住半年以上'],
      materials: [{ name: '居民身份证', form: 'original', copies: 1, deferrable: false }],
      legalDays: 20,
      promisedDays: 10,
      visits: 1,
      delivery: ['window'],
    };
    await fetch(api('/catalogue/items'), { method: 'POST', headers: admin, body: JSON.stringify(item) });
    await fetch(api(`/catalogue/items/${code}/publish`), { method: 'POST', headers: admin });
    let opened: CaseView | undefined;
    await waitFor(
      async () => {
        const response = await fetch(api('/affairs/cases'), {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'idempotency-key': `proxy-${code}`,
            ...headers.counter,
          },
          body: JSON.stringify({
            centreId: CENTRE,
            itemCode: code,
            residentId: 'resident-9',
            idTail: '12345X',
            materials: [{ name: '居民身份证', provided: true }],
          }),
        });
        if (response.status === 201) opened = (await response.json()) as CaseView;
        return opened !== undefined;
      },
      { what: 'affairs to know the published item' },
    );
    const assigned = await ok<CaseView>('counter', 'POST', `/affairs/cases/${opened!.caseNo}/actions`, {
      action: 'assign',
      revision: opened!.revision,
      assignee: { kind: 'proxy', name: '王小明', volunteerId: 'r-v2' },
    });
    await ok('counter', 'POST', `/affairs/cases/${opened!.caseNo}/actions`, {
      action: 'complete',
      revision: assigned.revision,
      proxyMinutes: 45,
    });
    await waitFor(
      async () => (await hoursOf('v2')).entries.some((e) => e.source === 'proxy' && e.minutes === 45),
      {
        what: 'the 代办 credit',
      },
    );
  });

  it('credits nothing twice when the hours topic is replayed from offset 0 into a fresh consumer group', async () => {
    const db = world.db('volunteer');
    type Counter = { _id: string; creditMinutes: number; honourMinutes: number; entries: number };
    const snapshot = () =>
      db
        .collection<Counter>('balances')
        .find({}, { projection: { creditMinutes: 1, honourMinutes: 1, entries: 1 } })
        .sort({ _id: 1 })
        .toArray();
    const before = await snapshot();
    const entries = await db.collection('ledger_entries').countDocuments();
    expect(before.length).toBeGreaterThan(0);

    await world.apps.volunteer!.stop();
    const admin = world.kafka.admin();
    await admin.connect();
    await admin.deleteGroups([`${world.namespace}.volunteer.hours`]);
    await admin.disconnect();
    const restarted = await world.start('volunteer', secrets);
    // the fresh group reads from the start: wait until it has caught up with every message of the topics
    await waitFor(
      async () => {
        const reader = world.kafka.admin();
        await reader.connect();
        try {
          const [offsets] = await reader.fetchOffsets({
            groupId: `${world.namespace}.volunteer.hours`,
            topics: [world.topic('volunteer.hours.v1')],
          });
          const ends = await reader.fetchTopicOffsets(world.topic('volunteer.hours.v1'));
          // a partition nothing was written to has no committed offset
          return ends.every(
            (end) =>
              end.offset === '0' ||
              offsets.partitions.find((p) => p.partition === end.partition)?.offset === end.offset,
          );
        } finally {
          await reader.disconnect();
        }
      },
      { what: 'the fresh group to read the whole topic', timeoutMs: 60_000 },
    );
    expect(await snapshot()).toEqual(before);
    expect(await db.collection('ledger_entries').countDocuments()).toBe(entries);
    const reconciled = await fetch(`${restarted.url}/hours/reconciliations`, {
      method: 'POST',
      headers: headers.city,
    });
    expect(await reconciled.json()).toMatchObject({ ok: true, mismatches: [] });
  });
});
