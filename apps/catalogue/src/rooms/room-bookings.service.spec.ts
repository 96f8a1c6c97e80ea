import {
  type Centre,
  centreSchema,
  itemContentSchema,
  MAX_BOOKINGS_PER_WEEK,
} from '@psc/contracts/catalogue';
import { expectAppError, fakeModel, fakeOutbox, resident, staff } from '@psc/testing/unit';
import type { Model } from 'mongoose';
import { describe, expect, it } from 'vitest';
import type { CatalogueCacheService } from '../view/catalogue-cache.service';
import { CatalogueView } from '../view/catalogue-view';
import type { RoomBooking } from './room-booking.model';
import { RoomBookingsService } from './room-bookings.service';

const CENTRE = 'sz/futian/xiangmihu/c-001';
const centre: Centre = centreSchema.parse({
  id: CENTRE,
  name: '香岭社区党群服务中心',
  level: 'community',
  parentId: 'sz/futian/xiangmihu',
  address: '福田区香蜜湖街道香岭社区',
  hours: [{ weekdays: [1, 2, 3, 4, 5, 6, 7], open: '09:00', close: '12:00' }],
  rooms: [
    { id: 'meeting', name: '会议室', capacity: 10 },
    { id: 'gym', name: '健身室', capacity: 2, booking: 'seats' },
    { id: 'mediation', name: '人民调解室', capacity: 8, booking: 'none' },
  ],
});

function world() {
  const view = new CatalogueView();
  view.load(
    [
      {
        code: 'CD-005',
        version: 1,
        content: itemContentSchema.parse({ code: 'CD-005', name: '会议室预约', theme: 'venue' }),
      },
    ],
    [centre],
    new Map(),
  );
  const bookings = fakeModel<RoomBooking>([], ['hold', 'quota']);
  const outbox = fakeOutbox('catalogue');
  // Wednesday 2 December 2026, 08:00 in Shanghai
  const now = new Date('2026-12-02T00:00:00Z');
  const sut = new RoomBookingsService(
    bookings as unknown as Model<RoomBooking>,
    outbox,
    { view } as unknown as CatalogueCacheService,
    () => now,
  );
  return { sut, bookings, outbox };
}

const slot = { date: '2026-12-02', start: '10:00' };

