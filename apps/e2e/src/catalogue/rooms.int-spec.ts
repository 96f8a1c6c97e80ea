import { waitFor } from '@psc/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SystemWorld } from '../world';

const CENTRE = 'sz/futian/xiangmihu/c-001';
const enc = encodeURIComponent;

interface RoomsDay {
  date: string;
  rooms: {
    roomId: string;
    booking: string;
    slots: { start: string; state: string; taken: number; places: number }[];
  }[];
}

/** 场地预约 on the real store: the unique keys, not a read-then-write, decide who gets the last place. */
describe('catalogue: booking a centre room', () => {
  const world = new SystemWorld(inject('stack'));
  const api = (path: string) => `${world.apps.gateway!.url}/api/catalogue${path}`;

  beforeAll(async () => {
    await world.start('catalogue', { SEED_CATALOGUE: 'true' });
    await world.startGateway();
  });
  afterAll(() => world.dispose());

  /** Tomorrow in Shanghai, and a slot the meeting room has then (whole-room bookings). */
  async function freeMeetingSlot() {
    const tomorrow = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(
      new Date(Date.now() + 86_400_000),
    );
    const day = (await (
      await fetch(api(`/centres/${enc(CENTRE)}/rooms?date=${tomorrow}`))
    ).json()) as RoomsDay;
    const meeting = day.rooms.find((r) => r.roomId === 'meeting');
    const slot = meeting?.slots.find((s) => s.state === 'free');
    if (!slot) throw new Error(`no free meeting-room slot on ${tomorrow}`);
    return { date: tomorrow, start: slot.start };
  }

  const book = async (residentId: string, body: object) =>
    fetch(api(`/centres/${enc(CENTRE)}/rooms/meeting/bookings`), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await world.residentHeaders(residentId)) },
      body: JSON.stringify(body),
    });

  it('gives the one slot to one of two residents booking it at the same moment, and tells the other', async () => {
    const slot = await freeMeetingSlot();
    const answers = await Promise.all([book('r-race-1', slot), book('r-race-2', slot)]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    const refused = answers.find((a) => a.status === 409)!;
    expect(await refused.json()).toMatchObject({
      code: 'CATALOGUE.SLOT_TAKEN',
      message: '该时段刚刚已被约满，请选择其他时段',
    });

    const day = (await (
      await fetch(api(`/centres/${enc(CENTRE)}/rooms?date=${slot.date}`))
    ).json()) as RoomsDay;
    expect(
      day.rooms.find((r) => r.roomId === 'meeting')?.slots.find((s) => s.start === slot.start),
    ).toMatchObject({
      taken: 1,
      places: 1,
      state: 'full',
    });
    const stored = await world
      .db('catalogue')
      .collection('room_bookings')
      .find({ slotRef: `${CENTRE}/meeting|${slot.date}|${slot.start}` })
      .toArray();
    expect(stored).toHaveLength(1);
  });

  it('frees the slot when its booker cancels, and announces both on Kafka', async () => {
    const slot = await freeMeetingSlot();
    const first = (await (await book('r-cancel', slot)).json()) as { id: string };
    const cancelled = await fetch(api(`/rooms/bookings/${first.id}/cancel`), {
      method: 'POST',
      headers: await world.residentHeaders('r-cancel'),
    });
    // another token of the same resident: the kiosk session differs, the resident does not
    expect(cancelled.status).toBe(200);
    expect((await book('r-other', slot)).status).toBe(201);
    await waitFor(
      async () =>
        !(await world
          .db('catalogue')
          .collection('room_bookings')
          .findOne({ _id: first.id as never, _outboxPending: true })),
      { what: 'the booking events to leave the outbox' },
    );
  });

  it('refuses a booking without a resident, and bad input, in Chinese', async () => {
    const anonymous = await fetch(api(`/centres/${enc(CENTRE)}/rooms/meeting/bookings`), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ date: '2026-12-10', start: '09:00' }),
    });
    expect(anonymous.status).toBe(401);
    const badDay = await book('r-bad', { date: '2026-02-30', start: '09:00' });
    expect(badDay.status).toBe(400);
    expect(JSON.stringify(await badDay.json())).toContain('日期应为有效日期');
    const mediation = await fetch(api(`/centres/${enc(CENTRE)}/rooms/mediation/bookings`), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await world.residentHeaders('r-bad')) },
      body: JSON.stringify(await freeMeetingSlot()),
    });
    expect(mediation.status).toBe(422);
    expect(((await mediation.json()) as { message: string }).message).toContain('不对外预约');
  });
});
