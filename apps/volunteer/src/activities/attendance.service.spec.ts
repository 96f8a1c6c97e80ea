import { expectAppError } from '@psc/testing/unit';
import { describe, expect, it } from 'vitest';
import { admin, CENTRE, volunteerWorld, type VolunteerWorld } from '../../test/volunteer-world';

// 09:00–12:00 Shanghai on 2026-03-03; the world's clock starts at 09:00
const TIMES = { startsAt: '2026-03-03T01:00:00Z', endsAt: '2026-03-03T04:00:00Z' };

async function published(w: VolunteerWorld, capacity = 10) {
  return w.activities.publish(
    {
      title: '社区助老',
      description: '',
      centreId: CENTRE,
      organiserName: '香蜜湖党群服务中心',
      place: '活动室',
      ...TIMES,
      capacity,
      skills: [],
      category: 'service',
    },
    admin,
  );
}

describe('AttendanceService', () => {
  it('checks in and out by the code, counts the time served clipped to the activity, down to the quarter hour', async () => {
    const w = volunteerWorld();
    const me = await w.registered('r-1');
    const activity = await published(w);
    w.clock.set('2026-03-03T00:40:00Z'); // 20 minutes early: not service
    await w.attendance.kioskCheckIn(activity.code, me);
    w.clock.set('2026-03-03T03:14:00Z');
    const out = await w.attendance.kioskCheckOut(activity.code, me);
    // 09:00–11:14 is 2 h 14 min: counted as 2 h
    expect(out).toMatchObject({ attendance: 'checked_out', minutes: 120 });
  });

  it('credits one entry when two check-outs of one attendance arrive at once, and once more after two approvals', async () => {
    const w = volunteerWorld();
    const me = await w.registered('r-1');
    const activity = await published(w);
    await w.attendance.kioskCheckIn(activity.code, me);
    w.clock.set('2026-03-03T02:00:00Z');
    const both = await Promise.all([
      w.attendance.kioskCheckOut(activity.code, me),
      w.attendance.kioskCheckOut(activity.code, me),
    ]);
    expect(both.map((s) => s.minutes)).toEqual([60, 60]);
    expect(
      w.outbox.dataOf('volunteer.activity.attendance-recorded').filter((e) => e.step === 'checked_out'),
    ).toHaveLength(1);
    await Promise.all([
      w.attendance.approve(activity.activityId, {}, admin),
      w.attendance.approve(activity.activityId, {}, admin),
    ]);
    await w.settle();
    expect(w.outbox.dataOf('volunteer.hours.credited')).toHaveLength(1);
    expect((await w.hours.mine(me)).total).toEqual({ creditMinutes: 60, honourMinutes: 0, entries: 1 });
  });

  it('puts sign-ups past the places on the waiting list and promotes the first when someone cancels', async () => {
    const w = volunteerWorld();
    const [a, b, c] = [await w.registered('r-1'), await w.registered('r-2'), await w.registered('r-3')];
    const activity = await published(w, 1);
    expect((await w.signups.join(activity.activityId, a)).state).toBe('confirmed');
    expect(await w.signups.join(activity.activityId, b)).toMatchObject({
      state: 'waiting',
      waitingPosition: 1,
    });
    expect(await w.signups.join(activity.activityId, c)).toMatchObject({
      state: 'waiting',
      waitingPosition: 2,
    });
    await w.signups.cancel(activity.activityId, a);
    expect((await w.signups.mine(activity.activityId, b)).state).toBe('confirmed');
    expect(await w.signups.mine(activity.activityId, c)).toMatchObject({
      state: 'waiting',
      waitingPosition: 1,
    });
    expect(await w.activities.view(activity.activityId)).toMatchObject({ confirmed: 1, waiting: 1 });
  });

  it('lets the organiser close a forgotten check-out with the end time they state, recorded with the reason', async () => {
    const w = volunteerWorld();
    const me = await w.registered('r-1');
    const activity = await published(w);
    await w.attendance.kioskCheckIn(activity.code, me);
    w.clock.set('2026-03-03T09:00:00Z');
    // the code stops working two hours after the end: the organiser closes it instead
    await expectAppError(w.attendance.kioskCheckOut(activity.code, me), 'VOLUNTEER.CODE_NOT_FOUND');
    const closed = await w.attendance.close(
      activity.activityId,
      'r-1',
      { endedAt: '2026-03-03T03:30:00Z', reason: '志愿者忘记签退，按实际结束时间补签' },
      admin,
    );
    expect(closed).toMatchObject({ attendance: 'checked_out', minutes: 150, closedBy: admin.sub });
    expect(await w.attendance.approve(activity.activityId, {}, admin)).toEqual({ approved: 1, open: 0 });
  });

  it('refuses a code outside its window and a check-out without a check-in, in Chinese', async () => {
    const w = volunteerWorld();
    const me = await w.registered('r-1');
    const activity = await published(w);
    await w.signups.join(activity.activityId, me);
    await expectAppError(w.attendance.kioskCheckOut(activity.code, me), 'VOLUNTEER.ATTENDANCE_STATE');
    w.clock.set('2026-03-04T01:00:00Z');
    await expectAppError(w.attendance.kioskCheckIn(activity.code, me), 'VOLUNTEER.CODE_NOT_FOUND');
  });
});