describe('RoomBookingsService', () => {
  it('lists a day’s slots per room with what is taken, and none for rooms residents do not book', async () => {
    const { sut } = world();
    await sut.book(CENTRE, 'gym', slot, resident('r-1'));
    const day = await sut.day(CENTRE, '2026-12-02');
    const gym = day.rooms.find((r) => r.roomId === 'gym');
    expect(gym?.roomRef).toBe(`${CENTRE}/gym`);
    expect(gym?.slots.map((s) => `${s.start}-${s.end} ${s.taken}/${s.places} ${s.state}`)).toEqual([
      '09:00-10:00 0/2 free',
      '10:00-11:00 1/2 free',
      '11:00-12:00 0/2 free',
    ]);
    expect(day.rooms.find((r) => r.roomId === 'mediation')?.slots).toEqual([]);
  });

  it('books a place and announces it without anyone’s identity', async () => {
    const { sut, outbox } = world();
    const booked = await sut.book(
      CENTRE,
      'meeting',
      { ...slot, party: 'group', groupName: '业委会', attendees: 8 },
      resident('r-1'),
    );
    expect(booked).toMatchObject({
      status: 'booked',
      roomName: '会议室',
      start: '10:00',
      end: '11:00',
      groupName: '业委会',
    });
    const [event] = outbox.dataOf('catalogue.room.booked');
    expect(event).toMatchObject({ roomRef: `${CENTRE}/meeting`, party: 'group', attendees: 8 });
    expect(JSON.stringify(event)).not.toContain('r-1');
  });

  it('gives the last place to one of two people tapping at once and tells the other', async () => {
    const { sut, bookings } = world();
    await sut.book(CENTRE, 'gym', slot, resident('r-1'));
    const results = await Promise.allSettled([
      sut.book(CENTRE, 'gym', slot, resident('r-2')),
      sut.book(CENTRE, 'gym', slot, resident('r-3')),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(refused?.reason).toMatchObject({ code: 'CATALOGUE.SLOT_TAKEN', status: 409 });
    expect([...bookings.docs.values()].map((b) => b.place).sort()).toEqual([1, 2]);
  });

  it('holds a whole room once per slot', async () => {
    const { sut } = world();
    await sut.book(CENTRE, 'meeting', slot, resident('r-1'));
    await expectAppError(sut.book(CENTRE, 'meeting', slot, resident('r-2')), 'CATALOGUE.SLOT_TAKEN');
  });

  it(`keeps a resident to ${MAX_BOOKINGS_PER_WEEK} bookings a week, even when sent at once; a cancellation frees one`, async () => {
    const { sut } = world();
    const me = resident('r-1');
    const starts = ['09:00', '10:00', '11:00'];
    const first = await sut.book(CENTRE, 'meeting', { date: '2026-12-03', start: '09:00' }, me);
    const racing = await Promise.allSettled(
      starts.map((start) => sut.book(CENTRE, 'gym', { date: '2026-12-04', start }, me)),
    );
    expect(racing.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
    const over = await expectAppError(
      sut.book(CENTRE, 'meeting', { date: '2026-12-06', start: '09:00' }, me),
      'CATALOGUE.BOOKING_LIMIT',
    );
    expect(over.message).toContain('2026-11-30');
    // the next week is a new week
    await sut.book(CENTRE, 'meeting', { date: '2026-12-07', start: '09:00' }, me);
    await sut.cancel(first.id, me);
    await sut.book(CENTRE, 'meeting', { date: '2026-12-06', start: '09:00' }, me);
  });

  it('refuses what cannot be booked, saying why', async () => {
    const { sut } = world();
    const me = resident('r-1');
    await expectAppError(sut.book(CENTRE, 'mediation', slot, me), 'CATALOGUE.ROOM_NOT_BOOKABLE');
    await expectAppError(
      sut.book(CENTRE, 'gym', { ...slot, party: 'group', groupName: '跑团' }, me),
      'CATALOGUE.GROUP_NOT_ALLOWED',
    );
    await expectAppError(
      sut.book(CENTRE, 'meeting', { ...slot, attendees: 11 }, me),
      'CATALOGUE.TOO_MANY_ATTENDEES',
    );
    await expectAppError(
      sut.book(CENTRE, 'meeting', { date: '2026-12-02', start: '07:00' }, me),
      'CATALOGUE.SLOT_INVALID',
    );
    await expectAppError(
      sut.book(CENTRE, 'meeting', { date: '2026-12-01', start: '10:00' }, me),
      'CATALOGUE.SLOT_INVALID',
    );
    await expectAppError(
      sut.book(CENTRE, 'meeting', { date: '2026-12-30', start: '10:00' }, me),
      'CATALOGUE.SLOT_INVALID',
    );
    await expectAppError(sut.book(CENTRE, 'nope', slot, me), 'CATALOGUE.ROOM_NOT_FOUND');
    await sut.book(CENTRE, 'gym', slot, me);
    await expectAppError(sut.book(CENTRE, 'gym', slot, me), 'CATALOGUE.ALREADY_BOOKED');
  });

  it('lets only the booker or the centre’s staff cancel, records attendance once the slot began, and only once', async () => {
    const { sut, outbox } = world();
    const booked = await sut.book(CENTRE, 'meeting', { date: '2026-12-03', start: '09:00' }, resident('r-1'));
    await expectAppError(sut.cancel(booked.id, resident('r-2')), 'AUTH.NOT_OWN_RECORD');
    await expectAppError(
      sut.cancel(booked.id, staff('counter_staff', 'sz/futian/lianhua')),
      'AUTH.OUT_OF_SCOPE',
    );
    await expectAppError(
      sut.attendance(booked.id, 'no_show', staff('counter_staff', CENTRE)),
      'CATALOGUE.TOO_EARLY',
    );
    const today = await sut.book(CENTRE, 'meeting', { date: '2026-12-02', start: '09:00' }, resident('r-1'));
    // 08:00 now: still ahead. The counter sees it in today's list
    const counter = await sut.counterDay(CENTRE, undefined, staff('counter_staff', CENTRE));
    expect(counter.rooms.find((r) => r.roomId === 'meeting')?.bookings.map((b) => b.id)).toEqual([today.id]);
    const cancelled = await sut.cancel(booked.id, staff('centre_admin', CENTRE));
    expect(cancelled.status).toBe('cancelled');
    await expectAppError(sut.cancel(booked.id, resident('r-1')), 'CATALOGUE.BOOKING_CLOSED');
    expect(outbox.types).toEqual([
      'catalogue.room.booked',
      'catalogue.room.booked',
      'catalogue.room.cancelled',
    ]);
  });
});
