import type { FileView, IncubationView, OrganisationView } from '@psc/contracts/socialorg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SystemWorld } from '../world';
import { PDF, socialorgApi, upload } from './socialorg-api';

const CENTRE = 'sz/futian/xiangmihu/c-001';
const STREET = 'sz/futian/xiangmihu';
const DAY = 86_400_000;

/** The next Monday 09:00 in Shanghai, at least a day ahead: a room slot the period certainly covers. */
function nextMondayNine(): Date {
  const day = new Date(Date.now() + DAY);
  while (new Date(day.getTime() + 8 * 3_600_000).getUTCDay() !== 1) day.setTime(day.getTime() + DAY);
  const shanghaiDate = new Date(day.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  return new Date(`${shanghaiDate}T01:00:00Z`);
}

const registration = (creditCode: string, name: string) => ({
  registration: 'registered',
  creditCode,
  centreId: CENTRE,
  name,
  type: 'service_agency',
  fields: ['elderly'],
  address: '深圳市福田区香岭路 18 号',
  foundedOn: '2021-05-10',
  partyBuilding: { kind: 'none', partyMembers: 1 },
});

/**
 * The incubation path through the gateway against the real Kafka and store: an organisation is registered, its
 * account (granted through identity, which learns the organisation from socialorg's events) signs in, applies with
 * an attachment, is admitted, booked, mentored, trained, assessed and graduates; every illegal step is a 409 saying
 * what is possible, and another organisation's staff are refused its records with 403.
 */
describe('socialorg: an organisation through the incubation base', () => {
  const world = new SystemWorld(inject('stack'));
  const api = socialorgApi(world);
  let org: OrganisationView;
  let other: OrganisationView;
  let incubation: IncubationView;
  let attachment: FileView;

  beforeAll(async () => {
    await world.startAll(['identity', 'socialorg']);
    for (const demo of ['centre01', 'street01']) await api.signIn(demo);
  });
  afterAll(() => world.dispose());

  it('registers organisations at the community, with the credit code checked', async () => {
    const refused = await api.call(
      'centre01',
      'POST',
      '/socialorg/organisations',
      registration('52440304MJL0002009', '香岭长者服务社'),
    );
    expect(refused).toMatchObject({
      status: 400,
      body: {
        code: 'SOCIALORG.CREDIT_CODE_INVALID',
        message: '统一社会信用代码校验位不正确，请核对最后一位',
      },
    });
    const created = await api.call<OrganisationView>(
      'centre01',
      'POST',
      '/socialorg/organisations',
      registration('52440304MJL0002004', '香岭长者服务社'),
    );
    expect(created.status).toBe(201);
    org = created.body;
    expect(org).toMatchObject({ centreId: CENTRE, streetId: STREET, creditCode: '52440304MJL0002004' });
    other = (
      await api.call<OrganisationView>(
        'centre01',
        'POST',
        '/socialorg/organisations',
        registration('52440304MJL000300R', '香岭邻里互助社'),
      )
    ).body;
    expect(other.orgId).toMatch(/^org-/);
    const twice = await api.call(
      'centre01',
      'POST',
      '/socialorg/organisations',
      registration('52440304MJL0002004', '重复登记'),
    );
    expect(twice).toMatchObject({ status: 409, body: { code: 'SOCIALORG.ORGANISATION_EXISTS' } });
  });

  it("gives each organisation's staff an account that signs in and sees its own organisation, contacts masked", async () => {
    await api.orgAccount('centre01', org.orgId, 'orgstaff-a');
    await api.orgAccount('centre01', other.orgId, 'orgstaff-b');
    const added = await api.call<OrganisationView>(
      'orgstaff-a',
      'POST',
      `/socialorg/organisations/${org.orgId}/contacts`,
      {
        name: '林晓红',
        role: 'leader',
        phone: '13912340001',
      },
    );
    expect(added.body.contacts).toEqual([expect.objectContaining({ name: '林晓红', phone: '139****0001' })]);
    const mine = await api.call<OrganisationView[]>('orgstaff-a', 'GET', '/socialorg/organisations/mine');
    expect(mine.body.map((o) => o.orgId)).toEqual([org.orgId]);
    const phone = await api.call(
      'centre01',
      'GET',
      `/socialorg/organisations/${org.orgId}/contacts/${added.body.contacts[0].contactId}/phone`,
      undefined,
      {
        'x-screen': 'portal',
        'x-access-purpose': encodeURIComponent('核实负责人'),
      },
    );
    expect(phone.body).toMatchObject({ phone: '13912340001' });
    const stored = await world
      .db('socialorg')
      .collection('organisations')
      .findOne({ _id: org.orgId as never });
    expect(JSON.stringify(stored)).not.toContain('13912340001');
    const reveals = await world
      .db('socialorg')
      .collection('contact_reveals')
      .find({ orgId: org.orgId })
      .toArray();
    expect(reveals).toEqual([
      expect.objectContaining({ purpose: '核实负责人', screen: 'portal', actorRole: 'centre_admin' }),
    ]);
  });

  it('applies with an attachment stored in the database, and refuses a file that only pretends to be a PDF', async () => {
    const fake = await api.call(
      'orgstaff-a',
      'POST',
      '/socialorg/files',
      upload(org.orgId, 'incubation', '章程.pdf', Buffer.from('MZ not a pdf at all')),
    );
    expect(fake).toMatchObject({ status: 415, body: { code: 'SOCIALORG.FILE_TYPE_REFUSED' } });
    const stored = await api.call<FileView>(
      'orgstaff-a',
      'POST',
      '/socialorg/files',
      upload(org.orgId, 'incubation', '组织章程.pdf', PDF),
    );
    expect(stored.status).toBe(201);
    attachment = stored.body;
    expect(attachment).toMatchObject({ name: '组织章程.pdf', mime: 'application/pdf', size: PDF.length });
    const applied = await api.call<IncubationView>('orgstaff-a', 'POST', '/socialorg/incubations', {
      orgId: org.orgId,
      baseId: STREET,
      plan: '入驻后开展长者助餐和探访服务，半年内完成民非登记',
      needs: ['office', 'mentoring'],
      teamSize: 6,
      attachments: [attachment.fileId],
    });
    expect(applied.status).toBe(201);
    incubation = applied.body;
    expect(incubation).toMatchObject({ state: 'applied', attachments: [attachment.fileId] });
    const again = await api.call('orgstaff-a', 'POST', '/socialorg/incubations', {
      ...applied.body,
      orgId: org.orgId,
      baseId: STREET,
      needs: ['office'],
      attachments: [],
    });
    expect(again).toMatchObject({ status: 409, body: { code: 'SOCIALORG.INCUBATION_ACTIVE' } });
  });

  it('refuses every step out of order with 409, naming what is possible', async () => {
    const early = await api.call(
      'street01',
      'POST',
      `/socialorg/incubations/${incubation.incubationId}/actions`,
      {
        action: 'graduate',
        revision: incubation.revision,
      },
    );
    expect(early).toMatchObject({
      status: 409,
      body: {
        code: 'SOCIALORG.INCUBATION_ILLEGAL_STEP',
        message: '入驻申请当前为“待审核”，不能“出壳”；现在可以：准予入驻、不予入驻、撤回申请',
      },
    });
    const booking = await api.call(
      'orgstaff-a',
      'POST',
      `/socialorg/incubations/${incubation.incubationId}/bookings`,
      {
        room: '会议室',
        from: nextMondayNine().toISOString(),
        to: new Date(nextMondayNine().getTime() + 3 * 3_600_000).toISOString(),
        purpose: '项目例会',
      },
    );
    expect(booking).toMatchObject({
      status: 409,
      body: { message: '入驻申请当前为“待审核”，孵化期内才能预订场地' },
    });
    const assess = await api.call(
      'street01',
      'POST',
      `/socialorg/incubations/${incubation.incubationId}/assessment`,
      {
        revision: incubation.revision,
        scores: { governance: 10, capacity: 10, services: 10, finance: 10, party: 5, impact: 5 },
        comment: '尚未入驻',
      },
    );
    expect(assess).toMatchObject({ status: 409, body: { code: 'SOCIALORG.INCUBATION_ILLEGAL_STEP' } });
  });

  it("refuses another organisation's staff the application, the organisation and the attachment (403)", async () => {
    for (const path of [
      `/socialorg/incubations/${incubation.incubationId}`,
      `/socialorg/organisations/${org.orgId}`,
      `/socialorg/files/${attachment.fileId}`,
      `/socialorg/files/${attachment.fileId}/content`,
    ]) {
      const refused = await api.call('orgstaff-b', 'GET', path);
      expect(refused.status, path).toBe(403);
      expect(refused.body, path).toMatchObject({ code: 'AUTH.OUT_OF_SCOPE' });
    }
    const withdraw = await api.call(
      'orgstaff-b',
      'POST',
      `/socialorg/incubations/${incubation.incubationId}/actions`,
      { action: 'withdraw', revision: 1 },
    );
    expect(withdraw.status).toBe(403);
    const own = await fetch(`${world.apps.gateway!.url}/api/socialorg/files/${attachment.fileId}/content`, {
      headers: { authorization: `Bearer ${api.token('orgstaff-a')}` },
    });
    expect([
      own.status,
      own.headers.get('content-type'),
      Buffer.from(await own.arrayBuffer()).equals(PDF),
    ]).toEqual([200, 'application/pdf', true]);
  });

  it('admits, books a room that cannot be double-booked, mentors, trains, assesses and graduates', async () => {
    const step = async (who: string, path: string, body: Record<string, unknown>) => {
      const response = await api.call<IncubationView>(
        who,
        'POST',
        `/socialorg/incubations/${incubation.incubationId}${path}`,
        { revision: incubation.revision, ...body },
      );
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      incubation = response.body;
    };
    const until = new Date(Date.now() + 180 * DAY).toISOString().slice(0, 10);
    await step('street01', '/actions', { action: 'admit', until });
    expect(incubation).toMatchObject({ state: 'incubating', period: { until } });

    const from = nextMondayNine();
    const slot = (start: number, hours: number) => ({
      room: '会议室',
      from: new Date(from.getTime() + start * 3_600_000).toISOString(),
      to: new Date(from.getTime() + (start + hours) * 3_600_000).toISOString(),
      purpose: '项目例会',
    });
    const booked = await api.call(
      'orgstaff-a',
      'POST',
      `/socialorg/incubations/${incubation.incubationId}/bookings`,
      slot(0, 3),
    );
    expect(booked.status).toBe(201);
    const taken = await api.call(
      'street01',
      'POST',
      `/socialorg/incubations/${incubation.incubationId}/bookings`,
      slot(1, 1),
    );
    expect(taken).toMatchObject({ status: 409, body: { code: 'SOCIALORG.ROOM_TAKEN' } });
    expect((taken.body as { message: string }).message).toMatch(
      /^会议室在.+已被“香岭长者服务社”预订，请换一个时段$/,
    );
    // two overlapping requests for a free slot at once, as two replicas would take them: exactly one is stored
    const racing = await Promise.all([
      api.call('street01', 'POST', `/socialorg/incubations/${incubation.incubationId}/bookings`, slot(4, 2)),
      api.call(
        'orgstaff-a',
        'POST',
        `/socialorg/incubations/${incubation.incubationId}/bookings`,
        slot(5, 2),
      ),
    ]);
    expect(racing.map((r) => r.status).sort()).toEqual([201, 409]);

    await step('street01', '/mentor', {
      name: '王建国',
      affiliation: '深圳市社会工作者协会',
      expertise: '民非登记与内部治理',
    });
    await step('street01', '/trainings', {
      title: '社会组织财务管理',
      on: new Date().toISOString().slice(0, 10),
      hours: 2,
      provider: '区社会组织服务中心',
    });
    await step('street01', '/assessment', {
      scores: { governance: 16, capacity: 15, services: 20, finance: 12, party: 8, impact: 9 },
      comment: '服务开展扎实',
    });
    expect(incubation.assessment).toMatchObject({ total: 80, passed: true });
    await step('street01', '/actions', { action: 'graduate', reason: '达到出壳标准' });
    expect(incubation.state).toBe('graduated');
    expect(incubation.bookings).toHaveLength(2);
    expect(incubation.history.map((h) => [h.action, h.to, h.role])).toEqual([
      ['apply', 'applied', 'org_member'],
      ['admit', 'incubating', 'centre_admin'],
      ['assign_mentor', 'incubating', 'centre_admin'],
      ['record_training', 'incubating', 'centre_admin'],
      ['assess', 'assessed', 'centre_admin'],
      ['graduate', 'graduated', 'centre_admin'],
    ]);
    const after = await api.call(
      'street01',
      'POST',
      `/socialorg/incubations/${incubation.incubationId}/actions`,
      {
        action: 'exit',
        revision: incubation.revision,
        reason: '已出壳',
      },
    );
    expect(after).toMatchObject({
      status: 409,
      body: { message: '入驻申请当前为“已出壳”，不能“退出孵化”；该申请已结束' },
    });
  });

  it('shows the street board, and announces every step on Kafka in events that pass the registry', async () => {
    const board = await api.call<{ incubationId: string; state: string }[]>(
      'street01',
      'GET',
      `/socialorg/incubations?baseId=${STREET}`,
    );
    expect(board.body).toEqual([
      expect.objectContaining({ incubationId: incubation.incubationId, state: 'graduated' }),
    ]);
    const steps = await api.events(
      'socialorg.incubation.v1',
      (seen) => seen.filter((e) => e.key === incubation.incubationId).length >= 7,
    );
    expect(steps.filter((e) => e.key === incubation.incubationId).map((e) => e.type)).toEqual([
      'socialorg.incubation.applied',
      'socialorg.incubation.transitioned',
      'socialorg.incubation.mentor-assigned',
      'socialorg.incubation.training-recorded',
      'socialorg.incubation.transitioned',
      'socialorg.incubation.assessed',
      'socialorg.incubation.transitioned',
    ]);
    const rooms = await api.events('socialorg.room.v1', (seen) => seen.length >= 2);
    expect(rooms.map((e) => e.type)).toEqual(['socialorg.room.booked', 'socialorg.room.booked']);
  });
});
