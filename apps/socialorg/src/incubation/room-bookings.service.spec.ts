import { expectAppError, staff } from '@psc/testing/unit';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { memberOf, socialorgWorld, STREET, streetAdmin } from '../../test/socialorg-world';
import { clashes } from './room-calendar';
import type { StoredBooking } from './room-calendar.model';

// 2025-03-10 09:00 in Shanghai, a Monday a week after the world's start
const MONDAY_9 = Date.parse('2025-03-10T01:00:00Z');
const HALF_HOUR = 30 * 60_000;
const at = (slot: number) => new Date(MONDAY_9 + slot * HALF_HOUR).toISOString();
const booking = (room: string, from: number, to: number) => ({
  room,
  from: at(from),
  to: at(to),
  purpose: '项目例会',
});

describe('RoomBookingsService', () => {
  it('books a room of the base for the incubated organisation, and shows it on its incubation', async () => {
    const world = socialorgWorld();
    const { view, member, orgId } = await world.admitted();
    const booked = await world.incubation.rooms.book(view.incubationId, booking('会议室', 0, 6), member);
    expect(booked).toMatchObject({
      centreId: STREET,
      room: '会议室',
      from: at(0),
      to: at(6),
      orgName: '香岭社区长者服务中心',
    });
    expect((await world.incubation.queries.get(view.incubationId, member)).bookings).toEqual([booked]);
    expect(world.outbox.dataOf('socialorg.room.booked')).toEqual([
      expect.objectContaining({
        bookingId: booked.bookingId,
        centreId: STREET,
        room: '会议室',
        orgId,
        from: at(0),
        to: at(6),
      }),
    ]);
  });

  it('never stores two overlapping bookings of one room, however they are sent', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.tuple(
            fc.constantFrom('会议室', '多功能活动室'),
            fc.nat({ max: 20 }),
            fc.integer({ min: 1, max: 8 }),
          ),
          {
            minLength: 1,
            maxLength: 12,
          },
        ),
        async (requests) => {
          const world = socialorgWorld();
          const { view, member } = await world.admitted();
          // all at once, as several replicas would take them
          const results = await Promise.allSettled(
            requests.map(([room, start, length]) =>
              world.incubation.rooms.book(view.incubationId, booking(room, start, start + length), member),
            ),
          );
          const stored = [...world.calendarStore.docs.values()].flatMap((c) =>
            (c.bookings as StoredBooking[]).map((b) => ({ room: c.room as string, b })),
          );
          for (const { room, b } of stored)
            expect(
              clashes(
                stored.filter((s) => s.room === room && s.b !== b).map((s) => s.b),
                b.from,
                b.to,
              ),
            ).toEqual([]);
          expect(stored).toHaveLength(results.filter((r) => r.status === 'fulfilled').length);
          // a booking that kept losing the race is told to try again; none is refused for no reason
          for (const r of results)
            if (r.status === 'rejected')
              expect(['SOCIALORG.ROOM_TAKEN', 'COMMON.CONFLICT']).toContain(
                (r.reason as { code: string }).code,
              );
        },
      ),
      { numRuns: 40 },
    );
  });

  it('refuses a booking exactly when it overlaps one already standing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat({ max: 20 }), fc.integer({ min: 1, max: 8 })), {
          minLength: 1,
          maxLength: 10,
        }),
        async (requests) => {
          const world = socialorgWorld();
          const { view, member } = await world.admitted();
          const standing: [number, number][] = [];
          for (const [start, length] of requests) {
            const overlaps = standing.some(([s, e]) => s < start + length && start < e);
            const attempt = world.incubation.rooms.book(
              view.incubationId,
              booking('会议室', start, start + length),
              member,
            );
            if (overlaps) await expectAppError(attempt, 'SOCIALORG.ROOM_TAKEN');
            else {
              await attempt;
              standing.push([start, start + length]);
            }
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('names who holds the room to the base, and only "another organisation" to a stranger', async () => {
    const world = socialorgWorld();
    const first = await world.admitted();
    await world.incubation.rooms.book(first.view.incubationId, booking('会议室', 0, 4), first.member);
    const { orgId } = await world.registered({ creditCode: '52440304MJL000133T', name: '香岭邻里互助社' });
    const second = await world.incubation.apply.apply(
      {
        orgId,
        baseId: STREET,
        plan: '开展邻里互助和便民维修服务',
        needs: ['office'],
        teamSize: 3,
        attachments: [],
      },
      memberOf(orgId),
    );
    const admitted = await world.incubation.steps.act(
      second.incubationId,
      { action: 'admit', revision: 1, until: '2025-12-31' },
      streetAdmin,
    );
    const refused = await expectAppError(
      world.incubation.rooms.book(admitted.incubationId, booking('会议室', 2, 6), memberOf(orgId)),
      'SOCIALORG.ROOM_TAKEN',
    );
    expect(refused.message).toBe('会议室在2025-03-10 09:00–11:00已被其他组织预订，请换一个时段');
    const told = await expectAppError(
      world.incubation.rooms.book(admitted.incubationId, booking('会议室', 3, 5), streetAdmin),
      'SOCIALORG.ROOM_TAKEN',
    );
    expect(told.message).toBe('会议室在2025-03-10 09:00–11:00已被“香岭社区长者服务中心”预订，请换一个时段');
    // touching end to start is no clash
    expect(
      (await world.incubation.rooms.book(admitted.incubationId, booking('会议室', 4, 6), memberOf(orgId)))
        .from,
    ).toBe(at(4));
    const schedule = await world.incubation.rooms.schedule(STREET, memberOf(orgId));
    expect(schedule.map((b) => [b.from, b.orgName])).toEqual([
      [at(0), null],
      [at(4), '香岭邻里互助社'],
    ]);
  });

  it('refuses times off the half hour, in the past, over a month, or outside the period', async () => {
    const world = socialorgWorld();
    const { view, member } = await world.admitted();
    const refused = async (from: string, to: string) =>
      (
        await expectAppError(
          world.incubation.rooms.book(
            view.incubationId,
            { room: '会议室', from, to, purpose: '办公' },
            member,
          ),
          'SOCIALORG.BOOKING_INVALID',
        )
      ).message;
    expect(await refused('2025-03-10T01:10:00Z', '2025-03-10T02:00:00Z')).toBe(
      '预订须从整点或半点开始和结束（以 30 分钟为单位）',
    );
    expect(await refused('2025-03-10T02:00:00Z', '2025-03-10T02:00:00Z')).toBe('结束时间须晚于开始时间');
    expect(await refused('2025-03-01T02:00:00Z', '2025-03-01T03:00:00Z')).toBe('不能预订已经过去的时间');
    expect(await refused('2025-03-10T00:00:00Z', '2025-04-11T00:00:00Z')).toBe(
      '一次最多预订 31 天，更长的请分次预订',
    );
    expect(await refused('2025-12-31T08:00:00Z', '2026-01-01T02:00:00Z')).toBe(
      '只能预订孵化期内（2025-03-03 至 2025-12-31）的时间',
    );
  });

  it('books nothing before admission, and lets nobody else book for the organisation', async () => {
    const world = socialorgWorld();
    const { view } = await world.applied();
    await expectAppError(
      world.incubation.rooms.book(view.incubationId, booking('会议室', 0, 2), streetAdmin),
      'SOCIALORG.INCUBATION_ILLEGAL_STEP',
    );
    const admitted = await world.admitted();
    for (const who of [memberOf('org-other'), staff('centre_admin', 'sz/nanshan')])
      await expectAppError(
        world.incubation.rooms.book(admitted.view.incubationId, booking('会议室', 0, 2), who),
        'AUTH.OUT_OF_SCOPE',
      );
  });

  it('releases a booking with its reason, once, which frees the slot', async () => {
    const world = socialorgWorld();
    const { view, member } = await world.admitted();
    const booked = await world.incubation.rooms.book(view.incubationId, booking('会议室', 0, 4), member);
    await world.incubation.rooms.release(
      view.incubationId,
      booked.bookingId,
      { room: '会议室', reason: '活动改期' },
      member,
    );
    expect(world.outbox.dataOf('socialorg.room.released')).toEqual([
      expect.objectContaining({ bookingId: booked.bookingId, reason: '活动改期' }),
    ]);
    await expectAppError(
      world.incubation.rooms.release(
        view.incubationId,
        booked.bookingId,
        { room: '会议室', reason: '活动改期' },
        member,
      ),
      'SOCIALORG.INCUBATION_ILLEGAL_STEP',
    );
    await expectAppError(
      world.incubation.rooms.release(
        view.incubationId,
        booked.bookingId,
        { room: '多功能活动室', reason: '改期' },
        member,
      ),
      'SOCIALORG.BOOKING_NOT_FOUND',
    );
    expect((await world.incubation.rooms.book(view.incubationId, booking('会议室', 0, 4), member)).from).toBe(
      at(0),
    );
  });
});
